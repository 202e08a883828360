'use client';

import { useEffect, useState } from 'react';
import { useRealtime, UNIFIED_EVENTS } from '@/lib/realtime';

export interface TypingIndicatorProps {
  organizationId: string;
  conversationId: string;
}

/** The canonical typing indicator (standards: one component, components/unified-ui). */
export function TypingIndicator({ organizationId, conversationId }: TypingIndicatorProps) {
  const { subscribe } = useRealtime({ type: 'dashboard', organizationId, conversationId });
  const [names, setNames] = useState<string[]>([]);

  useEffect(() => {
    // ok: typing-stop-missing, event-name-literal
    const offStart = subscribe(UNIFIED_EVENTS.TYPING_START, (p: { name: string }) =>
      setNames((n) => (n.includes(p.name) ? n : [...n, p.name]))
    );
    const offStop = subscribe(UNIFIED_EVENTS.TYPING_STOP, (p: { name: string }) =>
      setNames((n) => n.filter((x) => x !== p.name))
    );
    return () => {
      offStart();
      offStop();
    };
  }, [subscribe]);

  if (names.length === 0) return null;
  return <span className="typing">{names.join(', ')} typing…</span>;
}

export default TypingIndicator;
