/* event-name-custom: a realtime broadcast event name whose resolved value is
 * not a UNIFIED_EVENTS value (standards: "Event naming compliance": ALWAYS use
 * UNIFIED_EVENTS, NEVER create custom event names; Migration strategy, Phase 1). */
#include "fix/catalog_entry.h"
#include "parse/ast.h"
#include "rules/ctx.h"
#include "rules/event_naming.h"
#include "rules/event_rename.h"
#include "rules/sink_needles.h"

/* A name with no counterpart, spelt the catalog's way, as a new entry of the
 * project's UNIFIED_EVENTS. */
typedef struct NewEntry {
  const char *key, *value, *help;
  CatalogSlot slot;
} NewEntry;

static bool new_entry(RuleCtx *ctx, const char *name, NewEntry *e) {
  if (std_event_resembles(ctx->std, name) ||
      !event_catalog_spelling(ctx->arena, name, &e->key, &e->value) ||
      std_event_by_key(ctx->std, e->key) || std_event_by_value(ctx->std, e->value) ||
      !catalog_slot(ctx->res, "UNIFIED_EVENTS", "string", &e->slot))
    return false;
  e->help = arena_printf(ctx->arena,
                         "if this event is meant, add `%s: \"%s\"` to UNIFIED_EVENTS in %s and use "
                         "it; the standards' owners decide new events, and the name on the wire "
                         "changes at every end",
                         e->key, e->value, e->slot.m->src.path);
  return true;
}

/* A suggestion: adding an event is the standards' owners' decision, and a
 * listener outside the repository would keep the old name. */
static void new_entry_fix(RuleCtx *ctx, Diag *d, uint32_t start, uint32_t end, const NewEntry *e) {
  EventRename r = {.text = arena_printf(ctx->arena, "UNIFIED_EVENTS.%s", e->key),
                   .app = FIX_SUGGESTION};
  if (!event_rename_fix(d, ctx->arena, ctx->proj, ctx->mod, start, end, &r))
    return;
  catalog_add_entry(d, &e->slot, e->key, e->value);
  diag_set_fix(d, FIX_SUGGESTION,
               arena_printf(ctx->arena, "Add %s: \"%s\" to UNIFIED_EVENTS and use %s", e->key,
                            e->value, r.text));
}

static void check_branch(RuleCtx *ctx, const EventSite *site, TSNode branch, bool whole_arg) {
  Value v = rule_resolve(ctx, branch);
  uint32_t start = ts_node_start_byte(branch), end = ts_node_end_byte(branch);
  bool literal = node_is(branch, "string") || node_is(branch, "template_string");
  for (uint32_t i = 0; i < v.nalts; i++) {
    const ValAlt *alt = &v.alts[i];
    const char *value = val_alt_literal(ctx->arena, alt);
    if (alt->from_standard || !value || strcmp(value, "*") == 0 ||
        event_unified_key(ctx->std, value))
      continue;
    /* Through a constant: name it; the fix replaces the reference. */
    const char *via = "";
    if (!literal) {
      uint32_t len;
      const char *t = node_text(&ctx->mod->src, branch, &len);
      via = arena_printf(ctx->arena, " (value of `%.*s`)", (int)len, t);
    }
    EventRename r = event_rename(ctx->arena, ctx->std, ctx->mod, site, value, whole_arg);
    Diag *d;
    if (r.mig) {
      d = rule_report(ctx, start, end, r.help, "custom event name \"%s\"%s; use %s", value, via,
                      event_keys_phrase(ctx->arena, r.mig->keys, r.mig->nkeys));
    } else if (r.near) {
      d = rule_report(ctx, start, end, r.help,
                      "custom event name \"%s\"%s differs from UNIFIED_EVENTS.%s (\"%s\") only "
                      "in separators or letter case; use UNIFIED_EVENTS.%s",
                      value, via, r.near->key, r.near->value, r.near->key);
    } else if (r.synonym) {
      d = rule_report(ctx, start, end, r.help,
                      "custom event name \"%s\"%s names UNIFIED_EVENTS.%s (\"%s\") in other "
                      "words; use UNIFIED_EVENTS.%s",
                      value, via, r.synonym->key, r.synonym->value, r.synonym->key);
    } else {
      NewEntry e;
      bool add = v.nalts == 1 && new_entry(ctx, value, &e);
      d = rule_report(ctx, start, end,
                      add ? e.help
                          : "use the UNIFIED_EVENTS value for this event (see `rtlint standards`)",
                      "custom event name \"%s\"%s is not a UNIFIED_EVENTS value and has no known "
                      "replacement",
                      value, via);
      if (add)
        new_entry_fix(ctx, d, start, end, &e);
      continue;
    }
    /* A reference yielding several values cannot be replaced by one key. */
    if (v.nalts == 1)
      event_rename_fix(d, ctx->arena, ctx->proj, ctx->mod, start, end, &r);
  }
}

static void check(RuleCtx *ctx) {
  if (ctx->mod->is_standards)
    return;
  for (size_t i = 0; i < ctx->facts->nevents; i++) {
    const EventSite *site = &ctx->facts->events[i];
    TSNode branches[EVENT_MAX_BRANCHES];
    size_t n = event_branches(site->arg, branches, EVENT_MAX_BRANCHES);
    ctx->trail = &site->trail;
    for (size_t b = 0; b < n; b++)
      check_branch(ctx, site, branches[b], n == 1);
    ctx->trail = NULL;
  }
}

const RuleMeta rule_event_name_custom = {
    .id = "event-name-custom",
    .phase = 1,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SAFE,
    .summary = "A realtime broadcast event name that is not a `UNIFIED_EVENTS` value.",
    .needles = sink_event_needles,
    .flow_sites = true,
    .check = check,
};
