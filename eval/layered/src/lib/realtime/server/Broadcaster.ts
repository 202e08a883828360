import 'server-only';
import { getSupabaseAdmin } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS } from '../unified-channel-standards';

type Payload = Record<string, unknown>;

/** Static facade used by the AI worker, which has no request context. */
export class Broadcaster {
  private static async send(topic: string, event: string, payload: Payload) {
    // ok: channel-hand-built, channel-invalid-name, event-name-custom, event-name-literal
    const status = await getSupabaseAdmin().channel(topic).send({ type: 'broadcast', event, payload });
    if (status !== 'ok') throw new Error(`broadcast ${event} on ${topic}: ${status}`);
  }

  static toThread(orgId: string, threadId: string, event: string, payload: Payload = {}) {
    // ok: channel-hand-built, channel-invalid-name
    return this.send(UNIFIED_CHANNELS.conversation(orgId, threadId), event, payload);
  }

  static toAgents(orgId: string, event: string, payload: Payload = {}) {
    // ruleid: channel-hand-built, channel-invalid-name
    return Broadcaster.send(`org:${orgId}:agents`, event, payload);
  }
}
