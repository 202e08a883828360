'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';

type Status = 'open' | 'closed' | 'archived';

interface Conversation {
  id: string;
  status: Status;
}

export function ConversationStatusPill({ org, conversation }: { org: { id: string }; conversation: Conversation }) {
  const [status, setStatus] = useState<Status>(conversation.status);
  // ruleid: use-realtime-missing-type
  const [, conversationEvents] = useRealtime({ organizationId: org.id, conversationId: conversation.id });
  // ruleid: use-realtime-missing-type
  const [orgConnection] = useRealtime({ organizationId: org.id, Type: 'dashboard' });

  useEffect(() => {
    // ok: channel-error-unhandled, event-name-custom, event-name-literal
    const offClosed = conversationEvents.subscribe(UNIFIED_EVENTS.CONVERSATION_CLOSED, () => setStatus('closed'));
    // ok: channel-error-unhandled
    const offReopened = conversationEvents.subscribe(UNIFIED_EVENTS.CONVERSATION_REOPENED, () => setStatus('open'));
    const offArchived = conversationEvents.subscribe(UNIFIED_EVENTS.CONVERSATION_ARCHIVED, () => setStatus('archived'));
    return () => {
      offClosed();
      offReopened();
      offArchived();
    };
  }, [conversationEvents]);

  const color = status === 'open' ? 'bg-green-100 text-green-700' : 'bg-gray-100 text-gray-600';
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs ${color}`} title={orgConnection.isConnected ? 'live' : 'offline'}>
      {status}
    </span>
  );
}
