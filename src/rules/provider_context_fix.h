#ifndef RTLINT_RULES_PROVIDER_CONTEXT_FIX_H
#define RTLINT_RULES_PROVIDER_CONTEXT_FIX_H
#include "rules/ctx.h"

/* provider-context-outside's suggestion for widget code: the call
 * `const { ... } = useOrganizationRealtimeContext()` becomes the project's
 * `useRealtime({ type: "widget", organizationId[, conversationId] })`, and
 * each one-handler `subscribe({ onX: h })` becomes `subscribe(EVENT, h)` with
 * the event the provider feeds onX from. Adds nothing to d unless every
 * condition of docs/rules/provider-context-outside.md holds; context_calls is
 * the number of calls of the context hook in the file (the suggestion is for
 * a file with one). */
void provider_context_suggest(RuleCtx *ctx, Diag *d, TSNode call, size_t context_calls);

#endif
