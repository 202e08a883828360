import type { RealtimeChannel } from '@supabase/supabase-js';
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
