'use client';

import { useEffect, useState } from 'react';
import { supabase } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS } from '@/lib/realtime';

// Colocated route component: shows a badge while the visitor types.
export function TypingBadge({ organizationId, conversationId }: { organizationId: string; conversationId: string }) {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: supabase-channel-direct
    const channel = supabase.channel(UNIFIED_CHANNELS.conversationTyping(organizationId, conversationId));
    // ok: supabase-channel-direct
    // ruleid: typing-stop-missing, event-name-literal
    channel.on('broadcast', { event: 'typing:start' }, () => setVisible(true));
    // ok: channel-error-unhandled
    channel.subscribe((status) => {
      switch (status) {
        case 'CHANNEL_ERROR':
          setVisible(false);
          void fetch(`/api/realtime/poll?channel=${encodeURIComponent(UNIFIED_CHANNELS.conversation(organizationId, conversationId))}`);
          break;
        default:
          break;
      }
    });
    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [organizationId, conversationId]);

  return visible ? <span className="rounded bg-gray-100 px-2 text-xs">typing</span> : null;
}
