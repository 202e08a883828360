import type { RealtimeChannel } from '@supabase/supabase-js';
import { UNIFIED_EVENTS } from './unified-channel-standards';

export interface ThreadEventHandlers {
  onTyping?: (userId: string, isTyping: boolean) => void;
  onMessage?: (message: unknown) => void;
  onClosed?: () => void;
  onUnknown?: (event: string) => void;
}

/**
 * One wildcard listener per thread channel, dispatching by hand: cheaper than one
 * listener per event when a thread view needs a dozen of them.
 */
export function attachThreadDispatcher(channel: RealtimeChannel, handlers: ThreadEventHandlers): RealtimeChannel {
  // ok: event-name-custom
  return channel.on('broadcast', { event: '*' }, (message) => {
    const { event, payload } = message;
    switch (event) {
      // ruleid: event-name-custom
      case 'typing_start':
        handlers.onTyping?.(payload.userId, true);
        break;
      // ruleid: event-name-custom
      case 'typing_stop':
        handlers.onTyping?.(payload.userId, false);
        break;
      // ok: event-name-custom, event-name-literal
      case UNIFIED_EVENTS.MESSAGE_CREATED:
        handlers.onMessage?.(payload.message);
        break;
      // ruleid: event-name-literal
      case 'conversation:closed':
        handlers.onClosed?.();
        break;
      default:
        handlers.onUnknown?.(event);
    }
  });
}

/** Inbox variant: only two events matter, an if chain is enough. */
export function attachInboxDispatcher(channel: RealtimeChannel, refresh: () => void, bump: (id: string) => void) {
  const onAny = (msg: { event: string; payload: any }) => {
    const evt = msg.event;
    // ruleid: event-name-custom
    if (evt === 'conversation_updated') {
      refresh();
      // ok: event-name-custom, event-name-literal
    } else if (evt === UNIFIED_EVENTS.CONVERSATION_CREATED || evt === UNIFIED_EVENTS.CONVERSATION_REOPENED) {
      bump(msg.payload.threadId);
    }
  };
  // ok: event-name-custom
  channel.on('broadcast', { event: '*' }, onAny);
  return channel;
}
