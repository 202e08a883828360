#ifndef RTLINT_ENGINE_ENGINE_H
#define RTLINT_ENGINE_ENGINE_H
#include "core/diag.h"
#include "resolve/project.h"
#include "rules/registry.h"

#include <stdbool.h>

void selection_defaults(RuleSelection *sel);
bool selection_any_enabled(const RuleSelection *sel);
/* Raises each rule's severity in acc to at least s's: the union of the
 * selections of several files (what a report lists as enabled). */
void selection_merge(RuleSelection *acc, const RuleSelection *s);

typedef struct LintResult {
  DiagList diags;
  NoticeList notices;
  size_t files_scanned;
  /* Each rule at the highest severity some linted file gives it: the rules
   * the run had on (per-file configuration can turn one on in one folder). */
  RuleSelection enabled;
  /* The wrapper names the run followed (resolve/flow_names.h): whether it
   * had any, and their digest; a pass's findings depend on them. */
  bool flow;
  uint64_t flow_digest;
  /* Frees the linted files' trees while the caller prints (engine.c's
   * TreeReaper); joined by lint_result_free. NULL: none. */
  struct TreeReaper *reaper;
} LintResult;

struct Cache;

/* How to run, not what to report. */
/* Told about each file of a run, on the worker's thread. Any function may be
 * NULL.
 * - linted: the file's rules ran; its tree and facts are at hand (the report
 *   measures a file's work places there instead of parsing it and collecting
 *   its facts a second time).
 * - begin, passed: around the rules whose findings depend on the file alone
 *   and what resolution reads (those the cache keeps), with what they found;
 *   `trusted` is false when the file went over its budget. A file without
 *   needles passes with nothing; a file the cache served does not pass. The
 *   report's history reuses these passes for unchanged blobs. */
struct Facts;
typedef struct LintFileHook {
  void (*linted)(void *ctx, const Project *proj, Module *m, const struct Facts *facts);
  void (*begin)(void *ctx, Module *m);
  void (*passed)(void *ctx, const Project *proj, Module *m, const Diag *found, size_t nfound,
                 bool trusted);
  void *ctx;
} LintFileHook;

typedef struct LintOptions {
  unsigned jobs;            /* worker threads; 0 = one per core */
  bool prefilter;           /* skip parsing files that contain no rule's needle */
  struct Cache *cache;      /* reuse findings of unchanged files; NULL: off */
  const LintFileHook *hook; /* NULL: none */
  /* Operations (tree nodes walked, name-lookup steps) one file's rules may
   * spend before the file is skipped with a notice; 0 = no limit. */
  uint64_t file_budget;
  /* Where `rtlint graph` wants the run's realtime contract (graph/model.h);
   * NULL: the run keeps its own when a contract rule is on. */
  struct ContractGraph *graph;
  /* A fix may change a file the run does not lint (an editor linting one
   * document offers a workspace edit); false: such a fix is withheld, since
   * `rtlint --fix a.ts` must not write a file the user did not name. */
  bool fix_unlinted;
} LintOptions;

/* The default --file-budget: far above what any real file needs (a
 * 100,000-line file spends a few million), reached by pathological input. */
#define LINT_DEFAULT_FILE_BUDGET 500000000ull

void lint_options_defaults(LintOptions *o);

/* Adoption settings (configuration, inline suppressions). With them, the
 * rule selection is computed per file: built-in defaults, then the
 * configuration's `rules`, matching `overrides` and `phases`, then the
 * command line (a rule it turned off stays off; a rule named with --rule runs
 * even where the configuration turned it off). */
struct Config;
typedef struct LintSetup {
  const RuleSelection *cli;    /* from options_selection, or NULL for defaults */
  const bool *cli_forced;      /* [rules_count]: named with --rule, or NULL */
  bool cli_phases;             /* --phase given: the configuration's phases do not apply */
  const struct Config *config; /* NULL without rtlint.yaml */
  bool require_reason;         /* --require-reason / require_reason: true */
  const LintOptions *run;      /* NULL: lint_options_defaults */
  /* With --shard: the files other shards lint. They are not linted here,
   * but findings located in them are kept (a channel name built in one
   * shard's file and used in another's), their suppressions apply, and the
   * import graph includes them, so the merged shards equal one run. */
  char *const *other_shards;
  size_t nother_shards;
  /* The files linted are the whole project (no PATH below the root, no
   * --staged, --shard or editor buffer): only then do the contract rules
   * (event-never-sent, event-never-heard, channel-mismatch) report. */
  bool whole_project;
} LintSetup;

/* The severities for one file (absolute path). */
void lint_selection_for(const LintSetup *setup, const char *abs_path, RuleSelection *sel);

/* Lints the given files (paths as given on the command line or found by
 * discovery) on a pool of threads with one selection for every file, then
 * the suppression pass. Findings are sorted and deduplicated, so the result
 * does not depend on thread timing. */
void lint_files(Project *proj, char *const *paths, size_t npaths, const RuleSelection *sel,
                const LintOptions *opt, LintResult *out);
/* The same with the selection computed per file from setup. Suppressed
 * findings stay in out->diags, marked. */
void lint_files_ex(Project *proj, char *const *paths, size_t npaths, const LintSetup *setup,
                   LintResult *out);
void lint_result_free(LintResult *r);

/* What one file's lint shares with the rest of its run, for lint_module:
 * the configuration (NULL: none) gives the rules their options; gate (NULL:
 * every rule) the needles that decide which rules run; flow_names (NULL: no
 * rule reads wrapper sites) the names wrappers may be called by
 * (resolve/flow_names.h); hook (NULL: none) is told when the rules ran. */
struct Prefilter;
struct FlowNames;
typedef struct ModuleRun {
  const struct Config *config;
  const struct Prefilter *gate;
  const struct FlowNames *flow_names;
  const LintFileHook *hook;
} ModuleRun;

/* One file on its own: the rules whose findings depend only on the file and
 * what resolution reads from it (report history reuses these per blob), as
 * in a lint run. */
void lint_module(Project *proj, Module *m, const RuleSelection *sel, const ModuleRun *run,
                 DiagList *out);
/* The rules that read the whole import graph (RuleMeta.project_wide): run
 * after every file of the project is loaded, with the run's import graph.
 * Parses m only when it contains one of their needles. */
/* Whether m's text can make a project-wide rule enabled in sel fire (the
 * rules' needles): only then does lint_module_project_wide parse it. */
bool lint_project_wide_wanted(const Project *proj, const Module *m, const RuleSelection *sel);
struct LazyImportGraph;
void lint_module_project_wide(Project *proj, Module *m, const RuleSelection *sel,
                              const struct Config *config, struct LazyImportGraph *imports,
                              DiagList *out);

#endif
