import { NextResponse, type NextRequest } from 'next/server';
import { getSupabaseAdmin } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';
import { inngest } from '@/lib/jobs/digest';
import { logger } from '@/lib/log/logger';

export async function POST(req: NextRequest) {
  const { orgId, userId, threadIds } = (await req.json()) as { orgId: string; userId: string; threadIds: string[] };
  const admin = getSupabaseAdmin();

  // ok: event-name-custom
  await inngest.send({ name: 'exports/requested', data: { orgId, userId, threadIds } });

  const message = {
    type: 'broadcast' as const,
    // ruleid: event-name-custom, event-never-heard
    event: 'export_queued',
    payload: { count: threadIds.length },
  };
  // ok: channel-hand-built, channel-invalid-name
  const channel = admin.channel(UNIFIED_CHANNELS.userNotifications(orgId, userId));
  await channel.send(message);

  const done = {
    type: 'broadcast' as const,
    // ok: event-name-custom, event-name-literal
    // ruleid: event-never-heard
    event: UNIFIED_EVENTS.NOTIFICATION_CREATED,
    payload: { kind: 'export', count: threadIds.length },
  };
  await channel.send(done);

  const envelope = {
    type: 'broadcast',
    // ok: event-name-custom
    event: 'export_logged',
    payload: { orgId, userId },
  };
  logger.info(envelope, 'export envelope (audit copy, not sent)');

  return NextResponse.json({ queued: threadIds.length }, { status: 202 });
}
