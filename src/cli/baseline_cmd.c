/* rtlint baseline: takes the ratchet (.rtlint-baseline.json), or with
 * --update shrinks it to the findings that remain; it grows only with
 * --update --allow-new. */
#include "cli/adoption.h"
#include "cli/standards_setup.h"
#include "core/util.h"
#include "resolve/project.h"
#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fail(const char *fmt, const char *arg) {
  fputs("rtlint: ", stderr);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  return EXIT_USAGE;
}

int cmd_baseline(const Options *o) {
  const char *file = o->baseline ? o->baseline : BASELINE_DEFAULT_FILE;
  bool exists = access(file, F_OK) == 0;
  if (exists && !o->update)
    return fail("%s exists: `rtlint baseline --update` drops the fixed findings (add --allow-new "
                "to accept new ones too); delete the file to start over",
                file);
  if (!exists && o->update)
    return fail("%s does not exist: take a baseline first with `rtlint baseline`", file);
  Baseline old = {0};
  char *err = NULL;
  if (o->update && !baseline_load(&old, file, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    return EXIT_USAGE;
  }
  Adoption ad;
  int early = adoption_begin(&ad, o);
  if (early >= 0) {
    baseline_free(&old);
    return early;
  }
  FileList files = {0};
  if ((early = adoption_files(&ad, o, &files)) >= 0) {
    file_list_free(&files);
    adoption_end(&ad);
    baseline_free(&old);
    return early;
  }
  Standards std;
  char *learned = NULL;
  adoption_standards_candidates(&ad, &files);
  if (!standards_setup(&std, adoption_standards_file(&ad, o), &files, ad.common_dir, ad.root,
                       &learned)) {
    file_list_free(&files);
    adoption_end(&ad);
    baseline_free(&old);
    return EXIT_USAGE;
  }
  adoption_standards(&ad, &std);
  Project proj;
  project_init(&proj, &std);
  adoption_project(&ad, &proj);
  if (learned)
    proj.standards_path = path_absolute(proj.cwd, learned);
  LintResult result;
  adoption_lint(&ad, &proj, &files, &result);

  Baseline next = {0};
  size_t added = 0, fixed = 0, left_out = 0;
  if (!o->update) {
    char **fps = baseline_fingerprints(&result);
    for (size_t i = 0; i < result.diags.n; i++) {
      const Diag *d = &result.diags.items[i];
      if (d->suppressed)
        continue;
      baseline_add(&next, fps[i], d->rule->id, d->src->path, d->message);
      added++;
    }
    baseline_fingerprints_free(fps, result.diags.n);
  } else {
    fixed = baseline_mark(&old, &result, adoption_path_linted, &proj);
    for (size_t k = 0; k < old.n; k++) {
      const BaselineEntry *e = &old.items[k];
      if (e->matched || !adoption_path_linted(&proj, e->path))
        baseline_add(&next, e->fingerprint, e->rule, e->path, e->message);
    }
    char **fps = baseline_fingerprints(&result);
    for (size_t i = 0; i < result.diags.n; i++) {
      const Diag *d = &result.diags.items[i];
      if (d->suppressed || d->baseline_state != BASELINE_NEW)
        continue;
      if (o->allow_new) {
        baseline_add(&next, fps[i], d->rule->id, d->src->path, d->message);
        added++;
      } else {
        left_out++;
      }
    }
    baseline_fingerprints_free(fps, result.diags.n);
  }
  int status = EXIT_CLEAN;
  if (!baseline_write(&next, file, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    status = EXIT_USAGE;
  } else if (!o->update) {
    fprintf(stderr, "rtlint: wrote %zu %s to %s\n", next.n, next.n == 1 ? "finding" : "findings",
            file);
  } else {
    fprintf(stderr, "rtlint: %s: %zu fixed %s removed, %zu added; %zu remain\n", file, fixed,
            fixed == 1 ? "finding" : "findings", added, next.n);
    if (left_out)
      fprintf(stderr,
              "rtlint: %zu new %s not added (the baseline only shrinks; --allow-new adds them)\n",
              left_out, left_out == 1 ? "finding" : "findings");
  }
  baseline_free(&next);
  baseline_free(&old);
  lint_result_free(&result);
  project_free(&proj);
  std_free(&std);
  free(learned);
  file_list_free(&files);
  adoption_end(&ad);
  return status;
}
