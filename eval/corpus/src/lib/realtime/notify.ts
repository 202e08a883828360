import type { RealtimeChannel } from '@supabase/supabase-js';
import { UNIFIED_EVENTS } from './unified-channel-standards';

// Message delivery notifications, sent on the conversation status channel bound at start-up.
let statusChannel: RealtimeChannel | null = null;

export function bindStatusChannel(channel: RealtimeChannel) {
  statusChannel = channel;
}

function notify(evt: string, payload: Record<string, unknown>) {
  if (!statusChannel) return;
  // ok: event-name-custom, event-name-literal
  void statusChannel.send({ type: 'broadcast', event: evt, payload });
}

export function notifyDelivered(messageId: string) {
  // ok: event-name-custom, event-name-literal
  notify(UNIFIED_EVENTS.MESSAGE_STATUS_DELIVERED, { messageId });
}

export function notifyFailed(messageId: string, reason: string) {
  // ruleid: event-name-custom
  notify('message_failed', { messageId, reason });
}

export function notifyRead(messageId: string) {
  // ruleid: event-name-literal
  notify('message:status:read', { messageId });
}

export function notifyStatus(kind: 'delivered' | 'read' | 'failed', messageId: string) {
  // ok: event-name-custom, event-name-literal
  notify(`message:status:${kind}`, { messageId });
}

export function notifyPartial(messageId: string) {
  // ruleid: event-name-custom
  notify('message:status', { messageId, partial: true });
}
