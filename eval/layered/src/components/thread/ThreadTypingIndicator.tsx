'use client';

import { useEffect, useState } from 'react';
import { Kinds } from '@/lib/realtime';
import { useThreadRoom } from '@/hooks/useThreadRoom';

interface Props {
  orgId: string;
  threadId: string;
}

// ruleid: typing-indicator-duplicate
export function ThreadTypingIndicator({ orgId, threadId }: Props) {
  const room = useThreadRoom(orgId, threadId);
  const [typers, setTypers] = useState<string[]>([]);

  useEffect(() => {
    // ok: supabase-channel-direct
    // ruleid: event-name-custom
    room.on(Kinds.TYPING_BEGAN, (p: { userId: string }) => setTypers((t) => (t.includes(p.userId) ? t : [...t, p.userId])));
    // ruleid: event-name-custom
    room.on(Kinds.TYPING_ENDED, (p: { userId: string }) => setTypers((t) => t.filter((id) => id !== p.userId)));
  }, [room]);

  if (typers.length === 0) return null;
  return <p className="text-xs text-muted">{typers.length === 1 ? 'Someone is typing…' : `${typers.length} people are typing…`}</p>;
}
