/**
 * `pnpm seed:realtime`: pushes a few events at the demo organization so the dashboard has
 * something to show in local development.
 */
import { notifyThread, notifyUser } from '@/lib/realtime/server';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';

export async function seedRealtime() {
  // ok: channel-hand-built, channel-invalid-name, event-name-custom, event-name-literal
  await notifyThread('org_demo', 'thread_demo', UNIFIED_EVENTS.MESSAGE_CREATED, { message: { content: 'Hello!' } });
  // ok: channel-hand-built, channel-invalid-name
  // ruleid: event-name-custom
  await notifyUser('org_demo', 'user_demo', 'welcome', { step: 1 });
}

if (require.main === module) {
  void seedRealtime().then(() => process.exit(0));
}
