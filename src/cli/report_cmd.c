/* rtlint report: lint the tree (and, on request, sampled commits), compute
 * the Report once, write it in the requested format. */
#include "cli/commands.h"
#include "cli/standards_setup.h"
#include "core/util.h"
#include "discover/discover.h"
#include "report/history.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_facts(const void *a, const void *b) {
  return strcmp(((const FileFacts *)a)->path, ((const FileFacts *)b)->path);
}

/* The working tree's snapshot, from exactly what `rtlint check` computes. */
static void current_snapshot(Project *proj, const FileList *files, const LintResult *res,
                             const Standards *std, bool learned, const RuleSelection *sel,
                             int depth, Snapshot *out) {
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
  size_t nff = 0;
  for (size_t i = 0; i < files->n; i++) {
    Module *m = project_module(proj, files->paths[i]);
    if (!m)
      continue;
    FileFacts *f = &ff[nff++];
    f->path = m->src.path ? xstrdup(m->src.path) : project_display_path(proj, m->fs_path);
    if (m->tree)
      module_site_spans(m, &f->sites, &f->nsites);
  }
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
  RuleSelection sel;
  if (!options_selection(o, &sel))
    return EXIT_USAGE;
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
  FileList files = {0};
  char *err = NULL;
  if (!discover_files(o->paths, o->npaths, NULL, &files, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    report_free(&rep);
    return EXIT_USAGE;
  }
  Standards std;
  char *learned = NULL;
  if (!standards_setup(&std, o->standards, &files, &learned)) {
    file_list_free(&files);
    report_free(&rep);
    return EXIT_USAGE;
  }
  Project proj;
  project_init(&proj, &std);
  if (learned)
    proj.standards_path = path_absolute(proj.cwd, learned);
  LintOptions lo;
  lint_options_defaults(&lo);
  lo.jobs = o->jobs;
  if (o->file_budget >= 0)
    lo.file_budget = (uint64_t)o->file_budget;
  LintResult result;
  lint_files(&proj, files.paths, files.n, &sel, &lo, &result);
  current_snapshot(&proj, &files, &result, &std, learned != NULL, &sel, ho.dir_depth, &rep.now);
  int status = EXIT_CLEAN;
  if (o->history || o->since) {
    rep.history_requested = true;
    HistoryTotals tot;
    if (!report_history(proj.cwd, o->paths, o->npaths, &sel, &ho, &rep, &tot, &err)) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
      status = EXIT_USAGE;
    } else {
      fprintf(stderr, "rtlint: history: %zu commits, %zu file passes linted, %zu reused\n",
              tot.commits, tot.passes_linted, tot.passes_reused);
    }
  }
  if (status == EXIT_CLEAN) {
    FILE *out = stdout;
    if (o->output && !(out = fopen(o->output, "w"))) {
      fprintf(stderr, "rtlint: cannot write %s\n", o->output);
      status = EXIT_USAGE;
    } else {
      if (o->format == FORMAT_HTML)
        report_write_html(out, &rep);
      else if (o->format == FORMAT_JSON)
        report_write_json(out, &rep);
      else
        report_write_md(out, &rep);
      if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "rtlint: cannot write %s\n", o->output);
        status = EXIT_USAGE;
      }
    }
  }
  lint_result_free(&result);
  project_free(&proj);
  std_free(&std);
  free(learned);
  file_list_free(&files);
  report_free(&rep);
  return status;
}
