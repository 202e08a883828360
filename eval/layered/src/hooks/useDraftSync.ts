'use client';

import { useEffect, useReducer } from 'react';
import { draftKey } from '@/lib/realtime/topics';

type DraftAction = { type: 'typing_start' } | { type: 'typing_stop' } | { type: 'saved'; at: number };

interface DraftState {
  typing: boolean;
  savedAt: number | null;
}

function reducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    // ok: event-name-custom
    case 'typing_start':
      return { ...state, typing: true };
    // ok: event-name-custom
    case 'typing_stop':
      return { ...state, typing: false };
    case 'saved':
      return { ...state, savedAt: action.at };
  }
}

/** Keeps drafts in sync between tabs of the same browser (BroadcastChannel, not Supabase). */
export function useDraftSync(orgId: string, threadId: string) {
  const [state, dispatch] = useReducer(reducer, { typing: false, savedAt: null });

  useEffect(() => {
    // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct
    const tabs = new BroadcastChannel(draftKey(orgId, threadId));
    tabs.onmessage = (e: MessageEvent<{ event: string }>) => {
      // ok: event-name-custom
      if (e.data.event === 'typing_start') dispatch({ type: 'typing_start' });
    };
    const onMessage = (e: MessageEvent) => {
      // ok: event-name-custom
      if (e.data?.event === 'draft_saved') dispatch({ type: 'saved', at: Date.now() });
    };
    window.addEventListener('message', onMessage);
    return () => {
      tabs.close();
      window.removeEventListener('message', onMessage);
    };
  }, [orgId, threadId]);

  const announce = (typing: boolean) => {
    // ok: event-name-custom
    window.parent.postMessage({ type: 'broadcast', event: typing ? 'typing_start' : 'typing_stop' }, '*');
    dispatch({ type: typing ? 'typing_start' : 'typing_stop' });
  };

  return { ...state, announce };
}
