/* The fixes of event-never-sent and event-never-heard: the event at the
 * finding becomes the event the other end of its channel uses, written the
 * standard way (`UNIFIED_EVENTS.KEY`, the import added as event-name-custom
 * adds it). Only the end that breaks the standards is rewritten (its event
 * is not a UNIFIED_EVENTS value), never a canonical end to match a custom
 * one; only when what is meant can be told:
 * - the name has a migration (or is a near miss, or names a catalog event in
 *   other words): event-name-custom's own fix there is carried, identical,
 *   when the keys it writes are used at the other end and no other key the
 *   name may mean is (a tie);
 * - it has none: the one close event the message asks about ("did you mean
 *   X?"), when X has one standard key.
 * Renaming an event is the migration of phase 1, so a fix is offered only
 * where event-name-custom runs. docs/rules/event-never-sent.md. */
#include "core/strmap.h"
#include "core/util.h"
#include "rules/contract_finding.h"

#include <stdlib.h>
#include <string.h>

/* The catalog value a name spells otherwise: its near miss, else the value
 * it names in other words (event-name-custom suggests it). */
static const EventDef *reworded(const Standards *std, const char *value) {
  const EventDef *def = std_event_near_miss(std, value);
  return def ? def : std_event_synonym(std, value);
}

/* The one UNIFIED_EVENTS key a value stands for: its own, its migration's
 * only key, or the value it spells otherwise; else NULL. */
static const char *standard_key(const Standards *std, const char *value) {
  const EventDef *def = std_event_by_value(std, value);
  if (def)
    return def->key;
  const EventMigration *mig = std_event_migration(std, value);
  if (mig && mig->nkeys > 0)
    return mig->nkeys == 1 && std_event_by_key(std, mig->keys[0]) ? mig->keys[0] : NULL;
  def = reworded(std, value);
  return def ? def->key : NULL;
}

static bool names_key(const Standards *std, const char *value, const char *key) {
  const char *k = strcmp(value, "*") == 0 ? NULL : standard_key(std, value);
  return k && strcmp(k, key) == 0;
}

/* Whether the other end of s's channel uses the event of `key`, written the
 * standard way or in a name whose own migration is that key (both ends then
 * meet once migrated): a sender sends it (s listens), or a listener names
 * it, itself or as a dispatch case (s sends; a `*` listener that hears
 * everything names nothing). */
static bool other_end_uses(const ContractGraph *g, const GraphSite *s, const char *key) {
  if (!s->channel_shape)
    return false;
  size_t n;
  GraphRole other = s->role == GRAPH_SENDER ? GRAPH_LISTENER : GRAPH_SENDER;
  const size_t *on = graph_ends_on(g, s->channel_shape, other, s->kind, true, &n);
  for (size_t i = 0; i < n; i++) {
    const GraphSite *o = &g->sites[on[i]];
    if (names_key(g->std, o->event, key))
      return true;
    for (size_t k = 0; o->dispatch && k < o->ncases; k++)
      if (names_key(g->std, o->cases[k].event, key))
        return true;
  }
  return false;
}

/* event-name-custom's fix, when it is what the other end uses. */
static bool carry(const GraphFinding *f, const GraphRename *rn) {
  if (!rn->custom)
    return false;
  for (size_t k = 0; k < rn->ncustom_keys; k++)
    if (!other_end_uses(f->g, f->site, rn->custom_keys[k]))
      return false;
  const EventMigration *mig = std_event_migration(f->g->std, f->event);
  for (size_t k = 0; mig && k < mig->nkeys; k++) {
    bool written = false;
    for (size_t w = 0; w < rn->ncustom_keys && !written; w++)
      written = strcmp(rn->custom_keys[w], mig->keys[k]) == 0;
    if (!written && other_end_uses(f->g, f->site, mig->keys[k]))
      return false; /* the name may as well mean that one */
  }
  return true;
}

GraphRenamePlan graph_rename_plan(const GraphFinding *f, const char *closest) {
  GraphRenamePlan plan = {NULL, NULL, FIX_NONE};
  const GraphRename *rn = f->dispatch_case ? f->dispatch_case->rename : f->site->rename;
  const Standards *std = f->g->std;
  if (!rn || !f->renames || !std || std_event_by_value(std, f->event))
    return plan;
  bool known =
      (std_event_migration(std, f->event) && std_event_migration(std, f->event)->nkeys > 0) ||
      reworded(std, f->event);
  if (known) {
    /* The migration knows what the name means: its fix or none. */
    if (!carry(f, rn))
      return plan;
    plan = (GraphRenamePlan){rn, xstrdup(rn->custom), rn->custom_app};
    return plan;
  }
  const char *key = closest ? standard_key(std, closest) : NULL;
  if (!key || !rn->standard)
    return plan;
  plan = (GraphRenamePlan){rn, xasprintf("UNIFIED_EVENTS.%s", key), FIX_SUGGESTION};
  return plan;
}

void graph_rename_attach(Diag *d, GraphRenamePlan *plan) {
  if (d && plan->rename) {
    diag_add_edit(d, plan->rename->start, plan->rename->end, plan->text);
    for (size_t i = 0; i < plan->rename->nimports; i++)
      diag_add_edit(d, plan->rename->imports[i].start, plan->rename->imports[i].end,
                    plan->rename->imports[i].text);
    char *title = xasprintf("Replace with %s", plan->text);
    diag_set_fix(d, plan->app, title);
    free(title);
  }
  free(plan->text);
  plan->text = NULL;
}
