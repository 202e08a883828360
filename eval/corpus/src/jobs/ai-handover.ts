import { inngest } from './client';
import { createServiceRoleClient } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS, broadcastToChannel } from '@/lib/realtime';

// ok: event-name-custom
const HANDOVER_EVENT = 'handover_requested' as const;

export const onHandoverRequested = inngest.createFunction(
  { id: 'ai-handover' },
  // ok: event-name-custom
  { event: 'ai/handover.requested' },
  async ({ event, step }) => {
    const supabase = createServiceRoleClient();
    const { conversationId, organizationId, reason } = event.data;
    const handoverChannel = UNIFIED_CHANNELS.conversationHandover(organizationId, conversationId);

    await step.run('announce', async () => {
      // ok: channel-hand-built, event-name-custom, event-name-literal
      // ruleid: event-never-heard
      await broadcastToChannel(handoverChannel, UNIFIED_EVENTS.AI_HANDOVER_REQUESTED, { reason }, supabase);
      // ruleid: event-name-custom, event-never-heard
      await broadcastToChannel(handoverChannel, HANDOVER_EVENT, { reason }, supabase);
    });

    const agent = await step.run('pick-agent', async () => {
      const { data } = await supabase
        .from('agent_status')
        .select('user_id')
        .eq('organization_id', organizationId)
        .eq('status', 'online')
        .limit(1)
        .maybeSingle();
      return data;
    });

    await step.run('complete', async () => {
      await supabase
        .from('messages')
        // ok: message-missing-organization-id
        .insert({ organization_id: organizationId, conversation_id: conversationId, sender_type: 'system', content: 'Connecting you to a human agent…' });
      // ruleid: event-name-literal, event-never-heard
      await broadcastToChannel(handoverChannel, 'ai:handover:completed', { agentId: agent?.user_id ?? null }, supabase);
      // ruleid: event-name-literal, event-never-heard
      await broadcastToChannel(UNIFIED_CHANNELS.conversation(organizationId, conversationId), `ai:deactivated`, {}, supabase);
    });

    return { handedOver: Boolean(agent) };
  }
);
