export function one(orgId: string, conversationId: string) {
  return { site_one: conversationId };
}

export function two(orgId: string, organizationId: string) {
  return { site_two: [orgId, organizationId] };
}

export function none(conversationId: string) {
  return { site_none: conversationId };
}

export function objectRole(org: { id: string }) {
  return { site_object: org };
}

export function declaredAfter() {
  const row = { site_tdz: 1 };
  const orgId = "declared after the row";
  return [row, orgId];
}

export function destructured(event: { data: { organization_id: string } }) {
  const { organization_id } = event.data;
  return { site_destructured: organization_id };
}
