import type { RoomChannel } from './room';
import { UNIFIED_EVENTS } from '../unified-channel-standards';

/**
 * Lightweight signals on a thread room (typing pauses, focus, nudges). Thin on purpose:
 * components call signalThread(room, event) and the room does the sending.
 */
export function signalThread(room: RoomChannel, event: string, data: Record<string, unknown> = {}) {
  return room.emit(event, { ...data, sentAt: Date.now() });
}

export const signalFocus = (room: RoomChannel, userId: string) =>
  // ok: event-name-custom, event-name-literal
  signalThread(room, UNIFIED_EVENTS.VISITOR_ACTIVE, { userId });
