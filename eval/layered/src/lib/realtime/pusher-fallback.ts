import Pusher from 'pusher-js';

/**
 * The pre-Supabase transport, still used by customers on the v1 widget. Pusher channels and
 * events have their own naming ("private-thread-…", "typing_start"); they are not Supabase
 * Realtime names and the unified standard does not apply to them.
 */
const pusher = new Pusher(process.env.NEXT_PUBLIC_PUSHER_KEY!, { cluster: 'eu', forceTLS: true });

export function watchLegacyThread(threadId: string, onTyping: (data: unknown) => void) {
  // ok: channel-hand-built, channel-invalid-name
  const channel = pusher.subscribe(`private-thread-${threadId}`);
  // ok: event-name-custom
  channel.bind('typing_start', onTyping);
  return () => pusher.unsubscribe(`private-thread-${threadId}`);
}

export function isWatchingLegacyThread(threadId: string): boolean {
  // ok: channel-hand-built, channel-invalid-name
  return Boolean(pusher.channel(`private-thread-${threadId}`)?.subscribed);
}
