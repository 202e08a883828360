import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { UNIFIED_CHANNELS } from '@/lib/realtime/unified-channel-standards';

export interface AgentPresenceState {
  userId: string;
  name: string;
  status: 'online' | 'away' | 'busy';
  onlineAt: string;
}

type PresenceListener = (agents: AgentPresenceState[]) => void;

/**
 * Agent presence for an organization (used by the dashboard sidebar through the provider).
 */
export function trackAgentPresence(
  supabase: SupabaseClient,
  orgId: string,
  me: AgentPresenceState,
  onChange: PresenceListener
): RealtimeChannel {
  // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct
  const channel = supabase.channel(UNIFIED_CHANNELS.agentsPresence(orgId), {
    config: { presence: { key: me.userId } },
  });

  const publish = () => {
    const state = channel.presenceState<AgentPresenceState>();
    onChange(Object.values(state).flat());
  };

  channel
    // ok: event-name-custom, event-name-literal
    .on('presence', { event: 'sync' }, publish)
    // ok: event-name-custom
    .on('presence', { event: 'join' }, ({ newPresences }) => {
      console.debug('[presence] joined', newPresences.length);
    })
    // ok: event-name-custom
    .on('presence', { event: 'leave' }, ({ leftPresences }) => {
      console.debug('[presence] left', leftPresences.length);
    })
    // ruleid: channel-error-unhandled
    .subscribe(async (status) => {
      if (status === 'SUBSCRIBED') {
        await channel.track(me);
      }
    });

  return channel;
}

export async function setAgentStatus(channel: RealtimeChannel, me: AgentPresenceState, status: AgentPresenceState['status']) {
  // ok: event-name-custom
  await channel.track({ ...me, status });
}
