'use client';

import { useEffect, useState } from 'react';
import { useAuth } from '@/hooks/useAuth';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';
import { AgentPresenceList } from '@/components/agents/AgentPresenceList';
import { AgentStatusToggle } from '@/components/agents/AgentStatusToggle';
import { OnlineUsers } from '@/components/presence/OnlineUsers';
import { MobileTypingIndicator } from '@/components/mobile/MobileTypingIndicator';

export default function AgentsPage() {
  const { user, organizationId } = useAuth();
  const [typingNames, setTypingNames] = useState<string[]>([]);
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(
    () =>
      // ok: typing-stop-missing
      subscribe({
        onTypingStart: (d) => setTypingNames((prev) => Array.from(new Set([...prev, d.userName]))),
        onTypingStop: (d) => setTypingNames((prev) => prev.filter((n) => n !== d.userName)),
      }),
    [subscribe]
  );

  if (!organizationId || !user) return null;

  return (
    <div className="space-y-6 p-6">
      <AgentStatusToggle organizationId={organizationId} userId={user.id} />
      <AgentPresenceList organizationId={organizationId} />
      <OnlineUsers userId={user.id} name={user.email ?? 'agent'} />
      <MobileTypingIndicator names={typingNames} />
    </div>
  );
}
