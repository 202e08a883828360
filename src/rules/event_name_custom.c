/* event-name-custom: a realtime broadcast event name whose resolved value is
 * not a UNIFIED_EVENTS value (standards: "Event naming compliance": ALWAYS use
 * UNIFIED_EVENTS, NEVER create custom event names; Migration strategy, Phase 1). */
#include "fix/bound.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "rules/ctx.h"
#include "rules/event_naming.h"
#include "rules/sink_needles.h"

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

/* The replacement for a name the migration map knows, and how to explain it:
 * one key is a safe fix; several keys are a suggestion (for typing_indicator
 * on a send, the payload's `is_typing` picks start or stop). */
typedef struct Replacement {
  const char *text;
  const char *help;
  FixApplicability app;
} Replacement;

static Replacement replacement(RuleCtx *ctx, const EventSite *site, const EventMigration *mig,
                               bool whole_arg) {
  Replacement r = {NULL, NULL, FIX_NONE};
  Arena *a = ctx->arena;
  if (!keys_in_catalog(ctx->std, mig)) {
    r.help = "pick the UNIFIED_EVENTS key for this event (see `rtlint standards`)";
    return r;
  }
  r.text = arena_printf(a, "UNIFIED_EVENTS.%s", mig->keys[0]);
  if (mig->nkeys == 1) {
    r.app = FIX_SAFE;
    r.help = arena_printf(a, "replace with `%s`", r.text);
    return r;
  }
  r.app = FIX_SUGGESTION;
  const char *cond =
      whole_arg && is_typing_pair(mig) ? event_send_is_typing(a, ctx->mod, site) : NULL;
  if (cond) {
    r.text = arena_printf(a, "%s ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP", cond);
    r.help = arena_printf(a, "send `%s`, as the payload's `is_typing` says", r.text);
  } else if (is_typing_pair(mig)) {
    r.help = "use `UNIFIED_EVENTS.TYPING_START` here and handle `UNIFIED_EVENTS.TYPING_STOP` "
             "where `is_typing` was false";
  } else {
    r.help = arena_printf(a, "suggested `%s`; check which key is meant", r.text);
  }
  return r;
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
    const EventMigration *mig = std_event_migration(ctx->std, value);
    /* Through a constant: name it; the fix replaces the reference. */
    const char *via = "";
    if (!literal) {
      uint32_t len;
      const char *t = node_text(&ctx->mod->src, branch, &len);
      via = arena_printf(ctx->arena, " (value of `%.*s`)", (int)len, t);
    }
    if (!mig || mig->nkeys == 0) {
      rule_report(ctx, start, end,
                  "use the UNIFIED_EVENTS value for this event (see `rtlint standards`)",
                  "custom event name \"%s\"%s is not a UNIFIED_EVENTS value and has no known "
                  "replacement",
                  value, via);
      continue;
    }
    Replacement r = replacement(ctx, site, mig, whole_arg);
    Diag *d = rule_report(ctx, start, end, r.help, "custom event name \"%s\"%s; use %s", value, via,
                          event_keys_phrase(ctx->arena, mig->keys, mig->nkeys));
    /* A reference yielding several values cannot be replaced by one key. */
    if (d && r.app != FIX_NONE && v.nalts == 1 &&
        fix_names_bound(ctx->mod, start, end, r.text, "UNIFIED_EVENTS")) {
      diag_add_edit(d, start, end, r.text);
      fix_require_standard_import(d, ctx->proj, ctx->mod, "UNIFIED_EVENTS");
      diag_set_fix(d, r.app, arena_printf(ctx->arena, "Replace with %s", r.text));
    }
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
