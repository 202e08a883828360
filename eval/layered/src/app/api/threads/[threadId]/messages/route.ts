import { NextResponse, type NextRequest } from 'next/server';
import { notifyThread as publishToThread, notifyInbox, notifyConversation } from '@/lib/realtime/server';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';
import { createRouteClient } from '@/lib/supabase/server';
import { ThreadsRepo } from '@/lib/db/threads';
import { track } from '@/lib/analytics/track';
import { logger } from '@/lib/log/logger';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const supabase = createRouteClient();
  const body = (await req.json()) as { orgId: string; authorId: string; text: string; draftId?: string };

  const message = await new ThreadsRepo(supabase).addMessage({
    orgId: body.orgId,
    threadId: params.threadId,
    authorId: body.authorId,
    body: body.text,
  });

  // ok: event-name-custom, event-name-literal
  await publishToThread(body.orgId, params.threadId, UNIFIED_EVENTS.MESSAGE_CREATED, { message });
  if (body.draftId) {
    // ruleid: event-name-custom
    await publishToThread(body.orgId, params.threadId, 'draft_discarded', { draftId: body.draftId });
  }
  await notifyInbox(
    body.orgId,
    // ruleid: event-name-custom
    'thread_bumped',
    { threadId: params.threadId, lastMessageAt: message.created_at }
  );

  // ok: event-name-custom
  track('message_sent', { length: body.text.length });
  // ok: event-name-custom
  logger.info({ event: 'message_created', threadId: params.threadId, messageId: message.id });

  return NextResponse.json({ message }, { status: 201 });
}

export async function PATCH(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, messageId, text } = (await req.json()) as { orgId: string; messageId: string; text: string };
  const supabase = createRouteClient();
  // ok: message-missing-organization-id
  await supabase.from('messages').update({ content: text, edited: true }).eq('id', messageId);
  // ruleid: event-name-literal
  await publishToThread(orgId, params.threadId, 'message:updated', { messageId, text });
  return NextResponse.json({ ok: true });
}

export async function DELETE(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, messageId } = (await req.json()) as { orgId: string; messageId: string };
  const supabase = createRouteClient();
  await supabase.from('messages').delete().eq('id', messageId);
  // ruleid: event-name-custom
  await notifyConversation(orgId, params.threadId, 'message_deleted', { messageId });
  return NextResponse.json({ ok: true });
}
