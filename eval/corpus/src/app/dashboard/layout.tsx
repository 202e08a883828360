'use client';

import { Suspense } from 'react';
import { OrganizationRealtimeProvider } from '@/contexts/OrganizationRealtimeProvider';
import { DashboardSidebar } from '@/components/dashboard/DashboardSidebar';
import NotificationBell from '@/components/shared/NotificationBell';
import { SystemBanner } from '@/components/notifications/SystemBanner';

function DashboardSkeleton() {
  return <div className="animate-pulse p-8 text-gray-300">Loading…</div>;
}

// ONLY place where OrganizationRealtimeProvider is mounted
export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <OrganizationRealtimeProvider>
      <div className="flex h-screen overflow-hidden bg-gray-50">
        <DashboardSidebar />
        <div className="flex flex-1 flex-col overflow-hidden">
          <header className="flex items-center justify-end gap-4 border-b bg-white px-4 py-2">
            <NotificationBell />
          </header>
          <SystemBanner />
          <main className="flex-1 overflow-auto">
            <Suspense fallback={<DashboardSkeleton />}>{children}</Suspense>
          </main>
        </div>
      </div>
    </OrganizationRealtimeProvider>
  );
}
