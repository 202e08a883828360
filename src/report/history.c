/* Findings over git history, read straight from git objects.
 *
 * Each sampled commit gets its own Project whose ProjectFs hooks read the
 * commit's tree, so imports between files of that commit resolve as they did
 * then. Files are linted one by one (a "pass" per file) and each pass records
 * what it depended on: every path the resolver probed (present with its blob
 * id, or absent) and every file it read. A pass is reused at a later commit
 * when its file's blob, the standards and all those recorded paths are
 * unchanged; work places (report.h, SiteSpan) are cached by blob id, standards and
 * path. See docs/report.md, "History". */
#include "report/history.h"
#include "report/history_passes.h"

#include "config/config.h"
#include "core/util.h"
#include "parse/parser.h"

#include "core/strmap.h"
#include "engine/flow_pass.h"
#include "engine/parallel.h"
#include "engine/prefilter.h"
#include "report/suppressed.h"
#include "resolve/importers.h"
#include "rules/registry.h"

#include <git2.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HISTORY_MAPPED_LIMIT (128u << 20)

typedef struct HistCtx {
  git_repository *repo;
  pthread_mutex_t repo_lock; /* blob reads: passes run on several threads */
  StrMap tree;               /* absolute path -> TreeEnt; read-only while passes run */
} HistCtx;

static bool blob_bytes(git_repository *repo, const git_oid *oid, char **bytes, size_t *len) {
  git_blob *blob = NULL;
  if (git_blob_lookup(&blob, repo, oid) != 0)
    return false;
  *len = (size_t)git_blob_rawsize(blob);
  *bytes = xmalloc(*len + 1);
  memcpy(*bytes, git_blob_rawcontent(blob), *len);
  (*bytes)[*len] = '\0';
  git_blob_free(blob);
  return true;
}

static bool hook_read(void *ctx, const char *abs, char **bytes, size_t *len) {
  HistCtx *h = ctx;
  TreeEnt *e = strmap_get(&h->tree, abs);
  pass_record(abs, e);
  if (!e)
    return false;
  pthread_mutex_lock(&h->repo_lock);
  bool ok = blob_bytes(h->repo, &e->oid, bytes, len);
  pthread_mutex_unlock(&h->repo_lock);
  return ok;
}

static bool hook_exists(void *ctx, const char *abs) {
  HistCtx *h = ctx;
  TreeEnt *e = strmap_get(&h->tree, abs);
  pass_record(abs, e);
  return e != NULL;
}

static bool hook_linted(void *ctx, const char *abs) {
  HistCtx *h = ctx;
  TreeEnt *e = strmap_get(&h->tree, abs);
  return e && e->lint;
}

typedef struct WalkCtx {
  HistCtx *h;
  const char *workdir; /* absolute, no trailing slash */
  char **scopes;
  size_t nscopes;
  char **lint; /* absolute paths to lint */
  size_t nlint, lintcap;
  StrBuf tsconfigs;       /* "path oid;" of every tsconfig.json: resolution config */
  const LintSetup *setup; /* the working tree's configuration, applied to every commit */
} WalkCtx;

static bool in_scope(const WalkCtx *w, const char *abs) {
  for (size_t i = 0; i < w->nscopes; i++) {
    size_t n = strlen(w->scopes[i]);
    if (strncmp(abs, w->scopes[i], n) == 0 &&
        (abs[n] == '\0' || abs[n] == '/' || strcmp(w->scopes[i], "/") == 0))
      return true;
  }
  return false;
}

static int walk_cb(const char *root, const git_tree_entry *entry, void *payload) {
  WalkCtx *w = payload;
  const char *name = git_tree_entry_name(entry);
  git_object_t type = git_tree_entry_type(entry);
  if (type == GIT_OBJECT_TREE)
    return strcmp(name, "node_modules") == 0 || strcmp(name, ".git") == 0 ? 1 : 0;
  if (type != GIT_OBJECT_BLOB)
    return 0;
  Lang lang;
  bool code = lang_for_path(name, &lang);
  bool tsconfig = strcmp(name, "tsconfig.json") == 0;
  if (!code && !tsconfig)
    return 0;
  char *abs = xasprintf("%s/%s%s", w->workdir, root, name);
  TreeEnt *e = xcalloc(1, sizeof *e);
  e->oid = *git_tree_entry_id(entry);
  e->lint =
      code && in_scope(w, abs) && (!w->setup->config || config_includes(w->setup->config, abs));
  strmap_put(&w->h->tree, abs, e);
  if (e->lint)
    ARRAY_PUSH(w->lint, w->nlint, w->lintcap, xstrdup(abs));
  if (tsconfig) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &e->oid);
    sb_appendf(&w->tsconfigs, "%s %s;", abs, hex);
  }
  free(abs);
  return 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool pass_valid(const PassRec *r, const HistCtx *h, const git_oid *oid, const char *std_id) {
  if (!r || !git_oid_equal(&r->file_oid, oid) || strcmp(r->std_id, std_id) != 0)
    return false;
  for (size_t i = 0; i < r->ndeps; i++) {
    const TreeEnt *e = strmap_get(&h->tree, r->deps[i].path);
    if ((e != NULL) != r->deps[i].exists)
      return false;
    if (e && !git_oid_equal(&e->oid, &r->deps[i].oid))
      return false;
  }
  return true;
}

static void flat_copy(FlatDiag *out, const FlatDiag *d) {
  *out = *d;
  out->path = xstrdup(d->path);
  out->message = xstrdup(d->message);
}

/* A file's work places and notices, as a check counts them: a syntax error
 * only in a file the rules' needles make it parse. `measured` holds the work
 * places when the file's pass just measured them (NULL: measure here). */
static FactsRec *facts_for(Project *proj, const char *abs, const Prefilter *pf,
                           const RuleSelection *enabled, FactsRec *measured) {
  FactsRec *f = measured ? measured : xcalloc(1, sizeof *f);
  Module *m = project_module_source(proj, abs);
  if (!m)
    return f;
  if (m->status != SOURCE_OK) {
    f->nnotices = 1;
    return f;
  }
  if (prefilter_wants(pf, m->src.bytes, m->src.len)) {
    project_hold(m);
    f->nnotices = m->has_syntax_error ? 1 : 0;
    project_release(m);
  }
  f->project_wide = lint_project_wide_wanted(proj, m, enabled);
  f->directives = strstr(m->src.bytes, SUPPRESS_MARKER) != NULL;
  if (!measured)
    module_site_spans(proj, m, &f->sites, &f->nsites);
  return f;
}

/* LintFileHook of a pass whose work places are not cached yet. */
static void measure_pass(void *ctx, const Project *proj, Module *m, const struct Facts *facts) {
  FactsRec **slot = ctx;
  *slot = xcalloc(1, sizeof **slot);
  site_spans_of(proj, m, facts, &(*slot)->sites, &(*slot)->nsites);
}

bool history_parse_date(const char *s, int64_t *out) {
  int y, mo, d;
  char extra;
  if (sscanf(s, "%4d-%2d-%2d%c", &y, &mo, &d, &extra) != 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return false;
  /* Days from civil (Howard Hinnant's algorithm): no timegm needed. */
  y -= mo <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *out = (int64_t)(era * 146097 + doe - 719468) * 86400;
  return true;
}

static char *git_error_text(const char *what) {
  const git_error *e = git_error_last();
  return xasprintf("%s: %s", what, e && e->message ? e->message : "unknown libgit2 error");
}

/* The sampled commits, oldest first. The first-parent line is followed by
 * hand rather than with a revwalk, which stops without an error where a
 * parent is missing: in a shallow clone that is the clone's boundary, and
 * the report must say history stops there (*stop, caller frees) instead of
 * showing fewer points without a word. */
static bool sample_commits(git_repository *repo, const HistoryOptions *ho, git_oid **out, size_t *n,
                           char **stop, char **err) {
  *out = NULL;
  *n = 0;
  *stop = NULL;
  git_object *head = NULL;
  git_commit *c = NULL;
  if (git_revparse_single(&head, repo, "HEAD^{commit}") != 0) {
    *err = git_error_text("cannot walk the history of HEAD");
    return false;
  }
  c = (git_commit *)head;
  size_t cap = 0, seen = 0;
  long every = ho->every > 0 ? ho->every : 1;
  while (c) {
    if (ho->has_since && (int64_t)git_commit_time(c) < ho->since)
      break;
    if (seen++ % (size_t)every == 0)
      ARRAY_PUSH(*out, *n, cap, *git_commit_id(c));
    if (ho->count && *n >= (size_t)ho->count)
      break; /* enough: a missing parent further back does not matter */
    git_commit *parent = NULL;
    if (git_commit_parentcount(c) > 0 && git_commit_parent(&parent, c, 0) != 0) {
      char id[GIT_OID_HEXSZ + 1];
      git_oid_tostr(id, sizeof id, git_commit_id(c));
      id[12] = '\0';
      if (git_repository_is_shallow(repo)) {
        *stop = xasprintf("history stops at the shallow clone's boundary (commit %s); fetch more "
                          "with `git fetch --deepen=N` or `git fetch --unshallow`",
                          id);
      } else {
        char *what = xasprintf("history stops at commit %s: its parent cannot be read", id);
        *stop = git_error_text(what);
        free(what);
      }
    }
    git_commit_free(c);
    c = parent;
  }
  git_commit_free(c);
  for (size_t i = 0; i < *n / 2; i++) {
    git_oid t = (*out)[i];
    (*out)[i] = (*out)[*n - 1 - i];
    (*out)[*n - 1 - i] = t;
  }
  return true;
}

/* The passes one commit needs (recs[i] set) and the work places it has not
 * measured yet (facts[i] NULL), shared by the threads that compute them. */
typedef struct Passes {
  Project *proj;
  char **paths;
  const RuleSelection *sels;
  const LintSetup *setup;
  const char *std_id;
  const Prefilter *pf;
  const FlowNames *flow_names;  /* NULL: no rule reads wrapper sites */
  const RuleSelection *enabled; /* the union of the files' selections */
  PassRec **recs;
  FactsRec **facts;
  char **fact_keys;
  size_t wanted_facts;
} Passes;

/* One file: its findings when it needs a new pass (only the rules' needles
 * make it parsed, as in a check), and its work places when not cached. */
static void run_pass(Passes *ps, size_t i) {
  const char *abs = ps->paths[i];
  PassRec *rec = ps->recs[i];
  FactsRec *measured = NULL;
  if (rec) {
    pass_record_begin(rec);
    Module *m = project_module_source(ps->proj, abs);
    if (m && m->status == SOURCE_OK && prefilter_wants(ps->pf, m->src.bytes, m->src.len)) {
      DiagList dl = {0};
      LintFileHook hook = {.linted = measure_pass, .ctx = &measured};
      ModuleRun run = {ps->setup->config, ps->pf, ps->flow_names, ps->facts[i] ? NULL : &hook};
      lint_module(ps->proj, m, &ps->sels[i], &run, &dl);
      rec->diags = xcalloc(dl.n + 1, sizeof *rec->diags);
      for (size_t k = 0; k < dl.n; k++)
        flat_from_diag(&rec->diags[rec->ndiags++], &dl.items[k]);
      diag_list_free(&dl);
    }
    pass_record_end();
  }
  if (!ps->facts[i])
    ps->facts[i] = facts_for(ps->proj, abs, ps->pf, ps->enabled, measured);
  Module *m = project_module_source(ps->proj, abs);
  if (m)
    project_drop_tree(m); /* unless an import reads it, not needed again */
}

static void pass_step(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  Passes *ps = ctx;
  if (ps->recs[i] || !ps->facts[i])
    run_pass(ps, i);
}

typedef struct Caches {
  StrMap passes; /* absolute path -> PassRec */
  StrMap facts;  /* blob id -> FactsRec */
  char *tsconfig_key;
  /* The working tree's passes (history_seeds), kept apart: a commit whose
   * pass is replaced does not lose them for the commits after it. Used
   * under seeds_tsconfig_key only. */
  StrMap seeds;
  char *seeds_tsconfig_key;
  StrMap flow;        /* blob id -> FlowRecord: what a blob's text says about wrapper names */
  FlowSolver *solver; /* over those records, kept across commits (their strings' ids) */
} Caches;

static void flow_record_dispose(void *p) {
  if (p)
    flow_record_free(p);
  free(p);
}

/* The commit's wrapper names, as flow_pass finds them for a check of its
 * tree. A large tree's names are solved over every file's record, each
 * built once per blob: the files flow_pass leaves out hold no sink needle
 * and no name, so their records add nothing. A small tree goes through
 * flow_pass itself, which also reads the files they import. */
static void commit_flow_names(HistCtx *h, WalkCtx *w, Caches *c, Project *proj, unsigned jobs,
                              FlowNames *names) {
  size_t n = w->nlint;
  if (n <= FLOW_FOLLOW_IMPORTS_MAX) {
    Module **mods = xcalloc(n + 1, sizeof *mods);
    for (size_t i = 0; i < n; i++)
      mods[i] = project_module_source(proj, w->lint[i]);
    flow_pass(proj, mods, n, NULL, 0, jobs, names);
    free(mods);
    return;
  }
  FlowRecord **recs = xcalloc(n + 1, sizeof *recs);
  size_t nrecs = 0;
  for (size_t i = 0; i < n; i++) {
    const TreeEnt *e = strmap_get(&h->tree, w->lint[i]);
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &e->oid);
    FlowRecord *rec = strmap_get(&c->flow, hex);
    char *text = NULL;
    size_t len = 0;
    if (!rec && blob_bytes(h->repo, &e->oid, &text, &len)) {
      rec = xcalloc(1, sizeof *rec);
      flow_record_build(text, rec);
      strmap_put(&c->flow, hex, rec);
    }
    free(text);
    if (rec && !flow_record_inert(rec))
      recs[nrecs++] = rec;
  }
  memset(names, 0, sizeof *names);
  if (!c->solver)
    c->solver = flow_solver_new(proj->user_sinks, proj->nuser_sinks);
  else
    flow_solver_restart(c->solver, proj->user_sinks, proj->nuser_sinks);
  for (size_t i = 0; i < nrecs; i++)
    flow_solver_add(c->solver, recs[i]);
  flow_solver_solve(c->solver, names, NULL);
  free(recs);
}

static bool measure_commit(HistCtx *h, WalkCtx *w, Caches *c, const git_oid *oid,
                           const HistoryOptions *ho, const char *cwd, HistoryPoint *hp,
                           char **err) {
  const LintSetup *setup = w->setup;
  git_commit *commit = NULL;
  git_tree *tree = NULL;
  if (git_commit_lookup(&commit, h->repo, oid) != 0 || git_commit_tree(&tree, commit) != 0) {
    *err = git_error_text("cannot read commit");
    git_commit_free(commit);
    return false;
  }
  git_oid_tostr(hp->oid, sizeof hp->oid, oid);
  hp->time = (int64_t)git_commit_time(commit);
  time_t tt = (time_t)hp->time;
  struct tm tmv;
  gmtime_r(&tt, &tmv);
  strftime(hp->date, sizeof hp->date, "%Y-%m-%dT%H:%M:%SZ", &tmv);
  const char *summary = git_commit_summary(commit);
  hp->subject = xstrdup(summary ? summary : "");

  strmap_free(&h->tree, free);
  w->nlint = 0;
  sb_free(&w->tsconfigs);
  git_tree_walk(tree, GIT_TREEWALK_PRE, walk_cb, w);
  git_tree_free(tree);
  git_commit_free(commit);
  qsort(w->lint, w->nlint, sizeof *w->lint, cmp_str);
  const char *tskey = w->tsconfigs.len ? sb_cstr(&w->tsconfigs) : "";
  if (ho->no_reuse || !c->tsconfig_key || strcmp(c->tsconfig_key, tskey) != 0) {
    strmap_free(&c->passes, pass_rec_free);
    free(c->tsconfig_key);
    c->tsconfig_key = xstrdup(tskey);
  }
  if (ho->no_reuse)
    strmap_free(&c->facts, facts_rec_free);

  /* The standards of this commit. */
  Standards std;
  char *serr = NULL;
  if (!std_load_builtin(&std, &serr)) {
    *err = serr;
    return false;
  }
  char *std_id = xstrdup("builtin");
  char *std_abs = NULL;
  if (ho->explicit_standards) {
    if (!std_learn_from_file(&std, ho->explicit_standards, ho->explicit_standards, &serr)) {
      *err = xasprintf("--standards %s", serr);
      free(serr);
      free(std_id);
      std_free(&std);
      return false;
    }
    free(std_id);
    std_id = xasprintf("file:%s", ho->explicit_standards);
    std_abs = path_absolute(cwd, ho->explicit_standards);
  } else {
    for (size_t i = 0; i < w->nlint; i++) {
      if (!str_ends_with(w->lint[i], std.module_suffix))
        continue;
      TreeEnt *e = strmap_get(&h->tree, w->lint[i]);
      char *bytes = NULL;
      size_t len = 0;
      if (e && blob_bytes(h->repo, &e->oid, &bytes, &len)) {
        Project tmp;
        project_init(&tmp, NULL);
        char *display = project_display_path(&tmp, w->lint[i]);
        project_free(&tmp);
        if (std_learn_from_memory(&std, bytes, len, w->lint[i], display, &serr)) {
          char hex[GIT_OID_HEXSZ + 1];
          git_oid_tostr(hex, sizeof hex, &e->oid);
          free(std_id);
          std_id = xasprintf("%s %s", hex, w->lint[i]); /* as history_seeds_new names it */
          std_abs = xstrdup(w->lint[i]);
        }
        free(serr);
        serr = NULL;
        free(display);
      }
      free(bytes);
      break;
    }
  }

  ProjectFs fs = {
      .ctx = h, .read_file = hook_read, .file_exists = hook_exists, .is_linted = hook_linted};
  Project proj;
  project_init(&proj, &std);
  if (ho->root)
    project_set_root(&proj, ho->root, NULL, 0);
  proj.fs = &fs;
  proj.standards_path = std_abs;
  if (setup->config) {
    proj.user_sinks = setup->config->sinks;
    proj.nuser_sinks = setup->config->nsinks;
  }
  unsigned jobs = parallel_jobs(setup->run ? setup->run->jobs : 0, w->nlint);

  FlatDiag *diags = NULL;
  size_t ndiags = 0, dcap = 0;
  FileFacts *files = xcalloc(w->nlint + 1, sizeof *files);
  size_t nnotices = 0;
  RuleSelection *sels = xcalloc(w->nlint + 1, sizeof *sels);
  RuleSelection enabled;
  memset(&enabled, 0, sizeof enabled);
  for (size_t i = 0; i < w->nlint; i++) {
    lint_selection_for(setup, w->lint[i], &sels[i]);
    selection_merge(&enabled, &sels[i]);
  }
  /* The wrapper names of this commit, as a check of its tree finds them: a
   * pass's findings and the files the prefilter lets through depend on them,
   * so they name the passes and work places with the standards. */
  FlowNames names;
  memset(&names, 0, sizeof names);
  bool flow = false;
  for (size_t r = 0; r < rules_count; r++)
    flow = flow || (enabled.severity[r] != SEV_OFF && rules_all[r]->flow_sites);
  if (flow) {
    commit_flow_names(h, w, c, &proj, jobs, &names);
    char *named = history_std_id_with_flow(std_id, true, names.digest);
    free(std_id);
    std_id = named;
  }
  /* Which files need a new pass and which need their work places: then
   * both on the run's threads, as a check lints. */
  Passes todo = {.proj = &proj, .paths = w->lint, .sels = sels, .setup = setup, .std_id = std_id};
  todo.flow_names = flow ? &names : NULL;
  todo.recs = xcalloc(w->nlint + 1, sizeof *todo.recs);
  PassRec **reused = xcalloc(w->nlint + 1, sizeof *reused);
  bool seeds_apply = c->seeds_tsconfig_key && strcmp(c->seeds_tsconfig_key, tskey) == 0;
  todo.facts = xcalloc(w->nlint + 1, sizeof *todo.facts);
  todo.fact_keys = xcalloc(w->nlint + 1, sizeof *todo.fact_keys);
  for (size_t i = 0; i < w->nlint; i++) {
    TreeEnt *e = strmap_get(&h->tree, w->lint[i]);
    PassRec *rec = strmap_get(&c->passes, w->lint[i]);
    PassRec *seed = seeds_apply ? strmap_get(&c->seeds, w->lint[i]) : NULL;
    if (pass_valid(rec, h, &e->oid, std_id)) {
      reused[i] = rec;
    } else if (pass_valid(seed, h, &e->oid, std_id)) {
      reused[i] = seed;
    } else {
      todo.recs[i] = xcalloc(1, sizeof *todo.recs[i]);
      todo.recs[i]->file_oid = e->oid;
      todo.recs[i]->std_id = xstrdup(std_id);
    }
    todo.fact_keys[i] = facts_key(&e->oid, std_id, w->lint[i], &enabled);
    todo.facts[i] = strmap_get(&c->facts, todo.fact_keys[i]);
    todo.wanted_facts += !todo.facts[i];
  }
  Prefilter pf;
  prefilter_init(&pf, &enabled, &std);
  pf.names = todo.flow_names;
  todo.pf = &pf;
  todo.enabled = &enabled;
  bool *wide = xcalloc(w->nlint + 1, sizeof *wide);
  bool *directives = xcalloc(w->nlint + 1, sizeof *directives);
  parallel_for(w->nlint, jobs, pass_step, &todo);
  prefilter_free(&pf);
  if (flow)
    flow_names_free(&names);
  for (size_t i = 0; i < w->nlint; i++) {
    const char *abs = w->lint[i];
    PassRec *rec = reused[i];
    if (todo.recs[i]) {
      pass_rec_free(strmap_get(&c->passes, abs));
      rec = todo.recs[i];
      strmap_put(&c->passes, abs, rec);
      hp->passes_linted++;
    } else {
      hp->passes_reused++;
    }
    for (size_t k = 0; k < rec->ndiags; k++) {
      grow_array((void **)&diags, &dcap, ndiags + 1, sizeof *diags);
      flat_copy(&diags[ndiags++], &rec->diags[k]);
    }
    FactsRec *fr = todo.facts[i];
    wide[i] = fr->project_wide;
    directives[i] = fr->directives;
    if (!strmap_get(&c->facts, todo.fact_keys[i]))
      strmap_put(&c->facts, todo.fact_keys[i], fr);
    free(todo.fact_keys[i]);
    files[i].path = project_display_path(&proj, abs);
    files[i].sites = fr->sites;
    files[i].nsites = fr->nsites;
    nnotices += fr->nnotices;
  }
  free(todo.recs);
  free(reused);
  free(todo.facts);
  free(todo.fact_keys);
  /* Rules that read the whole import graph cannot be reused per blob: they
   * run on every sampled commit, where their needles are; the other files
   * join the graph only if it is built. */
  for (size_t i = 0; i < w->nlint; i++) {
    if (wide[i])
      project_module_source(&proj, w->lint[i]);
    else
      project_expect_linted(&proj, w->lint[i]);
  }
  LazyImportGraph imports;
  lazy_import_graph_init(&imports, &proj);
  for (size_t i = 0; i < w->nlint; i++) {
    Module *m = wide[i] ? project_module_source(&proj, w->lint[i]) : NULL;
    if (!m)
      continue;
    DiagList dl = {0};
    lint_module_project_wide(&proj, m, &sels[i], setup->config, &imports, &dl);
    for (size_t k = 0; k < dl.n; k++) {
      grow_array((void **)&diags, &dcap, ndiags + 1, sizeof *diags);
      flat_from_diag(&diags[ndiags++], &dl.items[k]);
    }
    diag_list_free(&dl);
  }
  lazy_import_graph_free(&imports);
  char **with_directives = xcalloc(w->nlint + 1, sizeof *with_directives);
  size_t ndirectives = 0;
  for (size_t i = 0; i < w->nlint; i++)
    if (directives[i])
      with_directives[ndirectives++] = w->lint[i];
  flat_diags_suppress(&proj, with_directives, ndirectives, setup, &diags, &ndiags, &dcap);
  free(with_directives);
  free(wide);
  free(directives);
  free(sels);
  flat_diags_sort_unique(diags, &ndiags);
  ReportInput in = {
      .diags = diags,
      .ndiags = ndiags,
      .files = files,
      .nfiles = w->nlint,
      .nnotices = nnotices,
      .standards_source = std.source,
      .standards_learned = std.learned,
      .sel = &enabled,
      .dir_depth = ho->dir_depth,
  };
  report_snapshot(&in, &hp->snap);
  /* A point keeps only what the history shows, so memory does not grow with
   * the number of commits by each commit's folder and file lists. */
  snapshot_drop_details(&hp->snap);
  for (size_t i = 0; i < ndiags; i++)
    flat_diag_free(&diags[i]);
  free(diags);
  for (size_t i = 0; i < w->nlint; i++)
    free(files[i].path);
  free(files);
  for (size_t i = 0; i < w->nlint; i++)
    free(w->lint[i]);
  w->nlint = 0;
  project_free(&proj);
  std_free(&std);
  free(std_id);
  return true;
}

/* The working tree's passes become the first cached ones, under the
 * tsconfig key of HEAD's tree, when no tsconfig.json in the working tree
 * differs from HEAD's (tracked or not): the key then describes the working
 * tree too. */
static bool head_blob(void *ctx, const char *abs, git_oid *oid) {
  HistCtx *h = ctx;
  const TreeEnt *e = strmap_get(&h->tree, abs);
  if (e)
    *oid = e->oid;
  return e != NULL;
}

/* The working tree's passes, kept apart under the tsconfig key of HEAD's
 * tree, when every tsconfig.json the working tree's lint looked for is as
 * HEAD has it (present with the same blob, or absent): the key then
 * describes what the lint resolved with. */
static void take_seeds(HistCtx *h, WalkCtx *w, HistorySeeds *seeds, Caches *c) {
  git_object *head = NULL;
  if (git_revparse_single(&head, h->repo, "HEAD^{tree}") != 0)
    return;
  strmap_free(&h->tree, free);
  sb_free(&w->tsconfigs);
  git_tree_walk((git_tree *)head, GIT_TREEWALK_PRE, walk_cb, w);
  git_object_free(head);
  for (size_t i = 0; i < w->nlint; i++)
    free(w->lint[i]);
  w->nlint = 0;
  if (!history_seeds_tsconfigs_match(seeds, head_blob, h))
    return;
  c->seeds_tsconfig_key = xstrdup(w->tsconfigs.len ? sb_cstr(&w->tsconfigs) : "");
  history_seeds_take(seeds, &c->seeds, &c->facts, &c->flow);
}

bool report_history(const char *cwd, char *const *paths, size_t npaths, const LintSetup *setup,
                    const HistoryOptions *ho, HistorySeeds *seeds, Report *r, HistoryTotals *tot,
                    char **err) {
  memset(tot, 0, sizeof *tot);
  git_libgit2_init();
  /* Reading every sampled commit's blobs maps the packs; by default libgit2
   * keeps up to 8 GiB of pack windows mapped, which resident memory then
   * grows towards with each commit read. */
  git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)HISTORY_MAPPED_LIMIT);
  HistCtx h = {0};
  pthread_mutex_init(&h.repo_lock, NULL);
  bool ok = false;
  git_oid *oids = NULL;
  size_t noids = 0;
  WalkCtx w = {0};
  Caches c = {0};
  char real[PATH_MAX];
  if (git_repository_open_ext(&h.repo, cwd, 0, NULL) != 0) {
    *err = xasprintf("--history needs a git repository (%s is not in one)", cwd);
    goto out;
  }
  const char *wd = git_repository_workdir(h.repo);
  if (!wd) {
    *err = xstrdup("--history needs a repository with a working directory");
    goto out;
  }
  char *workdir = path_absolute("/", realpath(wd, real) ? real : wd);
  w.h = &h;
  w.setup = setup;
  w.workdir = strcmp(workdir, "/") == 0 ? "" : workdir;
  size_t scap = 0;
  for (size_t i = 0; i < npaths; i++)
    ARRAY_PUSH(w.scopes, w.nscopes, scap, path_absolute(cwd, paths[i]));
  if (!sample_commits(h.repo, ho, &oids, &noids, &r->history_stop, err)) {
    free(workdir);
    goto out;
  }
  if (seeds && !ho->no_reuse)
    take_seeds(&h, &w, seeds, &c);
  r->history = xcalloc(noids + 1, sizeof *r->history);
  ok = true;
  for (size_t i = 0; i < noids && ok; i++) {
    ok = measure_commit(&h, &w, &c, &oids[i], ho, cwd, &r->history[i], err);
    if (ok) {
      r->nhistory++;
      tot->passes_linted += r->history[i].passes_linted;
      tot->passes_reused += r->history[i].passes_reused;
    }
  }
  tot->commits = r->nhistory;
  free(workdir);
out:
  for (size_t i = 0; i < w.nscopes; i++)
    free(w.scopes[i]);
  free(w.scopes);
  free(w.lint);
  sb_free(&w.tsconfigs);
  strmap_free(&h.tree, free);
  strmap_free(&c.passes, pass_rec_free);
  strmap_free(&c.facts, facts_rec_free);
  strmap_free(&c.seeds, pass_rec_free);
  if (c.solver)
    flow_solver_free(c.solver);
  strmap_free(&c.flow, flow_record_dispose);
  free(c.tsconfig_key);
  free(c.seeds_tsconfig_key);
  free(oids);
  git_repository_free(h.repo);
  pthread_mutex_destroy(&h.repo_lock);
  git_libgit2_shutdown();
  return ok;
}
