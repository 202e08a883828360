'use client';

import { useEffect, useState } from 'react';
import posthog from 'posthog-js';
import { supabase } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS } from '@/lib/realtime';
import { WIDGET_EVENTS } from '@/lib/constants/widget-events';

interface VisitorPresenceProps {
  organizationId: string;
  visitorId: string;
  page: string;
}

export function VisitorPresence({ organizationId, visitorId, page }: VisitorPresenceProps) {
  const [peers, setPeers] = useState(0);

  useEffect(() => {
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: supabase-channel-direct
    const channel = supabase.channel(UNIFIED_CHANNELS.widgetVisitor(organizationId, visitorId), {
      config: { presence: { key: visitorId } },
    });

    channel
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'sync' }, () => setPeers(Object.keys(channel.presenceState()).length))
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'join' }, ({ key }) => console.debug('[visitor] join', key))
      // ruleid: channel-error-unhandled
      .subscribe(async (status) => {
        if (status === 'SUBSCRIBED') {
          await channel.track({ visitorId, page, onlineAt: new Date().toISOString() });
        }
      });

    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        void channel.send({
          type: 'broadcast',
          // ruleid: event-name-literal, event-never-heard
          event: WIDGET_EVENTS.VISITOR_ACTIVE,
          payload: { visitorId, page },
        });
      } else {
        // ok: event-name-literal
        posthog.capture(WIDGET_EVENTS.VISITOR_IDLE, { visitorId });
      }
    };
    // ok: event-name-custom
    document.addEventListener('visibilitychange', onVisibility);

    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [organizationId, visitorId, page]);

  return peers > 1 ? <span className="sr-only">{peers} tabs open</span> : null;
}
