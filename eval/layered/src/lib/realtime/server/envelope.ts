import 'server-only';
import { getSupabaseAdmin } from '@/lib/supabase/server';

/** The wire shape the mobile push relay shares with the web server. */
export interface Envelope {
  channel: string;
  name: string;
  body?: unknown;
}

export async function sendEnvelope({ channel: topic, name: event, body = {} }: Envelope) {
  const message = {
    type: 'broadcast' as const,
    // ok: event-name-custom, event-name-literal
    event,
    payload: { body, relayed: true },
  };
  // ok: channel-hand-built, channel-invalid-name
  return getSupabaseAdmin().channel(topic).send(message);
}

export async function sendEnvelopes(envelopes: Envelope[]) {
  return Promise.all(envelopes.map((e) => sendEnvelope(e)));
}
