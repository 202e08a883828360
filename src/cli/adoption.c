#include "cli/adoption.h"

#include "cli/not_linted.h"
#include "cli/project_root.h"
#include "cli/standards_setup.h"
#include "core/util.h"
#include "resolve/project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *cwd_abs(const char *path) {
  char buf[PATH_MAX];
  return path_absolute(getcwd(buf, sizeof buf) ? buf : "/", path);
}

int adoption_begin(Adoption *a, const Options *o) {
  memset(a, 0, sizeof *a);
  if (!options_selection(o, &a->cli))
    return EXIT_USAGE;
  for (size_t i = 0; i < o->nonly; i++) {
    const RuleMeta *r = rules_find(o->only_rules[i]);
    if (r)
      a->forced[rules_index(r)] = true;
  }
  /* Found from the paths linted, not from the working folder: the same
   * configuration and root wherever rtlint runs. */
  char *path = NULL;
  project_root_locate(o->config, o->paths, o->npaths, &path, &a->common_dir, &a->root);
  if (path) {
    char *err = NULL;
    /* Shown relative to the working directory, like every other path. */
    char buf[PATH_MAX];
    Project tmp = {.cwd = getcwd(buf, sizeof buf) ? buf : "/"};
    char *abs = cwd_abs(path);
    char *shown = o->config ? xstrdup(o->config) : project_display_path(&tmp, abs);
    free(abs);
    bool ok = config_load(&a->config, shown, &err);
    free(shown);
    free(path);
    if (!ok) {
      fprintf(stderr, "%s\n", err);
      free(err);
      config_free(&a->config);
      adoption_end(a);
      return EXIT_USAGE;
    }
    a->have_config = true;
  }
  a->setup.cli = &a->cli;
  a->setup.cli_forced = a->forced;
  a->setup.cli_phases = o->nphases > 0;
  a->setup.config = a->have_config ? &a->config : NULL;
  a->setup.require_reason = o->require_reason || (a->have_config && a->config.require_reason);
  a->baseline_file = o->baseline;
  if (o->baseline && o->command == CMD_CHECK) {
    char *err = NULL;
    if (!baseline_load(&a->baseline, o->baseline, &err)) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
      adoption_end(a);
      return EXIT_USAGE;
    }
    a->have_baseline = true;
  }
  return -1;
}

/* Keeps the files the configuration includes and, with --changed-since,
 * the files with changed lines. */
static void filter_files(Adoption *a, FileList *files) {
  if (!a->have_config && !a->have_changed)
    return;
  char buf[PATH_MAX];
  const char *cwd = getcwd(buf, sizeof buf) ? buf : "/";
  size_t w = 0;
  for (size_t i = 0; i < files->n; i++) {
    char *abs = path_absolute(cwd, files->paths[i]);
    bool keep = (!a->have_config || config_includes(&a->config, abs)) &&
                (!a->have_changed || changed_has_file(&a->changed, abs));
    free(abs);
    if (keep)
      files->paths[w++] = files->paths[i];
    else
      free(files->paths[i]);
  }
  files->n = w;
}

/* --stdin-filename PATH: linted as named, without discovery (the file need
 * not exist on disk), unless rtlint would never lint it: then a notice says
 * so, as the run would otherwise be silent about a buffer it ignored. */
static void stdin_file(Adoption *a, const char *path, FileList *files) {
  char buf[PATH_MAX];
  char *abs = cwd_abs(path);
  Project shown_from = {.cwd = getcwd(buf, sizeof buf) ? buf : "/", .root = a->root};
  char *shown = project_display_path(&shown_from, abs);
  Lang lang;
  if (!lang_for_path(abs, &lang))
    notice_add(&files->skipped, shown, NOTICE_NOT_LINTED,
               "not a file rtlint lints (.ts, .tsx, .mts, .cts; not .d.ts): nothing was checked", 0,
               0);
  else if (a->have_config && !config_includes(&a->config, abs))
    notice_add(&files->skipped, shown, NOTICE_NOT_LINTED,
               "excluded by the configuration's include/exclude: nothing was checked", 0, 0);
  else
    file_list_add(files, path);
  free(shown);
  free(abs);
}

int adoption_files(Adoption *a, const Options *o, FileList *files) {
  char *err = NULL;
  if (o->changed_since) {
    if (!changed_since(o->changed_since, &a->changed, &err)) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
      return EXIT_USAGE;
    }
    a->have_changed = true;
  }
  if (o->stdin_filename) {
    stdin_file(a, o->stdin_filename, files);
    return -1;
  }
  if (o->staged) {
    if (!staged_open(&a->staged, files, &a->workdir, &err)) {
      fprintf(stderr, "rtlint: --staged: %s\n", err);
      free(err);
      return EXIT_USAGE;
    }
    if (!path_at_or_below(a->root, a->workdir)) {
      /* The index holds the whole work tree: its root is the project's. */
      free(a->root);
      a->root = xstrdup(a->workdir);
    }
  } else if (!discover_files(o->paths, o->npaths, options_cache_dir(o), files, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    return EXIT_USAGE;
  }
  if (o->staged) {
    filter_files(a, files);
    return -1;
  }
  size_t *found = xcalloc(o->npaths + 1, sizeof *found);
  size_t *kept = xcalloc(o->npaths + 1, sizeof *kept);
  named_folder_counts(o->paths, o->npaths, files, found);
  filter_files(a, files);
  named_folder_counts(o->paths, o->npaths, files, kept);
  /* With --changed-since a folder without changes is no news. */
  NamedPaths named = {o->paths, o->npaths, found, a->have_changed ? NULL : kept};
  not_linted_notes(&named, a->have_config ? &a->config : NULL, a->root, &files->skipped);
  free(found);
  free(kept);
  return -1;
}

const char *adoption_standards_file(const Adoption *a, const Options *o) {
  if (o->standards)
    return o->standards;
  return a->have_config ? a->config.standards : NULL;
}

void adoption_standards_candidates(Adoption *a, FileList *files) {
  if (!a->staged)
    return;
  Standards builtin;
  char *err = NULL;
  if (std_load_builtin(&builtin, &err) && builtin.module_suffix) {
    char *found = staged_find_suffix(a->staged, builtin.module_suffix);
    if (found) {
      file_list_add(files, found);
      file_list_sort_unique(files);
    }
    free(found);
  }
  free(err);
  std_free(&builtin);
}

void adoption_standards(const Adoption *a, Standards *std) {
  if (a->have_config)
    config_apply_standards(&a->config, std);
}

void adoption_project(Adoption *a, Project *proj) {
  const Config *c = a->have_config ? &a->config : NULL;
  project_set_root(proj, a->root, c ? c->allow_outside : NULL, c ? c->nallow_outside : 0);
  if (c) {
    proj->user_sinks = c->sinks;
    proj->nuser_sinks = c->nsinks;
  }
  if (!a->staged)
    return;
  /* Paths relative to the repository root, contents from the index. */
  free(proj->cwd);
  proj->cwd = xstrdup(a->workdir);
  a->index_fs = (ProjectFs){.ctx = a->staged, .read_file = staged_read, .disk_fallback = true};
  proj->fs = &a->index_fs;
}

bool adoption_path_linted(void *ctx, const char *path) {
  const Project *proj = ctx;
  for (size_t i = 0; i < proj->nmodules; i++)
    if (proj->modules[i]->linted && proj->modules[i]->src.path &&
        strcmp(proj->modules[i]->src.path, path) == 0)
      return true;
  return false;
}

void adoption_lint(Adoption *a, Project *proj, const FileList *files, LintResult *result) {
  lint_files_ex(proj, files->paths, files->n, &a->setup, result);
  file_list_report_skipped(files, &result->notices);
  if (a->have_changed) {
    /* Only what the change touched: findings on other lines are dropped. */
    size_t w = 0;
    for (size_t i = 0; i < result->diags.n; i++) {
      Diag *d = &result->diags.items[i];
      char *abs = path_absolute(proj->root ? proj->root : proj->cwd, d->src->path);
      bool keep = changed_has_line(&a->changed, abs, src_pos(d->src, d->start).line);
      free(abs);
      if (keep) {
        result->diags.items[w++] = *d;
      } else {
        diag_free(d);
        a->hidden_by_changed++;
      }
    }
    result->diags.n = w;
  }
  project_tsconfig_notices(proj, files->paths, files->n, &result->notices);
  notice_list_sort(&result->notices);
  if (a->baseline_file) {
    if (a->have_baseline)
      for (size_t k = 0; k < a->baseline.n; k++)
        a->baseline.items[k].matched = false;
    a->baseline_fixed = baseline_mark(&a->baseline, result, adoption_path_linted, proj);
  }
}

void adoption_finish(Adoption *a) {
  if (a->baseline_file && a->baseline_fixed)
    fprintf(stderr,
            "rtlint: %zu %s in the baseline %s fixed; run rtlint baseline --update to shrink it\n",
            a->baseline_fixed, a->baseline_fixed == 1 ? "finding" : "findings",
            a->baseline_fixed == 1 ? "is" : "are");
}

void adoption_end(Adoption *a) {
  if (a->have_config)
    config_free(&a->config);
  staged_close(a->staged);
  free(a->workdir);
  free(a->root);
  free(a->common_dir);
  if (a->have_changed)
    changed_free(&a->changed);
  baseline_free(&a->baseline);
  memset(a, 0, sizeof *a);
}
