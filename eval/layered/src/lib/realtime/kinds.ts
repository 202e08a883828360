import { UNIFIED_EVENTS } from './unified-channel-standards';

/**
 * Event kinds of the room protocol. The dotted names predate UNIFIED_EVENTS; the web client
 * and the mobile app both listen for them.
 */
export const Kinds = {
  // ok: event-name-custom
  TYPING_BEGAN: 'typing.began',
  // ok: event-name-custom
  TYPING_ENDED: 'typing.ended',
  // ok: event-name-custom
  MESSAGE_POSTED: 'message.posted',
  SEEN: 'thread.seen',
  REACTION_ADDED: 'reaction.added',
} as const;

export type Kind = (typeof Kinds)[keyof typeof Kinds];

/** Kinds already migrated to the standard. */
export const StandardKinds = {
  TYPING_START: UNIFIED_EVENTS.TYPING_START,
  TYPING_STOP: UNIFIED_EVENTS.TYPING_STOP,
  MESSAGE_CREATED: UNIFIED_EVENTS.MESSAGE_CREATED,
  READ_RECEIPT: UNIFIED_EVENTS.READ_RECEIPT,
} as const;
