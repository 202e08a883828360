#include "report/suppressed.h"

#include "core/util.h"
#include "engine/suppress.h"

#include <stdlib.h>
#include <string.h>

/* The findings located in m (among the first `given`) go through
 * suppress_apply as diagnostics. */
static void suppress_module(Module *m, const RuleSelection *sel, bool require_reason, size_t given,
                            FlatDiag **diags, size_t *ndiags, size_t *cap, bool *dropped) {
  DiagList dl = {0};
  size_t *origin = xcalloc(given + 1, sizeof *origin);
  for (size_t k = 0; k < given; k++) {
    const FlatDiag *f = &(*diags)[k];
    if (strcmp(f->path, m->src.path) != 0)
      continue;
    origin[dl.n] = k;
    diag_add(&dl, f->rule, f->severity, &m->src, f->start, f->end, f->message, NULL);
  }
  size_t located = dl.n;
  project_hold(m);
  if (m->tree)
    suppress_apply(m, &dl, sel, require_reason);
  project_release(m);
  for (size_t i = 0; i < located; i++)
    if (dl.items[i].suppressed)
      dropped[origin[i]] = true;
  for (size_t i = located; i < dl.n; i++) {
    grow_array((void **)diags, cap, *ndiags + 1, sizeof **diags);
    flat_from_diag(&(*diags)[(*ndiags)++], &dl.items[i]);
  }
  diag_list_free(&dl);
  free(origin);
}

void flat_diags_suppress(Project *proj, char *const *abs_paths, size_t npaths,
                         const LintSetup *setup, FlatDiag **diags, size_t *ndiags, size_t *cap) {
  size_t before = *ndiags;
  bool *dropped = xcalloc(before + 1, sizeof *dropped);
  for (size_t i = 0; i < npaths; i++) {
    Module *m = project_module_source(proj, abs_paths[i]);
    if (!m || m->status != SOURCE_OK || !strstr(m->src.bytes, SUPPRESS_MARKER))
      continue;
    RuleSelection sel;
    lint_selection_for(setup, abs_paths[i], &sel);
    suppress_module(m, &sel, setup->require_reason, before, diags, ndiags, cap, dropped);
  }
  size_t w = 0;
  for (size_t r = 0; r < *ndiags; r++) {
    if (r < before && dropped[r]) {
      flat_diag_free(&(*diags)[r]);
      continue;
    }
    (*diags)[w++] = (*diags)[r];
  }
  *ndiags = w;
  free(dropped);
}
