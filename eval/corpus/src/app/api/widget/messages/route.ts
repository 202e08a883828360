import { NextResponse, type NextRequest } from 'next/server';
import { createServiceRoleClient } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS, broadcastToChannel } from '@/lib/realtime';

// Visitor messages from the widget (anonymous): service role + explicit organization id.
export async function POST(request: NextRequest) {
  const { organizationId, conversationId, visitorId, content, attachments = [] } = await request.json();
  const supabase = createServiceRoleClient();

  const { data: message, error } = await supabase
    .from('messages')
    // ruleid: message-missing-organization-id
    .insert({
      conversation_id: conversationId,
      sender_id: visitorId,
      sender_type: 'visitor',
      content,
    })
    .select()
    .single();
  if (error) {
    return NextResponse.json({ error: error.message }, { status: 500 });
  }

  if (attachments.length > 0) {
    await supabase.from('messages').insert(
      attachments.map((a: { url: string }) => ({
        organization_id: organizationId,
        conversation_id: conversationId,
        sender_type: 'visitor',
        content: a.url,
      }))
    );
  }

  // ok: channel-hand-built, channel-invalid-name, event-name-custom, event-name-literal
  await broadcastToChannel(UNIFIED_CHANNELS.widget(organizationId, conversationId), UNIFIED_EVENTS.MESSAGE_CREATED, { message });

  // ok: supabase-channel-direct, channel-invalid-name
  // ruleid: channel-hand-built
  const widgetChannel = supabase.channel(`org:${organizationId}:widget:${conversationId}`);
  await widgetChannel.send({
    type: 'broadcast',
    // ruleid: event-name-literal
    event: 'message:created',
    payload: { message },
  });

  await supabase.from('conversations').update({ last_message_at: new Date().toISOString() }).eq('id', conversationId);

  return NextResponse.json({ message }, { status: 201 });
}

export async function PUT(request: NextRequest) {
  const { organizationId, conversationId, messages } = await request.json();
  const supabase = createServiceRoleClient();

  const { error } = await supabase.from('messages').upsert(
    [
      // ok: message-missing-organization-id
      { id: messages[0].id, organization_id: organizationId, conversation_id: conversationId, content: messages[0].content },
      // ruleid: message-missing-organization-id
      { id: messages[1].id, conversation_id: conversationId, content: messages[1].content },
    ],
    // ok: message-missing-organization-id
    { onConflict: 'id' }
  );
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  return NextResponse.json({ ok: true });
}
