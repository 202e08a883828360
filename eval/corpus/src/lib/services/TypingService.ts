import { UNIFIED_CHANNELS, UNIFIED_EVENTS, subscribeToChannel } from '@/lib/realtime';

type Listener = (userIds: string[]) => void;

/**
 * Keeps the list of people typing in one conversation (used by the mobile app bridge).
 */
export class TypingService {
  private typing = new Set<string>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly orgId: string, private readonly conversationId: string, private readonly onChange: Listener) {}

  start() {
    // ok: channel-hand-built, event-name-custom, event-name-literal
    // ruleid: typing-stop-missing
    this.unsubscribe = subscribeToChannel(UNIFIED_CHANNELS.conversationTyping(this.orgId, this.conversationId), UNIFIED_EVENTS.TYPING_START, (payload) => {
      this.typing.add(String(payload.userId));
      this.onChange([...this.typing]);
      // Typing "stops" only by timeout: nobody listens for the stop event.
      setTimeout(() => {
        this.typing.delete(String(payload.userId));
        this.onChange([...this.typing]);
      }, 5000);
    });
  }

  stop() {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
