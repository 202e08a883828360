import { NextResponse, type NextRequest } from 'next/server';
import notify from '@/lib/realtime/server/notify';
import threadEvents from '@/lib/realtime/server/thread-events';
import { trackThread } from '@/lib/analytics/track';
import { publishLocal } from '@/lib/events/bus';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, until, userId } = (await req.json()) as { orgId: string; until: string; userId: string };

  await threadEvents.snoozed(orgId, params.threadId, until);
  // ruleid: event-name-custom
  await threadEvents.emit(orgId, params.threadId, 'snooze_scheduled', { until, by: userId });
  // ruleid: event-name-custom
  await notify(orgId, params.threadId, 'thread_hidden', { userId });

  // ok: event-name-custom
  trackThread(orgId, params.threadId, 'thread_snoozed', { userId });
  // ok: event-name-custom
  publishLocal('thread_snoozed', { threadId: params.threadId, until });

  return NextResponse.json({ ok: true });
}

export async function DELETE(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId } = (await req.json()) as { orgId: string };
  await threadEvents.reopened(orgId, params.threadId);
  return NextResponse.json({ ok: true });
}
