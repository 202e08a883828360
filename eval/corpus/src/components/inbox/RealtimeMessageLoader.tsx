'use client';

import { useEffect } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';

interface RealtimeMessageLoaderProps {
  conversationId: string;
  onMessage: (message: any) => void;
  onTyping: (typing: boolean) => void;
}

// Only rendered from app/dashboard/inbox/page.tsx (under the provider).
export function RealtimeMessageLoader({ conversationId, onMessage, onTyping }: RealtimeMessageLoaderProps) {
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(() => {
    // ok: typing-stop-missing
    const unsubscribe = subscribe({
      onNewMessage: (message) => {
        if (message.conversation_id === conversationId) onMessage(message);
      },
      onTypingStart: (data) => {
        if (data.conversationId === conversationId) onTyping(true);
      },
      onTypingStop: (data) => {
        if (data.conversationId === conversationId) onTyping(false);
      },
    });

    return unsubscribe;
  }, [subscribe, conversationId, onMessage, onTyping]);

  return null;
}
