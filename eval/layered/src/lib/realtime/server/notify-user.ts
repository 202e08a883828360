import 'server-only';
import { emitRaw } from './emit';
import { UNIFIED_CHANNELS } from '../unified-channel-standards';

/**
 * Personal notifications (mentions, assignments, exports) on the user's own channel.
 */
export default async function notifyUser(
  orgId: string,
  userId: string,
  event: string,
  payload: Record<string, unknown> = {}
): Promise<void> {
  // ok: channel-hand-built, channel-invalid-name
  await emitRaw({ topic: UNIFIED_CHANNELS.userNotifications(orgId, userId), event, data: payload });
}
