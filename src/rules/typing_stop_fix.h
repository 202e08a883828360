#ifndef RTLINT_RULES_TYPING_STOP_FIX_H
#define RTLINT_RULES_TYPING_STOP_FIX_H
#include "rules/ctx.h"

/* The typing-stop-missing suggestion for a typing-start listener (`call` the
 * listener call, `event` its event expression): a twin listening for
 * UNIFIED_EVENTS.TYPING_STOP, written as the start listener is (the same
 * call, channel and handler parameters), whose handler undoes the start's:
 * - the timer shape: the start arrow schedules one `setTimeout(() => undo,
 *   ms)`; the twin runs `undo` at once;
 * - one state change with a known inverse (typing_stop_inverse.h).
 * Other shapes get nothing. */
void typing_stop_suggest(RuleCtx *ctx, Diag *d, TSNode call, TSNode event);

/* The suggestion for a realtime `subscribe({ onTypingStart })` whose object
 * (inline or a local const) is `object`: an `onTypingStop` member after
 * `onTypingStart`, undoing its one state change (typing_stop_inverse.h),
 * when the provider's handler type declares `onTypingStop`. */
void typing_stop_suggest_subscriber(RuleCtx *ctx, Diag *d, TSNode call, TSNode object);

#endif
