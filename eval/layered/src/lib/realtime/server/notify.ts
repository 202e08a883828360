import 'server-only';
import { emitRealtime } from './emit';
import { threadTopic, inboxTopic, typingTopic } from '../topics';
import { Kinds } from '../kinds';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '../unified-channel-standards';

type Data = Record<string, unknown>;

/** Broadcast an event to everyone watching a thread. */
export async function notifyThread(orgId: string, threadId: string, event: string, data: Data = {}) {
  // ruleid: channel-hand-built, channel-invalid-name
  return emitRealtime({ topic: threadTopic(orgId, threadId), event, data });
}

/** Broadcast an event to the organization's inbox (thread list). */
export async function notifyInbox(orgId: string, kind: string, data: Data = {}) {
  // ruleid: channel-hand-built
  return emitRealtime({ topic: inboxTopic(orgId), event: kind, data });
}

/** Organization-wide events (digests, billing, maintenance). */
export const notifyOrg = (orgId: string, event: string, data?: Data) =>
  // ok: channel-hand-built, channel-invalid-name
  emitRealtime({ topic: UNIFIED_CHANNELS.organization(orgId), event, data });

/** Typing is sent on the standard typing channel already. */
export async function notifyTyping(orgId: string, threadId: string, isTyping: boolean, userId: string) {
  return emitRealtime({
    // ok: channel-hand-built
    topic: UNIFIED_CHANNELS.conversationTyping(orgId, threadId),
    // ok: event-name-custom, event-name-literal
    event: isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP,
    data: { userId, threadId, isTyping },
  });
}

/** The v1 mobile app still listens for dotted kinds on the old typing topic. */
export async function notifyTypingLegacy(orgId: string, threadId: string, isTyping: boolean) {
  // ruleid: channel-hand-built, channel-invalid-name, event-name-custom
  await emitRealtime({ topic: typingTopic(orgId, threadId), event: isTyping ? Kinds.TYPING_BEGAN : Kinds.TYPING_ENDED });
}

/** Assignment changes go to the inbox and to the thread. */
export async function notifyAssignment(orgId: string, threadId: string, assigneeId: string | null) {
  // ok: event-name-custom, event-name-literal
  const event = assigneeId ? UNIFIED_EVENTS.CONVERSATION_ASSIGNED : UNIFIED_EVENTS.CONVERSATION_UNASSIGNED;
  await notifyInbox(orgId, event, { threadId, assigneeId });
  await notifyThread(orgId, threadId, event, { assigneeId });
}

/** Older name, still imported by the mobile API. */
export const broadcastThread = notifyThread;

export default notifyThread;
