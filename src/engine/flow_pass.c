#include "engine/flow_pass.h"

#include "core/util.h"
#include "engine/parallel.h"

#include <stdlib.h>
#include <string.h>

bool flow_sink_needle_in(const char *text) {
#define SINK(callee, needle, flags)                                                                \
  if (strstr(text, needle))                                                                        \
    return true;
#include "resolve/sinks.def"
#undef SINK
  return false;
}

typedef struct PassFile {
  Module *m;
  bool recorded;
  bool other_shard; /* not linted here: its tree is not kept */
  FlowRecord rec;
} PassFile;

typedef struct Pass {
  PassFile *files;
  size_t *todo;
} Pass;

static void record_step(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  Pass *p = ctx;
  PassFile *f = &p->files[p->todo[i]];
  project_hold(f->m);
  flow_record_build(f->m, &f->rec);
  project_release(f->m);
  if (f->other_shard)
    project_drop_tree(f->m);
}

void flow_pass(Project *proj, Module **mods, size_t n, char *const *other_paths, size_t nother,
               unsigned jobs, FlowNames *out) {
  memset(out, 0, sizeof *out);
  size_t total = n + nother;
  PassFile *files = xcalloc(total ? total : 1, sizeof *files);
  size_t nfiles = 0;
  for (size_t i = 0; i < n; i++)
    if (mods[i] && mods[i]->status == SOURCE_OK)
      files[nfiles++].m = mods[i];
  for (size_t i = 0; i < nother; i++) {
    Module *m = project_module_source(proj, other_paths[i]);
    if (!m || m->status != SOURCE_OK)
      continue;
    m->linted = true; /* another shard lints it: findings located there are kept */
    files[nfiles].m = m;
    files[nfiles++].other_shard = true;
  }
  size_t *todo = xcalloc(nfiles + 1, sizeof *todo);
  FlowRecord **recs = xcalloc(nfiles + 1, sizeof *recs);
  size_t nrecs = 0;
  Pass pass = {files, todo};
  for (;;) {
    size_t ntodo = 0;
    for (size_t i = 0; i < nfiles; i++)
      if (!files[i].recorded && (flow_sink_needle_in(files[i].m->src.bytes) ||
                                 flow_names_in_text(out, files[i].m->src.bytes)))
        todo[ntodo++] = i;
    if (ntodo == 0)
      break;
    parallel_for(ntodo, parallel_jobs(jobs, ntodo), record_step, &pass);
    /* Records in file order: the names are a set, but keep it tidy. */
    for (size_t k = 0; k < ntodo; k++)
      files[todo[k]].recorded = true;
    nrecs = 0;
    for (size_t i = 0; i < nfiles; i++)
      if (files[i].recorded)
        recs[nrecs++] = &files[i].rec;
    flow_names_free(out);
    flow_names_solve(out, recs, nrecs);
  }
  for (size_t i = 0; i < nfiles; i++)
    flow_record_free(&files[i].rec);
  free(recs);
  free(todo);
  free(files);
}
