/**
 * Pre-unification channel names.
 *
 * @deprecated kept while the chat widget and the old composer migrate to UNIFIED_CHANNELS.
 */
export const LEGACY_CHANNELS = {
  // ruleid: channel-hand-built, channel-invalid-name
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  // ruleid: channel-hand-built, channel-invalid-name
  typing: (conversationId: string) => `typing:${conversationId}`,
  // ok: channel-hand-built, channel-invalid-name
  inbox: (userId: string) => `inbox:${userId}`,
} as const;

export type LegacyChannelKind = keyof typeof LEGACY_CHANNELS;
