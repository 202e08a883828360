/* event-name-custom: a realtime broadcast event name whose resolved value is
 * not a UNIFIED_EVENTS value (standards: "Event naming compliance": ALWAYS use
 * UNIFIED_EVENTS, NEVER create custom event names; Migration strategy, Phase 1). */
#include "fix/imports.h"
#include "parse/ast.h"
#include "rules/ctx.h"
#include "rules/event_naming.h"

static const char *const needles[] = {"broadcast", "ubscribe", NULL};

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

/* Attaches the replacement of [start, end) when the migration map knows the
 * name: safe for one key, a suggestion for several. */
static void attach_fix(RuleCtx *ctx, Diag *d, const EventSite *site, const EventMigration *mig,
                       uint32_t start, uint32_t end, bool whole_arg) {
  if (!d || !mig || !keys_in_catalog(ctx->std, mig))
    return;
  const char *text = arena_printf(ctx->arena, "UNIFIED_EVENTS.%s", mig->keys[0]);
  FixApplicability app = mig->nkeys == 1 ? FIX_SAFE : FIX_SUGGESTION;
  const char *cond =
      whole_arg && is_typing_pair(mig) ? event_send_is_typing(ctx->arena, ctx->mod, site) : NULL;
  if (cond)
    text = arena_printf(ctx->arena, "%s ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP",
                        cond);
  diag_add_edit(d, start, end, text);
  fix_require_standard_import(d, ctx->proj, ctx->mod, "UNIFIED_EVENTS");
  diag_set_fix(d, app, arena_printf(ctx->arena, "Replace with %s", text));
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
    /* Through a constant: name it, the fix replaces the reference. */
    const char *via = "";
    if (!literal) {
      uint32_t len;
      const char *t = node_text(&ctx->mod->src, branch, &len);
      via = arena_printf(ctx->arena, " (value of `%.*s`)", (int)len, t);
    }
    Diag *d;
    if (mig && mig->nkeys > 0) {
      const char *keys = event_keys_phrase(ctx->arena, mig->keys, mig->nkeys);
      const char *help =
          mig->nkeys == 1
              ? arena_printf(ctx->arena, "replace with `UNIFIED_EVENTS.%s`", mig->keys[0])
          : is_typing_pair(mig)
              ? "pick TYPING_START or TYPING_STOP by the payload's `is_typing`, and handle both"
              : arena_printf(ctx->arena, "pick the matching key: %s", keys);
      d = rule_report(ctx, start, end, help, "custom event name \"%s\"%s; use %s", value, via,
                      keys);
      /* A reference yielding several values cannot be replaced by one key. */
      if (v.nalts == 1)
        attach_fix(ctx, d, site, mig, start, end, whole_arg);
    } else {
      rule_report(ctx, start, end,
                  "use the UNIFIED_EVENTS value for this event (see `rtlint standards`)",
                  "custom event name \"%s\"%s is not a UNIFIED_EVENTS value and has no known "
                  "replacement",
                  value, via);
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
    for (size_t b = 0; b < n; b++)
      check_branch(ctx, site, branches[b], n == 1);
  }
}

const RuleMeta rule_event_name_custom = {
    .id = "event-name-custom",
    .phase = 1,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SAFE,
    .summary = "A realtime broadcast event name that is not a `UNIFIED_EVENTS` value.",
    .needles = needles,
    .check = check,
};
