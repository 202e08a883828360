/* event-name-literal: a correct unified event value written as a string at a
 * realtime sink instead of the UNIFIED_EVENTS constant (standards: "Event
 * naming compliance": ALWAYS use UNIFIED_EVENTS for event names). */
#include "fix/bound.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "rules/ctx.h"
#include "rules/event_naming.h"
#include "rules/sink_needles.h"

static void check_branch(RuleCtx *ctx, TSNode branch) {
  Value v = rule_resolve(ctx, branch);
  uint32_t start = ts_node_start_byte(branch), end = ts_node_end_byte(branch);
  bool literal = node_is(branch, "string") || node_is(branch, "template_string");
  for (uint32_t i = 0; i < v.nalts; i++) {
    const ValAlt *alt = &v.alts[i];
    if (alt->from_standard)
      continue;
    const char *value = val_alt_literal(ctx->arena, alt);
    const char *key = event_unified_key(ctx->std, value);
    if (!key)
      continue;
    const char *via = "";
    if (!literal) {
      uint32_t len;
      const char *t = node_text(&ctx->mod->src, branch, &len);
      via = arena_printf(ctx->arena, " (in `%.*s`)", (int)len, t);
    }
    const char *repl = arena_printf(ctx->arena, "UNIFIED_EVENTS.%s", key);
    Diag *d = rule_report(ctx, start, end, arena_printf(ctx->arena, "replace with `%s`", repl),
                          "event name \"%s\" written as a string%s; use %s", value, via, repl);
    /* A reference that yields several values cannot become one key. */
    if (d && v.nalts == 1 && fix_names_bound(ctx->mod, start, end, repl, "UNIFIED_EVENTS")) {
      diag_add_edit(d, start, end, repl);
      fix_require_standard_import(d, ctx->proj, ctx->mod, "UNIFIED_EVENTS");
      diag_set_fix(d, FIX_SAFE, arena_printf(ctx->arena, "Replace with %s", repl));
    }
  }
}

static void check(RuleCtx *ctx) {
  if (ctx->mod->is_standards)
    return;
  for (size_t i = 0; i < ctx->facts->nevents; i++) {
    TSNode branches[EVENT_MAX_BRANCHES];
    size_t n = event_branches(ctx->facts->events[i].arg, branches, EVENT_MAX_BRANCHES);
    ctx->trail = &ctx->facts->events[i].trail;
    for (size_t b = 0; b < n; b++)
      check_branch(ctx, branches[b]);
    ctx->trail = NULL;
  }
}

const RuleMeta rule_event_name_literal = {
    .id = "event-name-literal",
    .phase = 1,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SAFE,
    .summary = "A correct unified event name written as a string instead of the `UNIFIED_EVENTS` "
               "constant.",
    .needles = sink_event_needles,
    .flow_sites = true,
    .check = check,
};
