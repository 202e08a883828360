'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import Topics from '@/lib/realtime/topic-registry';

export function PresenceBar({ orgId, userId }: { orgId: string; userId: string }) {
  const [online, setOnline] = useState<string[]>([]);

  useEffect(() => {
    const supabase = createClient();
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const channel = supabase.channel(Topics.build({ kind: 'presence', orgId }));
    channel
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'sync' }, () => setOnline(Object.keys(channel.presenceState())))
      // ruleid: channel-error-unhandled
      .subscribe(async (status) => {
        if (status === 'SUBSCRIBED') await channel.track({ userId, at: Date.now() });
      });
    return () => {
      void channel.unsubscribe();
    };
  }, [orgId, userId]);

  return <div className="avatars">{online.length} online</div>;
}
