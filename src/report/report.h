#ifndef RTLINT_REPORT_REPORT_H
#define RTLINT_REPORT_REPORT_H
/* Migration progress report: the numbers are computed once into a Report
 * (report.c); the html, md and json writers only read it. */
#include "core/diag.h"
#include "engine/engine.h"
#include "rules/registry.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define REPORT_PHASES 5 /* PHASE_ALL (0) and phases 1..4 */
#define REPORT_TOP_FILES 20

/* A finding reduced to what the report counts; independent of any Project
 * so history can keep it across commits. */
typedef struct FlatDiag {
  char *path; /* display path */
  const RuleMeta *rule;
  Severity severity;
  FixApplicability fix;
  uint32_t start, end;
  char *message;
} FlatDiag;

/* A place of migration work (docs/report.md, "Percent done"): a realtime
 * call site as the byte span from the call's start to its argument's end,
 * or a hook call, or a typing-indicator component; `phases` has bit P set
 * when it is work of phase P. */
typedef struct SiteSpan {
  uint32_t start, end;
  uint8_t phases;
} SiteSpan;

/* One linted file: its realtime sites. */
typedef struct FileFacts {
  char *path; /* display path */
  SiteSpan *sites;
  size_t nsites;
} FileFacts;

/* What the aggregation reads: the findings (sorted, deduplicated) and the
 * linted files (sorted by path). */
typedef struct ReportInput {
  const FlatDiag *diags;
  size_t ndiags;
  const FileFacts *files;
  size_t nfiles;
  size_t nnotices;
  const char *standards_source;
  bool standards_learned;
  const RuleSelection *sel;
  int dir_depth; /* 1: top-level directories; 2: one level down */
} ReportInput;

typedef struct PhaseStats {
  int phase;
  size_t rules; /* enabled rules of this phase */
  /* fixable: findings with a safe fix (what `--fix --phase P` clears);
   * suggestions: with a suggested fix (`--fix-suggestions` clears both). */
  size_t findings, errors, warnings, files, fixable, suggestions, needs_human;
  size_t sites, sites_pending, unplaced; /* see docs/report.md, "percent done" */
  size_t units, done;
  int pct_tenths; /* percent done x 10, rounded down */
} PhaseStats;

typedef struct RuleStats {
  const RuleMeta *rule;
  bool enabled;
  size_t findings, files, fixable, suggestions, needs_human;
} RuleStats;

/* A directory or a file. */
typedef struct GroupStats {
  char *name;
  size_t files, findings, errors, fixable, needs_human;
} GroupStats;

typedef struct Snapshot {
  size_t files, files_with_findings, findings, errors, warnings, fixable, suggestions, needs_human,
      notices, sites;
  PhaseStats phases[REPORT_PHASES];
  PhaseStats total; /* every rule together (phase = -1) */
  RuleStats *rules;
  size_t nrules;
  int dir_depth;
  GroupStats *dirs;
  size_t ndirs;
  GroupStats *top_files;
  size_t ntop;
  GroupStats *fix_files; /* what `rtlint --fix` would change now */
  size_t nfix_files;
  char *standards_source;
  bool standards_learned;
} Snapshot;

typedef struct HistoryPoint {
  char oid[41];
  int64_t time; /* committer time, seconds since the epoch */
  char date[32];
  char *subject;
  size_t passes_linted, passes_reused;
  Snapshot snap;
} HistoryPoint;

/* The numbers of a previous report, read back from its JSON (--compare). */
typedef struct PrevReport {
  bool present;
  size_t files, findings, fixable, needs_human, files_with_findings;
  int pct_tenths;
  bool has_phase[REPORT_PHASES];
  size_t phase_findings[REPORT_PHASES];
  int phase_pct_tenths[REPORT_PHASES];
} PrevReport;

typedef struct Report {
  Snapshot now;
  HistoryPoint *history; /* oldest first */
  size_t nhistory;
  bool history_requested;
  char *history_stop; /* why history has fewer commits than asked (a shallow clone), or NULL */
  PrevReport prev;
  char *compare_path;
  /* The working tree's realtime contract (rtlint graph's JSON), summarised
   * at the end of md and html; NULL leaves the summary out. */
  struct json_t *graph;
} Report;

void report_snapshot(const ReportInput *in, Snapshot *out);
void snapshot_free(Snapshot *s);
/* Frees the per-rule, per-folder and per-file lists, keeping the totals,
 * phases and standards: all a history point shows. */
void snapshot_drop_details(Snapshot *s);
void report_free(Report *r);

/* A diagnostic as a FlatDiag that owns copies of its strings. */
void flat_from_diag(FlatDiag *out, const Diag *d);
/* Sorts and removes exact duplicates (the union of per-file passes). */
void flat_diags_sort_unique(FlatDiag *d, size_t *n);
int flat_diag_cmp(const void *a, const void *b);
void flat_diag_free(FlatDiag *d);
/* The work places of a loaded module (parsed here when it can hold one). */
void module_site_spans(const struct Project *proj, struct Module *m, SiteSpan **out, size_t *n);
/* The same from the facts a lint collected (tree held), for LintFileHook. */
struct Facts;
void site_spans_of(const struct Project *proj, const struct Module *m, const struct Facts *f,
                   SiteSpan **out, size_t *n);

/* Reads a previous report's JSON; false with *err when unusable. */
bool report_load_prev(const char *path, PrevReport *prev, char **err);

/* One sentence a tech lead reads under the phase table: what "done"
 * divides by. */
extern const char report_done_sentence[];
/* What the Fixable and With suggestions columns count. */
extern const char report_fix_sentence[];

/* Phase titles and the seed's definitions. */
const char *report_phase_title(int phase);
const char *report_phase_definition(int phase);
/* "84.6" */
void report_pct(int tenths, char *buf, size_t size);

void report_write_json(FILE *f, const Report *r);
void report_write_md(FILE *f, const Report *r);
void report_write_html(FILE *f, const Report *r);

#endif
