import { inngest } from './client';
import { createServiceRoleClient } from '@/lib/supabase/server';
import { UNIFIED_EVENTS } from '@/lib/realtime';
import { analytics } from '@/analytics/track';

function conversationTopic(orgId: string, conversationId: string) {
  // ruleid: channel-hand-built, channel-invalid-name
  return `org:${orgId}:conversation:${conversationId}`;
}

// One level of wrapping around the Supabase channel: call sites give the channel name.
function publish(channelName: string, payload: Record<string, unknown>) {
  const supabase = createServiceRoleClient();
  // ok: channel-hand-built, channel-invalid-name
  return supabase.channel(channelName).send({ type: 'broadcast', event: UNIFIED_EVENTS.CONVERSATION_CLOSED, payload });
}

export const onConversationClosed = inngest.createFunction(
  { id: 'conversation-closed' },
  // ok: event-name-custom
  { event: 'conversations/closed' },
  async ({ event }) => {
    const { conversationId, organizationId } = event.data;
    // ruleid: channel-hand-built, channel-invalid-name
    await publish(conversationTopic(organizationId, conversationId), { conversationId });
    // ruleid: channel-hand-built, channel-invalid-name
    await publish(`closed:${conversationId}`, { conversationId });
    // ok: event-name-custom
    analytics.track('conversation_closed', { organizationId });
  }
);
