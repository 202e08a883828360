#ifndef RTLINT_CLI_FIX_RUN_H
#define RTLINT_CLI_FIX_RUN_H
#include "engine/engine.h"

#include <stdio.h>

typedef struct FixSummary {
  size_t files_written, fixes_applied, deferred, refused_files;
  size_t diff_files;     /* files with changes in --diff mode */
  size_t write_failures; /* files whose fixes could not be written (fix_write) */
} FixSummary;

/* Applies (or with diff=true prints as a unified diff to out) the fixes in
 * result at or above level. Messages about refused files and deferred
 * fixes go to stderr. */
FixSummary fix_run(Project *proj, const LintResult *result, FixApplicability level, bool diff,
                   FILE *out);

#endif
