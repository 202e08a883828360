'use client';

import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';

/**
 * Corporate networks that block websockets to Supabase fall back to our socket.io gateway.
 * Its events are the gateway's own protocol, not Supabase broadcast events.
 */
export function useSocketFallback(enabled: boolean, threadId: string) {
  const [lastEvent, setLastEvent] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const socket = io(process.env.NEXT_PUBLIC_GATEWAY_URL!, { query: { threadId } });
    // ok: event-name-custom, supabase-channel-direct
    socket.on('message', (m: { event: string }) => setLastEvent(m.event));
    // ok: event-name-custom
    socket.emit('typing', { threadId });
    return () => {
      socket.disconnect();
    };
  }, [enabled, threadId]);

  return lastEvent;
}
