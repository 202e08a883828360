import { NextResponse, type NextRequest } from 'next/server';
import { notifyThread, notifyTypingLegacy } from '@/lib/realtime/server/notify';
import { emitRealtime } from '@/lib/realtime/server';
import { TOPICS } from '@/lib/realtime/topics';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';
import { trackThread } from '@/lib/analytics/track';
import { createRouteClient } from '@/lib/supabase/server';
import { typingTracker } from '@/lib/events/bus';

export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const supabase = createRouteClient();
  const { data: auth } = await supabase.auth.getUser();
  if (!auth.user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });

  const { orgId, isTyping } = (await req.json()) as { orgId: string; isTyping: boolean };
  const data = { userId: auth.user.id, threadId: params.threadId, isTyping };

  if (isTyping) {
    typingTracker.started(params.threadId, auth.user.id);
    // ruleid: event-name-custom
    await notifyThread(orgId, params.threadId, 'typing_start', data);
  } else {
    // ruleid: event-name-custom
    await notifyThread(orgId, params.threadId, 'typing_stop', data);
  }

  await notifyTypingLegacy(orgId, params.threadId, isTyping);
  // ruleid: channel-hand-built, event-never-heard
  await emitRealtime({ topic: TOPICS.thread(orgId, params.threadId), event: UNIFIED_EVENTS.CONVERSATION_UPDATED, data });
  // ok: event-name-custom
  trackThread(orgId, params.threadId, 'typing_start', { isTyping });

  return NextResponse.json({ ok: true });
}
