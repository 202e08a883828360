#ifndef RTLINT_RULES_CHANNEL_ERROR_FIX_H
#define RTLINT_RULES_CHANNEL_ERROR_FIX_H
#include "rules/ctx.h"

/* The suggestion of channel-error-unhandled: a `CHANNEL_ERROR` branch in the
 * `.subscribe(...)` status callback. `callback` is the inline callback the
 * call passes (null for `.subscribe()`, which gets one); a callback of
 * another shape, or passed by name, gets no fix. The branch calls the
 * component's fallback, which must be in scope under a conventional name
 * (startPolling(), scheduleReconnect(), setFallbackMode(true), ...): without
 * one there is no suggestion, since a branch that does not switch to a
 * fallback still gives up and the finding would stay. */
void channel_error_suggest(RuleCtx *ctx, Diag *d, TSNode subscribe_call, TSNode callback);

/* The suggestion for a callback whose `if (status === "CHANNEL_ERROR")`
 * branch gives up by returning, breaking or logging: the same fallback call
 * goes first in that branch (`branch`, the if's consequence; a single
 * statement becomes a block). A branch that throws or rejects gets nothing:
 * its caller may rely on the error, so what replaces it is the author's
 * decision. */
void channel_error_suggest_in_branch(RuleCtx *ctx, Diag *d, TSNode subscribe_call, TSNode branch);

/* The suggestion for a callback that never mentions CHANNEL_ERROR but
 * handles TIMED_OUT without giving up: CHANNEL_ERROR joins that handling.
 * `handler` is the comparison `status === "TIMED_OUT"` that is an if's whole
 * condition (` || status === "CHANNEL_ERROR"` goes after it) or the
 * `case "TIMED_OUT":` of a switch on the status (`case "CHANNEL_ERROR":` goes
 * before it). The new test is the old one with its TIMED_OUT operand
 * renamed, so it is written as the author wrote theirs (quotes, a
 * REALTIME_SUBSCRIBE_STATES member, operand order). */
void channel_error_suggest_like_timeout(RuleCtx *ctx, Diag *d, TSNode handler);

#endif
