'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { legacyThreadTopic, realtimeClient } from '@/lib/realtime';

/** Read-only thread for share links (outside the dashboard). */
export default function ThreadPreview({ orgId, threadId }: { orgId: string; threadId: string }) {
  const [lines, setLines] = useState<string[]>([]);

  useEffect(() => realtimeClient.watchThread(orgId, threadId, (p: any) => setLines((l) => [...l, p.content])), [orgId, threadId]);

  useEffect(() => {
    const supabase = createClient();
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const legacy = supabase.channel(legacyThreadTopic(threadId));
    legacy
      // ok: supabase-channel-direct
      // ruleid: event-name-custom
      .on('broadcast', { event: 'message.posted' }, ({ payload }) => setLines((l) => [...l, payload.content]))
      // ruleid: channel-error-unhandled
      .subscribe();
    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(legacy);
    };
  }, [threadId]);

  return (
    <article>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </article>
  );
}
