'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';
import { UNIFIED_EVENTS } from '@/lib/realtime';

interface Agent {
  id: string;
  name: string;
  status: 'online' | 'away' | 'busy' | 'offline';
}

export default function AgentList({ orgId }: { orgId: string }) {
  // ok: provider-context-outside
  const { subscribe: listen, broadcast } = useOrganizationRealtimeContext();
  const [agents, setAgents] = useState<Agent[]>([]);

  useEffect(() => {
    void fetch(`/api/orgs/${orgId}/agents`).then(async (r) => setAgents(await r.json()));
    // ok: event-name-custom, event-name-literal
    const offOnline = listen(UNIFIED_EVENTS.AGENT_STATUS_ONLINE, (p: { agentId: string }) =>
      setAgents((list) => list.map((a) => (a.id === p.agentId ? { ...a, status: 'online' } : a)))
    );
    // ruleid: event-name-custom
    const offStatus = listen('agent_status', (p: Agent) =>
      setAgents((list) => list.map((a) => (a.id === p.id ? p : a)))
    );
    return () => {
      offOnline();
      offStatus();
    };
  }, [listen, orgId]);

  const ping = (agentId: string) => {
    // ruleid: event-name-custom
    void broadcast('agent_ping', { agentId });
  };

  return (
    <ul>
      {agents.map((a) => (
        <li key={a.id} onClick={() => ping(a.id)}>
          {a.name} ({a.status})
        </li>
      ))}
    </ul>
  );
}
