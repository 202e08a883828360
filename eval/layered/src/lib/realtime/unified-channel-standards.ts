/**
 * UNIFIED CHANNEL NAMING STANDARDS
 *
 * This is the SINGLE SOURCE OF TRUTH for all channel naming conventions
 * across the entire application. All other channel naming files
 * should import from and defer to this standard.
 *
 * DESIGN PRINCIPLES:
 * 1. Hierarchical: org -> resource -> sub-resource -> action
 * 2. Predictable: Same pattern for all channel types
 * 3. Scoped: Organization-first isolation
 * 4. Extensible: Easy to add new channel types
 * 5. Bidirectional: Support both client->server and server->client flows
 */

export const UNIFIED_CHANNELS = {
  // Organization level
  organization: (orgId: string) => `org:${orgId}`,
  conversations: (orgId: string) => `org:${orgId}:conversations`,
  agentsPresence: (orgId: string) => `org:${orgId}:agents:presence`,
  notifications: (orgId: string) => `org:${orgId}:notifications`,
  activity: (orgId: string) => `org:${orgId}:activity`,
  metrics: (orgId: string) => `org:${orgId}:metrics`,

  // Conversation level
  // ok: channel-hand-built, channel-invalid-name
  conversation: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}`,
  // ok: channel-hand-built
  conversationTyping: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}:typing`,
  conversationPresence: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}:presence`,
  conversationHandover: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}:handover`,
  conversationStatus: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}:status`,

  // User / agent level
  user: (orgId: string, userId: string) => `org:${orgId}:user:${userId}`,
  userNotifications: (orgId: string, userId: string) => `org:${orgId}:user:${userId}:notifications`,
  userPresence: (orgId: string, userId: string) => `org:${orgId}:user:${userId}:presence`,
  userActivity: (orgId: string, userId: string) => `org:${orgId}:user:${userId}:activity`,

  // Widget level (UNIFIED with the conversation channel)
  // ok: channel-hand-built
  widget: (orgId: string, convId: string) => `org:${orgId}:conv:${convId}`,
  widgetVisitor: (orgId: string, visitorId: string) => `org:${orgId}:widget:visitor:${visitorId}`,

  // System level
  // ok: channel-hand-built
  system: () => `system:announcements`,
  health: () => `system:health`,
  performance: () => `system:performance`,
} as const;

export const UNIFIED_EVENTS = {
  // Message events
  MESSAGE_CREATED: "message:created",
  MESSAGE_UPDATED: "message:updated",
  MESSAGE_DELETED: "message:deleted",
  MESSAGE_STATUS_DELIVERED: "message:status:delivered",
  MESSAGE_STATUS_READ: "message:status:read",
  MESSAGE_STATUS_FAILED: "message:status:failed",
  READ_RECEIPT: "read:receipt",

  // Conversation events
  CONVERSATION_CREATED: "conversation:created",
  CONVERSATION_UPDATED: "conversation:updated",
  CONVERSATION_ASSIGNED: "conversation:assigned",
  CONVERSATION_UNASSIGNED: "conversation:unassigned",
  CONVERSATION_CLOSED: "conversation:closed",
  CONVERSATION_REOPENED: "conversation:reopened",
  CONVERSATION_ARCHIVED: "conversation:archived",

  // Typing events
  // ok: event-name-literal
  TYPING_START: "typing:start",
  // ok: event-name-literal
  TYPING_STOP: "typing:stop",
  TYPING_UPDATE: "typing:update",

  // Presence events
  PRESENCE_JOIN: "presence:join",
  PRESENCE_LEAVE: "presence:leave",
  PRESENCE_UPDATE: "presence:update",

  // Agent events
  AGENT_STATUS_ONLINE: "agent:status:online",
  AGENT_STATUS_AWAY: "agent:status:away",
  AGENT_STATUS_BUSY: "agent:status:busy",
  AGENT_STATUS_OFFLINE: "agent:status:offline",
  AGENT_ASSIGNED: "agent:assigned",
  AGENT_UNASSIGNED: "agent:unassigned",

  // AI events
  AI_ACTIVATED: "ai:activated",
  AI_DEACTIVATED: "ai:deactivated",
  AI_RESPONSE_GENERATED: "ai:response:generated",
  AI_HANDOVER_REQUESTED: "ai:handover:requested",
  AI_HANDOVER_COMPLETED: "ai:handover:completed",
  AI_CONFIDENCE_LOW: "ai:confidence:low",
  AI_CONFIDENCE_HIGH: "ai:confidence:high",

  // Visitor events
  VISITOR_JOINED: "visitor:joined",
  VISITOR_LEFT: "visitor:left",
  VISITOR_ACTIVE: "visitor:active",
  VISITOR_IDLE: "visitor:idle",
  VISITOR_PAGE_VIEW: "visitor:page:view",

  // Notification events
  NOTIFICATION_CREATED: "notification:created",
  NOTIFICATION_READ: "notification:read",
  NOTIFICATION_DISMISSED: "notification:dismissed",

  // System events
  SYSTEM_MAINTENANCE: "system:maintenance",
  SYSTEM_ALERT: "system:alert",
  SYSTEM_HEALTH_CHECK: "system:health:check",
} as const;

export type UnifiedChannelName = ReturnType<(typeof UNIFIED_CHANNELS)[keyof typeof UNIFIED_CHANNELS]>;
export type UnifiedEventType = (typeof UNIFIED_EVENTS)[keyof typeof UNIFIED_EVENTS];

// Validate if a channel name follows the unified standard
export function isValidChannelName(channelName: string): boolean {
  // System channels
  if (channelName.startsWith("system:")) {
    return /^system:(announcements|health|performance)$/.test(channelName);
  }

  // Organization channels
  if (channelName.startsWith("org:")) {
    const patterns = [
      /^org:[^:]+$/, // org:orgId
      /^org:[^:]+:(conversations|notifications|activity|metrics)$/, // org:orgId:resource
      /^org:[^:]+:agents:presence$/, // org:orgId:agents:presence
      /^org:[^:]+:conv:[^:]+$/, // org:orgId:conv:convId
      /^org:[^:]+:conv:[^:]+:(typing|presence|handover|status)$/, // org:orgId:conv:convId:action
      /^org:[^:]+:user:[^:]+$/, // org:orgId:user:userId
      /^org:[^:]+:user:[^:]+:(notifications|presence|activity)$/, // org:orgId:user:userId:action
      /^org:[^:]+:widget:[^:]+$/, // org:orgId:widget:convId
      /^org:[^:]+:widget:visitor:[^:]+$/, // org:orgId:widget:visitor:visitorId
    ];

    return patterns.some((pattern) => pattern.test(channelName));
  }

  return false;
}

// Validate if an event name follows the unified standard
export function isValidEventName(eventName: string): boolean {
  return Object.values(UNIFIED_EVENTS).includes(eventName as UnifiedEventType);
}

// Extract organization ID from channel name
export function extractOrgId(channelName: string): string | null {
  const match = channelName.match(/^org:([^:]+)/);
  return match ? match[1] : null;
}

// Extract resource type from channel name
export function extractResourceType(channelName: string): string | null {
  const match = channelName.match(/^org:[^:]+:([^:]+)/);
  return match ? match[1] : null;
}

// Extract resource ID from channel name
export function extractResourceId(channelName: string): string | null {
  const match = channelName.match(/^org:[^:]+:[^:]+:([^:]+)/);
  return match ? match[1] : null;
}
