import { inngest } from './digest';
import { Broadcaster } from '@/lib/realtime/server/Broadcaster';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';
import { track } from '@/lib/analytics/track';

/** Drafts an AI reply and tells the thread and the agents about it. */
export const aiReply = inngest.createFunction(
  { id: 'ai-reply' },
  // ok: event-name-custom
  { event: 'threads/message.created' },
  async ({ event, step }) => {
    const { orgId, threadId } = event.data as { orgId: string; threadId: string };

    // ruleid: event-name-custom
    await Broadcaster.toThread(orgId, threadId, 'ai_thinking');
    const reply = await step.run('draft', async () => {
      const res = await fetch(`${process.env.AI_URL}/draft`, { method: 'POST', body: JSON.stringify({ threadId }) });
      return (await res.json()) as { text: string; confidence: number };
    });

    // ok: event-name-custom, event-name-literal
    await Broadcaster.toThread(orgId, threadId, UNIFIED_EVENTS.AI_RESPONSE_GENERATED, { text: reply.text });
    if (reply.confidence < 0.4) {
      // ruleid: event-name-custom
      await Broadcaster.toAgents(orgId, 'ai_needs_review', { threadId });
    }
    // ok: event-name-custom
    track('ai_reply_drafted', { confidence: reply.confidence });
  }
);
