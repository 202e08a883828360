'use client';

import { useEffect, useState } from 'react';
import { useToast, useEventBus } from '@/hooks/useToast';

/** "Draft saved" toast and the composer's local typing flag (no realtime involved). */
export function SavedIndicator({ draftId }: { draftId: string }) {
  const { broadcast } = useToast();
  const { subscribe, publish } = useEventBus();
  const [typing, setTyping] = useState(false);

  useEffect(() => {
    // ok: event-name-custom, typing-stop-missing
    return subscribe('typing_start', () => setTyping(true));
  }, [subscribe]);

  const onSaved = () => {
    // ok: event-name-custom
    broadcast('saved');
    // ok: event-name-custom
    publish('draft_saved', { draftId });
  };

  return (
    <button onClick={onSaved} aria-busy={typing}>
      Save draft
    </button>
  );
}
