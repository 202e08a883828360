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

/** Typing topic of the v1 protocol (kept in step with threadTopic). */
export function typingTopic(orgId: string, threadId: string): string {
  // ruleid: channel-hand-built, channel-invalid-name
  const name = `org:${orgId}:thread:${threadId}:typing`;
  return name;
}

/** Topic builders grouped for the server routes. */
export const TOPICS = {
  // ruleid: channel-hand-built
  thread: (orgId: string, threadId: string) => `org:${orgId}:conv:${threadId}`,
  // ok: channel-hand-built, channel-invalid-name
  search: (orgId: string) => `org:${orgId}:search`,
} as const;

/** @deprecated the v1 mobile app still listens here */
export const legacyThreadTopic = (threadId: string): string =>
  // ruleid: channel-hand-built, channel-invalid-name
  'thread-' + threadId;

/** Key of the local draft store; never a channel. */
export function draftKey(orgId: string, threadId: string): string {
  // ok: channel-hand-built, channel-invalid-name
  return `drafts:${orgId}:${threadId}`;
}
