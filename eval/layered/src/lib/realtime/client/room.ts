import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';

type Handler<T = any> = (payload: T) => void;

/**
 * Typed wrapper over one Supabase channel: `room.on(kind, handler)` and `room.emit(kind, payload)`
 * so components never touch the channel API.
 */
export class RoomChannel {
  constructor(private readonly channel: RealtimeChannel) {}

  on<T = any>(kind: string, handler: Handler<T>): this {
    // ok: event-name-custom, event-name-literal
    this.channel.on('broadcast', { event: kind }, (message) => handler(message.payload as T));
    return this;
  }

  emit(kind: string, payload: Record<string, unknown> = {}) {
    // ok: event-name-custom, event-name-literal
    return this.channel.send({ type: 'broadcast', event: kind, payload });
  }

  join(onFallback: () => void): this {
    // ok: channel-error-unhandled
    this.channel.subscribe((status) => {
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') onFallback();
    });
    return this;
  }

  leave() {
    return this.channel.unsubscribe();
  }
}

export function openRoom(client: SupabaseClient, topic: string): RoomChannel {
  // ok: channel-hand-built, channel-invalid-name
  return new RoomChannel(client.channel(topic));
}
