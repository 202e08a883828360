'use client';

import { useEffect } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';

/** Marks the thread as seen when it scrolls into view, and mirrors the composer's typing state. */
export function SeenMarker({ orgId, threadId, userId, isTyping }: { orgId: string; threadId: string; userId: string; isTyping: boolean }) {
  useEffect(() => {
    const supabase = createClient();
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: supabase-channel-direct
    const channel = supabase.channel(UNIFIED_CHANNELS.conversation(orgId, threadId));

    // ruleid: event-name-custom, event-never-heard
    const receipt = { type: 'broadcast' as const, event: 'seen', payload: { userId, at: Date.now() } };
    void channel.send(receipt);

    const typing = {
      type: 'broadcast' as const,
      // ruleid: event-name-custom
      event: isTyping ? 'typing_start' : 'typing_stop',
      payload: { userId, isTyping },
    };
    void channel.send(typing);

    const read = {
      type: 'broadcast' as const,
      // ok: event-name-custom, event-name-literal
      event: UNIFIED_EVENTS.READ_RECEIPT,
      payload: { userId },
    };
    void channel.send(read);

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [orgId, threadId, userId, isTyping]);

  return null;
}
