'use client';

import { useEffect, useMemo, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { openRoom, threadTopic, type RoomChannel } from '@/lib/realtime';
import { Topics } from '@/lib/realtime/topic-registry';

/** The thread's room, joined while the component is mounted. */
export function useThreadRoom(orgId: string, threadId: string): RoomChannel {
  const supabase = useMemo(() => createClient(), []);
  const [, setFallback] = useState(false);
  const room = useMemo(
    // ok: supabase-channel-direct
    // ruleid: channel-hand-built, channel-invalid-name
    () => openRoom(supabase, threadTopic(orgId, threadId)),
    [supabase, orgId, threadId]
  );

  useEffect(() => {
    room.join(() => setFallback(true));
    return () => {
      void room.leave();
    };
  }, [room]);

  return room;
}

/** v1 typing room for the mobile app bridge. */
export function useLegacyTypingRoom(threadId: string): RoomChannel {
  const supabase = createClient();
  // ruleid: channel-hand-built, channel-invalid-name
  return useMemo(() => openRoom(supabase, Topics.build({ kind: 'typing', threadId })), [supabase, threadId]);
}
