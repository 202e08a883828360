#ifndef RTLINT_RULES_CHANNEL_EFFECT_SHAPE_H
#define RTLINT_RULES_CHANNEL_EFFECT_SHAPE_H
#include "rules/channel_effect.h"
#include "rules/ctx.h"

/* The shapes supabase-channel-direct's codemod converts (see
 * channel_effect_fix.h), recognised without writing anything: a useEffect
 * that opens channels, listens, sends or reacts to their status and removes
 * them, or a send outside any effect in a function of a component. */

/* Recognises the shape around the finding's `supabase.channel(NAME)` into
 * *e, its listeners in source order; *in_effect says whether it is a
 * useEffect (else sends in a function of the component). False for any
 * other shape, or one with a part not recognised. */
bool channel_effect_recognise(RuleCtx *ctx, TSNode channel_call, Effect *e, bool *in_effect);

#endif
