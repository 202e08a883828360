#ifndef RTLINT_REPORT_SUPPRESSED_H
#define RTLINT_REPORT_SUPPRESSED_H
#include "engine/engine.h"
#include "report/report.h"

/* Applies the inline suppressions of the given modules to findings of a
 * commit, as a lint run does: findings a directive silences are dropped (a
 * suppressed finding is not open work), and the directives' own problems
 * (invalid-suppression, unused-suppression, when selected for the file) are
 * added. */
void flat_diags_suppress(Project *proj, char *const *abs_paths, size_t npaths,
                         const LintSetup *setup, FlatDiag **diags, size_t *ndiags, size_t *cap);

#endif
