import type { SupabaseClient } from '@supabase/supabase-js';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';
import { track } from '@/lib/analytics/track';

export interface UploadMeta {
  fileId: string;
  name: string;
  size: number;
  uploadedBy: string;
}

/**
 * Tells the thread about attachment uploads. Used by the upload route and the resumable
 * upload worker.
 */
export default class UploadNotifier {
  constructor(
    private readonly supabase: SupabaseClient,
    private readonly orgId: string,
    private readonly threadId: string
  ) {}

  private async announce(event: string, meta: Partial<UploadMeta> & Record<string, unknown>) {
    const payload = {
      type: 'broadcast' as const,
      // ok: event-name-custom, event-name-literal
      event,
      payload: { ...meta, threadId: this.threadId },
    };
    // ok: channel-hand-built, channel-invalid-name
    const channel = this.supabase.channel(UNIFIED_CHANNELS.conversation(this.orgId, this.threadId));
    await channel.send(payload);
  }

  async started(meta: UploadMeta) {
    // ok: event-name-custom
    track('upload_started', { size: meta.size });
    // ruleid: event-name-custom, event-never-heard
    await this.announce('upload_started', meta);
  }

  async done(meta: UploadMeta) {
    // ruleid: event-name-custom, event-never-heard
    await this.announce('upload_done', meta);
  }

  async failed(fileId: string, reason: string) {
    // ruleid: event-name-custom, event-never-heard
    return this.announce('upload_failed', { fileId, reason });
  }

  async attached(meta: UploadMeta, messageId: string) {
    // ok: event-name-custom, event-name-literal
    // ruleid: event-never-heard
    await this.announce(UNIFIED_EVENTS.MESSAGE_UPDATED, { ...meta, messageId });
  }
}
