#include "cli/fix_run.h"

#include "fix/apply.h"

#include <string.h>

static const Module *module_of(const Project *p, const Source *src) {
  for (size_t i = 0; i < p->nmodules; i++)
    if (&p->modules[i]->src == src)
      return p->modules[i];
  return NULL;
}

FixSummary fix_run(Project *proj, const LintResult *result, FixApplicability level, bool diff,
                   FILE *out) {
  FixSummary s;
  memset(&s, 0, sizeof s);
  const DiagList *dl = &result->diags;
  /* Diagnostics are sorted by path: each file's run is contiguous. */
  for (size_t i = 0; i < dl->n;) {
    size_t j = i;
    while (j < dl->n && dl->items[j].src == dl->items[i].src)
      j++;
    const Module *m = module_of(proj, dl->items[i].src);
    if (m) {
      FileFixResult fr;
      fix_build(&fr, &m->src, m->lang, &dl->items[i], j - i, level);
      s.deferred += fr.deferred;
      if (fr.deferred)
        fprintf(stderr, "rtlint: %s: %zu overlapping %s left for the next run\n", m->src.path,
                fr.deferred, fr.deferred == 1 ? "fix" : "fixes");
      if (fr.fixed && diff) {
        fix_print_diff(out, &fr);
        s.diff_files++;
        s.fixes_applied += fr.applied;
      } else if (fr.fixed && fix_write(&fr, m->fs_path)) {
        s.files_written++;
        s.fixes_applied += fr.applied;
      } else if (fr.fixed) {
        s.write_failures++;
      }
      if (fr.refused) {
        s.refused_files++;
        fprintf(stderr, "rtlint: %s: %s\n", m->src.path, fr.refused);
      }
      fix_result_free(&fr);
    }
    i = j;
  }
  return s;
}
