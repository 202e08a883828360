#ifndef RTLINT_RULES_EVENT_NAMING_H
#define RTLINT_RULES_EVENT_NAMING_H
#include "rules/ctx.h"

/* Helpers shared by the event-name rules (event-name-custom, event-name-literal,
 * typing-stop-missing) and unit-tested on their own. */

#define EVENT_MAX_BRANCHES 16

/* Splits an event expression into the expressions that each yield a value:
 * both branches of `a ? x : y` (recursively, through parentheses and `as`);
 * any other expression is one branch. Returns the count (at most max). */
size_t event_branches(TSNode expr, TSNode *out, size_t max);

/* "UNIFIED_EVENTS.A", "UNIFIED_EVENTS.A or UNIFIED_EVENTS.B",
 * "UNIFIED_EVENTS.A, UNIFIED_EVENTS.B or UNIFIED_EVENTS.C". */
const char *event_keys_phrase(Arena *a, char *const *keys, size_t nkeys);

/* True when the listener kinds of sink hear the event (a subscription), false
 * for senders: `.send(...)`, `broadcastToChannel(...)`, and wrappers. */
bool event_site_listens(const Module *m, const EventSite *site);

/* For a send of a typing event (`.send({ type: 'broadcast', event, payload: {
 * is_typing: x } })` or `broadcastToChannel(ch, event, { is_typing: x })`):
 * the source text of x (`is_typing` or `isTyping` key, shorthand included);
 * NULL otherwise. */
const char *event_send_is_typing(Arena *a, const Module *m, const EventSite *site);

/* The catalog key of a unified event value ("typing:start" -> TYPING_START), or
 * NULL when the value is not a UNIFIED_EVENTS value. */
const char *event_unified_key(const Standards *std, const char *value);

/* The catalog's own spelling of a custom event name with no counterpart:
 * its words (split at `_`, `.`, `-` and `:`) joined by `_` in capitals for the
 * key and by `:` for the value, as every UNIFIED_EVENTS entry is spelt
 * ("upload_started" -> UPLOAD_STARTED, "upload:started"). False for a name of
 * one word (which part is the resource is a person's call), with capitals or
 * other characters, or starting with a digit. */
bool event_catalog_spelling(Arena *a, const char *name, const char **key, const char **value);

#endif
