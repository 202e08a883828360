import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/client';

type BroadcastHandler = (payload: Record<string, unknown>) => void;

const channelCache = new Map<string, RealtimeChannel>();
const pollers = new Map<string, ReturnType<typeof setInterval>>();

function getRealtimeClient(client?: SupabaseClient): SupabaseClient {
  return client ?? createClient();
}

function getOrCreateChannel(channelName: string, client?: SupabaseClient): RealtimeChannel {
  const cached = channelCache.get(channelName);
  if (cached) return cached;

  // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct
  const channel = getRealtimeClient(client).channel(channelName, {
    config: { broadcast: { ack: true, self: false } },
  });
  channelCache.set(channelName, channel);
  return channel;
}

function startPollingFallback(channelName: string) {
  if (pollers.has(channelName)) return;
  const timer = setInterval(() => {
    void fetch(`/api/realtime/poll?channel=${encodeURIComponent(channelName)}`);
  }, 5000);
  pollers.set(channelName, timer);
}

/**
 * Broadcast an event on a channel. Callers pass UNIFIED_CHANNELS.* and UNIFIED_EVENTS.*.
 */
export async function broadcastToChannel(
  channelName: string,
  event: string,
  payload: Record<string, unknown>,
  client?: SupabaseClient
): Promise<boolean> {
  const channel = getOrCreateChannel(channelName, client);
  const result = await channel.send({
    type: 'broadcast',
    // ok: event-name-custom, event-name-literal
    event,
    payload: { ...payload, sentAt: new Date().toISOString() },
  });
  return result === 'ok';
}

/**
 * Subscribe to one broadcast event; switches to polling when the channel errors.
 */
export function subscribeToChannel(channelName: string, event: string, handler: BroadcastHandler): () => void {
  const client = getRealtimeClient();
  const channel = client
    // ok: channel-hand-built, channel-invalid-name
    .channel(channelName)
    // ok: event-name-custom, supabase-channel-direct
    .on('broadcast', { event }, ({ payload }) => handler(payload))
    // ok: channel-error-unhandled
    .subscribe((status) => {
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
        startPollingFallback(channelName);
      }
    });

  return () => {
    const timer = pollers.get(channelName);
    if (timer) clearInterval(timer);
    pollers.delete(channelName);
    void client.removeChannel(channel);
  };
}
