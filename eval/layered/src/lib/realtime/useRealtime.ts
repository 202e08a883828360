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
}

type Status = 'idle' | 'live' | 'fallback';

function channelNameFor({ type = 'dashboard', organizationId, conversationId, userId }: UseRealtimeConfig): string {
  if (type === 'agent' && userId) return UNIFIED_CHANNELS.userPresence(organizationId, userId);
  if (conversationId) return UNIFIED_CHANNELS.conversation(organizationId, conversationId);
  return UNIFIED_CHANNELS.conversations(organizationId);
}

/**
 * The standard hook: one channel per (type, organization, conversation), with
 * `broadcast(event, payload)` and `subscribe(event, handler)`.
 */
export function useRealtime(config: UseRealtimeConfig) {
  const supabase = useMemo(() => createClient(), []);
  const channelRef = useRef<RealtimeChannel | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  const name = channelNameFor(config);

  useEffect(() => {
    const channel = supabase.channel(name);
    // ok: channel-error-unhandled
    channel.subscribe((s) => {
      if (s === 'SUBSCRIBED') setStatus('live');
      if (s === 'CHANNEL_ERROR' || s === 'TIMED_OUT') setStatus('fallback');
    });
    channelRef.current = channel;
    return () => {
      channelRef.current = null;
      void supabase.removeChannel(channel);
    };
  }, [supabase, name]);

  const broadcast = useCallback(async (event: string, payload: Record<string, unknown> = {}) => {
    // ok: event-name-custom, event-name-literal
    await channelRef.current?.send({ type: 'broadcast', event, payload });
  }, []);

  const subscribe = useCallback((event: string, handler: (payload: any) => void) => {
    // ok: event-name-custom, event-name-literal
    channelRef.current?.on('broadcast', { event }, (message) => handler(message.payload));
    return () => undefined;
  }, []);

  return { status, broadcast, subscribe };
}

export default useRealtime;
