import { UNIFIED_EVENTS } from '@/lib/realtime';

/**
 * Short aliases for the events the inbox cares about. Values come from UNIFIED_EVENTS.
 */
export const REALTIME_EVENTS = {
  // ok: event-name-literal, event-name-custom
  TYPING_START: UNIFIED_EVENTS.TYPING_START,
  TYPING_STOP: UNIFIED_EVENTS.TYPING_STOP,
  MESSAGE_CREATED: UNIFIED_EVENTS.MESSAGE_CREATED,
  READ_RECEIPT: UNIFIED_EVENTS.READ_RECEIPT,
  CONVERSATION_ASSIGNED: UNIFIED_EVENTS.CONVERSATION_ASSIGNED,
} as const;

export type RealtimeEventName = (typeof REALTIME_EVENTS)[keyof typeof REALTIME_EVENTS];

// Not a unified event: only used as a log prefix.
// ok: event-name-custom
export const MESSAGE_STATUS_PREFIX = 'message:status';
