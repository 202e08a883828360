/* rtlint report: lint the tree (and, on request, sampled commits), compute
 * the Report once, write it in the requested format. */
#include "cli/commands.h"
#include "cli/session.h"
#include "core/fsio.h"
#include "core/strmap.h"
#include "core/util.h"
#include "discover/discover.h"
#include "engine/parallel.h"
#include "graph/json.h"
#include "graph/model.h"
#include "report/history.h"
#include "report/report.h"
#include "rules/contract_report.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_facts(const void *a, const void *b) {
  return strcmp(((const FileFacts *)a)->path, ((const FileFacts *)b)->path);
}

/* The work places the lint measured while each file's facts were at hand
 * (LintFileHook), by absolute path. */
typedef struct MeasuredSpans {
  pthread_mutex_t lock;
  StrMap by_path;      /* -> FileFacts (sites only) */
  HistorySeeds *seeds; /* with --history: the lint's passes, for unchanged blobs */
} MeasuredSpans;

static void measured_free(void *p) {
  FileFacts *f = p;
  if (f)
    free(f->sites);
  free(f);
}

static void measure_linted(void *ctx, const Project *proj, Module *m, const struct Facts *facts) {
  MeasuredSpans *ms = ctx;
  FileFacts *f = xcalloc(1, sizeof *f);
  site_spans_of(proj, m, facts, &f->sites, &f->nsites);
  pthread_mutex_lock(&ms->lock);
  FileFacts *before = strmap_get(&ms->by_path, m->fs_path);
  strmap_put(&ms->by_path, m->fs_path, f);
  pthread_mutex_unlock(&ms->lock);
  measured_free(before);
}

static void seed_begin(void *ctx, Module *m) {
  history_seeds_begin(((MeasuredSpans *)ctx)->seeds, m);
}

static void seed_passed(void *ctx, const Project *proj, Module *m, const Diag *found, size_t nfound,
                        bool trusted) {
  (void)proj;
  history_seeds_passed(((MeasuredSpans *)ctx)->seeds, m, found, nfound, trusted);
}

typedef struct SpansJob {
  Project *proj;
  const FileList *files;
  MeasuredSpans *measured;
  const RuleSelection *enabled; /* the run's, for the history seeds */
  FileFacts *out;               /* one slot per file; path NULL when it is no TS/TSX file */
} SpansJob;

/* One file's work places, on the run's threads: as the lint measured them,
 * else loaded and parsed only if it can hold a place (module_site_spans). */
static void spans_step(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  SpansJob *job = ctx;
  Module *m = project_module_source(job->proj, job->files->paths[i]);
  if (!m)
    return;
  FileFacts *f = &job->out[i];
  f->path = m->src.path ? xstrdup(m->src.path) : project_display_path(job->proj, m->fs_path);
  FileFacts *known = strmap_get(&job->measured->by_path, m->fs_path);
  if (known) {
    f->sites = known->sites;
    f->nsites = known->nsites;
    known->sites = NULL;
    return;
  }
  module_site_spans(job->proj, m, &f->sites, &f->nsites);
}

/* One file's work places, then what history may reuse of it. */
static void spans_and_seeds_step(void *ctx, unsigned worker, size_t i) {
  spans_step(ctx, worker, i);
  SpansJob *job = ctx;
  const FileFacts *f = &job->out[i];
  Module *m = f->path ? project_module_source(job->proj, job->files->paths[i]) : NULL;
  if (m && job->measured->seeds)
    history_seeds_facts(job->measured->seeds, job->proj, m, job->enabled, f->sites, f->nsites);
}

/* The working tree's snapshot, from exactly what `rtlint check` computes. */
static void current_snapshot(Project *proj, const FileList *files, MeasuredSpans *measured,
                             const LintResult *res, const Standards *std, bool learned,
                             const RuleSelection *sel, int depth, unsigned jobs, Snapshot *out) {
  FlatDiag *diags = xcalloc(res->diags.n + 1, sizeof *diags);
  size_t ndiags = 0;
  for (size_t i = 0; i < res->diags.n; i++) {
    const Diag *d = &res->diags.items[i];
    if (d->suppressed)
      continue; /* silenced inline: not open work, as in `rtlint check` */
    diags[ndiags++] = (FlatDiag){.path = d->src->path,
                                 .rule = d->rule,
                                 .severity = d->severity,
                                 .fix = d->fix.applicability,
                                 .start = d->start,
                                 .end = d->end,
                                 .message = d->message};
  }
  FileFacts *ff = xcalloc(files->n + 1, sizeof *ff);
  SpansJob job = {proj, files, measured, sel, ff};
  parallel_for(files->n, parallel_jobs(jobs, files->n), spans_and_seeds_step, &job);
  size_t nff = 0;
  for (size_t i = 0; i < files->n; i++)
    if (ff[i].path)
      ff[nff++] = ff[i];
  qsort(ff, nff, sizeof *ff, cmp_facts);
  ReportInput in = {
      .diags = diags,
      .ndiags = ndiags,
      .files = ff,
      .nfiles = nff,
      .nnotices = res->notices.n,
      .standards_source = std->source,
      .standards_learned = learned,
      .sel = sel,
      .dir_depth = depth,
  };
  report_snapshot(&in, out);
  for (size_t i = 0; i < nff; i++) {
    free(ff[i].path);
    free(ff[i].sites);
  }
  free(ff);
  free(diags);
}

int cmd_report(const Options *o) {
  HistoryOptions ho = {.count = o->history,
                       .every = o->every ? o->every : 1,
                       .no_reuse = o->no_reuse,
                       .explicit_standards = o->standards,
                       .dir_depth = o->dir_depth ? (int)o->dir_depth : 1};
  if (o->since && !history_parse_date(o->since, &ho.since)) {
    fprintf(stderr, "rtlint: --since expects a date YYYY-MM-DD, not '%s'\n", o->since);
    return EXIT_USAGE;
  }
  ho.has_since = o->since != NULL;
  Report rep;
  memset(&rep, 0, sizeof rep);
  if (o->compare) {
    char *err = NULL;
    if (!report_load_prev(o->compare, &rep.prev, &err)) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
      return EXIT_USAGE;
    }
    rep.compare_path = xstrdup(o->compare);
  }
  /* Exactly what `rtlint check` lints, under the same configuration. */
  Session s;
  MeasuredSpans measured = {.lock = PTHREAD_MUTEX_INITIALIZER};
  LintFileHook hook = {.linted = measure_linted, .ctx = &measured};
  /* The report's own lint is not the whole project's contract run (its
   * history lints file by file), but the graph of its sites is: summarised. */
  ContractGraph graph;
  graph_init(&graph, NULL);
  SessionNeeds needs = {.cache = true, .hook = &hook, .graph = &graph};
  bool history = o->history || o->since;
  if (history && !o->standards && !o->staged && !o->shard_count && !o->no_reuse) {
    /* The lint records its passes so the history reuses them: the standards
     * are known only once the session learned them, so the id is set then. */
    measured.seeds = history_seeds_new();
    hook.begin = seed_begin;
    hook.passed = seed_passed;
    needs.fs = history_seeds_fs(measured.seeds);
  }
  int status = session_open(&s, o, needs);
  if (status >= 0) {
    session_close(&s);
    graph_free(&graph);
    strmap_free(&measured.by_path, measured_free);
    history_seeds_free(measured.seeds);
    report_free(&rep);
    return status;
  }
  status = EXIT_CLEAN;
  /* Sites are collected only while a contract rule is on: with all three
   * off, an empty graph would read as a project without realtime code. */
  if (graph_rules_enabled(&s.result.enabled)) {
    graph.std = s.proj.std;
    graph_link(&graph);
    rep.graph = graph_to_json(&graph);
  }
  graph_free(&graph);
  ho.root = s.proj.root;
  if (measured.seeds) {
    history_seeds_standards(measured.seeds, s.proj.standards_path, s.result.flow,
                            s.result.flow_digest);
    history_seeds_tsconfigs(measured.seeds, &s.proj);
  }
  current_snapshot(&s.proj, &s.files, &measured, &s.result, &s.std, s.learned != NULL,
                   &s.result.enabled, ho.dir_depth, o->jobs, &rep.now);
  strmap_free(&measured.by_path, measured_free);
  if (history) {
    rep.history_requested = true;
    HistoryTotals tot;
    char *err = NULL;
    if (!report_history(s.proj.cwd, o->paths, o->npaths, &s.ad.setup, &ho, measured.seeds, &rep,
                        &tot, &err)) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
      status = EXIT_USAGE;
    } else {
      fprintf(stderr, "rtlint: history: %zu commits, %zu file passes linted, %zu reused\n",
              tot.commits, tot.passes_linted, tot.passes_reused);
      if (rep.history_stop)
        fprintf(stderr, "rtlint: %s\n", rep.history_stop);
    }
  }
  if (status == EXIT_CLEAN) {
    OutputFile out;
    char *out_err = NULL;
    if (output_file_open(&out, o->output, &out_err)) {
      if (o->format == FORMAT_HTML)
        report_write_html(out.f, &rep);
      else if (o->format == FORMAT_JSON)
        report_write_json(out.f, &rep);
      else
        report_write_md(out.f, &rep);
      output_file_close(&out, &out_err);
    }
    if (out_err) {
      fprintf(stderr, "rtlint: %s\n", out_err);
      free(out_err);
      status = EXIT_USAGE;
    }
  }
  session_close(&s);
  history_seeds_free(measured.seeds);
  report_free(&rep);
  return status;
}
