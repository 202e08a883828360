#ifndef RTLINT_CLI_ADOPTION_H
#define RTLINT_CLI_ADOPTION_H
#include "baseline/baseline.h"
#include "cli/options.h"
#include "config/config.h"
#include "discover/discover.h"
#include "discover/staged.h"
#include "engine/engine.h"
#include "standards/standards.h"

#include <stdio.h>

/* What cmd_check and cmd_baseline add to the plain pipeline: the
 * configuration, the rule selection per file, --staged, --changed-since and
 * --baseline. Each step is one call from the command, so commands.c keeps
 * its shape:
 *   adoption_begin -> adoption_files -> standards_setup(adoption_standards_file)
 *   -> adoption_standards -> project_init -> adoption_project -> adoption_lint
 *   -> output -> adoption_finish -> adoption_end */
typedef struct Adoption {
  Config config;
  bool have_config;
  RuleSelection cli;
  bool forced[64];
  LintSetup setup;
  StagedIndex *staged;
  ProjectFs index_fs; /* --staged: files come from the index */
  char *workdir;      /* --staged: the repository root */
  char *root;         /* the project root (cli/project_root.h) */
  char *common_dir;   /* the deepest folder holding every PATH */
  Changed changed;
  bool have_changed;
  Baseline baseline;
  bool have_baseline;
  const char *baseline_file;
  size_t baseline_fixed;
  size_t hidden_by_changed;
} Adoption;

/* Each returns -1 to go on, or the exit status to stop with (the error is
 * printed); adoption_end is safe after either. */
int adoption_begin(Adoption *a, const Options *o);
int adoption_files(Adoption *a, const Options *o, FileList *files);
/* --standards, else the configuration's `standards`, else NULL. */
const char *adoption_standards_file(const Adoption *a, const Options *o);
/* Adds the standards module found in the index (--staged) to files when it
 * is not there, so learning does not need a walk. */
void adoption_standards_candidates(Adoption *a, FileList *files);
void adoption_standards(const Adoption *a, Standards *std);
void adoption_project(Adoption *a, Project *proj);
/* Lints, applies suppressions, the --changed-since filter and the baseline. */
void adoption_lint(Adoption *a, Project *proj, const FileList *files, LintResult *result);
/* Says on stderr when baseline entries are fixed. */
void adoption_finish(Adoption *a);
void adoption_end(Adoption *a);

/* baseline_mark's `linted` callback: ctx is the Project. */
bool adoption_path_linted(void *ctx, const char *display_path);

/* rtlint baseline [--update [--allow-new]] [--baseline FILE] [PATH...]
 * (cli/baseline_cmd.c). */
int cmd_baseline(const Options *o);

#endif
