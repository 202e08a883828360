'use client';

import { useEffect, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { LEGACY_CHANNELS, UNIFIED_CHANNELS, UNIFIED_EVENTS, broadcastToChannel, subscribeToChannel } from '@/lib/realtime';

interface WidgetComposerProps {
  organizationId: string;
  conversationId: string;
  visitorId: string;
  onTyping?: (typing: boolean) => void;
}

// One level of wrapping: call sites pass the event name.
function notify(orgId: string, convId: string, evt: string, payload: Record<string, unknown>) {
  // ok: event-name-custom, channel-hand-built
  return broadcastToChannel(UNIFIED_CHANNELS.widget(orgId, convId), evt, payload);
}

export function WidgetComposer({ organizationId, conversationId, visitorId, onTyping }: WidgetComposerProps) {
  const supabase = createClient();
  const [text, setText] = useState('');
  const [agentStoppedAt, setAgentStoppedAt] = useState<Date | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    // ok: typing-stop-missing, supabase-channel-direct
    // ruleid: channel-hand-built, channel-invalid-name
    return subscribeToChannel(LEGACY_CHANNELS.typing(conversationId), UNIFIED_EVENTS.TYPING_STOP, () => {
      setAgentStoppedAt(new Date());
    });
  }, [conversationId]);

  const handleChange = (value: string) => {
    setText(value);
    onTyping?.(true);
    // ruleid: event-name-custom
    void notify(organizationId, conversationId, 'typing_start', { visitorId, preview: value.slice(0, 40) });
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      onTyping?.(false);
      // ok: event-name-custom, event-name-literal
      void notify(organizationId, conversationId, UNIFIED_EVENTS.TYPING_STOP, { visitorId });
    }, 1500);
  };

  const handleSend = async () => {
    const content = text.trim();
    if (!content) return;
    setText('');
    const { error } = await supabase
      .from('messages')
      // ruleid: message-missing-organization-id
      .insert({ organizationId, conversation_id: conversationId, sender_type: 'visitor', sender_id: visitorId, content });
    if (error) console.error('[widget] send failed', error);
  };

  return (
    <form
      className="border-t p-2"
      onSubmit={(e) => {
        e.preventDefault();
        void handleSend();
      }}
    >
      {agentStoppedAt && <span className="sr-only">Agent stopped typing</span>}
      <input value={text} onChange={(e) => handleChange(e.target.value)} placeholder="Type a message…" className="w-full" />
    </form>
  );
}
