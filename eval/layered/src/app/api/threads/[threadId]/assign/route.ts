import { NextResponse, type NextRequest } from 'next/server';
import { notifyAssignment, notifyInbox } from '../../../../../lib/realtime/server/notify';
import { emitRealtime } from '../../../../../lib/realtime/server/emit';
import { THREAD_EVENTS } from '../../../../../lib/constants/events';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, assigneeId } = (await req.json()) as { orgId: string; assigneeId: string | null };

  await notifyAssignment(orgId, params.threadId, assigneeId);

  // ruleid: event-name-literal
  await notifyInbox(orgId, THREAD_EVENTS.ASSIGNED, { threadId: params.threadId });

  if (assigneeId) {
    // ruleid: channel-hand-built, channel-invalid-name, event-name-custom, event-never-heard
    await emitRealtime({ topic: `org:${orgId}:assignments:${assigneeId}`, event: 'assigned', data: { threadId: params.threadId } });
  }

  return NextResponse.json({ ok: true });
}
