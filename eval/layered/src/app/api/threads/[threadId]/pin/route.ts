import { NextResponse, type NextRequest } from 'next/server';
import { broadcastThread, emitWithRetry } from '@/lib/realtime/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, messageId, handover } = (await req.json()) as { orgId: string; messageId: string; handover?: boolean };

  // ruleid: event-name-custom
  await broadcastThread(orgId, params.threadId, 'message_pinned', { messageId });
  // ok: event-name-custom, event-name-literal
  await broadcastThread(orgId, params.threadId, UNIFIED_EVENTS.MESSAGE_UPDATED, { messageId, pinned: true });

  if (handover) {
    // ok: channel-hand-built, channel-invalid-name
    // ruleid: event-name-custom, event-never-heard
    await emitWithRetry({ topic: UNIFIED_CHANNELS.conversationHandover(orgId, params.threadId), event: 'handover_requested', data: { messageId } });
  }

  return NextResponse.json({ ok: true });
}

export async function DELETE(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, messageId, kind } = (await req.json()) as { orgId: string; messageId: string; kind: 'manual' | 'expired' };
  // ruleid: event-name-custom
  await broadcastThread(orgId, params.threadId, `message_unpinned`, { messageId });
  // ok: event-name-custom, event-name-literal
  await broadcastThread(orgId, params.threadId, `pin:${kind}`, { messageId });
  return NextResponse.json({ ok: true });
}
