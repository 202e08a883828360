'use client';

import { useEffect, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { threadTopic } from '@/lib/realtime';

interface Activity {
  id: string;
  kind: string;
  at: string;
}

export function ActivityFeed({ orgId, threadId }: { orgId: string; threadId: string }) {
  const [items, setItems] = useState<Activity[]>([]);
  const lastSeen = useRef(new Map<string, number>());

  useEffect(() => {
    const supabase = createClient();
    // ok: channel-hand-built, channel-invalid-name
    const topic = threadTopic(orgId, threadId);
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const channel = supabase.channel(topic);
    channel
      // ok: supabase-channel-direct
      .on(
        'postgres_changes',
        // ok: event-name-custom
        { event: 'INSERT', schema: 'public', table: 'thread_activity', filter: `thread_id=eq.${threadId}` },
        (change) => setItems((list) => [change.new as Activity, ...list])
      )
      // ruleid: channel-error-unhandled
      .subscribe();

    // ok: channel-hand-built, channel-invalid-name
    lastSeen.current.set(threadTopic(orgId, threadId), Date.now());

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [orgId, threadId]);

  return (
    <ol>
      {items.map((a) => (
        <li key={a.id}>
          {a.kind} · {a.at}
        </li>
      ))}
    </ol>
  );
}
