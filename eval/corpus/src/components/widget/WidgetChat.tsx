'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';
import widgetEvents from '@/lib/constants/widget-events';
// ruleid: hook-deprecated
import { useTypingIndicator } from '@/components/widget/features/AdvancedTypingIndicator';
// ok: hook-deprecated, typing-indicator-duplicate
import { AdvancedTypingIndicator } from '@/components/widget/features/AdvancedTypingIndicator';
import { WidgetComposer } from './WidgetComposer';

interface WidgetChatProps {
  organizationId: string;
  conversationId: string;
  visitorId: string;
  visitorName?: string;
}

interface ChatMessage {
  id: string;
  content: string;
  sender_type: string;
  created_at: string;
}

export function WidgetChat({ organizationId, conversationId, visitorId, visitorName = 'Visitor' }: WidgetChatProps) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [closed, setClosed] = useState(false);
  // ok: use-realtime-missing-type
  const [state, actions] = useRealtime({ type: 'widget', organizationId, conversationId });
  // ruleid: hook-deprecated
  const { setTyping } = useTypingIndicator(conversationId, organizationId, visitorId, visitorName);

  useEffect(() => {
    // ok: channel-error-unhandled
    // ruleid: event-name-literal
    const offMessage = actions.subscribe(widgetEvents.MESSAGE, (payload: { message: ChatMessage }) => {
      setMessages((prev) => (prev.some((m) => m.id === payload.message.id) ? prev : [...prev, payload.message]));
    });
    // ok: channel-error-unhandled, event-name-custom, event-name-literal
    const offClosed = actions.subscribe(UNIFIED_EVENTS.CONVERSATION_CLOSED, () => setClosed(true));

    return () => {
      offMessage();
      offClosed();
    };
  }, [actions]);

  useEffect(() => {
    // Messages from the host page (not realtime)
    const onHostMessage = (event: MessageEvent) => {
      // ok: event-name-custom
      if (event.data?.type === 'new_message') {
        setMessages((prev) => [...prev, event.data.message]);
      }
    };
    // ok: event-name-custom
    window.addEventListener('message', onHostMessage);
    return () => window.removeEventListener('message', onHostMessage);
  }, []);

  return (
    <div className="flex h-full flex-col">
      {state.fallbackMode && <div className="bg-amber-50 px-3 py-1 text-xs">Reconnecting…</div>}
      <ul className="flex-1 overflow-y-auto p-3">
        {messages.map((m) => (
          <li key={m.id} className={m.sender_type === 'visitor' ? 'text-right' : 'text-left'}>
            {m.content}
          </li>
        ))}
      </ul>
      <AdvancedTypingIndicator conversationId={conversationId} organizationId={organizationId} currentUserId={visitorId} />
      {!closed && (
        <WidgetComposer
          organizationId={organizationId}
          conversationId={conversationId}
          visitorId={visitorId}
          onTyping={(typing) => void setTyping(typing)}
        />
      )}
    </div>
  );
}

export default WidgetChat;
