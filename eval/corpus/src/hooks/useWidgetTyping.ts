'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';

// Widget side: shows "agent is typing" and hides it after a timeout.
export function useWidgetTyping(organizationId: string, conversationId: string) {
  const [agentTyping, setAgentTyping] = useState(false);
  // ruleid: use-realtime-missing-type
  const realtime = useRealtime({ organizationId, conversationId, kind: 'widget' });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // ok: event-name-custom, event-name-literal, channel-error-unhandled
    // ruleid: typing-stop-missing
    const off = realtime.subscribe(UNIFIED_EVENTS.TYPING_START, () => {
      setAgentTyping(true);
      clearTimeout(timer);
      timer = setTimeout(() => setAgentTyping(false), 4000);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [realtime]);

  return agentTyping;
}
