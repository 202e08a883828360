#ifndef RTLINT_RULES_REALTIME_RESULTS_H
#define RTLINT_RULES_REALTIME_RESULTS_H
#include "rules/ctx.h"

#define REALTIME_MAX_RESULTS 32

/* The property names the project's own realtime hook returns, read from its
 * definition, so a codemod maps to names that exist rather than to the
 * standards document's: `return { channelName, subscribe, broadcast }`, or
 * `Object.assign([state, actions], { ...state, ...actions })` with `actions`
 * a const object and `state` a useState whose initial value is an object. */
typedef struct RealtimeResults {
  const char *names[REALTIME_MAX_RESULTS]; /* in ctx->arena */
  size_t n;
} RealtimeResults;

/* Fills *out for `hook` as imported from `spec` in ctx->mod; false when the
 * definition is not found or one of its returns is not an object whose
 * properties can all be named (then no name is known). With several returns,
 * only the names every one has. */
bool realtime_results(RuleCtx *ctx, const char *spec, const char *hook, RealtimeResults *out);
bool realtime_results_has(const RealtimeResults *r, const char *name);

#endif
