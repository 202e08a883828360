import { UNIFIED_CHANNELS } from './unified-channel-standards';

/**
 * Topic helpers shared by the server emitters, the client hooks and a few components.
 * Written before the unified standard; threadTopic() is still the name most of the app uses.
 */
export function threadTopic(orgId: string, threadId: string): string {
  // ruleid: channel-hand-built, channel-invalid-name
  return `org:${orgId}:thread:${threadId}`;
}

export const inboxTopic = (orgId: string) =>
  // ruleid: channel-hand-built
  `org:${orgId}:conversations`;

export function presenceTopic(orgId: string, threadId: string): string {
  // ok: channel-hand-built, channel-invalid-name
  return UNIFIED_CHANNELS.conversationPresence(orgId, threadId);
}

/** @deprecated the v1 mobile app still listens here */
export const legacyThreadTopic = (threadId: string): string =>
  // ruleid: channel-hand-built, channel-invalid-name
  'thread-' + threadId;

/** Key of the local draft store; never a channel. */
export function draftKey(orgId: string, threadId: string): string {
  // ok: channel-hand-built, channel-invalid-name
  return `drafts:${orgId}:${threadId}`;
}
