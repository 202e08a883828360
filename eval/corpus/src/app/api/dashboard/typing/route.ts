import { NextResponse, type NextRequest } from 'next/server';
import { createServiceRoleClient, getAuthenticatedUser } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

export async function POST(request: NextRequest) {
  const user = await getAuthenticatedUser();
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const { conversationId, isTyping, content } = await request.json();
  const supabaseClient = createServiceRoleClient();

  const typingPayload = {
    userId: user.id,
    userName: user.name,
    conversationId,
    isTyping,
    previewText: typeof content === 'string' ? content.slice(0, 50) : undefined,
    timestamp: new Date().toISOString(),
  };

  // Broadcast to conversation typing channel
  const typingChannel = UNIFIED_CHANNELS.conversationTyping(user.organizationId, conversationId);
  // ok: supabase-channel-direct, channel-hand-built, channel-invalid-name
  const typingChannelClient = supabaseClient.channel(typingChannel);
  await typingChannelClient.send({
    type: 'broadcast',
    // ok: event-name-custom, event-name-literal, event-never-heard
    event: isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP,
    payload: typingPayload,
  });

  // Also broadcast to main conversation channel for widget updates
  const conversationChannel = UNIFIED_CHANNELS.conversation(user.organizationId, conversationId);
  // ok: supabase-channel-direct, channel-hand-built
  const convChannelClient = supabaseClient.channel(conversationChannel);
  await convChannelClient.send({
    type: 'broadcast',
    event: isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP,
    payload: typingPayload,
  });

  // Broadcast to widget channel for bidirectional communication
  const widgetChannel = UNIFIED_CHANNELS.widget(user.organizationId, conversationId);
  const widgetChannelClient = supabaseClient.channel(widgetChannel);
  await widgetChannelClient.send({
    type: 'broadcast',
    event: isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP,
    payload: typingPayload,
  });

  if (isTyping && typingPayload.previewText) {
    await convChannelClient.send({
      type: 'broadcast',
      // ruleid: event-name-literal
      event: 'typing:update',
      payload: typingPayload,
    });
  }

  // ok: supabase-channel-direct
  await Promise.all([supabaseClient.removeChannel(typingChannelClient), supabaseClient.removeChannel(convChannelClient)]);

  return NextResponse.json({ success: true });
}
