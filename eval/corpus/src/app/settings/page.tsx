'use client';

import { useState } from 'react';
import { NotificationBell } from '@/components/shared/NotificationBell';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// /settings is outside app/dashboard: no OrganizationRealtimeProvider above it.
export default function SettingsPage() {
  const [saved, setSaved] = useState(false);
  // ruleid: provider-context-outside
  const { connectionStatus } = useOrganizationRealtimeContext();

  return (
    <main className="mx-auto max-w-2xl space-y-6 p-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <NotificationBell />
      </div>
      <p className="text-sm text-gray-500">Realtime: {connectionStatus}</p>
      <button type="button" onClick={() => setSaved(true)} className="rounded bg-gray-900 px-3 py-1 text-white">
        Save
      </button>
      {saved && <p className="text-green-600">Saved</p>}
    </main>
  );
}
