import { UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";

export function room(orgId: string, conv: { id: string }) {
  return `org:${orgId}:conv:${conv.id}`;
}

export const handover = (org: string, id: string) => `org:${org}:conv:${id}:handover`;

export function shadowed(orgId: string) {
  const UNIFIED_CHANNELS = { conversations: (o: string) => o };
  return `org:${orgId}:conversations`;
}

export const globalName = `org:${window.orgId}:conversations`;
