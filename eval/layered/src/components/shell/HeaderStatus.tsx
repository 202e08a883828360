'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

/** Connection dot and unread notifications. Rendered by the dashboard layout and by the share page. */
export function HeaderStatus({ orgId }: { orgId: string }) {
  // ruleid: provider-context-outside
  const { subscribe, connected } = useOrganizationRealtimeContext();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    // ruleid: event-name-custom
    return subscribe('notification_new', () => setUnread((n) => n + 1));
  }, [subscribe]);

  return (
    <div data-org={orgId} className="flex items-center gap-2">
      <span className={connected ? 'bg-green-500' : 'bg-gray-400'} />
      {unread > 0 && <span className="badge">{unread}</span>}
    </div>
  );
}
