#ifndef RTLINT_RULES_CHANNEL_ORG_PROP_H
#define RTLINT_RULES_CHANNEL_ORG_PROP_H
#include "resolve/project.h"

#include <stdbool.h>
#include <stdint.h>

/* An organization id a component declares in its props type but does not
 * destructure: `function TypingIndicator({ conversationId }: Props)` with
 * `interface Props { organizationId: string; ... }` in the same file. */
typedef struct OrgProp {
  const char *name;   /* "organizationId" (static storage) */
  uint32_t insert_at; /* where `insert` goes in the parameter's pattern */
  const char *insert; /* ", organizationId" or "organizationId" (static storage) */
  TSNode function;    /* the component: the name's scope once destructured */
} OrgProp;

/* Finds it for an edit at [start, end) of m: the innermost function around
 * it whose first parameter is an object pattern typed by an object type or
 * an interface (or type alias) declared in m, where that type has a required
 * property of type `string` named like an organization id (organizationId,
 * orgId, organization_id, org_id, first found), which the pattern leaves
 * out. Withheld when the pattern has a rest element (the name would leave
 * it) or the name is written in the pattern or the function's body (a local
 * of that name would clash with the parameter). */
bool channel_org_prop(const Module *m, uint32_t start, uint32_t end, OrgProp *out);

/* `name` written as a whole word anywhere in n (a parameter, a local, a use):
 * then adding a binding of that name there could clash or change what a use
 * means. */
bool channel_name_written_in(const Module *m, TSNode n, const char *name);

#endif
