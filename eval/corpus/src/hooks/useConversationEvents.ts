'use client';

import { useEffect, useReducer } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';
import REALTIME_EVENT_NAMES from '@/lib/constants/dotted-events';

interface State {
  typing: boolean;
  lastMessageAt: string | null;
  receipts: number;
}

type Action = { type: 'typing_start' } | { type: 'typing_stop' } | { type: 'message'; at: string } | { type: 'receipt' };

function reducer(state: State, action: Action): State {
  // ok: event-name-custom
  switch (action.type) {
    // ok: event-name-custom
    case 'typing_start':
      return { ...state, typing: true };
    // ok: event-name-custom
    case 'typing_stop':
      return { ...state, typing: false };
    case 'message':
      return { ...state, lastMessageAt: action.at };
    case 'receipt':
      return { ...state, receipts: state.receipts + 1 };
  }
}

export function useConversationEvents(organizationId: string, conversationId: string) {
  const supabase = createClient();
  const [state, dispatch] = useReducer(reducer, { typing: false, lastMessageAt: null, receipts: 0 });

  useEffect(() => {
    const channel = supabase
      // ok: channel-hand-built, channel-invalid-name
      // ruleid: supabase-channel-direct
      .channel(UNIFIED_CHANNELS.conversation(organizationId, conversationId))
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('broadcast', { event: '*' }, (payload) => {
        switch (payload.event) {
          // ruleid: event-name-custom
          case 'typing_start':
            dispatch({ type: 'typing_start' });
            break;
          // ruleid: event-name-custom
          case 'typing_stop':
            dispatch({ type: 'typing_stop' });
            break;
          // ok: event-name-custom, event-name-literal
          case UNIFIED_EVENTS.MESSAGE_CREATED:
            dispatch({ type: 'message', at: new Date().toISOString() });
            break;
          // ruleid: event-name-literal
          case 'read:receipt':
            dispatch({ type: 'receipt' });
            break;
          default:
            break;
        }
        // ruleid: event-name-custom
        if (payload.event === 'new_message') {
          dispatch({ type: 'message', at: new Date().toISOString() });
        }
      })
      // ok: supabase-channel-direct
      // ruleid: event-name-custom
      .on('broadcast', { event: REALTIME_EVENT_NAMES.MESSAGE_NEW }, () =>
        dispatch({ type: 'message', at: new Date().toISOString() })
      )
      // ok: supabase-channel-direct
      // ruleid: event-name-custom
      .on('broadcast', { event: REALTIME_EVENT_NAMES.TYPING_START }, () => dispatch({ type: 'typing_start' }))
      // ok: supabase-channel-direct
      // ruleid: event-name-custom
      .on('broadcast', { event: REALTIME_EVENT_NAMES.TYPING_STOP }, () => dispatch({ type: 'typing_stop' }))
      // ruleid: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'TIMED_OUT') console.warn('[conversation-events] timed out');
      });

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [supabase, organizationId, conversationId]);

  return state;
}
