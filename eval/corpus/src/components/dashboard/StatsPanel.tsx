'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// Rendered on the dashboard home AND on the public /reports page.
export function StatsPanel({ initialOpen }: { initialOpen: number }) {
  const [open, setOpen] = useState(initialOpen);
  // ruleid: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(
    () =>
      subscribe({
        onNewConversation: () => setOpen((n) => n + 1),
        onConversationUpdate: (u) => {
          if (u.status === 'closed') setOpen((n) => Math.max(0, n - 1));
        },
      }),
    [subscribe]
  );

  return (
    <div className="rounded border p-4">
      <div className="text-3xl font-bold">{open}</div>
      <div className="text-sm text-gray-500">open conversations</div>
    </div>
  );
}
