#ifndef RTLINT_RULES_TYPING_STOP_INVERSE_H
#define RTLINT_RULES_TYPING_STOP_INVERSE_H
#include "rules/ctx.h"

/* What a typing-stop handler does when the typing-start handler makes one
 * mechanical change to a useState state: the start handler's body is one
 * call of the setter (an arrow's expression, or a block with that one
 * statement, maybe under an `if` whose condition only reads names and
 * fields), and the stop twin is the start handler with the setter's argument
 * replaced:
 *   setX(true)                           -> setX(false)
 *   setX(p.fooId)      (useState(null))  -> setX((prev) => (prev === p.fooId ? null : prev))
 *   setX((prev) => [...prev, p.fooId])   -> setX((prev) => prev.filter((u) => u !== p.fooId))
 *   setX((prev) => new Set(prev).add(p.fooId))
 *                                        -> setX((prev) => { const next = new Set(prev);
 *                                                            next.delete(p.fooId); return next; })
 * where p.fooId is an id read from the handler's own parameter (a field
 * named `id`, `...Id`, `..._id` or `...ID`, or a destructured parameter so
 * named): ids compare by value, so the stop's payload finds what the start's
 * added. Anything else has no known inverse. */
typedef struct StopInverse {
  uint32_t start, end; /* the range of the start handler to replace */
  char *text;          /* what goes there; malloc'd */
} StopInverse;

bool typing_stop_inverse(RuleCtx *ctx, TSNode handler, StopInverse *out);

#endif
