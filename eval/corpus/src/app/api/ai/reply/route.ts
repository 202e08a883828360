import { NextResponse, type NextRequest } from 'next/server';
import { createServiceRoleClient } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS, broadcastToChannel } from '@/lib/realtime';

// Called by the AI worker when a reply is ready.
export async function POST(request: NextRequest) {
  const { organizationId, conversationId, reply, confidence, citations } = await request.json();
  const supabase = createServiceRoleClient();

  // ok: message-missing-organization-id
  await supabase.from('ai_runs').insert({ conversation_id: conversationId, confidence });

  const { data: message, error } = await supabase
    .from('messages')
    // ruleid: message-missing-organization-id
    .insert({ organizationId, conversation_id: conversationId, sender_type: 'ai', content: reply })
    .select()
    .single();
  if (error) return NextResponse.json({ error: error.message }, { status: 500 });

  if (Array.isArray(citations) && citations.length > 0) {
    await supabase.from('messages').upsert([
      // ruleid: message-missing-organization-id
      { id: `${message.id}-sources`, conversation_id: conversationId, sender_type: 'ai', content: citations.join('\n') },
      // ruleid: message-missing-organization-id
      {
        id: `${message.id}-disclaimer`,
        conversation_id: conversationId,
        sender_type: 'system',
        content: 'AI generated answer',
      },
    ]);
  }

  await broadcastToChannel(
    // ok: channel-hand-built
    UNIFIED_CHANNELS.conversation(organizationId, conversationId),
    // ok: event-name-custom, event-name-literal
    // ruleid: event-never-heard
    confidence < 0.5 ? UNIFIED_EVENTS.AI_CONFIDENCE_LOW : UNIFIED_EVENTS.AI_RESPONSE_GENERATED,
    { message, confidence },
    supabase
  );

  return NextResponse.json({ message });
}
