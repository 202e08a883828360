import { EventEmitter } from 'node:events';

/**
 * In-process event bus between the route handlers and the search indexer. Not realtime:
 * nothing here leaves the server process.
 */
export const bus = new EventEmitter();

export class TypingTracker extends EventEmitter {
  private readonly active = new Map<string, number>();

  started(threadId: string, userId: string) {
    this.active.set(`${threadId}:${userId}`, Date.now());
    // ok: event-name-custom
    this.emit('typing', { threadId, userId });
  }

  stopped(threadId: string, userId: string) {
    this.active.delete(`${threadId}:${userId}`);
    // ok: event-name-custom
    this.emit('typing_stop', { threadId, userId });
  }
}

export const typingTracker = new TypingTracker();

export function onThreadEvent(event: string, listener: (...args: unknown[]) => void) {
  bus.on(event, listener);
  return () => bus.off(event, listener);
}

export function publishLocal(event: string, payload: unknown) {
  // ok: event-name-custom
  bus.emit(event, payload);
}
