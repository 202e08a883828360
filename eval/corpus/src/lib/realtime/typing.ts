import type { SupabaseClient } from '@supabase/supabase-js';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from './unified-channel-standards';

export interface TypingPayload {
  userId: string;
  userName: string;
  userType: 'agent' | 'customer' | 'ai';
  conversationId: string;
  isTyping: boolean;
  previewText?: string;
}

/**
 * Server-side typing fan-out: typing channel, conversation channel and widget channel.
 */
export async function broadcastTyping(supabase: SupabaseClient, orgId: string, payload: TypingPayload) {
  const targets = [
    UNIFIED_CHANNELS.conversationTyping(orgId, payload.conversationId),
    UNIFIED_CHANNELS.conversation(orgId, payload.conversationId),
    UNIFIED_CHANNELS.widget(orgId, payload.conversationId),
  ];

  await Promise.all(
    targets.map((name) =>
      // ok: channel-hand-built, channel-invalid-name
      supabase.channel(name).send({
        type: 'broadcast',
        // ok: event-name-custom, event-name-literal, event-never-heard
        event: payload.isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP,
        payload,
      })
    )
  );
}
