import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/client';

type Listener = (payload: any) => void;

interface ManagedChannel {
  channel: RealtimeChannel;
  refCount: number;
}

/**
 * Reference-counted channel cache shared by the chat components.
 */
export class ChannelManager {
  private channels = new Map<string, ManagedChannel>();
  private fallbackChannels = new Set<string>();

  constructor(private readonly client: SupabaseClient = createClient()) {}

  getChannel(name: string): RealtimeChannel {
    const existing = this.channels.get(name);
    if (existing) {
      existing.refCount += 1;
      return existing.channel;
    }

    // ok: channel-hand-built, channel-invalid-name
    const channel = this.client.channel(name);
    // ok: channel-error-unhandled
    channel.subscribe((status, error) => {
      switch (status) {
        case 'SUBSCRIBED':
          this.fallbackChannels.delete(name);
          break;
        case 'CHANNEL_ERROR':
          console.warn(`[channel-manager] ${name} errored, using fallback`, error);
          this.fallbackChannels.add(name);
          break;
        default:
          break;
      }
    });
    this.channels.set(name, { channel, refCount: 1 });
    return channel;
  }

  isInFallback(name: string): boolean {
    return this.fallbackChannels.has(name);
  }

  listen(name: string, event: string, listener: Listener): () => void {
    const channel = this.getChannel(name);
    // ok: event-name-custom
    channel.on('broadcast', { event }, ({ payload }) => listener(payload));
    return () => this.release(name);
  }

  release(name: string) {
    const managed = this.channels.get(name);
    if (!managed) return;
    managed.refCount -= 1;
    if (managed.refCount <= 0) {
      void this.client.removeChannel(managed.channel);
      this.channels.delete(name);
    }
  }
}

export const channelManager = new ChannelManager();
