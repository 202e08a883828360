import 'server-only';
import { notifyThread } from './notify';
import { UNIFIED_EVENTS } from '../unified-channel-standards';

/**
 * Thread lifecycle events, grouped so routes read `threadEvents.snoozed(...)`.
 * `emit` is the escape hatch for events that have no method yet.
 */
export const threadEvents = {
  async emit(orgId: string, threadId: string, event: string, data: Record<string, unknown> = {}) {
    await notifyThread(orgId, threadId, event, { ...data, at: new Date().toISOString() });
  },

  snoozed(orgId: string, threadId: string, until: string) {
    // ruleid: event-name-custom
    return this.emit(orgId, threadId, 'thread_snoozed', { until });
  },

  reopened: (orgId: string, threadId: string) =>
    // ok: event-name-custom, event-name-literal
    notifyThread(orgId, threadId, UNIFIED_EVENTS.CONVERSATION_REOPENED),
};

export default threadEvents;
