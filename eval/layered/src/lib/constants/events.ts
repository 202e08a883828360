/**
 * Event names of the thread API (v1). Kept for the routes that have not moved to UNIFIED_EVENTS.
 */
export const THREAD_EVENTS = {
  // ok: event-name-custom
  TYPING: 'typing_start',
  // ok: event-name-custom
  CLOSED: 'thread_closed',
  REOPENED: 'thread_reopened',
  // ok: event-name-literal
  ASSIGNED: 'conversation:assigned',
} as const;

export type ThreadEvent = (typeof THREAD_EVENTS)[keyof typeof THREAD_EVENTS];
