'use client';

import { useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';
import { InboxList } from '@/components/inbox/InboxList';
import { InboxHeader } from '@/components/inbox/InboxHeader';
import { ActivityFeed } from '@/components/inbox/ActivityFeed';
import { PresenceBar } from '@/components/presence/PresenceBar';
import { UploadButton } from '@/components/uploads/UploadButton';
import { LiveRegion } from '@/components/ui/LiveRegion';
import { UNIFIED_EVENTS } from '@/lib/realtime';

export default function InboxPage() {
  const params = useSearchParams();
  const orgId = params.get('org') ?? '';
  const userId = params.get('me') ?? '';
  const threadId = params.get('thread');
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    // ok: event-name-custom, event-name-literal
    const offCreated = subscribe(UNIFIED_EVENTS.MESSAGE_CREATED, () => setUnread((n) => n + 1));
    // ruleid: event-name-custom
    const offRead = subscribe('thread_read', () => setUnread(0));
    return () => {
      offCreated();
      offRead();
    };
  }, [subscribe]);

  return (
    <div className="grid grid-cols-[320px_1fr]">
      <InboxList orgId={orgId} />
      {threadId && (
        <section>
          <InboxHeader orgId={orgId} threadId={threadId} subject="" />
          <PresenceBar orgId={orgId} userId={userId} />
          <ActivityFeed orgId={orgId} threadId={threadId} />
          <UploadButton orgId={orgId} threadId={threadId} />
        </section>
      )}
      <LiveRegion unread={unread} />
    </div>
  );
}
