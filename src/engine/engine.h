#ifndef RTLINT_ENGINE_ENGINE_H
#define RTLINT_ENGINE_ENGINE_H
#include "core/diag.h"
#include "resolve/project.h"
#include "rules/registry.h"

#include <stdbool.h>

/* Which rules run and how severe their findings are; indexed like rules_all. */
typedef struct RuleSelection {
  Severity severity[64];
} RuleSelection;

void selection_defaults(RuleSelection *sel);
bool selection_any_enabled(const RuleSelection *sel);

typedef struct LintResult {
  DiagList diags;
  NoticeList notices;
  size_t files_scanned;
} LintResult;

struct Cache;

typedef struct LintOptions {
  unsigned jobs;       /* worker threads; 0 = one per core */
  bool prefilter;      /* skip parsing files that contain no rule's needle */
  struct Cache *cache; /* reuse findings of unchanged files; NULL: off */
} LintOptions;

void lint_options_defaults(LintOptions *o);

/* Lints the given files (paths as given on the command line or found by
 * discovery) on a pool of threads. Findings are sorted and deduplicated, so
 * the result does not depend on thread timing. */
void lint_files(Project *proj, char *const *paths, size_t npaths, const RuleSelection *sel,
                const LintOptions *opt, LintResult *out);
void lint_result_free(LintResult *r);

#endif
