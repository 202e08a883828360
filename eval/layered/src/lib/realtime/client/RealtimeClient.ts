import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '../unified-channel-standards';

type Listener = (payload: unknown) => void;

interface TopicInput {
  orgId: string;
  threadId?: string;
}

/**
 * Browser-side realtime client: one Supabase channel per topic, shared by every caller.
 */
export default class RealtimeClient {
  private readonly channels = new Map<string, RealtimeChannel>();
  private readonly degraded = new Set<string>();

  constructor(private readonly supabase: SupabaseClient) {}

  topicFor(config: TopicInput): string {
    if (config.threadId) {
      // ruleid: channel-hand-built
      return `org:${config.orgId}:conv:${config.threadId}`;
    }
    // ruleid: channel-hand-built
    return `org:${config.orgId}:conversations`;
  }

  isDegraded(topic: string): boolean {
    return this.degraded.has(topic);
  }

  private channelFor(topic: string): RealtimeChannel {
    let channel = this.channels.get(topic);
    if (!channel) {
      // ok: channel-hand-built, channel-invalid-name
      channel = this.supabase.channel(topic, { config: { broadcast: { self: false } } });
      this.channels.set(topic, channel);
    }
    return channel;
  }

  private listen(topic: string, event: string, cb: Listener): () => void {
    const channel = this.channelFor(topic);
    // ok: event-name-custom, event-name-literal
    channel.on('broadcast', { event }, ({ payload }) => cb(payload));
    // ok: channel-error-unhandled
    channel.subscribe((status) => {
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') this.degraded.add(topic);
    });
    return () => {
      this.channels.delete(topic);
      void this.supabase.removeChannel(channel);
    };
  }

  private async push(topic: string, event: string, payload: Record<string, unknown> = {}): Promise<void> {
    const message = { type: 'broadcast' as const, event, payload };
    await this.channelFor(topic).send(message);
  }

  watchThread(orgId: string, threadId: string, onMessage: Listener) {
    // ruleid: channel-hand-built, event-name-custom
    return this.listen(this.topicFor({ orgId, threadId }), 'message', onMessage);
  }

  watchInbox(orgId: string, onUpdate: Listener) {
    // ruleid: channel-hand-built
    return this.listen(this.topicFor({ orgId }), UNIFIED_EVENTS.CONVERSATION_UPDATED, onUpdate);
  }

  async startTyping(orgId: string, threadId: string) {
    // ruleid: channel-hand-built, event-name-custom
    await this.push(this.topicFor({ orgId, threadId }), 'typing');
  }

  async stopTyping(orgId: string, threadId: string) {
    // ok: channel-hand-built, event-name-custom, event-name-literal
    await this.push(UNIFIED_CHANNELS.conversationTyping(orgId, threadId), UNIFIED_EVENTS.TYPING_STOP);
  }

  /** Keep-alive for the organization channel while the tab is hidden. */
  async ping(orgId: string, userId: string) {
    const msg = {
      type: 'broadcast' as const,
      // ruleid: event-name-custom
      event: 'presence_ping',
      payload: { userId, at: Date.now() },
    };
    // ok: channel-hand-built, channel-invalid-name
    await this.channelFor(UNIFIED_CHANNELS.organization(orgId)).send(msg);
  }

  /** Public entry point for components: publish(topic, event, payload). */
  async publish(topic: string, event: string, payload: Record<string, unknown> = {}) {
    await this.push(topic, event, payload);
  }
}

export const realtimeClient = new RealtimeClient(createClient());
