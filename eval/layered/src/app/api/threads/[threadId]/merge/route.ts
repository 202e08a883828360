import { NextResponse, type NextRequest } from 'next/server';
import { notifyWithAudit, raiseAlert } from '@/lib/realtime/server/alerts';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, targetId, count } = (await req.json()) as { orgId: string; targetId: string; count: number };

  if (count > 500) {
    // ok: event-name-custom, event-name-literal
    await raiseAlert(orgId, 'merge_too_large', { threadId: params.threadId, count });
    return NextResponse.json({ error: 'too large' }, { status: 413 });
  }

  await notifyWithAudit(
    orgId,
    params.threadId,
    // ok: event-name-custom
    'thread_merged',
    // ruleid: event-name-custom
    'threads_merged',
    { into: targetId }
  );
  // ok: event-name-custom, event-name-literal
  await notifyWithAudit(orgId, targetId, 'thread_merge_target', UNIFIED_EVENTS.CONVERSATION_UPDATED, { from: params.threadId });

  return NextResponse.json({ ok: true });
}
