// Names from the mobile SDK, which uses dots as separators.
export const REALTIME_EVENT_NAMES = {
  // ok: event-name-custom
  MESSAGE_NEW: 'message.new',
  // ok: event-name-custom
  TYPING_START: 'typing.start',
  // ok: event-name-custom
  TYPING_STOP: 'typing.stop',
  // ok: event-name-custom
  SESSION_EXPIRED: 'session.expired',
} as const;

export default REALTIME_EVENT_NAMES;
