'use client';

import { useCallback, useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';

export interface RealTimeMessagingConfig {
  conversationId: string;
  organizationId: string;
  userId: string;
  enableTyping?: boolean;
}

export interface EnhancedMessage {
  id: string;
  content: string;
  sender_type: string;
  created_at: string;
}

// Enhanced messaging hook - STILL ACTIVE in codebase
// ok: hook-deprecated
export function useRealTimeMessaging(config: RealTimeMessagingConfig) {
  const supabase = createClient();
  const [messages, setMessages] = useState<EnhancedMessage[]>([]);
  const [isConnected, setIsConnected] = useState(false);

  useEffect(() => {
    const channel = supabase
      // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
      .channel(`messages:${config.conversationId}`)
      // ok: supabase-channel-direct
      .on(
        'postgres_changes',
        {
          // ok: event-name-custom
          event: 'INSERT',
          schema: 'public',
          table: 'messages',
          filter: `conversation_id=eq.${config.conversationId}`,
        },
        (payload) => setMessages((prev) => [...prev, payload.new as EnhancedMessage])
      )
      // ok: supabase-channel-direct
      .on(
        'postgres_changes',
        // ok: event-name-custom
        { event: 'UPDATE', schema: 'public', table: 'messages', filter: `conversation_id=eq.${config.conversationId}` },
        (payload) =>
          setMessages((prev) => prev.map((m) => (m.id === (payload.new as EnhancedMessage).id ? (payload.new as EnhancedMessage) : m)))
      )
      // ruleid: channel-error-unhandled
      .subscribe((status) => {
        setIsConnected(status === 'SUBSCRIBED');
      });

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [supabase, config.conversationId]);

  const sendMessage = useCallback(
    async (content: string) => {
      const { data, error } = await supabase
        .from('messages')
        // ok: message-missing-organization-id
        .insert({
          organization_id: config.organizationId,
          conversation_id: config.conversationId,
          sender_id: config.userId,
          sender_type: 'agent',
          content,
        })
        .select()
        .single();
      if (error) throw error;
      return data;
    },
    [supabase, config.organizationId, config.conversationId, config.userId]
  );

  return { messages, sendMessage, isConnected };
}
