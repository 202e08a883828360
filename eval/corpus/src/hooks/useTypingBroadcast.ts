'use client';

import { useCallback, useRef } from 'react';
import { createClient } from '@/lib/supabase/client';
import { CHANNEL_PATTERNS, EVENT_TYPES } from '@/lib/constants';
import { UNIFIED_CHANNELS } from '@/lib/realtime';

/**
 * Agent-side typing broadcaster (dashboard composer).
 */
export function useTypingBroadcast(organizationId: string, conversationId: string, userId: string) {
  const supabase = createClient();
  const lastSent = useRef(0);

  const sendTyping = useCallback(
    async (isTyping: boolean) => {
      const now = Date.now();
      if (isTyping && now - lastSent.current < 1000) return; // throttle
      lastSent.current = now;

      // ok: channel-hand-built, channel-invalid-name
      const typingChannelName = CHANNEL_PATTERNS.typing(organizationId, conversationId);
      // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
      const typingChannel = supabase.channel(typingChannelName);
      await typingChannel.send({
        type: 'broadcast',
        // ruleid: event-name-custom, event-never-heard
        event: isTyping ? EVENT_TYPES.TYPING_START : EVENT_TYPES.TYPING_STOP,
        payload: { userId, conversationId, isTyping },
      });

      // ok: channel-hand-built, channel-invalid-name
      // ruleid: supabase-channel-direct
      const convChannel = supabase.channel(UNIFIED_CHANNELS.conversation(organizationId, conversationId));
      await convChannel.send({
        type: 'broadcast',
        // ruleid: event-name-custom
        event: isTyping ? 'typing_start' : 'typing_stop',
        payload: { userId, conversationId, isTyping },
      });
    },
    [supabase, organizationId, conversationId, userId]
  );

  return { sendTyping };
}
