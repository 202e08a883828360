'use client';

import { useEffect, useState } from 'react';

// Polls the health endpoint; not a realtime subscription.
export function useRealtimeStatus({ organizationId }: { organizationId: string }) {
  const [healthy, setHealthy] = useState(true);

  useEffect(() => {
    const timer = setInterval(async () => {
      const res = await fetch(`/api/health?org=${organizationId}`);
      setHealthy(res.ok);
    }, 30_000);
    return () => clearInterval(timer);
  }, [organizationId]);

  return healthy;
}
