'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS } from '@/lib/realtime';

interface AgentPresence {
  userId: string;
  name: string;
  status: 'online' | 'away' | 'busy';
}

export function AgentPresenceList({ organizationId }: { organizationId: string }) {
  const supabase = createClient();
  const [agents, setAgents] = useState<AgentPresence[]>([]);

  useEffect(() => {
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: supabase-channel-direct
    const channel = supabase.channel(UNIFIED_CHANNELS.agentsPresence(organizationId));

    // ok: event-name-custom
    // ok: supabase-channel-direct
    channel.on('presence', { event: 'sync' }, () => {
      setAgents(Object.values(channel.presenceState<AgentPresence>()).flat());
    });
    // ok: event-name-custom
    // ok: supabase-channel-direct
    channel.on('presence', { event: 'leave' }, ({ leftPresences }) => {
      console.debug('[agents] left', leftPresences);
    });
    // ruleid: channel-error-unhandled
    channel.subscribe();

    return () => {
      // ok: supabase-channel-direct
      void channel.unsubscribe();
    };
  }, [supabase, organizationId]);

  return (
    <ul className="space-y-1">
      {agents.map((a) => (
        <li key={a.userId} className="flex items-center gap-2 text-sm">
          <span className={a.status === 'online' ? 'h-2 w-2 rounded-full bg-green-500' : 'h-2 w-2 rounded-full bg-yellow-400'} />
          {a.name}
        </li>
      ))}
    </ul>
  );
}
