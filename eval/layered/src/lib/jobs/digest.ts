import { Inngest } from 'inngest';
import { notifyOrg, notifyUser } from '@/lib/realtime/server';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';

export const inngest = new Inngest({ id: 'threads' });

export const dailyDigest = inngest.createFunction(
  { id: 'daily-digest' },
  // ok: event-name-custom
  { event: 'digest/requested' },
  async ({ event, step }) => {
    const { orgId, recipients } = event.data as { orgId: string; recipients: string[] };
    await step.run('announce', async () => {
      // ruleid: event-name-custom
      await notifyOrg(orgId, 'digest_ready', { count: recipients.length });
    });
    for (const userId of recipients) {
      // ok: event-name-custom, event-name-literal
      await notifyUser(orgId, userId, UNIFIED_EVENTS.NOTIFICATION_CREATED, { kind: 'digest' });
    }
    // ok: event-name-custom
    await step.sendEvent('digest-sent', { name: 'digest/sent', data: { orgId } });
  }
);

export const maintenanceWindow = inngest.createFunction(
  { id: 'maintenance-window' },
  { cron: '0 3 * * SUN' },
  async () => {
    const orgIds: string[] = await fetch(`${process.env.API_URL}/orgs`).then((r) => r.json());
    await Promise.all(
      // ruleid: event-name-literal
      orgIds.map((orgId) => notifyOrg(orgId, 'system:maintenance', { minutes: 30 }))
    );
  }
);
