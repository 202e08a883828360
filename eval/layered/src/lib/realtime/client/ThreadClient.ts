import RealtimeClient from './RealtimeClient';
import { createClient } from '@/lib/supabase/client';

/** Thread-specific helpers on top of the shared client. */
export class ThreadClient extends RealtimeClient {
  nudge(orgId: string, threadId: string, from: string) {
    // ruleid: channel-hand-built, event-name-custom
    return this.publish(this.topicFor({ orgId, threadId }), 'nudge_sent', { from });
  }
}

export const threadClient = new ThreadClient(createClient());
