'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS } from '@/lib/realtime';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

interface WidgetMessagesProps {
  organizationId: string;
  conversationId: string;
}

// Widget message list. The widget is NOT under the dashboard layout, so the provider is not mounted here.
export function WidgetMessages({ organizationId, conversationId }: WidgetMessagesProps) {
  const supabase = createClient();
  const [messages, setMessages] = useState<any[]>([]);
  const [agentTyping, setAgentTyping] = useState(false);
  // ruleid: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(() => {
    // ruleid: typing-stop-missing
    return subscribe({
      onNewMessage: (message) => {
        if (message.conversation_id === conversationId) setMessages((prev) => [...prev, message]);
      },
      onTypingStart: () => setAgentTyping(true),
    });
  }, [subscribe, conversationId]);

  useEffect(() => {
    const channel = supabase
      // ruleid: supabase-channel-direct
      .channel(UNIFIED_CHANNELS.widget(organizationId, conversationId))
      // ok: supabase-channel-direct
      .on(
        'postgres_changes',
        // ok: event-name-custom
        { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` },
        (change) => setMessages((prev) => [...prev, change.new])
      )
      // ruleid: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'CHANNEL_ERROR') {
          throw new Error(`Widget channel failed for conversation ${conversationId}`);
        }
      });

    return () => {
      // ok: supabase-channel-direct
      supabase.removeChannel(channel);
    };
  }, [supabase, organizationId, conversationId]);

  return (
    <div>
      {messages.map((m) => (
        <p key={m.id}>{m.content}</p>
      ))}
      {agentTyping && <p className="text-xs text-gray-400">Agent is typing…</p>}
    </div>
  );
}
