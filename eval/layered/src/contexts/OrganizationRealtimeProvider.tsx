'use client';

import React, { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS } from '@/lib/realtime';

type Handler = (payload: any) => void;

interface OrganizationRealtimeValue {
  subscribe: (event: string, handler: Handler) => () => void;
  broadcast: (event: string, payload?: Record<string, unknown>) => Promise<void>;
  connected: boolean;
}

const OrganizationRealtimeContext = createContext<OrganizationRealtimeValue | null>(null);

/** One organization channel for the whole dashboard. Mounted in app/dashboard/layout.tsx. */
export function OrganizationRealtimeProvider({ orgId, children }: { orgId: string; children: React.ReactNode }) {
  const supabase = useMemo(() => createClient(), []);
  const handlers = useRef(new Map<string, Set<Handler>>());
  const channelRef = useRef<RealtimeChannel | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const channel = supabase
      .channel(UNIFIED_CHANNELS.organization(orgId))
      // ok: event-name-custom
      .on('broadcast', { event: '*' }, (message) => {
        handlers.current.get(message.event)?.forEach((h) => h(message.payload));
      })
      // ok: channel-error-unhandled
      .subscribe((status) => {
        setConnected(status === 'SUBSCRIBED');
        if (status === 'CHANNEL_ERROR') void fetch(`/api/poll?org=${orgId}`);
      });
    channelRef.current = channel;
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [supabase, orgId]);

  const subscribe = useCallback((event: string, handler: Handler) => {
    const set = handlers.current.get(event) ?? new Set<Handler>();
    set.add(handler);
    handlers.current.set(event, set);
    return () => set.delete(handler);
  }, []);

  const broadcast = useCallback(async (event: string, payload: Record<string, unknown> = {}) => {
    // ok: event-name-custom, event-name-literal
    await channelRef.current?.send({ type: 'broadcast', event, payload });
  }, []);

  const value = useMemo(() => ({ subscribe, broadcast, connected }), [subscribe, broadcast, connected]);
  return <OrganizationRealtimeContext.Provider value={value}>{children}</OrganizationRealtimeContext.Provider>;
}

export function useOrganizationRealtimeContext(): OrganizationRealtimeValue {
  const ctx = useContext(OrganizationRealtimeContext);
  if (!ctx) throw new Error('useOrganizationRealtimeContext must be used inside OrganizationRealtimeProvider');
  return ctx;
}
