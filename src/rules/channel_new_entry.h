#ifndef RTLINT_RULES_CHANNEL_NEW_ENTRY_H
#define RTLINT_RULES_CHANNEL_NEW_ENTRY_H
/* A channel the project's catalog lacks, as a new UNIFIED_CHANNELS entry:
 * the suggestion channel-hand-built and channel-invalid-name share for a
 * name that follows `org:{orgId}:{resource}[:{resourceId}][:{action}]` but
 * whose resource no catalog function builds and no hint explains. */
#include "rules/ctx.h"

#include <stdbool.h>

/* The entry's name for a shape's keywords, the catalog's own rule: the
 * keywords after the org id, each word camelCased, ids left out
 * (`agents:presence` -> agentsPresence, `user:{}:notifications` ->
 * userNotifications); with `one` (an id follows the first keyword) that
 * keyword names one item, singular (`conversations` is all of them,
 * `conversation` one: `assignments:{}` -> assignment). NULL when a keyword
 * is not lowercase letters and digits, in words joined by '-' or '_'. */
const char *channel_entry_name(Arena *a, const char *const *keywords, size_t n, bool one);

/* Adds the suggestion to d for the value `at`, which the caller found
 * invalid whatever its holes hold and with no hint (channel_hint: kind
 * CHANNEL_HINT_NONE), written at its building site [start, end) of m: the
 * entry, after UNIFIED_CHANNELS' last one in its indentation, named and
 * its parameters named and typed as the catalog's (an action on an item the
 * catalog has a function of is named after it, with its parameters:
 * conversationMessageStatus(orgId, convId); otherwise channel_entry_name's,
 * the org id as the catalog's org-level functions name it, an id for the
 * item the keyword before it names: `assignmentId`); the
 * shape as a pattern after the last of isValidChannelName's list; the site
 * rewritten to `UNIFIED_CHANNELS.<name>(<its own expressions>)`, importing
 * UNIFIED_CHANNELS. Withheld (false, d untouched) when the value is not
 * exactly that shape with the org id and the resource id each one whole
 * expression, the name is taken, the catalog is the built-in one, the
 * object or the pattern list cannot be extended (standards/learn.h,
 * fix/catalog_entry.h), rtlint does not read the module's patterns, or
 * UNIFIED_CHANNELS means something else at the site. */
bool channel_new_entry_suggestion(RuleCtx *ctx, Diag *d, const Module *m, uint32_t start,
                                  uint32_t end, const ValAlt *at);

#endif
