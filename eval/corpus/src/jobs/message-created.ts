import { inngest } from './client';
import { createServiceRoleClient } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS } from '@/lib/realtime';

export const onMessageCreated = inngest.createFunction(
  { id: 'message-created-fanout', retries: 3 },
  // ok: event-name-custom
  { event: 'conversations/message.created' },
  async ({ event, step }) => {
    const supabase = createServiceRoleClient();
    const { messageId, organizationId, conversationId } = event.data;

    const message = await step.run('load-message', async () => {
      const { data } = await supabase.from('messages').select('*').eq('id', messageId).single();
      return data;
    });

    await step.run('notify-conversation', async () => {
      // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct
      const channel = supabase.channel(UNIFIED_CHANNELS.conversation(organizationId, conversationId));
      await channel.send({
        type: 'broadcast',
        // ruleid: event-name-custom, event-never-heard
        event: 'message_created',
        payload: { message },
      });
      await supabase.removeChannel(channel);
    });

    await step.run('auto-reply-if-offline', async () => {
      const { count } = await supabase
        .from('agent_status')
        .select('user_id', { count: 'exact', head: true })
        .eq('organization_id', organizationId)
        .eq('status', 'online');
      if ((count ?? 0) > 0) return;
      // ruleid: message-missing-organization-id
      await supabase.from('messages').insert({
        conversation_id: conversationId,
        sender_type: 'system',
        content: 'Our team is offline right now. We will reply by email.',
      });
    });

    // ok: event-name-custom
    await step.sendEvent('fan-out-ai', { name: 'ai/handover.requested', data: { conversationId, organizationId, reason: 'offline' } });
  }
);
