// Channel names shared across the app.

// ruleid: channel-hand-built, channel-invalid-name
export const GLOBAL_PRESENCE_CHANNEL = 'online-users';

// ruleid: channel-hand-built
export const SYSTEM_CHANNEL = 'system:announcements';

// ok: channel-hand-built, channel-invalid-name
export const CHANNEL_PREFIX = 'org:';

export const CHANNEL_PATTERNS = {
  // ruleid: channel-hand-built
  conversation: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}`,
  // ruleid: channel-hand-built, channel-invalid-name
  typing: (orgId: string, convId: string) => `org:${orgId}:conversation:${convId}:typing`,
  // ok: channel-hand-built, channel-invalid-name
  inbox: (orgId: string) => `org:${orgId}:inbox`,
} as const;
