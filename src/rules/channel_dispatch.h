#ifndef RTLINT_RULES_CHANNEL_DISPATCH_H
#define RTLINT_RULES_CHANNEL_DISPATCH_H
#include "rules/channel_effect.h"
#include "rules/ctx.h"

/* A `.on("broadcast", { event: "*" }, handler)` whose handler dispatches on
 * the message's event by hand, as one statement
 *
 *   (msg) => { switch (msg.event) { case E1: ...; break; case E2: ...; break; } }
 *   ({ event, payload }) => { if (event === E1) { ... } if (event === E2) { ... } }
 *
 * adds one listener per case to e (event E, the case's statements as its
 * body, `msg.payload` read as the handler's parameter). False, adding
 * nothing usable, when a case falls through or leaves early, a default does
 * work, the message is used for anything but `.event` / `.payload`, or the
 * handler has any other statement or parameter shape. */
bool channel_dispatch_parse(RuleCtx *ctx, Effect *e, TSNode call, TSNode handler);

#endif
