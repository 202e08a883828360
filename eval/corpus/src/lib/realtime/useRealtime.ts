'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS } from './unified-channel-standards';

export type RealtimeType = 'widget' | 'dashboard' | 'agent' | 'system';

export interface UseRealtimeConfig {
  type?: RealtimeType;
  organizationId: string;
  conversationId?: string;
  userId?: string;
  enabled?: boolean;
}

type EventHandler = (payload: any) => void;

export interface RealtimeState {
  isConnected: boolean;
  fallbackMode: boolean;
  error: string | null;
}

export interface RealtimeActions {
  subscribe: (event: string, handler: EventHandler) => () => void;
  broadcast: (event: string, payload: Record<string, unknown>) => Promise<void>;
  disconnect: () => void;
}

function resolveChannelName(config: UseRealtimeConfig): string {
  const { type = 'dashboard', organizationId, conversationId, userId } = config;
  if (type === 'widget' && conversationId) return UNIFIED_CHANNELS.widget(organizationId, conversationId);
  if (type === 'agent' && userId) return UNIFIED_CHANNELS.userPresence(organizationId, userId);
  if (type === 'system') return UNIFIED_CHANNELS.system();
  return conversationId
    ? UNIFIED_CHANNELS.conversation(organizationId, conversationId)
    : UNIFIED_CHANNELS.conversations(organizationId);
}

/**
 * The recommended realtime hook. Always pass `type`.
 */
// ok: use-realtime-missing-type
export function useRealtime(config: UseRealtimeConfig) {
  const supabase = useMemo(() => createClient(), []);
  const channelRef = useRef<RealtimeChannel | null>(null);
  const handlersRef = useRef(new Map<string, Set<EventHandler>>());
  const [state, setState] = useState<RealtimeState>({ isConnected: false, fallbackMode: false, error: null });

  const channelName = resolveChannelName(config);

  useEffect(() => {
    if (config.enabled === false) return;

    // ok: channel-hand-built, channel-invalid-name
    const channel = supabase.channel(channelName, { config: { broadcast: { self: false } } });
    channelRef.current = channel;

    channel
      // ok: event-name-custom
      .on('broadcast', { event: '*' }, ({ event, payload }) => {
        handlersRef.current.get(event)?.forEach((handler) => handler(payload));
        handlersRef.current.get('*')?.forEach((handler) => handler({ event, payload }));
      })
      // ok: channel-error-unhandled
      .subscribe((status, err) => {
        if (status === 'SUBSCRIBED') {
          setState({ isConnected: true, fallbackMode: false, error: null });
        } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
          // Switch to fallback mode instead of stopping
          setState({ isConnected: false, fallbackMode: true, error: err?.message ?? status });
        } else if (status === 'CLOSED') {
          setState((prev) => ({ ...prev, isConnected: false }));
        }
      });

    return () => {
      channelRef.current = null;
      void supabase.removeChannel(channel);
    };
  }, [supabase, channelName, config.enabled]);

  const subscribe = useCallback((event: string, handler: EventHandler) => {
    const handlers = handlersRef.current.get(event) ?? new Set<EventHandler>();
    handlers.add(handler);
    handlersRef.current.set(event, handlers);
    return () => {
      handlers.delete(handler);
    };
  }, []);

  const broadcast = useCallback(async (event: string, payload: Record<string, unknown>) => {
    // ok: event-name-custom, event-name-literal
    await channelRef.current?.send({ type: 'broadcast', event, payload });
  }, []);

  const disconnect = useCallback(() => {
    if (channelRef.current) void supabase.removeChannel(channelRef.current);
  }, [supabase]);

  const actions: RealtimeActions = { subscribe, broadcast, disconnect };
  return Object.assign([state, actions] as [RealtimeState, RealtimeActions], { ...state, ...actions });
}
