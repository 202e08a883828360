#ifndef RTLINT_RULES_CHANNEL_ERROR_FIX_H
#define RTLINT_RULES_CHANNEL_ERROR_FIX_H
#include "rules/ctx.h"

/* The suggestion of channel-error-unhandled: a `CHANNEL_ERROR` branch in the
 * `.subscribe(...)` status callback. `callback` is the inline callback the
 * call passes (null for `.subscribe()`, which gets one); a callback of
 * another shape, or passed by name, gets no fix. The branch calls the
 * component's fallback when one is in scope under a conventional name
 * (startPolling(), scheduleReconnect(), setFallbackMode(true), ...); else it
 * holds a TODO(rtlint) comment naming the channel, which the rule still
 * reports as giving up until a person writes the fallback. */
void channel_error_suggest(RuleCtx *ctx, Diag *d, TSNode subscribe_call, TSNode callback);

#endif
