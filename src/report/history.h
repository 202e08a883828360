#ifndef RTLINT_REPORT_HISTORY_H
#define RTLINT_REPORT_HISTORY_H
#include "report/report.h"

typedef struct HistoryOptions {
  long count;                     /* --history N (0: unused) */
  bool has_since;                 /* --since DATE */
  int64_t since;                  /* seconds since the epoch, UTC midnight of DATE */
  long every;                     /* --every N: keep every Nth commit (1: all) */
  bool no_reuse;                  /* --no-reuse: lint every file of every commit (benchmarks) */
  const char *explicit_standards; /* --standards FILE: used for every commit */
  int dir_depth;
  const char *root; /* the project root paths are shown relative to (NULL: the working folder) */
} HistoryOptions;

typedef struct HistoryTotals {
  size_t commits, passes_linted, passes_reused;
} HistoryTotals;

/* Samples commits on the first-parent line of HEAD of the repository holding
 * cwd and computes a Snapshot for each, reading files from git objects (no
 * checkout). Every commit is linted under setup (the working tree's
 * configuration: includes, per-file severities, rule options, suppressions),
 * so its numbers are the ones `rtlint check` would give for that tree today.
 * Fills r->history (oldest first). False with *err on failure. */
bool report_history(const char *cwd, char *const *paths, size_t npaths, const LintSetup *setup,
                    const HistoryOptions *ho, Report *r, HistoryTotals *tot, char **err);

/* "2025-01-31" → seconds since the epoch (UTC); false when malformed. */
bool history_parse_date(const char *s, int64_t *out);

#endif
