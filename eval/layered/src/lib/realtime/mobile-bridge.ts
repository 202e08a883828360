import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { Topics } from './topic-registry';
import { Kinds, StandardKinds } from './kinds';

type BroadcastMessage = { type: 'broadcast'; event: string; payload?: Record<string, unknown> };

/**
 * Relays the web client's typing events to the v1 mobile protocol (dotted kinds) and back.
 */
export function bridgeTyping(web: RealtimeChannel, mobile: RealtimeChannel) {
  // ok: event-name-literal, typing-stop-missing
  web.on('broadcast', { event: StandardKinds.TYPING_START }, async ({ payload }) => {
    const message: BroadcastMessage = {
      type: 'broadcast',
      // ruleid: event-name-custom
      event: Kinds.TYPING_BEGAN,
      payload,
    };
    await mobile.send(message);
  });
  web.on('broadcast', { event: StandardKinds.TYPING_STOP }, ({ payload }) =>
    // ruleid: event-name-custom
    mobile.send({ type: 'broadcast', event: Kinds.TYPING_ENDED, payload })
  );
  // ruleid: event-name-custom
  mobile.on('broadcast', { event: Kinds.SEEN }, ({ payload }) =>
    // ok: event-name-custom, event-name-literal
    web.send({ type: 'broadcast', event: StandardKinds.READ_RECEIPT, payload })
  );
}

/** The v1 thread topic, which the mobile app still joins. */
export function openMobileThread(client: SupabaseClient, threadId: string): RealtimeChannel {
  // ruleid: channel-hand-built, channel-invalid-name
  return client.channel(Topics.build({ kind: 'thread', threadId }));
}
