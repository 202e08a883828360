'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

interface DashboardTypingIndicatorProps {
  organizationId: string;
  conversationId: string;
}

// ruleid: typing-indicator-duplicate
export function DashboardTypingIndicator({ organizationId, conversationId }: DashboardTypingIndicatorProps) {
  const supabase = createClient();
  const [who, setWho] = useState<string | null>(null);

  useEffect(() => {
    const channel = supabase
      // ok: channel-hand-built, channel-invalid-name
      // ruleid: supabase-channel-direct
      .channel(UNIFIED_CHANNELS.conversationTyping(organizationId, conversationId))
      // ok: event-name-custom, event-name-literal
      // ok: supabase-channel-direct
      // ruleid: typing-stop-missing
      .on('broadcast', { event: UNIFIED_EVENTS.TYPING_START }, ({ payload }) => {
        setWho(payload.userName);
        setTimeout(() => setWho(null), 5000);
      })
      // ok: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'CHANNEL_ERROR') {
          setWho(null);
          void fetch(`/api/dashboard/typing?conversationId=${conversationId}&mode=poll`);
        }
      });

    return () => {
      // ok: supabase-channel-direct
      supabase.removeChannel(channel);
    };
  }, [supabase, organizationId, conversationId]);

  return who ? <span className="text-xs text-gray-500">{who} is typing…</span> : null;
}
