'use client';

import { useEffect, useState } from 'react';
import useRealtime from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';

interface Toast {
  id: string;
  title: string;
}

export function NotificationToast({ organizationId, userId }: { organizationId: string; userId: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  // ruleid: use-realtime-missing-type
  const [, { subscribe }] = useRealtime({
    organizationId,
    userId,
    enabled: typeof window !== 'undefined',
  });

  useEffect(() => {
    // ok: event-name-custom, event-name-literal, channel-error-unhandled
    const off = subscribe(UNIFIED_EVENTS.NOTIFICATION_CREATED, (n: Toast) => {
      setToasts((prev) => [...prev, n]);
      setTimeout(() => setToasts((prev) => prev.filter((t) => t.id !== n.id)), 4000);
    });
    // ok: event-name-custom, event-never-sent
    const offAll = subscribe('*', (envelope: { event: string }) => console.debug('[toast] event', envelope.event));
    return () => {
      off();
      offAll();
    };
  }, [subscribe]);

  return (
    <div className="fixed bottom-4 left-4 space-y-2">
      {toasts.map((t) => (
        <div key={t.id} className="rounded bg-gray-900 px-3 py-2 text-sm text-white shadow">
          {t.title}
        </div>
      ))}
    </div>
  );
}
