import 'server-only';
import { getSupabaseAdmin } from '@/lib/supabase/server';
import { logger } from '@/lib/log/logger';

export interface EmitInput {
  topic: string;
  event: string;
  data?: Record<string, unknown>;
}

/**
 * The one place the server talks to Supabase Realtime. Every route and job goes through here
 * (via notify.ts) so that retries and logging stay in one place.
 */
export async function emitRealtime({ topic, event, data = {} }: EmitInput): Promise<boolean> {
  const admin = getSupabaseAdmin();
  // ok: channel-hand-built, channel-invalid-name, event-name-custom, event-name-literal
  const result = await admin.channel(topic).send({ type: 'broadcast', event, payload: data });
  if (result !== 'ok') {
    // ok: event-name-custom
    logger.warn({ event: 'realtime_emit_failed', topic, realtimeEvent: event, result });
    return false;
  }
  return true;
}

/** Same as emitRealtime, for callers that already hold an EmitInput. */
export async function emitRaw(input: EmitInput): Promise<void> {
  const channel = getSupabaseAdmin().channel(input.topic);
  await channel.send({
    type: 'broadcast',
    // ok: event-name-custom, event-name-literal
    event: input.event,
    payload: { ...input.data, emittedAt: Date.now() },
  });
}

/** Retries transient failures (the admin socket reconnects after deploys). */
export async function emitWithRetry(input: EmitInput, attempts = 3): Promise<boolean> {
  const ok = await emitRealtime(input);
  if (!ok && attempts > 1) {
    await new Promise((resolve) => setTimeout(resolve, 250 * (4 - attempts)));
    return emitWithRetry(input, attempts - 1);
  }
  return ok;
}
