import { NextResponse, type NextRequest } from 'next/server';
import * as realtime from '@/lib/realtime/server';
import { THREAD_EVENTS } from '@/lib/constants/events';
import { audit } from '@/lib/log/logger';
import { bus } from '@/lib/events/bus';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, reason } = (await req.json()) as { orgId: string; reason?: string };

  // ruleid: event-name-custom
  await realtime.notifyThread(orgId, params.threadId, THREAD_EVENTS.CLOSED, { reason });
  // ruleid: event-name-custom
  await realtime.notifyInbox(orgId, 'conversation_updated', { threadId: params.threadId, status: 'closed' });

  // ok: event-name-custom
  audit('thread_closed', { orgId, threadId: params.threadId });
  // ok: event-name-custom
  bus.emit('thread_closed', { threadId: params.threadId });

  return NextResponse.json({ ok: true });
}

export async function DELETE(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId } = (await req.json()) as { orgId: string };
  await realtime.notifyThread(
    orgId,
    params.threadId,
    // ruleid: event-name-custom
    THREAD_EVENTS.REOPENED
  );
  return NextResponse.json({ ok: true });
}
