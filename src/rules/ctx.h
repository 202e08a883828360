#ifndef RTLINT_RULES_CTX_H
#define RTLINT_RULES_CTX_H
#include "core/arena.h"
#include "core/diag.h"
#include "resolve/facts.h"
#include "resolve/value.h"
#include "rules/app_paths.h"
#include "rules/registry.h"

/* What a rule's check function sees: one module, its facts, the resolver,
 * and where to put diagnostics. */
typedef struct RuleCtx {
  const RuleMeta *rule;
  Severity severity;
  Module *mod;
  Project *proj;
  const Standards *std;
  const Facts *facts;
  Resolver *res;
  Arena *arena;
  DiagList *out;
  /* What rtlint.yaml says folders are (component_dirs,
   * infrastructure_dirs); NULL without a configuration. */
  const PathRoles *roles;
  /* The run's import graph (resolve/importers.h), for the project-wide
   * rules; NULL for the per-file ones. */
  struct LazyImportGraph *imports;
  /* The trail of the site being checked (resolve/flow.h): findings reported
   * while it is set carry it. NULL for direct sites. */
  const FlowTrail *trail;
} RuleCtx;

/* Reports [start, end) in the current module. help may be NULL. */
Diag *rule_report(RuleCtx *ctx, uint32_t start, uint32_t end, const char *help, const char *fmt,
                  ...) __attribute__((format(printf, 5, 6)));
/* Reports in another module (a building site found through resolution); the
 * engine drops it when that module is not being linted. */
Diag *rule_report_in(RuleCtx *ctx, const Module *m, uint32_t start, uint32_t end, const char *help,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Adds the byte offset `at` of module m to d's related locations with what
 * happens there ("chained .on(...) here"); d may be NULL (a dropped finding). */
void rule_relate(Diag *d, const Module *m, uint32_t at, const char *label);

Value rule_resolve(RuleCtx *ctx, TSNode expr);

#endif
