import type { ReactNode } from 'react';
import { OrganizationRealtimeProvider } from '@/contexts/OrganizationRealtimeProvider';
import { HeaderStatus } from '@/components/shell/HeaderStatus';
import AgentList from '@/components/dashboard/AgentList';
import { getSession } from '@/lib/session';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    <OrganizationRealtimeProvider orgId={session.orgId}>
      <header>
        <HeaderStatus orgId={session.orgId} />
      </header>
      <aside>
        <AgentList orgId={session.orgId} />
      </aside>
      <main>{children}</main>
    </OrganizationRealtimeProvider>
  );
}
