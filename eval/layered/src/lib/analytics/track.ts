import posthog from 'posthog-js';

type Props = Record<string, string | number | boolean | null | undefined>;

/** Product analytics. Event names here are PostHog's, not realtime events. */
export function track(event: string, props: Props = {}) {
  if (typeof window === 'undefined') return;
  posthog.capture(event, props);
}

export const analytics = {
  track,
  // ok: event-name-custom
  messageSent: (threadId: string) => track('message_sent', { threadId }),
  // ok: event-name-custom
  typingStarted: (threadId: string) => track('typing_start', { threadId }),
};

/** Same signature as notifyThread on purpose, so call sites read alike. */
export function trackThread(orgId: string, threadId: string, event: string, props: Props = {}) {
  track(event, { ...props, orgId, threadId });
}
