'use client';

import { useCallback } from 'react';
import { createClient } from '@/lib/supabase/client';

interface Sender {
  organizationId: string;
  conversationId: string;
  userId: string;
}

export function useMessageSender({ organizationId, conversationId, userId }: Sender) {
  const supabase = createClient();

  const sendText = useCallback(
    async (content: string) => {
      return supabase
        .from('messages')
        // ok: message-missing-organization-id
        .insert({ organization_id: organizationId, conversation_id: conversationId, sender_id: userId, sender_type: 'agent', content })
        .select()
        .single();
    },
    [supabase, organizationId, conversationId, userId]
  );

  const sendWithAttachments = useCallback(
    async (content: string, files: { name: string; url: string }[]) => {
      // ruleid: message-missing-organization-id
      const { data: message } = await supabase.from('messages').insert({
        conversation_id: conversationId,
        sender_id: userId,
        sender_type: 'agent',
        content,
      }).select().single();

      if (message && files.length > 0) {
        // ok: message-missing-organization-id
        await supabase.from('message_attachments').insert(files.map((f) => ({ message_id: message.id, ...f })));
      }
      return message;
    },
    [supabase, conversationId, userId]
  );

  const sendBatch = useCallback(
    async (contents: string[]) => {
      const { error } = await supabase.from('messages').insert([
        // ruleid: message-missing-organization-id
        { conversation_id: conversationId, sender_id: userId, sender_type: 'agent', content: contents[0] },
        // ruleid: message-missing-organization-id
        { conversation_id: conversationId, sender_id: userId, sender_type: 'agent', content: contents[1], organizationId },
      ]);
      if (error) throw error;
    },
    [supabase, organizationId, conversationId, userId]
  );

  const markRead = useCallback(
    async (messageIds: string[]) => {
      // ok: message-missing-organization-id
      await supabase.from('messages').update({ read_at: new Date().toISOString() }).in('id', messageIds);
      // ok: message-missing-organization-id
      await supabase.from('conversation_reads').insert({ conversation_id: conversationId, user_id: userId });
    },
    [supabase, conversationId, userId]
  );

  return { sendText, sendWithAttachments, sendBatch, markRead };
}
