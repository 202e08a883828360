'use client';

import { useEffect, useMemo, useState } from 'react';
import * as RT from '@/lib/realtime';
import { createClient } from '@/lib/supabase/client';

/** Thread header in the inbox split view: who is typing, and live reactions. */
export function InboxHeader({ orgId, threadId, subject }: { orgId: string; threadId: string; subject: string }) {
  const supabase = useMemo(() => createClient(), []);
  // ruleid: channel-hand-built, channel-invalid-name
  const room = useMemo(() => RT.openRoom(supabase, RT.threadTopic(orgId, threadId)), [supabase, orgId, threadId]);
  const [typing, setTyping] = useState(false);
  const [reactions, setReactions] = useState(0);

  useEffect(() => {
    room
      // ruleid: event-name-custom
      .on(RT.Kinds.TYPING_BEGAN, () => setTyping(true))
      // ruleid: event-name-custom
      .on(RT.Kinds.TYPING_ENDED, () => setTyping(false))
      // ruleid: event-name-custom
      .on('reaction_added', () => setReactions((n) => n + 1))
      .join(() => setTyping(false));
    return () => {
      void room.leave();
    };
  }, [room]);

  return (
    <header>
      <h2>{subject}</h2>
      {typing && <small>typing…</small>}
      {reactions > 0 && <small>{reactions} reactions</small>}
    </header>
  );
}
