'use client';

import { useEffect } from 'react';
import { createClient } from '@/lib/supabase/client';
// ruleid: hook-deprecated
import { useRealTimeMessaging } from '@/components/enhanced-messaging/useRealTimeMessaging';
import { useWidgetTyping } from '@/hooks/useWidgetTyping';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';

// Legacy iframe embed, kept for customers on snippet v1.
export default function EmbedPage({ searchParams }: { searchParams: { org: string; c: string; v: string } }) {
  const supabase = createClient();
  // ruleid: hook-deprecated
  const { messages, sendMessage } = useRealTimeMessaging({ organizationId: searchParams.org, conversationId: searchParams.c, userId: searchParams.v });
  const agentTyping = useWidgetTyping(searchParams.org, searchParams.c);
  // ok: use-realtime-missing-type
  const [, actions] = useRealtime({ 'type': 'widget', organizationId: searchParams.org, conversationId: searchParams.c });

  useEffect(() => {
    // ok: event-name-custom, event-name-literal, channel-error-unhandled
    const off = actions.subscribe(UNIFIED_EVENTS.AI_RESPONSE_GENERATED, () => console.debug('[embed] ai replied'));
    return off;
  }, [actions]);

  useEffect(() => {
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const ch = supabase.channel('widget-' + searchParams.c);
    // ok: supabase-channel-direct
    // ruleid: event-name-custom
    ch.on('broadcast', { event: 'visitor' + '_joined' }, () => console.debug('[embed] visitor joined'));
    // ruleid: channel-error-unhandled
    ch.subscribe();
    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(ch);
    };
  }, [supabase, searchParams.c]);

  return (
    <div className="flex h-screen flex-col">
      <div className="flex-1 overflow-y-auto">
        {messages.map((m) => (
          <p key={m.id}>{m.content}</p>
        ))}
      </div>
      {agentTyping && <p className="text-xs text-gray-400">Agent is typing…</p>}
      <button type="button" onClick={() => void sendMessage('Hello')}>
        Say hello
      </button>
    </div>
  );
}
