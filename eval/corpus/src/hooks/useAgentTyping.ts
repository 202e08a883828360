'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { REALTIME_EVENTS } from '@/lib/constants/realtime-events';

export function useAgentTyping(organizationId: string, conversationId: string, isWidget: boolean) {
  const [typing, setTyping] = useState(false);
  // ok: use-realtime-missing-type
  const { subscribe } = useRealtime({ type: isWidget ? 'widget' : 'dashboard', organizationId, conversationId });

  useEffect(() => {
    // ok: event-name-custom, event-name-literal
    // ruleid: typing-stop-missing
    const off = subscribe(REALTIME_EVENTS.TYPING_START, () => {
      setTyping(true);
      window.setTimeout(() => setTyping(false), 3000);
    });
    return off;
  }, [subscribe]);

  return typing;
}
