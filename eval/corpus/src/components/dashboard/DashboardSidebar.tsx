'use client';

import Link from 'next/link';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

const NAV = [
  { href: '/dashboard', label: 'Overview' },
  { href: '/dashboard/inbox', label: 'Inbox' },
  { href: '/dashboard/agents', label: 'Agents' },
];

// Only rendered by app/dashboard/layout.tsx, inside the provider's subtree.
export function DashboardSidebar() {
  // ok: provider-context-outside
  const { connectionStatus, events } = useOrganizationRealtimeContext();

  return (
    <nav className="w-56 border-r bg-white p-4">
      <ul className="space-y-1">
        {NAV.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded px-2 py-1 hover:bg-gray-100">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-xs text-gray-400">
        Realtime: {connectionStatus} ({events} events)
      </p>
    </nav>
  );
}
