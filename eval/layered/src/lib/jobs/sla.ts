import { inngest } from './digest';
import { emitRaw, sendEnvelope } from '@/lib/realtime/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';
import { logger } from '@/lib/log/logger';

/** Warns the assignee when a thread has waited longer than the plan's SLA. */
export const slaWatch = inngest.createFunction(
  { id: 'sla-watch' },
  // ok: event-name-custom
  { event: 'threads/sla.check' },
  async ({ event }) => {
    const { orgId, threadId, assigneeId, waitedMinutes } = event.data as {
      orgId: string;
      threadId: string;
      assigneeId: string;
      waitedMinutes: number;
    };

    // ok: channel-hand-built, channel-invalid-name
    // ruleid: event-name-custom, event-never-heard
    await emitRaw({ topic: UNIFIED_CHANNELS.userNotifications(orgId, assigneeId), event: 'sla_breached', data: { threadId, waitedMinutes } });

    await sendEnvelope({
      // ok: channel-hand-built, channel-invalid-name
      channel: UNIFIED_CHANNELS.conversationStatus(orgId, threadId),
      // ruleid: event-name-literal
      name: 'ai:confidence:low',
      body: { reason: 'sla' },
    });

    // ruleid: channel-hand-built, channel-invalid-name, event-never-heard
    await sendEnvelope({ channel: `org:${orgId}:sla`, name: UNIFIED_EVENTS.SYSTEM_ALERT, body: { threadId } });

    // ok: event-name-custom
    logger.warn({ event: 'sla_breached', orgId, threadId, waitedMinutes });
  }
);
