#ifndef RTLINT_OUTPUT_OUTPUT_H
#define RTLINT_OUTPUT_OUTPUT_H
#include "engine/engine.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct OutputOptions {
  bool color;
  bool quiet;       /* errors only */
  bool compact;     /* text: one line per finding, no snippet or help (--format compact) */
  bool statistics;  /* text: counts per rule instead of the findings (--statistics) */
  const char *root; /* absolute project root the paths of findings are relative to (SARIF
                       %SRCROOT%); NULL leaves originalUriBaseIds out */
  const char *cwd;  /* absolute working folder: text output shows paths relative to it;
                       NULL shows them as they are (relative to root) */
  const char *sarif_category; /* --sarif-category: runs[0].automationDetails.id; NULL: none */
  const char *docs_url;       /* --sarif-docs-url: the docs folder rule help links to; NULL:
                                 RTLINT_DOCS_URL (CMake) */
} OutputOptions;

typedef struct Summary {
  size_t errors, warnings, fixable_safe, fixable_suggestion;
  size_t fixable_elsewhere; /* fixes withheld: they change files outside the run */
  size_t files;             /* files with at least one shown finding */
  size_t notices;           /* shown notices: files rtlint could not fully check */
} Summary;

Summary output_summary(const LintResult *r, const OutputOptions *opt);
/* The closing line of text output and of --format github, e.g. "64 problems
 * (49 errors, 15 warnings) in 12 of 27 files; 19 fixable with --fix.";
 * `on`/`off` wrap its head (colour codes, or ""). Caller frees. */
char *output_summary_line(const LintResult *r, const Summary *s, const char *on, const char *off);
/* Shown in text and JSON `diagnostics`, counted in the summary and the exit
 * status: reported (below) and not hidden by --quiet. */
bool output_shown(const Diag *d, const OutputOptions *opt);
/* Notices (files rtlint could not fully check) are not findings: every format
 * shows them apart from the rules, and --quiet hides them. */
bool output_notices_shown(const OutputOptions *opt);
/* Neither silenced by an inline suppression nor already in the --baseline.
 * SARIF emits the others too, with suppressions / baselineState. */
bool output_reported(const Diag *d);

void output_text(FILE *f, const LintResult *r, const OutputOptions *opt);

/* --statistics (statistics.c): the shown findings counted per rule, most
 * first (ties by rule id), like ruff's --statistics. */
typedef struct RuleCount {
  const struct RuleMeta *rule;
  size_t errors, warnings, fixable; /* fixable: with --fix (safe fixes) */
} RuleCount;
/* Fills out (room for rules_count entries); returns how many rules found something. */
size_t output_rule_counts(const LintResult *r, const OutputOptions *opt, RuleCount *out);
/* The table --statistics prints in place of the findings. */
void output_statistics(FILE *f, const LintResult *r, const OutputOptions *opt);
void output_json(FILE *f, const LintResult *r, const OutputOptions *opt);
/* GitHub code scanning takes at most this many results per SARIF run. */
#define SARIF_MAX_RESULTS 25000
#define SARIF_TRUNCATED_ID "results-truncated"
/* SARIF 2.1.0 for code scanning (sarif.c). */
void output_sarif(FILE *f, const LintResult *r, const OutputOptions *opt);
/* Keeps SARIF_MAX_RESULTS of a run's `results` (written in rtlint's order):
 * those that count before suppressed and baseline ones, errors first, then
 * by path; returns how many it dropped. Also used by rtlint merge. */
size_t output_sarif_cap(json_t *results);
/* The tool notification saying how many of `total` results were dropped
 * (properties.leftOut, properties.total). */
json_t *output_sarif_truncation_notice(size_t left_out, size_t total);
/* GitHub Actions workflow commands (::error/::warning), one per line (github.c). */
void output_github(FILE *f, const LintResult *r, const OutputOptions *opt);
/* GitLab Code Quality (Code Climate) JSON array (codeclimate.c). */
void output_codeclimate(FILE *f, const LintResult *r, const OutputOptions *opt);

/* A finding's path (relative to opt->root) as text output shows it:
 * relative to the working folder when below it, else absolute. Caller frees. */
char *output_local_path(const OutputOptions *opt, const char *path);

/* A display path as a URI reference: percent-encoded, relative paths stay
 * relative, absolute ones become file:// URIs. Caller frees. */
char *output_path_uri(const char *path);

/* GitHub workflow command escaping: data escapes %, CR and LF; property
 * values additionally ':' and ','. Caller frees. */
char *output_github_escape_data(const char *s);
char *output_github_escape_property(const char *s);

#endif
