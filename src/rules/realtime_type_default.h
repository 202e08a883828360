#ifndef RTLINT_RULES_REALTIME_TYPE_DEFAULT_H
#define RTLINT_RULES_REALTIME_TYPE_DEFAULT_H
#include "rules/ctx.h"

/* The `type` the app's own useRealtime takes when a call's options leave it
 * out, read from the hook's declaration (use-realtime-missing-type's
 * suggestion). `call` is a `useRealtime({...})` call; the resolver follows
 * its import to the declaration. The hook's first parameter must give
 * `type` one string-literal default wherever it is read:
 *   - destructured in the parameter: `({ type = "dashboard", ... })`;
 *   - a name destructured in the body: `const { type = "dashboard" } = options`;
 *   - a name passed to a function whose parameter does one of these
 *     (`channelNameFor(options)`), followed two calls deep;
 * while every other use of the name reads another property
 * (`options.enabled`). Any other use (`options.type`, a spread, the name
 * passed where rtlint cannot follow), a read without a default, two different
 * defaults or no default at all: NULL. The result lives in ctx->arena. */
const char *realtime_type_default(RuleCtx *ctx, TSNode call);

#endif
