'use client';

import { useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_CHANNELS } from '@/lib/realtime';

type AgentStatus = 'online' | 'away' | 'busy';

export function AgentStatusToggle({ organizationId, userId }: { organizationId: string; userId: string }) {
  const supabase = createClient();
  const [status, setStatus] = useState<AgentStatus>('online');
  // ruleid: use-realtime-missing-type
  const [connection] = useRealtime({ organizationId, userId, enabled: true });
  // ok: use-realtime-missing-type
  const [presence] = useRealtime({ type: 'agent', organizationId, userId });

  const change = async (next: AgentStatus) => {
    setStatus(next);
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: supabase-channel-direct
    const channel = supabase.channel(UNIFIED_CHANNELS.agentsPresence(organizationId));
    if (next === 'online') {
      await channel.send({
        type: 'broadcast',
        // ruleid: event-name-literal, event-never-heard
        event: 'agent:status:online',
        payload: { userId },
      });
    } else {
      await channel.send({
        type: 'broadcast',
        // ruleid: event-name-literal, event-never-heard
        event: next === 'away' ? 'agent:status:away' : 'agent:status:busy',
        payload: { userId },
      });
    }
  };

  return (
    <div className="flex gap-2">
      {(['online', 'away', 'busy'] as const).map((s) => (
        <button key={s} type="button" aria-pressed={status === s} onClick={() => void change(s)}>
          {s}
        </button>
      ))}
      {/* ok: channel-hand-built, channel-invalid-name */}
      {/* ruleid: supabase-channel-direct, event-name-custom, event-never-heard */}
      <button type="button" onClick={() => void supabase.channel(UNIFIED_CHANNELS.agentsPresence(organizationId)).send({ type: 'broadcast', event: 'team_ping', payload: { userId } })}>
        Ping team
      </button>
      {!connection.isConnected && !presence.isConnected && <span className="text-xs text-gray-400">offline</span>}
    </div>
  );
}
