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

export function twins(orgId: string, items: string[]) {
  const first = `org:${orgId}:one`;
  items.forEach((orgId) => `org:${orgId}:two`);
  return () => `org:${orgId}:three`;
}

export function elsewhere(orgId: string) {
  return `org:${orgId}:four`;
}

export function Destructured({ orgId }: { orgId: string }) {
  const a = `org:${orgId}:five`;
  const f = ({ orgId }: { orgId: string }) => `org:${orgId}:six`;
  return [a, f, () => `org:${orgId}:seven`];
}

export function typedOnly({ conversationId }: { conversationId: string; organizationId: string }) {
  return `conversation:${conversationId}:eight`;
}
