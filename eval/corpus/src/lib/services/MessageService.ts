import type { SupabaseClient } from '@supabase/supabase-js';
import { UNIFIED_EVENTS } from '@/lib/realtime';

export interface SendMessageInput {
  organizationId: string;
  conversationId: string;
  senderId: string;
  senderType: 'agent' | 'visitor' | 'ai';
  content: string;
}

/**
 * Server-side message operations used by route handlers and jobs.
 */
export class MessageService {
  constructor(private readonly supabase: SupabaseClient) {}

  private conversationChannel(orgId: string, convId: string) {
    // ruleid: channel-hand-built
    return `org:${orgId}:conv:${convId}`;
  }

  private statusChannel(orgId: string, convId: string): string {
    // ruleid: channel-hand-built, channel-invalid-name
    return `org:${orgId}:conv:${convId}:message-status`;
  }

  async send(input: SendMessageInput) {
    const { data: message, error } = await this.supabase
      .from('messages')
      .insert({
        organization_id: input.organizationId,
        conversation_id: input.conversationId,
        sender_id: input.senderId,
        sender_type: input.senderType,
        content: input.content,
      })
      .select()
      .single();

    if (error) throw error;

    // ruleid: channel-hand-built
    const channel = this.supabase.channel(this.conversationChannel(input.organizationId, input.conversationId));
    await channel.send({
      type: 'broadcast',
      event: UNIFIED_EVENTS.MESSAGE_CREATED,
      payload: { message },
    });

    return message;
  }

  async markDelivered(orgId: string, convId: string, messageIds: string[]) {
    // ok: message-missing-organization-id
    await this.supabase.from('messages').update({ status: 'delivered' }).in('id', messageIds);

    // ruleid: channel-hand-built, channel-invalid-name
    const channel = this.supabase.channel(this.statusChannel(orgId, convId));
    await channel.send({
      type: 'broadcast',
      // ok: event-name-literal, event-name-custom
      // ruleid: event-never-heard
      event: UNIFIED_EVENTS.MESSAGE_STATUS_DELIVERED,
      payload: { messageIds },
    });
  }

  async importTranscript(orgId: string, convId: string, lines: { author: string; text: string }[]) {
    const rows = lines.map((line) => ({
      conversation_id: convId,
      sender_type: line.author === 'bot' ? 'ai' : 'visitor',
      content: line.text,
    }));
    // ok: message-missing-organization-id
    return this.supabase.from('messages').insert(rows);
  }

  async systemNote(orgId: string, convId: string, text: string) {
    return this.supabase
      .from('messages')
      // ruleid: message-missing-organization-id
      .insert({
        organizationId: orgId,
        conversation_id: convId,
        sender_type: 'system',
        content: text,
      });
  }
}
