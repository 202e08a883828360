/**
 * Event names used by the first version of the inbox (before UNIFIED_EVENTS).
 */
export const EVENT_TYPES = {
  // ok: event-name-custom
  TYPING_START: 'typing_start',
  // ok: event-name-custom
  TYPING_STOP: 'typing_stop',
  // ok: event-name-custom
  NEW_MESSAGE: 'new_message',
  // ok: event-name-custom
  MESSAGE_READ: 'message_read',
  CONVERSATION_CLOSED: 'conversation_closed',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
