'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { attachInboxDispatcher, inboxTopic } from '@/lib/realtime';

export function useInboxFeed(orgId: string) {
  const [version, setVersion] = useState(0);
  const [bumped, setBumped] = useState<string | null>(null);

  useEffect(() => {
    const supabase = createClient();
    // ruleid: supabase-channel-direct, channel-hand-built
    const channel = supabase.channel(inboxTopic(orgId));
    attachInboxDispatcher(channel, () => setVersion((v) => v + 1), setBumped);
    // ruleid: channel-error-unhandled
    channel.subscribe((status) => {
      if (status === 'TIMED_OUT') setVersion((v) => v + 1);
    });
    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [orgId]);

  return { version, bumped };
}
