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

/* Lints the given files (paths as given on the command line or found by
 * discovery). Findings are sorted and deduplicated. */
void lint_files(Project *proj, char *const *paths, size_t npaths, const RuleSelection *sel,
                LintResult *out);
void lint_result_free(LintResult *r);

/* Runs the selected rules over one loaded module (which must have a tree),
 * appending unsorted findings to out; lint_files does this for each file.
 * The report's history uses it to lint file by file and track what each
 * file's findings depend on. */
void lint_module(Project *proj, Module *m, const RuleSelection *sel, DiagList *out);

#endif
