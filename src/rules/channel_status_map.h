#ifndef RTLINT_RULES_CHANNEL_STATUS_MAP_H
#define RTLINT_RULES_CHANNEL_STATUS_MAP_H
#include "core/arena.h"
#include "resolve/project.h"

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

/* A component's `.subscribe((status) => ...)` reacts to its own channel's
 * status; once it subscribes through the provider, the same reaction can
 * only hang on the state the provider keeps for its channel. These read both
 * sides: which state the provider sets for a Supabase status, and which
 * statuses a component's callback reacts to with what. */

#define STATUS_MAX 8
#define STATUS_STATEMENTS 32

/* In the provider's own status callback: Supabase status -> the state it
 * leaves the provider's value in (`connectionStatus === "fallback"`, or a
 * boolean member that is then true). */
typedef struct StatusMap {
  const char *status[STATUS_MAX]; /* "CHANNEL_ERROR" */
  const char *member[STATUS_MAX]; /* "connectionStatus", a member of the context value */
  const char *value[STATUS_MAX];  /* "fallback", or NULL when the member is set to true */
  size_t n;
} StatusMap;

/* Reads every `.subscribe((status) => ...)` of the provider: `if (status ===
 * "S") setX(true | "V")` and `setX(status === "S")`, X being a useState of
 * the provider that its value exposes (a property of its type and a
 * shorthand property of the value). A status set two ways is dropped. */
void status_map_learn(Arena *a, const Module *provider, StatusMap *out);

/* A component's status callback with logic: `(status) => { if (status ===
 * "S" || ...) THEN }`, a switch on status whose only non-empty case group
 * ends in `break;`, or a state that tracks it, `(status) =>
 * setLive(status === "S")`. The statements run must not name the status nor
 * leave the callback (return, break, continue). */
typedef struct StatusReaction {
  const char *status[STATUS_MAX];
  size_t nstatus;
  TSNode tracker;                  /* `setLive(status === "S")`: its callee, or null */
  TSNode then;                     /* the if's consequence as written, or null */
  TSNode stmts[STATUS_STATEMENTS]; /* else the case's statements, its break aside */
  size_t nstmts;
} StatusReaction;

bool status_reaction_parse(Arena *a, const Source *src, TSNode callback, StatusReaction *out);

#endif
