'use client';

import { useCallback, useEffect, useReducer } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

interface Message {
  id: string;
  content: string;
  sender_type: string;
}

type ThreadAction =
  | { type: 'new_message'; message: Message }
  | { type: 'typing_start'; userId: string }
  | { type: 'typing_stop'; userId: string }
  | { type: 'reset' };

interface ThreadState {
  messages: Message[];
  typing: string[];
}

function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    // ok: event-name-custom
    case 'new_message':
      return { ...state, messages: [...state.messages, action.message] };
    // ok: event-name-custom
    case 'typing_start':
      return { ...state, typing: [...state.typing, action.userId] };
    // ok: event-name-custom
    case 'typing_stop':
      return { ...state, typing: state.typing.filter((id) => id !== action.userId) };
    case 'reset':
      return { messages: [], typing: [] };
    default:
      return state;
  }
}

// Rendered from app/dashboard/inbox/page.tsx only.
export function MessageThread({ conversationId }: { conversationId: string }) {
  const [state, dispatch] = useReducer(threadReducer, { messages: [], typing: [] });
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  const handleTypingStart = useCallback(
    (data: { conversationId: string; userId: string }) => {
      if (data.conversationId === conversationId) dispatch({ type: 'typing_start', userId: data.userId });
    },
    [conversationId]
  );

  useEffect(() => {
    dispatch({ type: 'reset' });
    // ruleid: typing-stop-missing
    const unsubscribe = subscribe({
      onNewMessage: (message) => {
        if (message.conversation_id === conversationId) dispatch({ type: 'new_message', message });
      },
      onTypingStart: handleTypingStart,
    });
    return unsubscribe;
  }, [subscribe, conversationId, handleTypingStart]);

  return (
    <div className="flex-1 space-y-2 overflow-y-auto p-4">
      {state.messages.map((m) => (
        <div key={m.id} className={m.sender_type === 'agent' ? 'ml-auto max-w-md' : 'mr-auto max-w-md'}>
          {m.content}
        </div>
      ))}
      {state.typing.length > 0 && <div className="text-xs text-gray-400">typing…</div>}
    </div>
  );
}
