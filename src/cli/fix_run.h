#ifndef RTLINT_CLI_FIX_RUN_H
#define RTLINT_CLI_FIX_RUN_H
#include "cli/session.h"
#include "resolve/overlay.h"

#include <stdio.h>

/* Passes after which fixes that keep making new ones possible are left for
 * the next run (two fixes undoing each other would never settle). */
#define FIX_MAX_PASSES 10

typedef struct FixSummary {
  size_t files_written, fixes_applied, refused_files;
  size_t diff_files;     /* files with changes in --diff mode */
  size_t write_failures; /* files whose fixes could not be written (fix_write) */
  size_t passes;         /* passes that applied a fix */
} FixSummary;

/* Applies the fixes of the session's findings at or above level, then lints
 * the fixed text again and applies what is fixable now (a fix that makes
 * another possible, overlapping fixes that waited), until no fix applies:
 * at most FIX_MAX_PASSES passes, in memory through ov, which the session
 * must read through (SessionNeeds.overlay) and which is left as it was.
 * Then each changed file is written once, refused when the disk no longer
 * holds what was first read (fix_write), or with diff=true printed to out
 * as a unified diff from that text. After writing, the session's result is
 * linted afresh from the disk; messages go to stderr. */
FixSummary fix_session(Session *s, Overlay *ov, FixApplicability level, bool diff, FILE *out);

#endif
