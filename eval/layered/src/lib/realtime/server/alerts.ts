import 'server-only';
import { emitRealtime } from './emit';
import { notifyThread } from './notify';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '../unified-channel-standards';
import { audit } from '@/lib/log/logger';

/**
 * Organization alerts always go out as SYSTEM_ALERT; `kind` is payload data that the banner
 * component switches on.
 */
export async function raiseAlert(orgId: string, kind: string, detail: Record<string, unknown> = {}) {
  // ok: channel-hand-built, channel-invalid-name, event-name-custom, event-name-literal
  return emitRealtime({ topic: UNIFIED_CHANNELS.organization(orgId), event: UNIFIED_EVENTS.SYSTEM_ALERT, data: { kind, ...detail } });
}

/** Thread event plus an audit line; the audit name is the log's, the event is realtime's. */
export async function notifyWithAudit(
  orgId: string,
  threadId: string,
  auditEvent: string,
  event: string,
  data: Record<string, unknown> = {}
) {
  audit(auditEvent, { orgId, threadId });
  await notifyThread(orgId, threadId, event, data);
}
