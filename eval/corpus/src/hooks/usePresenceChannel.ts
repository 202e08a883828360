'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';

function getChannelName(conversationId: string) {
  // ruleid: channel-hand-built, channel-invalid-name
  return `presence:${conversationId}`;
}

function getViewerChannel(orgId: string, conversationId: string): string {
  // ruleid: channel-hand-built
  return 'org:' + orgId + ':conv:' + conversationId + ':presence';
}

export interface Viewer {
  userId: string;
  name: string;
}

export function usePresenceChannel(orgId: string, conversationId: string, me: Viewer) {
  const supabase = createClient();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [fallback, setFallback] = useState(false);

  useEffect(() => {
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const channel = supabase.channel(getChannelName(conversationId), { config: { presence: { key: me.userId } } });
    // ruleid: supabase-channel-direct, channel-hand-built
    const viewerChannel = supabase.channel(getViewerChannel(orgId, conversationId));

    channel
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'sync' }, () => setViewers(Object.values(channel.presenceState<Viewer>()).flat()))
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'join' }, ({ newPresences }) => console.debug('[presence] join', newPresences))
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'leave' }, ({ leftPresences }) => console.debug('[presence] leave', leftPresences))
      // ok: channel-error-unhandled
      .subscribe(async (status) => {
        if (status === 'SUBSCRIBED') await channel.track(me);
        else if (status === 'CHANNEL_ERROR') setFallback(true);
      });

    // ruleid: channel-error-unhandled
    viewerChannel.subscribe((status) => {
      if (status === 'CHANNEL_ERROR') return;
      if (status === 'SUBSCRIBED') void viewerChannel.track({ userId: me.userId });
    });

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
      // ok: supabase-channel-direct
      void supabase.removeChannel(viewerChannel);
    };
  }, [supabase, orgId, conversationId, me]);

  return { viewers, fallback };
}
