#ifndef RTLINT_RULES_CHANNEL_NAMING_H
#define RTLINT_RULES_CHANNEL_NAMING_H
#include "rules/ctx.h"

/* The UNIFIED_CHANNELS call that builds exactly this value, e.g.
 * "UNIFIED_CHANNELS.conversation(orgId, convId)"; NULL when no catalog shape
 * matches. Shared by the channel rules and their fixes. */
const char *channel_suggest_call(Arena *a, const Standards *std, const ValAlt *alt);

/* Validates a value with every hole standing for one non-empty segment. */
bool channel_alt_valid(Arena *a, const Standards *std, const ValAlt *alt);

#endif
