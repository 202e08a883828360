'use client';

import { useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { WidgetChat } from '@/components/widget/WidgetChat';
import { WidgetMessages } from '@/components/widget/WidgetMessages';
import { WidgetLauncher } from '@/components/widget/WidgetLauncher';
import { VisitorPresence } from '@/components/widget/VisitorPresence';
import { WidgetAgentStatus } from '@/components/widget/WidgetAgentStatus';
import { WidgetHeader } from '@/components/widget/WidgetHeader';
import { NotificationToast } from '@/components/notifications/NotificationToast';

export default function WidgetPage({
  searchParams,
}: {
  searchParams: { org: string; conversation: string; visitor: string; classic?: string };
}) {
  const { org: organizationId, conversation: conversationId, visitor: visitorId } = searchParams;
  const [open, setOpen] = useState(false);
  // ruleid: use-realtime-missing-type
  const [conn] = useRealtime({ organizationId, conversationId, enabled: open });
  const baseConfig = { organizationId, conversationId };
  // ok: use-realtime-missing-type
  const [visitorConn] = useRealtime({ ...baseConfig, type: 'widget' });

  if (!open) {
    return <WidgetLauncher organizationId={organizationId} onOpen={() => setOpen(true)} />;
  }

  return (
    <div className="flex h-full flex-col">
      <WidgetHeader organizationId={organizationId} conversationId={conversationId} visitorId={visitorId} />
      <div className="flex items-center justify-between border-b px-3 py-2">
        <WidgetAgentStatus organizationId={organizationId} />
        {!conn.isConnected && !visitorConn.isConnected && <span className="text-xs text-amber-600">offline</span>}
      </div>
      <VisitorPresence organizationId={organizationId} visitorId={visitorId} page="widget" />
      {searchParams.classic ? (
        <WidgetMessages organizationId={organizationId} conversationId={conversationId} />
      ) : (
        <WidgetChat organizationId={organizationId} conversationId={conversationId} visitorId={visitorId} />
      )}
      <NotificationToast organizationId={organizationId} userId={visitorId} />
    </div>
  );
}
