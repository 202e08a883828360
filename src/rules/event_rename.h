#ifndef RTLINT_RULES_EVENT_RENAME_H
#define RTLINT_RULES_EVENT_RENAME_H
/* What event-name-custom offers for a custom event name: the UNIFIED_EVENTS
 * expression that replaces it and how sure that is. The contract rules carry
 * the very same fix when it is what the other end of the channel uses
 * (graph/collect.c records it per site, rules/contract_report.c attaches it),
 * so both findings make one edit. */
#include "core/arena.h"
#include "core/diag.h"
#include "resolve/facts.h"
#include "resolve/project.h"
#include "standards/standards.h"

#include <stdbool.h>
#include <stdint.h>

#define EVENT_RENAME_MAX_KEYS 2

typedef struct EventRename {
  const EventMigration *mig; /* the migration map's entry, or NULL */
  const EventDef *near;      /* else the value the name is a near miss of, or NULL */
  const EventDef *synonym;   /* else the value it names in other words, or NULL */
  const char *text;          /* the replacement (arena), NULL when none is offered */
  const char *help;
  FixApplicability app;
  const char *keys[EVENT_RENAME_MAX_KEYS]; /* the UNIFIED_EVENTS keys text names */
  size_t nkeys;
} EventRename;

/* The replacement of custom event name `value` written at an event site:
 * the migration map's (one key: safe; several: a suggestion of the first,
 * or of `is_typing ? START : STOP` on a typing send when whole_arg says the
 * expression is the site's whole argument), else a near miss's key
 * (std_event_near_miss: a suggestion), else the key of the value it names in
 * other words (std_event_synonym: a suggestion). mig, near and synonym all
 * NULL: nothing is known. */
EventRename event_rename(Arena *a, const Standards *std, const Module *m, const EventSite *site,
                         const char *value, bool whole_arg);

/* Makes r the fix of d, replacing [start, end) of m and adding the
 * UNIFIED_EVENTS import when m lacks it. False, and d left alone, when r has
 * no text or a name it writes is not bound there (fix/bound.h). */
bool event_rename_fix(Diag *d, Arena *a, Project *p, const Module *m, uint32_t start, uint32_t end,
                      const EventRename *r);

#endif
