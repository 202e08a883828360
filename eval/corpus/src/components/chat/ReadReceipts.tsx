'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import type { RealtimeType } from '@/lib/realtime/useRealtime';
import { EVENT_TYPES } from '@/lib/constants';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS, broadcastToChannel } from '@/lib/realtime';

interface ReadReceiptsProps {
  organizationId: string;
  conversationId: string;
  currentUserId: string;
  type: RealtimeType;
  lastMessageId?: string;
}

export function ReadReceipts({ organizationId, conversationId, currentUserId, type, lastMessageId }: ReadReceiptsProps) {
  const [readBy, setReadBy] = useState<string[]>([]);
  // ok: use-realtime-missing-type
  const { subscribe } = useRealtime({ type, organizationId, conversationId });

  useEffect(() => {
    // ruleid: event-name-custom
    const offRead = subscribe(EVENT_TYPES.MESSAGE_READ, (payload: { userId: string }) => {
      setReadBy((prev) => Array.from(new Set([...prev, payload.userId])));
    });
    // ruleid: event-name-custom
    const offReceipt = subscribe('read_receipt', (payload: { userId: string }) => {
      setReadBy((prev) => Array.from(new Set([...prev, payload.userId])));
    });
    return () => {
      offRead();
      offReceipt();
    };
  }, [subscribe]);

  useEffect(() => {
    if (!lastMessageId) return;
    void broadcastToChannel(
      // ok: channel-hand-built, channel-invalid-name
      UNIFIED_CHANNELS.conversationStatus(organizationId, conversationId),
      // ok: event-name-custom, event-name-literal
      // ruleid: event-never-heard
      UNIFIED_EVENTS.READ_RECEIPT,
      { userId: currentUserId, messageId: lastMessageId }
    );
  }, [organizationId, conversationId, currentUserId, lastMessageId]);

  if (readBy.length === 0) return null;
  return <span className="text-xs text-gray-400">Seen by {readBy.length}</span>;
}
