#ifndef RTLINT_RULES_MESSAGE_ORG_FIX_H
#define RTLINT_RULES_MESSAGE_ORG_FIX_H
#include "rules/ctx.h"

/* The fixes of message-missing-organization-id, on the object literal `obj`
 * the finding points at (in the finding's own file).
 *
 * message_org_rename: the camelCase key `key` (a pair's key, or a shorthand
 * `organizationId`) becomes `organization_id` keeping its value. Safe when
 * the object is written as the call's argument (or an element of it): the
 * camelCase column never existed, so the write was always rejected, and the
 * value is the one the author labelled the organization id. A suggestion
 * when the object is bound to a const, or in a const array (it may be read elsewhere under the
 * camelCase key) or given a type (`as T`, `satisfies T`, `const row: T`,
 * which may name the camelCase key).
 *
 * message_org_suggest: a suggestion adding `organization_id: NAME` as the
 * object's first key, NAME being the one bound name of the organization-id
 * role at the object (fix/org_id.h); withheld when there is none or several.
 * Inside a useCallback/useMemo/useEffect callback whose dependency list lacks
 * NAME, NAME is added to the list (a dependency list that is not an array
 * literal withholds the suggestion). */
void message_org_rename(RuleCtx *ctx, Diag *d, TSNode obj, TSNode key);
void message_org_suggest(RuleCtx *ctx, Diag *d, TSNode obj);

#endif
