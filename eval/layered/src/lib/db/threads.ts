import type { SupabaseClient } from '@supabase/supabase-js';
import { UNIFIED_CHANNELS } from '@/lib/realtime/unified-channel-standards';

export interface NewMessage {
  orgId: string;
  threadId: string;
  authorId: string;
  body: string;
}

/** Data access for threads and messages. */
export class ThreadsRepo {
  constructor(private readonly db: SupabaseClient) {}

  async addMessage(input: NewMessage) {
    const { data, error } = await this.db
      .from('messages')
      // ok: message-missing-organization-id
      .insert({
        organization_id: input.orgId,
        conversation_id: input.threadId,
        sender_id: input.authorId,
        content: input.body,
      })
      .select()
      .single();
    if (error) throw error;
    return data;
  }

  async addSystemNote(threadId: string, text: string) {
    // ruleid: message-missing-organization-id
    return this.db.from('messages').insert({ conversation_id: threadId, sender_type: 'system', content: text });
  }

  /** Row-level changes for the inbox counters (postgres_changes, not broadcast). */
  watchRows(orgId: string, onInsert: (row: unknown) => void) {
    return this.db
      // ok: channel-hand-built, channel-invalid-name
      .channel(UNIFIED_CHANNELS.conversations(orgId))
      .on(
        'postgres_changes',
        // ok: event-name-custom
        { event: 'INSERT', schema: 'public', table: 'messages', filter: `organization_id=eq.${orgId}` },
        (change) => onInsert(change.new)
      )
      // ok: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'CHANNEL_ERROR') this.pollInstead(orgId, onInsert);
      });
  }

  private pollInstead(orgId: string, onInsert: (row: unknown) => void) {
    setInterval(async () => {
      const { data } = await this.db.from('messages').select('*').eq('organization_id', orgId).limit(20);
      data?.forEach(onInsert);
    }, 15_000);
  }
}
