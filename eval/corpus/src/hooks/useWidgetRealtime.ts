'use client';

import { useRealtime, type UseRealtimeConfig } from '@/hooks/useRealtime';
import { useRealtimeStatus } from '@/hooks/useRealtimeStatus';

// Thin wrapper: the caller's config is passed through (value unknown here).
export function useWidgetRealtime(config: UseRealtimeConfig) {
  // ok: use-realtime-missing-type
  const result = useRealtime(config);
  // ok: use-realtime-missing-type
  const status = useRealtimeStatus({ organizationId: config.organizationId });
  return { result, status };
}
