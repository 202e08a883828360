'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// Imported by the dashboard preview card AND by the widget header.
export function UnreadBadge({ count }: { count: number }) {
  const [extra, setExtra] = useState(0);
  // ruleid: provider-context-outside
  const realtime = useOrganizationRealtimeContext();

  useEffect(() => realtime.subscribe({ onNewMessage: () => setExtra((n) => n + 1) }), [realtime]);

  const total = count + extra;
  if (total === 0) return null;
  return <span className="rounded-full bg-orange-500 px-1.5 text-xs text-white">{total}</span>;
}
