'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';

// The migrated typing hook (plural name): uses useRealtime with an explicit type.
// ok: hook-deprecated
export function useTypingIndicators(organizationId: string, conversationId: string) {
  const [names, setNames] = useState<string[]>([]);
  // ok: use-realtime-missing-type
  const [, { subscribe }] = useRealtime({ type: 'dashboard', organizationId, conversationId });

  useEffect(() => {
    // ok: typing-stop-missing, channel-error-unhandled
    const offStart = subscribe(UNIFIED_EVENTS.TYPING_START, (p: { userName: string }) =>
      setNames((prev) => (prev.includes(p.userName) ? prev : [...prev, p.userName]))
    );
    // ok: event-never-sent
    const offStop = subscribe(UNIFIED_EVENTS.TYPING_STOP, (p: { userName: string }) =>
      setNames((prev) => prev.filter((n) => n !== p.userName))
    );
    return () => {
      offStart();
      offStop();
    };
  }, [subscribe]);

  return { names };
}
