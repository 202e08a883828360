import { NextResponse, type NextRequest } from 'next/server';
import { createServiceRoleClient, getAuthenticatedUser } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS, broadcastToChannel } from '@/lib/realtime';
import { REALTIME_EVENTS } from '@/lib/constants';
import { inngest } from '@/jobs/client';

export async function POST(request: NextRequest, { params }: { params: { id: string } }) {
  const user = await getAuthenticatedUser();
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const { agentId } = await request.json();
  const supabase = createServiceRoleClient();
  const orgId = user.organizationId;

  const { data: conversation, error } = await supabase
    .from('conversations')
    .update({ assigned_agent_id: agentId, status: 'open' })
    .eq('id', params.id)
    .eq('organization_id', orgId)
    .select()
    .single();
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });

  // ok: message-missing-organization-id
  await supabase.from('conversation_events').insert({ conversation_id: params.id, kind: 'assigned', actor_id: user.id });

  await broadcastToChannel(
    UNIFIED_CHANNELS.conversation(orgId, params.id),
    // ok: event-name-custom, event-name-literal
    REALTIME_EVENTS.CONVERSATION_ASSIGNED,
    { conversationId: params.id, agentId },
    supabase
  );

  // ruleid: event-name-custom, event-never-heard
  await broadcastToChannel(UNIFIED_CHANNELS.conversations(orgId), 'conversation_assigned', { conversation }, supabase);

  // ruleid: event-name-literal, event-never-heard
  await broadcastToChannel(UNIFIED_CHANNELS.user(orgId, agentId), 'agent:assigned', { conversationId: params.id }, supabase);

  // ruleid: channel-hand-built, channel-invalid-name, event-never-heard
  await broadcastToChannel(`org:${orgId}:agents`, UNIFIED_EVENTS.AGENT_ASSIGNED, { agentId }, supabase);

  await inngest.send({
    // ok: event-name-custom
    name: 'conversations/assigned',
    data: { conversationId: params.id, agentId, organizationId: orgId },
  });

  return NextResponse.json({ conversation });
}
