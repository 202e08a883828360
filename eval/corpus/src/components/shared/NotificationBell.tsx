'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// Used by the dashboard layout AND by app/settings/page.tsx (which has no provider).
export function NotificationBell() {
  const [count, setCount] = useState(0);
  // ruleid: provider-context-outside
  const { subscribe, connectionStatus } = useOrganizationRealtimeContext();

  useEffect(
    () =>
      // ok: typing-stop-missing
      subscribe({
        onNewConversation: () => setCount((c) => c + 1),
        onNewMessage: () => setCount((c) => c + 1),
      }),
    [subscribe]
  );

  return (
    <button type="button" className="relative" aria-label="Notifications" onClick={() => setCount(0)}>
      <span aria-hidden>🔔</span>
      {count > 0 && <span className="absolute -right-1 -top-1 rounded-full bg-red-500 px-1 text-xs text-white">{count}</span>}
      {connectionStatus === 'fallback' && <span className="sr-only">Live updates degraded</span>}
    </button>
  );
}

export default NotificationBell;
