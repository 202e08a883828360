'use client';

import { useEffect, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

export interface ConversationEvent {
  kind: 'assigned' | 'closed' | 'updated';
  at: string;
}

export function useConversationRealtime(organizationId: string, conversationId: string) {
  const supabase = createClient();
  const [events, setEvents] = useState<ConversationEvent[]>([]);

  useEffect(() => {
    let channel: RealtimeChannel | null = null;

    const connect = () =>
      new Promise<RealtimeChannel>((resolve, reject) => {
        const ch = supabase
          // ok: channel-hand-built, channel-invalid-name
          // ruleid: supabase-channel-direct
          .channel(UNIFIED_CHANNELS.conversation(organizationId, conversationId))
          // ok: event-name-custom, event-name-literal
          // ok: supabase-channel-direct
          .on('broadcast', { event: UNIFIED_EVENTS.CONVERSATION_ASSIGNED }, () =>
            setEvents((prev) => [...prev, { kind: 'assigned', at: new Date().toISOString() }])
          )
          // ok: supabase-channel-direct
          // ruleid: event-name-custom
          .on('broadcast', { event: 'conversation_closed' }, () =>
            setEvents((prev) => [...prev, { kind: 'closed', at: new Date().toISOString() }])
          )
          // ruleid: channel-error-unhandled
          .subscribe((status, err) => {
            if (status === 'SUBSCRIBED') resolve(ch);
            if (status === 'CHANNEL_ERROR') reject(err ?? new Error('channel error'));
          });
      });

    connect()
      .then((ch) => {
        channel = ch;
      })
      .catch((err) => console.error('[conversation-realtime]', err));

    return () => {
      // ruleid: supabase-channel-direct
      if (channel) void supabase.removeChannel(channel);
    };
  }, [supabase, organizationId, conversationId]);

  return events;
}
