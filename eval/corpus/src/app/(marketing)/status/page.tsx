'use client';

import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// Public status page (route group "(marketing)"): not under app/dashboard.
export default function StatusPage() {
  // ruleid: provider-context-outside
  const { connectionStatus, events } = useOrganizationRealtimeContext();

  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">System status</h1>
      <p className="mt-4">
        Realtime: {connectionStatus} · {events} events since load
      </p>
    </main>
  );
}
