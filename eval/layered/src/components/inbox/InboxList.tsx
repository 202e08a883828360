'use client';

import { useCallback, useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

interface ThreadRow {
  id: string;
  subject: string;
  lastMessageAt: string;
}

export function InboxList({ orgId }: { orgId: string }) {
  const [threads, setThreads] = useState<ThreadRow[]>([]);
  const [polling, setPolling] = useState(false);

  const refresh = useCallback(async () => {
    const res = await fetch(`/api/orgs/${orgId}/threads`);
    setThreads(await res.json());
  }, [orgId]);

  useEffect(() => {
    const supabase = createClient();
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: supabase-channel-direct
    const channel = supabase.channel(UNIFIED_CHANNELS.conversations(orgId));
    channel
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('broadcast', { event: '*' }, (p) => {
        const { event, payload } = p;
        // ruleid: event-name-custom
        if (event === 'conversation_updated') {
          void refresh();
          return;
        }
        // ruleid: event-name-custom
        if (event === 'thread_bumped') {
          setThreads((list) => [...list].sort((a) => (a.id === payload.threadId ? -1 : 0)));
        }
        // ok: event-name-custom, event-name-literal
        // ruleid: event-never-sent
        if (event === UNIFIED_EVENTS.CONVERSATION_CLOSED) {
          setThreads((list) => list.filter((t) => t.id !== payload.threadId));
        }
      })
      // ok: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'CHANNEL_ERROR') setPolling(true);
      });
    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [orgId, refresh]);

  useEffect(() => {
    if (!polling) return;
    const t = setInterval(refresh, 10_000);
    return () => clearInterval(t);
  }, [polling, refresh]);

  return (
    <ul>
      {threads.map((t) => (
        <li key={t.id}>{t.subject}</li>
      ))}
    </ul>
  );
}
