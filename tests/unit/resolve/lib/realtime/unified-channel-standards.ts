export const UNIFIED_CHANNELS = {
  conversation: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}`,
} as const;
export const UNIFIED_EVENTS = { TYPING_START: "typing:start" } as const;
