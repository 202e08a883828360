/* hook-deprecated: an import or a call of a realtime hook the standards
 * retire (Migration strategy, Phase 2 "Consolidate hook usage"; Critical
 * implementation rules §4). The list lives in rules/migrations.json
 * ("hooks") and reaches the rule through ctx->std->hooks; configuration adds
 * entries with std_add_hook() (standards/standards.h). The suggestion that
 * migrates a file's calls is planned once per hook (rules/hook_rewrite.h). */
#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope_index.h"
#include "rules/ctx.h"
#include "rules/hook_calls.h"
#include "rules/hook_rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const help_text = "call useRealtime with one options object instead, and read "
                                     "what it returns in place of the old "
                                     "hook's results";

/* The plans of the module's hooks, built when a finding first needs one. */
typedef struct Plans {
  HookPlan *plan;
  bool *built;
} Plans;

static void report_hook(RuleCtx *ctx, Plans *plans, TSNode at, const HookMigration *hook,
                        const char *local) {
  Diag *d;
  if (local && strcmp(local, hook->hook) != 0)
    d = rule_report(ctx, ts_node_start_byte(at), ts_node_end_byte(at), help_text,
                    "%s is deprecated (used here as %s); use %s", hook->hook, local,
                    hook->replacement);
  else
    d = rule_report(ctx, ts_node_start_byte(at), ts_node_end_byte(at), help_text,
                    "%s is deprecated; use %s", hook->hook, hook->replacement);
  if (!d)
    return;
  size_t i = (size_t)(hook - ctx->std->hooks);
  if (!plans->built[i]) {
    hook_plan_build(ctx, hook, &plans->plan[i]);
    plans->built[i] = true;
  }
  hook_plan_attach(&plans->plan[i], hook, ctx->std->realtime_hook, d);
}

static bool is_type_only(const Source *src, TSNode stmt) {
  /* `import type { X } from "..."`: the keyword follows `import`. */
  TSNode second = ts_node_child(stmt, 1);
  return !ts_node_is_null(second) && !ts_node_is_named(second) && node_text_eq(src, second, "type");
}

static void check_import(RuleCtx *ctx, Plans *plans, TSNode stmt) {
  const Source *src = &ctx->mod->src;
  TSNode source = node_field(stmt, "source");
  if (ts_node_is_null(source) || is_type_only(src, stmt))
    return;
  StrBuf spec = {0};
  node_string_value(src, source, &spec);
  bool app = import_is_app_code(ctx->proj, ctx->mod, sb_cstr(&spec));
  sb_free(&spec);
  if (!app)
    return;
  uint32_t n = ts_node_named_child_count(stmt);
  for (uint32_t i = 0; i < n; i++) {
    TSNode clause = ts_node_named_child(stmt, i);
    if (!node_is(clause, "import_clause"))
      continue;
    uint32_t cn = ts_node_named_child_count(clause);
    for (uint32_t j = 0; j < cn; j++) {
      TSNode c = ts_node_named_child(clause, j);
      if (node_is(c, "identifier")) { /* default import under the hook's name */
        char *name = node_text_dup(src, c);
        const HookMigration *hook = std_hook(ctx->std, name);
        if (hook)
          report_hook(ctx, plans, c, hook, NULL);
        free(name);
        continue;
      }
      if (!node_is(c, "named_imports"))
        continue;
      uint32_t sn = ts_node_named_child_count(c);
      for (uint32_t k = 0; k < sn; k++) {
        TSNode s = ts_node_named_child(c, k);
        if (!node_is(s, "import_specifier"))
          continue;
        TSNode first = ts_node_child(s, 0);
        if (!ts_node_is_named(first) && node_text_eq(src, first, "type"))
          continue;
        TSNode nm = node_field(s, "name"), alias = node_field(s, "alias");
        char *name = node_text_dup(src, nm);
        const HookMigration *hook = std_hook(ctx->std, name);
        if (hook) {
          char *local = ts_node_is_null(alias) ? NULL : node_text_dup(src, alias);
          report_hook(ctx, plans, s, hook, local);
          free(local);
        }
        free(name);
      }
    }
  }
}

static void check_call(RuleCtx *ctx, Plans *plans, TSNode call) {
  char name[128];
  if (!hook_call_name(ctx->proj, ctx->mod, call, name, sizeof name))
    return;
  const HookMigration *hook = std_hook(ctx->std, name);
  if (!hook)
    return;
  TSNode fn = node_unwrap(node_field(call, "function"));
  char *local = NULL;
  if (node_is(fn, "identifier"))
    local = node_text_dup(&ctx->mod->src, fn);
  report_hook(ctx, plans, fn, hook, local);
  free(local);
}

static void check(RuleCtx *ctx) {
  if (ctx->std->nhooks == 0)
    return;
  Plans plans = {xcalloc(ctx->std->nhooks, sizeof *plans.plan),
                 xcalloc(ctx->std->nhooks, sizeof *plans.built)};
  /* The index's list: ts_node_named_child(root, i) walks the i statements
   * before it when a syntax error left them flat. */
  size_t n;
  const TSNode *imports = scope_index_imports(scope_index_of(ctx->mod), &n);
  for (size_t i = 0; i < n; i++)
    check_import(ctx, &plans, imports[i]);
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_call(ctx, &plans, ctx->facts->calls[i]);
  for (size_t i = 0; i < ctx->std->nhooks; i++)
    hook_plan_free(&plans.plan[i]);
  free(plans.plan);
  free(plans.built);
}

const RuleMeta rule_hook_deprecated = {
    .id = "hook-deprecated",
    .phase = 2,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SUGGESTION,
    .summary =
        "A deprecated realtime hook is imported or called; new code should use `useRealtime()`.",
    .hook_needles = true,
    .check = check,
};
