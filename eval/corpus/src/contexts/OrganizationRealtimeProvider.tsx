'use client';

import React, { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';
import { useAuth } from '@/hooks/useAuth';

export interface OrganizationRealtimeHandlers {
  onNewMessage?: (message: any) => void;
  onMessageStatusUpdate?: (status: any) => void;
  onConversationUpdate?: (update: any) => void;
  onNewConversation?: (conversation: any) => void;
  onTypingStart?: (data: any) => void;
  onTypingStop?: (data: any) => void;
  onPresenceUpdate?: (data: any) => void;
}

type ConnectionStatus = 'connecting' | 'connected' | 'fallback' | 'disconnected';

interface OrganizationRealtimeContextValue {
  subscribe: (handlers: OrganizationRealtimeHandlers) => () => void;
  connectionStatus: ConnectionStatus;
  events: number;
}

const OrganizationRealtimeContext = createContext<OrganizationRealtimeContextValue | null>(null);

/**
 * Singleton provider for organization-level realtime subscriptions.
 * Mounted ONLY in app/dashboard/layout.tsx.
 */
export function OrganizationRealtimeProvider({ children }: { children: React.ReactNode }) {
  const { organizationId } = useAuth();
  const supabase = useMemo(() => createClient(), []);
  const subscribersRef = useRef(new Set<OrganizationRealtimeHandlers>());
  const pollTimerRef = useRef<ReturnType<typeof setInterval> | null>(null);
  const [connectionStatus, setConnectionStatus] = useState<ConnectionStatus>('connecting');
  const [events, setEvents] = useState(0);

  const emit = useCallback((key: keyof OrganizationRealtimeHandlers, data: unknown) => {
    setEvents((n) => n + 1);
    subscribersRef.current.forEach((handlers) => handlers[key]?.(data));
  }, []);

  const startPolling = useCallback(() => {
    if (pollTimerRef.current) return;
    pollTimerRef.current = setInterval(async () => {
      const res = await fetch('/api/dashboard/conversations?since=30s');
      if (res.ok) emit('onConversationUpdate', await res.json());
    }, 10_000);
  }, [emit]);

  useEffect(() => {
    if (!organizationId) return;

    const channel = supabase
      // ok: supabase-channel-direct, channel-hand-built
      .channel(UNIFIED_CHANNELS.conversations(organizationId))
      // ruleid: event-never-sent
      .on('broadcast', { event: UNIFIED_EVENTS.MESSAGE_CREATED }, ({ payload }) => emit('onNewMessage', payload))
      .on('broadcast', { event: UNIFIED_EVENTS.MESSAGE_STATUS_READ }, ({ payload }) => emit('onMessageStatusUpdate', payload))
      // ruleid: event-never-sent
      .on('broadcast', { event: UNIFIED_EVENTS.CONVERSATION_UPDATED }, ({ payload }) => emit('onConversationUpdate', payload))
      // ok: typing-stop-missing
      .on('broadcast', { event: UNIFIED_EVENTS.TYPING_START }, ({ payload }) => emit('onTypingStart', payload))
      .on('broadcast', { event: UNIFIED_EVENTS.TYPING_STOP }, ({ payload }) => emit('onTypingStop', payload))
      // ok: event-name-custom
      .on('presence', { event: 'sync' }, () => emit('onPresenceUpdate', channel.presenceState()))
      .on(
        'postgres_changes',
        // ok: event-name-custom, channel-hand-built
        { event: 'INSERT', schema: 'public', table: 'conversations', filter: `organization_id=eq.${organizationId}` },
        (change) => emit('onNewConversation', change.new)
      )
      // ok: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'SUBSCRIBED') {
          setConnectionStatus('connected');
          if (pollTimerRef.current) clearInterval(pollTimerRef.current);
          pollTimerRef.current = null;
        }
        if (status === 'CHANNEL_ERROR') {
          setConnectionStatus('fallback');
          startPolling();
        }
      });

    return () => {
      void supabase.removeChannel(channel);
    };
  }, [organizationId, supabase, emit, startPolling]);

  const subscribe = useCallback((handlers: OrganizationRealtimeHandlers) => {
    subscribersRef.current.add(handlers);
    return () => {
      subscribersRef.current.delete(handlers);
    };
  }, []);

  const value = useMemo(() => ({ subscribe, connectionStatus, events }), [subscribe, connectionStatus, events]);

  return <OrganizationRealtimeContext.Provider value={value}>{children}</OrganizationRealtimeContext.Provider>;
}

// ok: provider-context-outside
export function useOrganizationRealtimeContext(): OrganizationRealtimeContextValue {
  const ctx = useContext(OrganizationRealtimeContext);
  if (!ctx) {
    throw new Error('useOrganizationRealtimeContext must be used within OrganizationRealtimeProvider');
  }
  return ctx;
}

export default OrganizationRealtimeProvider;
