'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

export interface TypingPreviewUser {
  userId: string;
  userName: string;
  conversationId: string;
  previewText?: string;
}

// Uses the OrganizationRealtimeProvider context; only imported by dashboard inbox components.
export function useTypingPreview(conversationId: string) {
  const [typingUsers, setTypingUsers] = useState<TypingPreviewUser[]>([]);
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(() => {
    // ok: typing-stop-missing
    const unsubscribe = subscribe({
      onTypingStart: (data) => {
        if (data.conversationId === conversationId) {
          setTypingUsers((prev) => [...prev.filter((u) => u.userId !== data.userId), data]);
        }
      },
      onTypingStop: (data) => {
        if (data.conversationId === conversationId) {
          setTypingUsers((prev) => prev.filter((u) => u.userId !== data.userId));
        }
      },
    });

    return unsubscribe;
  }, [subscribe, conversationId]);

  return typingUsers;
}
