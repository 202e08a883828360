#ifndef RTLINT_RULES_CHANNEL_USE_FIX_H
#define RTLINT_RULES_CHANNEL_USE_FIX_H
#include "core/strmap.h"
#include "rules/channel_naming.h"
#include "rules/ctx.h"

/* What a file's use fixes worked out once per value (the near-miss search is
 * the costly part). Zero-initialise; channel_use_fix_done frees it. */
typedef struct ChannelUseMemo {
  StrMap hints; /* val_alt_key -> ChannelHint */
} ChannelUseMemo;

/* The suggestion at a USE of a channel name built by hand elsewhere (a
 * builder function, often in another file, or an imported constant), for a
 * use with this one value `alt`: the builder call written at the use (the
 * sink's argument, or the initializer of the local const it names) or the
 * imported constant's name is replaced by the UNIFIED_CHANNELS call that
 * builds the same name (an exact shape) or the one a near-miss or legacy
 * hint names (channel_naming.h). Every argument of that call must be an
 * argument of the builder call written at the use (a constant: no argument
 * at all), except the organization id a legacy name lacks, which is a name of
 * that role bound at the use; all of them bound there (fix/bound.h). The
 * other calls of the same builder with the same arguments, meaning the same,
 * in the same top-level declaration (a `release(...)` beside the
 * `getChannel(...)`) get the same replacement, so they keep naming one
 * channel. The org id and hook dependencies as channel_site_suggestion. Always a suggestion: the
 * builder is the app's, and a hint changes the channel's name. False, and d untouched, when
 * withheld. */
bool channel_use_fix(RuleCtx *ctx, ChannelUseMemo *memo, Diag *d, TSNode arg, const ValAlt *alt);

/* The suggestion for a near-miss or legacy hint h at its building site
 * [start, end) of m: the call channel_hint_fix_call writes there; when the
 * organization id a legacy name lacks is in no name of that role in scope,
 * the prop of that role the component declares and leaves out of its
 * parameter's pattern, destructured by the edit (rules/channel_org_prop.h).
 * When that org id is then read inside a React hook callback (useEffect,
 * useLayoutEffect, useCallback, useMemo) declared inside its scope, it joins
 * the hook's dependency array unless listed, so the callback does not keep
 * the first organization's channel. Imports UNIFIED_CHANNELS. A suggestion.
 * False, d untouched, when withheld. */
bool channel_site_suggestion(RuleCtx *ctx, Diag *d, const Module *m, uint32_t start, uint32_t end,
                             const ChannelHint *h);

void channel_use_fix_done(ChannelUseMemo *memo);

#endif
