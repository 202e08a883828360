#include "rules/event_rename.h"

#include "fix/bound.h"
#include "fix/imports.h"
#include "rules/event_naming.h"

#include <string.h>

/* The keys are TYPING_START and TYPING_STOP: start or stop by `is_typing`. */
static bool is_typing_pair(const EventMigration *mig) {
  return mig->nkeys == 2 && strcmp(mig->keys[0], "TYPING_START") == 0 &&
         strcmp(mig->keys[1], "TYPING_STOP") == 0;
}

static bool keys_in_catalog(const Standards *std, const EventMigration *mig) {
  for (size_t i = 0; i < mig->nkeys; i++)
    if (!std_event_by_key(std, mig->keys[i]))
      return false;
  return mig->nkeys > 0;
}

static void from_migration(EventRename *r, Arena *a, const Standards *std, const Module *m,
                           const EventSite *site, bool whole_arg) {
  const EventMigration *mig = r->mig;
  if (!keys_in_catalog(std, mig)) {
    r->help = "pick the UNIFIED_EVENTS key for this event (see `rtlint standards`)";
    return;
  }
  r->text = arena_printf(a, "UNIFIED_EVENTS.%s", mig->keys[0]);
  r->keys[r->nkeys++] = mig->keys[0];
  if (mig->nkeys == 1) {
    r->app = FIX_SAFE;
    r->help = arena_printf(a, "replace with `%s`", r->text);
    return;
  }
  /* Several keys: a suggestion (for typing_indicator on a send, the
   * payload's `is_typing` picks start or stop). */
  r->app = FIX_SUGGESTION;
  const char *cond = whole_arg && is_typing_pair(mig) ? event_send_is_typing(a, m, site) : NULL;
  if (cond) {
    r->text =
        arena_printf(a, "%s ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP", cond);
    r->keys[r->nkeys++] = mig->keys[1];
    r->help = arena_printf(a, "send `%s`, as the payload's `is_typing` says", r->text);
  } else if (is_typing_pair(mig)) {
    r->help = "use `UNIFIED_EVENTS.TYPING_START` here and handle `UNIFIED_EVENTS.TYPING_STOP` "
              "where `is_typing` was false";
  } else {
    r->help = arena_printf(a, "suggested `%s`; check which key is meant", r->text);
  }
}

EventRename event_rename(Arena *a, const Standards *std, const Module *m, const EventSite *site,
                         const char *value, bool whole_arg) {
  EventRename r;
  memset(&r, 0, sizeof r);
  r.mig = std_event_migration(std, value);
  if (r.mig && r.mig->nkeys > 0) {
    from_migration(&r, a, std, m, site, whole_arg);
    return r;
  }
  r.mig = NULL;
  r.near = std_event_near_miss(std, value);
  if (!r.near)
    r.synonym = std_event_synonym(std, value);
  const EventDef *meant = r.near ? r.near : r.synonym;
  if (!meant)
    return r;
  /* The value on the wire changes (and a synonym is a reading of the name):
   * every end must move to it, so a person confirms it is the event meant. */
  r.text = arena_printf(a, "UNIFIED_EVENTS.%s", meant->key);
  r.keys[r.nkeys++] = meant->key;
  r.app = FIX_SUGGESTION;
  r.help = arena_printf(a, "replace with `%s` if that is the event meant", r.text);
  return r;
}

bool event_rename_fix(Diag *d, Arena *a, Project *p, const Module *m, uint32_t start, uint32_t end,
                      const EventRename *r) {
  if (!d || !r->text || r->app == FIX_NONE ||
      !fix_names_bound(m, start, end, r->text, "UNIFIED_EVENTS"))
    return false;
  diag_add_edit(d, start, end, r->text);
  fix_require_standard_import(d, p, m, "UNIFIED_EVENTS");
  diag_set_fix(d, r->app, arena_printf(a, "Replace with %s", r->text));
  return true;
}
