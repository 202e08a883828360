#ifndef RTLINT_REPORT_HISTORY_H
#define RTLINT_REPORT_HISTORY_H
#include "report/report.h"

#include <git2.h>

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

/* The working tree's lint, recorded as history records a commit's passes
 * (every path resolution probed, with its blob id), so that a sampled commit
 * whose blobs and probed paths match reuses the pass instead of linting the
 * file again: `--history N` then costs one check plus the files that changed
 * between the commits. The lint runs with history_seeds_fs as its ProjectFs
 * and the begin/passed hooks (LintFileHook) around each file. */
typedef struct HistorySeeds HistorySeeds;
HistorySeeds *history_seeds_new(void);
/* After the lint: the file its standards were learned from (absolute; NULL:
 * the built-in catalog) and the wrapper names it followed (LintResult). */
void history_seeds_standards(HistorySeeds *s, const char *standards_path, bool flow,
                             uint64_t flow_digest);
const ProjectFs *history_seeds_fs(HistorySeeds *s);
void history_seeds_begin(HistorySeeds *s, Module *m);
void history_seeds_passed(HistorySeeds *s, const Module *m, const Diag *found, size_t nfound,
                          bool trusted);
/* A linted file's work places (after the lint, under the run's enabled
 * rules), kept for the commits where its blob is unchanged; only for files
 * whose pass was recorded. Also the record of what its text says about
 * wrapper names. Thread-safe: called on the run's threads. */
void history_seeds_facts(HistorySeeds *s, const Project *proj, Module *m,
                         const RuleSelection *enabled, const SiteSpan *sites, size_t nsites);
/* After the lint: the tsconfig.json files its resolution looked for (found
 * or not), which a commit's tree must match for the passes to apply. */
void history_seeds_tsconfigs(HistorySeeds *s, const Project *proj);
/* Whether tree_blob (a commit tree's blob id at an absolute path; false when
 * absent) agrees with the disk on every tsconfig.json the lint looked for. */
bool history_seeds_tsconfigs_match(HistorySeeds *s,
                                   bool (*tree_blob)(void *ctx, const char *abs, git_oid *oid),
                                   void *ctx);
/* Hands the recorded passes, work places and wrapper-name records (blob id
 * -> FlowRecord) over (history.c), named with the standards
 * history_seeds_standards was told. */
struct StrMap;
void history_seeds_take(HistorySeeds *s, struct StrMap *passes, struct StrMap *facts,
                        struct StrMap *flow);
void history_seeds_free(HistorySeeds *s);

/* Samples commits on the first-parent line of HEAD of the repository holding
 * cwd and computes a Snapshot for each (seeds: may be NULL; its passes are
 * taken), reading files from git objects (no
 * checkout). Every commit is linted under setup (the working tree's
 * configuration: includes, per-file severities, rule options, suppressions),
 * so its numbers are the ones `rtlint check` would give for that tree today.
 * Fills r->history (oldest first). False with *err on failure. */
bool report_history(const char *cwd, char *const *paths, size_t npaths, const LintSetup *setup,
                    const HistoryOptions *ho, HistorySeeds *seeds, Report *r, HistoryTotals *tot,
                    char **err);

/* "2025-01-31" → seconds since the epoch (UTC); false when malformed. */
bool history_parse_date(const char *s, int64_t *out);

#endif
