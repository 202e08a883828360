'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// Imported by the widget's agent status badge: the widget has no OrganizationRealtimeProvider.
export function useAgentNotifications(organizationId: string) {
  const [agentsOnline, setAgentsOnline] = useState(0);
  // ruleid: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(
    () =>
      subscribe({
        onPresenceUpdate: (state: Record<string, unknown[]>) => setAgentsOnline(Object.keys(state).length),
      }),
    [subscribe, organizationId]
  );

  return { agentsOnline };
}
