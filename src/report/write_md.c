/* `rtlint report --format md`: short enough for a pull-request comment. */
#include "report/report.h"

#include "core/printable.h"
#include "graph/views.h"

#include <stdlib.h>
#include <string.h>

/* Text from the repository in Markdown: control characters shown as
 * escapes, and the characters Markdown would read as markup (a link, an
 * HTML tag, emphasis, a table cell) backslash-escaped. */
static void md_text(FILE *f, const char *s) {
  char *shown = printable(s);
  for (const char *p = shown; *p; p++) {
    if (strchr("\\`*_[]<>|~&", *p))
      fputc('\\', f);
    fputc(*p, f);
  }
  free(shown);
}

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

static void signed_count(FILE *f, long long d) {
  if (d > 0)
    fprintf(f, "+%lld", d);
  else if (d < 0)
    fprintf(f, "\u2212%lld", -d);
  else
    fputs("\u00b10", f);
}

static void signed_pct(FILE *f, int d) {
  char buf[32];
  report_pct(d < 0 ? -d : d, buf, sizeof buf);
  fprintf(f, "%s%s pts", d > 0 ? "+" : d < 0 ? "\u2212" : "\u00b1", buf);
}

static void phase_row(FILE *f, const char *label, const PhaseStats *p) {
  char pct[32];
  report_pct(p->pct_tenths, pct, sizeof pct);
  fprintf(f, "| %s | %zu | %zu | %zu | %zu | %zu | %s%% |\n", label, p->findings, p->files,
          p->fixable, p->fixable + p->suggestions, p->needs_human, pct);
}

void report_write_md(FILE *f, const Report *r) {
  const Snapshot *s = &r->now;
  char pct[32];
  report_pct(s->total.pct_tenths, pct, sizeof pct);
  fprintf(f, "## Realtime standards migration: %s%% done\n\n", pct);
  fprintf(f,
          "%zu %s in %zu of %zu %s; %zu fixable with `rtlint --fix`, %zu with "
          "`rtlint --fix-suggestions`, %zu %s a human. ",
          s->findings, plural(s->findings, "finding", "findings"), s->files_with_findings, s->files,
          plural(s->files, "file", "files"), s->fixable, s->fixable + s->suggestions,
          s->needs_human, plural(s->needs_human, "needs", "need"));
  fputs("Standards: ", f);
  md_text(f, s->standards_source);
  fprintf(f, "%s.\n\n", s->standards_learned ? " (learned from the codebase)" : "");
  fputs("| Phase | Findings | Files | Fixable | With suggestions | Needs a human | Done |\n", f);
  fputs("|---|--:|--:|--:|--:|--:|--:|\n", f);
  for (int p = 0; p < REPORT_PHASES; p++)
    phase_row(f, report_phase_title(p), &s->phases[p]);
  phase_row(f, "**Total**", &s->total);
  fprintf(f, "\n%s %s\n", report_fix_sentence, report_done_sentence);
  if (r->prev.present) {
    const PrevReport *pr = &r->prev;
    fputs("\nSince the previous report: findings ", f);
    fprintf(f, "%zu \u2192 %zu (", pr->findings, s->findings);
    signed_count(f, (long long)s->findings - (long long)pr->findings);
    fprintf(f, "), fixable %zu \u2192 %zu (", pr->fixable, s->fixable);
    signed_count(f, (long long)s->fixable - (long long)pr->fixable);
    char a[32], b[32];
    report_pct(pr->pct_tenths, a, sizeof a);
    report_pct(s->total.pct_tenths, b, sizeof b);
    fprintf(f, "), done %s%% \u2192 %s%% (", a, b);
    signed_pct(f, s->total.pct_tenths - pr->pct_tenths);
    fputs(").\n", f);
    bool any = false;
    for (int p = 0; p < REPORT_PHASES; p++) {
      if (!pr->has_phase[p] || pr->phase_findings[p] == s->phases[p].findings)
        continue;
      fprintf(f, "%s %s ", any ? "," : "By phase:", p == 0 ? "every phase" : "phase");
      if (p)
        fprintf(f, "%d ", p);
      signed_count(f, (long long)s->phases[p].findings - (long long)pr->phase_findings[p]);
      any = true;
    }
    if (any)
      fputs(".\n", f);
  }
  if (r->nhistory > 1) {
    const HistoryPoint *first = &r->history[0], *last = &r->history[r->nhistory - 1];
    char a[32], b[32];
    report_pct(first->snap.total.pct_tenths, a, sizeof a);
    report_pct(last->snap.total.pct_tenths, b, sizeof b);
    fprintf(f,
            "\nTrend over %zu commits (%.10s \u2192 %.10s): findings %zu \u2192 %zu, done %s%% "
            "\u2192 %s%%.\n",
            r->nhistory, first->date, last->date, first->snap.findings, last->snap.findings, a, b);
  }
  if (r->history_stop)
    fprintf(f, "\nNote: %s.\n", r->history_stop);
  if (r->graph) {
    fputc('\n', f);
    graph_summary_md(f, r->graph);
  }
}
