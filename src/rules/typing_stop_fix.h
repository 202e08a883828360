#ifndef RTLINT_RULES_TYPING_STOP_FIX_H
#define RTLINT_RULES_TYPING_STOP_FIX_H
#include "rules/ctx.h"

/* The typing-stop-missing suggestion for the timer shape: a typing-start
 * listener whose arrow handler schedules `setTimeout(() => undo, ms)` gets a
 * twin listening for UNIFIED_EVENTS.TYPING_STOP that runs `undo` at once,
 * written as the start listener is (the same call, channel and handler
 * parameters). `call` is the listener call, `event` its event expression.
 * Other shapes get nothing. */
void typing_stop_suggest(RuleCtx *ctx, Diag *d, TSNode call, TSNode event);

#endif
