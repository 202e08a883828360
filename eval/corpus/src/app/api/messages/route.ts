import { NextResponse, type NextRequest } from 'next/server';
import { createSupabaseServerClient, getAuthenticatedUser } from '@/lib/supabase/server';
import { CHANNEL_PATTERNS } from '@/lib/constants';
import { inngest } from '@/jobs/client';

export async function GET(request: NextRequest) {
  const conversationId = request.nextUrl.searchParams.get('conversationId');
  const supabase = createSupabaseServerClient();
  const { data, error } = await supabase
    .from('messages')
    .select('*')
    .eq('conversation_id', conversationId)
    .order('created_at', { ascending: true });
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });
  return NextResponse.json({ messages: data });
}

export async function POST(request: NextRequest) {
  const user = await getAuthenticatedUser();
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const body = await request.json();
  // ok: event-name-custom
  const { conversationId, content, eventName = 'message_created' } = body;
  const supabase = createSupabaseServerClient();

  const { data: message, error } = await supabase
    .from('messages')
    // ok: message-missing-organization-id
    .insert({
      organization_id: user.organizationId,
      conversation_id: conversationId,
      sender_id: user.id,
      sender_type: 'agent',
      content,
    })
    .select()
    .single();
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });

  // ok: supabase-channel-direct
  // ruleid: channel-hand-built
  const channel = supabase.channel(CHANNEL_PATTERNS.conversation(user.organizationId, conversationId));
  await channel.send({
    type: 'broadcast',
    // ruleid: event-name-custom, event-never-heard
    event: eventName,
    payload: { message },
  });
  await channel.send({
    type: 'broadcast',
    // ruleid: event-name-custom
    event: 'new_message',
    payload: { message },
  });

  await inngest.send({
    // ok: event-name-custom
    name: 'conversations/message.created',
    data: { messageId: message.id, organizationId: user.organizationId, conversationId },
  });

  return NextResponse.json({ message }, { status: 201 });
}
