#include "engine/flow_pass.h"

#include "core/util.h"
#include "engine/parallel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool flow_sink_needle_in(const char *text) {
#define SINK(callee, needle, event, channel)                                                       \
  if (strstr(text, needle))                                                                        \
    return true;
#include "resolve/sinks.def"
#undef SINK
  return false;
}

/* Whether text calls one of the names in delta; a few names are looked for
 * as plain substrings first (most files hold none of them). */
static bool delta_in_text(const FlowNames *delta, const char *text) {
  if (delta->set.n == 0)
    return false;
  if (delta->set.n <= 16 && !strmap_get(&delta->set, "default")) {
    bool any = false;
    for (size_t k = 0; k < delta->set.cap && !any; k++)
      any = delta->set.keys[k] && strstr(text, delta->set.keys[k]);
    if (!any)
      return false;
  }
  return flow_names_in_text(delta, text);
}

typedef struct PassFile {
  Module *m;
  bool recorded;
  bool other_shard;   /* not linted here: its tree is not kept */
  bool import_target; /* not linted by anyone, but imported: always recorded */
  FlowRecord rec;
} PassFile;

typedef struct Files {
  PassFile *items;
  size_t n, cap;
  StrMap index; /* fs_path -> present */
} Files;

static void files_add(Files *fs, Module *m, bool other_shard, bool import_target) {
  if (strmap_get(&fs->index, m->fs_path))
    return;
  strmap_put(&fs->index, m->fs_path, m);
  PassFile f;
  memset(&f, 0, sizeof f);
  f.m = m;
  f.other_shard = other_shard;
  f.import_target = import_target;
  ARRAY_PUSH(fs->items, fs->n, fs->cap, f);
}

/* The specifier after `from`, `import` or `require(` at p (a quote), if the
 * text before it says so; NULL otherwise. Text, not syntax: a superset. */
static bool import_word_before(const char *text, const char *q) {
  const char *p = q;
  while (p > text && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '('))
    p--;
  size_t avail = (size_t)(p - text);
  return (avail >= 4 && memcmp(p - 4, "from", 4) == 0) ||
         (avail >= 6 && memcmp(p - 6, "import", 6) == 0) ||
         (avail >= 7 && memcmp(p - 7, "require", 7) == 0);
}

/* Files m imports that nobody lints (a run over a few files: their wrappers
 * are not among the run's files). */
static void add_import_targets(Project *proj, Files *fs, Module *m) {
  const char *text = m->src.bytes;
  for (const char *q = text; (q = strpbrk(q, "\"'")) != NULL;) {
    char quote = *q;
    const char *end = strchr(q + 1, quote);
    if (!end)
      break;
    if ((size_t)(end - q) < 512 && !memchr(q, '\n', (size_t)(end - q)) &&
        import_word_before(text, q) && (q[1] == '.' || q[1] == '@' || q[1] == '~' || q[1] == '/')) {
      char spec[512];
      snprintf(spec, sizeof spec, "%.*s", (int)(end - q - 1), q + 1);
      char *path = NULL;
      if (project_resolve_import(proj, m, spec, &path)) {
        Module *t = project_module_source(proj, path);
        if (t && t->status == SOURCE_OK && !t->linted)
          files_add(fs, t, false, true);
      }
      free(path);
    }
    q = end + 1;
  }
}

typedef struct Pass {
  PassFile *files;
  size_t *todo;
  const FlowNames *delta; /* the names the last round added */
  int round;
  bool *hit; /* per file: a candidate this round / calls a final name */
} Pass;

/* One file's test, on the pool: the rounds scan every file not recorded yet. */
static void candidate_step(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  Pass *p = ctx;
  const PassFile *f = &p->files[i];
  const char *text = f->m->src.bytes;
  p->hit[i] = !f->recorded && (f->import_target || (p->round == 0 && flow_sink_needle_in(text)) ||
                               delta_in_text(p->delta, text));
}

static void verdict_step(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  Pass *p = ctx;
  const PassFile *f = &p->files[i];
  p->hit[i] = f->recorded && flow_names_in_text(p->delta, f->m->src.bytes);
}

static void record_step(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  Pass *p = ctx;
  PassFile *f = &p->files[p->todo[i]];
  flow_record_build(f->m->src.bytes, &f->rec);
}

void flow_pass(Project *proj, Module **mods, size_t n, char *const *other_paths, size_t nother,
               unsigned jobs, FlowNames *out) {
  memset(out, 0, sizeof *out);
  Files fs = {0};
  for (size_t i = 0; i < n; i++)
    if (mods[i] && mods[i]->status == SOURCE_OK)
      files_add(&fs, mods[i], false, false);
  for (size_t i = 0; i < nother; i++) {
    Module *m = project_module_source(proj, other_paths[i]);
    if (!m || m->status != SOURCE_OK)
      continue;
    m->linted = true; /* another shard lints it: findings located there are kept */
    files_add(&fs, m, true, false);
  }
  /* A run over a few files (pre-commit, explicit paths) also reads what they
   * import that nobody lints, transitively (the list grows); a larger run
   * lints what it imports, and resolving every import of every file cost a
   * warm run more than the lint. */
  if (n <= FLOW_FOLLOW_IMPORTS_MAX)
    for (size_t i = 0; i < fs.n; i++)
      add_import_targets(proj, &fs, fs.items[i].m);
  FlowSolver *solver = flow_solver_new(proj->user_sinks, proj->nuser_sinks);
  flow_solver_solve(solver, out, NULL);
  size_t *todo = xcalloc(fs.n + 1, sizeof *todo);
  Pass pass = {fs.items, todo, NULL, 0, xcalloc(fs.n + 1, sizeof(bool))};
  /* Each round checks the files not recorded yet against the names the
   * last round added (delta): against the older ones they said no. */
  FlowNames delta = {0};
  for (size_t k = 0; k < out->set.cap; k++) /* the declared sinks' names */
    if (out->set.keys[k])
      strmap_put(&delta.set, out->set.keys[k], &delta);
  int rounds = 0;
  for (;; rounds++) {
    pass.delta = &delta;
    pass.round = rounds;
    parallel_for(fs.n, parallel_jobs(jobs, fs.n), candidate_step, &pass);
    size_t ntodo = 0;
    for (size_t i = 0; i < fs.n; i++)
      if (pass.hit[i])
        todo[ntodo++] = i;
    if (ntodo == 0)
      break;
    parallel_for(ntodo, parallel_jobs(jobs, ntodo), record_step, &pass);
    for (size_t k = 0; k < ntodo; k++) { /* in file order: ids do not depend on threads */
      fs.items[todo[k]].recorded = true;
      flow_solver_add(solver, &fs.items[todo[k]].rec);
    }
    flow_names_free(&delta);
    flow_solver_solve(solver, out, &delta);
  }
  flow_names_free(&delta);
  flow_solver_free(solver);
  /* The last round found no file holding a name: only the recorded ones
   * can answer yes. */
  pass.delta = out;
  parallel_for(fs.n, parallel_jobs(jobs, fs.n), verdict_step, &pass);
  for (size_t i = 0; i < fs.n; i++)
    if (!fs.items[i].other_shard && !fs.items[i].import_target)
      flow_names_remember(out, fs.items[i].m->src.bytes, pass.hit[i]);
  if (getenv("RTLINT_STATS")) {
    size_t nrec = 0;
    for (size_t i = 0; i < fs.n; i++)
      nrec += fs.items[i].recorded;
    fprintf(stderr, "rtlint-stats: wrapper names %zu, from %zu of %zu files, %d rounds\n",
            out->set.n, nrec, fs.n, rounds);
  }
  for (size_t i = 0; i < fs.n; i++)
    flow_record_free(&fs.items[i].rec);
  free(todo);
  free(pass.hit);
  free(fs.items);
  strmap_free(&fs.index, NULL);
}
