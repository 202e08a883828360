'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

// Used by app/dashboard/inbox/page.tsx only.
export function useInboxRealtime() {
  const [unread, setUnread] = useState(0);
  const [typingIn, setTypingIn] = useState<Set<string>>(new Set());
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(() => {
    const onTypingStart = (d: { conversationId: string }) => setTypingIn((prev) => new Set(prev).add(d.conversationId));
    const onTypingStop = (d: { conversationId: string }) =>
      setTypingIn((prev) => {
        const next = new Set(prev);
        next.delete(d.conversationId);
        return next;
      });

    // ok: typing-stop-missing
    return subscribe({
      onNewMessage: () => setUnread((n) => n + 1),
      onTypingStart,
      onTypingStop,
    });
  }, [subscribe]);

  return { unread, typingIn, reset: () => setUnread(0) };
}
