'use client';

import { useEffect, useState } from 'react';
import { supabase } from '@/lib/supabase/client';
import { GLOBAL_PRESENCE_CHANNEL } from '@/lib/constants';

export function OnlineUsers({ userId, name }: { userId: string; name: string }) {
  const [online, setOnline] = useState<string[]>([]);

  useEffect(() => {
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const room = supabase.channel(GLOBAL_PRESENCE_CHANNEL, { config: { presence: { key: userId } } });

    room
      // ok: event-name-custom
      // ok: supabase-channel-direct
      .on('presence', { event: 'sync' }, () => {
        const state = room.presenceState<{ name: string }>();
        setOnline(Object.values(state).flatMap((entries) => entries.map((e) => e.name)));
      })
      // ok: channel-error-unhandled
      .subscribe(async (status) => {
        switch (status) {
          case 'SUBSCRIBED':
            await room.track({ name, onlineAt: new Date().toISOString() });
            break;
          case 'CHANNEL_ERROR':
          case 'TIMED_OUT':
            setOnline([name]); // degrade to "just me" until the next reconnect
            break;
        }
      });

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(room);
    };
  }, [userId, name]);

  return <span className="text-xs text-gray-500">{online.length} online</span>;
}
