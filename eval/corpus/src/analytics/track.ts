import posthog from 'posthog-js';
import { EVENT_TYPES } from '@/lib/constants/events';
import { MESSAGE_STATUS_PREFIX } from '@/lib/constants/realtime-events';

type Props = Record<string, unknown>;

class Analytics {
  private queue: { name: string; props: Props }[] = [];

  track(name: string, props: Props = {}) {
    if (typeof window === 'undefined') {
      this.queue.push({ name, props });
      return;
    }
    posthog.capture(name, props);
  }

  flush() {
    const pending = this.queue.splice(0);
    pending.forEach(({ name, props }) => posthog.capture(name, props));
  }
}

export const analytics = new Analytics();

export function trackMessageSent(conversationId: string) {
  // ok: event-name-custom
  analytics.track('message_sent', { conversationId });
  // ok: event-name-custom
  analytics.track(EVENT_TYPES.NEW_MESSAGE, { conversationId });
}

export function trackDeliveryStatus(status: 'delivered' | 'read' | 'failed') {
  // ok: event-name-custom
  posthog.capture(`${MESSAGE_STATUS_PREFIX}:${status}`);
  // ok: event-name-custom, event-name-literal
  posthog.capture('typing:start', { source: 'composer' });
}
