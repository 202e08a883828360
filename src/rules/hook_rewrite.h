#ifndef RTLINT_RULES_HOOK_REWRITE_H
#define RTLINT_RULES_HOOK_REWRITE_H
#include "rules/ctx.h"

/* The hook-deprecated suggestion: every call of one deprecated hook in the
 * module becomes a call of useRealtime (the mapping of rules/migrations.json
 * "hooks"), the hook's import goes, useRealtime's comes. One plan per hook
 * and module: the import finding and each call finding carry the same edits,
 * so applying any of them migrates the whole file and they never conflict. */
typedef struct HookPlan {
  bool ok;      /* false: a shape the codemod does not understand (no fix) */
  Diag edits;   /* only .fix.edits is used */
  size_t ntodo; /* names left with a TODO(rtlint) comment */
} HookPlan;

/* Plans the migration of `hook` in ctx->mod. */
void hook_plan_build(RuleCtx *ctx, const HookMigration *hook, HookPlan *plan);
/* Copies the plan's edits into d's fix (a suggestion). */
void hook_plan_attach(const HookPlan *plan, const HookMigration *hook, const char *realtime_hook,
                      Diag *d);
void hook_plan_free(HookPlan *plan);

#endif
