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
 * At a canonical end (its event is a UNIFIED_EVENTS value, never rewritten)
 * the fix is the other end's: every custom end on the channel that may mean
 * this event gets event-name-custom's own rename in its file, carried
 * identical, when each means this key and no other.
 * Renaming an event is the migration of phase 1, so a fix is offered only
 * where event-name-custom runs. docs/rules/event-never-sent.md. */
#include "core/strmap.h"
#include "core/util.h"
#include "rules/contract_finding.h"
#include "rules/registry.h"

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

/* Whether a custom name may mean the event of `key`: its migration names
 * it, or it spells its value otherwise. */
static bool may_mean(const Standards *std, const char *value, const char *key) {
  if (strcmp(value, "*") == 0 || std_event_by_value(std, value))
    return false;
  const EventMigration *mig = std_event_migration(std, value);
  for (size_t k = 0; mig && k < mig->nkeys; k++)
    if (strcmp(mig->keys[k], key) == 0)
      return true;
  const EventDef *def = reworded(std, value);
  return def && strcmp(def->key, key) == 0;
}

/* One custom end meaning `key` (a site, or a case of a dispatch): its own
 * rename is added to the plan when it writes that key alone where
 * event-name-custom runs; false when the end cannot be carried. */
static bool carry_end(const GraphFinding *f, const GraphSite *o, const char *event,
                      const GraphRename *rn, const char *key, GraphRenamePlan *plan) {
  const Standards *std = f->g->std;
  if (!may_mean(std, event, key))
    return true; /* not an end of this event */
  if (!o->mod || !rn || !rn->custom || rn->ncustom_keys != 1 ||
      strcmp(rn->custom_keys[0], key) != 0 || !names_key(std, event, key) ||
      plan->ncarried == GRAPH_MAX_CARRIED ||
      f->severity_in(f->severity_ctx, o->mod, &rule_event_name_custom) == SEV_OFF)
    return false;
  plan->carried_at[plan->ncarried] = o;
  plan->carried[plan->ncarried] = rn;
  plan->carried_event[plan->ncarried] = event;
  plan->ncarried++;
  if (rn->custom_app < plan->app)
    plan->app = rn->custom_app;
  return true;
}

/* The fix at a canonical end: the other end's renames, all or none. */
static GraphRenamePlan other_end_plan(const GraphFinding *f) {
  GraphRenamePlan plan = {.app = FIX_SAFE};
  const GraphSite *s = f->site;
  const EventDef *def = std_event_by_value(f->g->std, f->event);
  if (!s->channel_shape || !def)
    return (GraphRenamePlan){0};
  size_t n;
  GraphRole other = s->role == GRAPH_SENDER ? GRAPH_LISTENER : GRAPH_SENDER;
  const size_t *on = graph_ends_on(f->g, s->channel_shape, other, s->kind, false, &n);
  for (size_t i = 0; i < n; i++) {
    const GraphSite *o = &f->g->sites[on[i]];
    bool ok = carry_end(f, o, o->event, o->rename, def->key, &plan);
    for (size_t k = 0; ok && o->dispatch && k < o->ncases; k++)
      ok = carry_end(f, o, o->cases[k].event, o->cases[k].rename, def->key, &plan);
    if (!ok)
      return (GraphRenamePlan){0};
  }
  if (plan.ncarried == 0)
    return (GraphRenamePlan){0};
  plan.rename = plan.carried[0];
  plan.text = xstrdup(plan.rename->custom);
  return plan;
}

GraphRenamePlan graph_rename_plan(const GraphFinding *f, const char *closest) {
  GraphRenamePlan plan = {0};
  const GraphRename *rn = f->dispatch_case ? f->dispatch_case->rename : f->site->rename;
  const Standards *std = f->g->std;
  if (std && std_event_by_value(std, f->event))
    return other_end_plan(f);
  if (!rn || !f->renames || !std)
    return plan;
  bool known =
      (std_event_migration(std, f->event) && std_event_migration(std, f->event)->nkeys > 0) ||
      reworded(std, f->event);
  if (known) {
    /* The migration knows what the name means: its fix or none. */
    if (!carry(f, rn))
      return plan;
    plan = (GraphRenamePlan){.rename = rn, .text = xstrdup(rn->custom), .app = rn->custom_app};
    return plan;
  }
  const char *key = closest ? standard_key(std, closest) : NULL;
  if (!key || !rn->standard)
    return plan;
  plan = (GraphRenamePlan){
      .rename = rn, .text = xasprintf("UNIFIED_EVENTS.%s", key), .app = FIX_SUGGESTION};
  return plan;
}

/* Two ends in one file add its import once. */
static void add_edit_once(Diag *d, const Source *src, uint32_t start, uint32_t end,
                          const char *text) {
  const Source *in = src == d->src ? NULL : src;
  for (size_t i = 0; i < d->fix.nedits; i++) {
    const Edit *e = &d->fix.edits[i];
    if (e->src == in && e->start == start && e->end == end && strcmp(e->text, text) == 0)
      return;
  }
  diag_add_edit_in(d, src, start, end, text);
}

static void add_rename_in(Diag *d, const Source *src, const GraphRename *rn) {
  add_edit_once(d, src, rn->start, rn->end, rn->custom);
  for (size_t i = 0; i < rn->nimports; i++)
    add_edit_once(d, src, rn->imports[i].start, rn->imports[i].end, rn->imports[i].text);
}

/* "Replace \"new_message\" with UNIFIED_EVENTS.MESSAGE_CREATED in a/route.ts" */
static char *carried_title(const GraphRenamePlan *plan) {
  if (plan->ncarried == 1)
    return xasprintf("Replace \"%s\" with %s in %s", plan->carried_event[0], plan->text,
                     plan->carried_at[0]->path);
  return xasprintf("Replace the %zu names that mean it with %s", plan->ncarried, plan->text);
}

void graph_rename_attach(Diag *d, GraphRenamePlan *plan) {
  if (d && plan->ncarried) {
    for (size_t i = 0; i < plan->ncarried; i++)
      add_rename_in(d, &plan->carried_at[i]->mod->src, plan->carried[i]);
    char *title = carried_title(plan);
    diag_set_fix(d, plan->app, title);
    free(title);
  } else if (d && plan->rename) {
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
