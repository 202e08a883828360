'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { Kinds, UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

type ThreadStatus = 'open' | 'snoozed' | 'closed';

/** Thread status badge data: one wildcard listener, dispatched by hand. */
export function useThreadEvents(orgId: string, threadId: string) {
  const [status, setStatus] = useState<ThreadStatus>('open');
  const [seen, setSeen] = useState(0);
  const [polling, setPolling] = useState(false);

  useEffect(() => {
    const supabase = createClient();

    function handleEvent(message: { event: string; payload: any }) {
      const { event: name } = message;
      switch (name) {
        // ruleid: event-name-custom
        case 'thread_snoozed':
          setStatus('snoozed');
          break;
        // ruleid: event-name-custom
        case Kinds.SEEN:
          setSeen((n) => n + 1);
          break;
        // ok: event-name-custom, event-name-literal
        case UNIFIED_EVENTS.CONVERSATION_CLOSED:
          setStatus('closed');
          break;
        // ruleid: event-name-literal
        case 'conversation:reopened':
          setStatus('open');
          break;
      }
    }

    const channel = supabase
      // ok: channel-hand-built, channel-invalid-name
      // ruleid: supabase-channel-direct
      .channel(UNIFIED_CHANNELS.conversationStatus(orgId, threadId))
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('broadcast', { event: '*' }, handleEvent)
      // ok: channel-error-unhandled
      .subscribe((s) => {
        if (s === 'CHANNEL_ERROR') setPolling(true);
      });

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [orgId, threadId]);

  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/threads/${threadId}/status`);
      setStatus((await res.json()).status);
    }, 15_000);
    return () => clearInterval(timer);
  }, [polling, threadId]);

  return { status, seen, polling };
}
