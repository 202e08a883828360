/* The contract graph's block in the migration report (`rtlint report`):
 * the counts, each unmatched end with its place, and the command that draws
 * the whole graph. */
#include "graph/views.h"

#include "graph/view_model.h"
#include "graph/view_text.h"

#include <stdlib.h>

/* A report is read, not searched: past this many ends, the count and the
 * command that lists them all. */
#define SUMMARY_MAX_ENDS 50

static const char full_graph[] = "rtlint graph --format html";

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

static size_t finding_ends(const GvGraph *g) {
  size_t n = 0;
  for (int r = 0; r < GV_NREASONS; r++)
    n += gv_reason_is_finding((GvReason)r) ? g->by_reason[r] : 0;
  return n;
}

void graph_summary_md(FILE *f, const json_t *graph) {
  if (!graph)
    return;
  GvGraph g;
  char *err = NULL;
  fputs("### Realtime contract\n\n", f);
  if (!gv_load(&g, graph, &err)) {
    fputs("The contract graph could not be read: ", f);
    gv_md(f, err);
    fputs(".\n", f);
    free(err);
    return;
  }
  gv_md_summary_line(f, &g);
  size_t shown = 0, ends = finding_ends(&g);
  if (ends)
    fputc('\n', f);
  for (size_t i = 0; i < g.nsites && shown < SUMMARY_MAX_ENDS; i++) {
    const GvSite *s = &g.sites[i];
    if (!gv_reason_is_finding(s->reason))
      continue;
    char *place = gv_site_place(s), *ev = gv_site_event(s);
    fputs("- ", f);
    gv_md(f, place);
    fprintf(f, ": %s, %s ", gv_reason_text(s->reason), s->role == GV_SENDER ? "sends" : "hears");
    gv_md(f, ev);
    fputs(" on ", f);
    gv_md(f, gv_channel_label(&g, s->channel));
    if (s->external)
      fputs(" (external)", f);
    fputc('\n', f);
    free(place);
    free(ev);
    shown++;
  }
  if (ends > shown)
    fprintf(f, "- and %zu more (`rtlint graph --format md` lists them all)\n", ends - shown);
  fprintf(f, "\nThe full graph: `%s` (also `--format dot`, `md` or `json`).\n", full_graph);
  gv_free(&g);
}

void graph_summary_html(FILE *f, const json_t *graph) {
  if (!graph)
    return;
  GvGraph g;
  char *err = NULL;
  fputs("<section id=\"contract-graph\"><h2>Realtime contract</h2>\n", f);
  if (!gv_load(&g, graph, &err)) {
    fputs("<p class=\"muted\">The contract graph could not be read: ", f);
    gv_html(f, err);
    fputs(".</p></section>\n", f);
    free(err);
    return;
  }
  fprintf(f,
          "<p><b id=\"graph-sites\">%zu</b> %s (%zu %s, %zu %s, %zu external), "
          "<b id=\"graph-edges\">%zu</b> %s, <b id=\"graph-unmatched\">%zu</b> unmatched %s",
          g.nsites, plural(g.nsites, "site", "sites"), g.nsenders,
          plural(g.nsenders, "sender", "senders"), g.nlisteners,
          plural(g.nlisteners, "listener", "listeners"), g.nexternal, g.nedges,
          plural(g.nedges, "edge", "edges"), g.nunmatched, plural(g.nunmatched, "end", "ends"));
  bool any = false;
  for (int r = 0; r < GV_NREASONS; r++) {
    if (!g.by_reason[r])
      continue;
    fprintf(f, "%s<span data-reason=\"%s\">%zu %s</span>", any ? ", " : " (",
            gv_reason_id((GvReason)r), g.by_reason[r], gv_reason_text((GvReason)r));
    any = true;
  }
  fputs(any ? ").</p>\n" : ".</p>\n", f);
  size_t shown = 0, ends = finding_ends(&g);
  if (ends)
    fputs("<ul id=\"graph-unmatched-ends\">\n", f);
  for (size_t i = 0; i < g.nsites && shown < SUMMARY_MAX_ENDS; i++) {
    const GvSite *s = &g.sites[i];
    if (!gv_reason_is_finding(s->reason))
      continue;
    char *place = gv_site_place(s), *ev = gv_site_event(s);
    fprintf(f, "<li data-reason=\"%s\"><code>", gv_reason_id(s->reason));
    gv_html(f, place);
    fprintf(f, "</code>: %s, %s <code>", gv_reason_text(s->reason),
            s->role == GV_SENDER ? "sends" : "hears");
    gv_html(f, ev);
    fputs("</code> on <code>", f);
    gv_html(f, gv_channel_label(&g, s->channel));
    fputs(s->external ? "</code> (external)</li>\n" : "</code></li>\n", f);
    free(place);
    free(ev);
    shown++;
  }
  if (ends > shown)
    fprintf(f, "<li>and %zu more (<code>rtlint graph --format md</code> lists them all)</li>\n",
            ends - shown);
  if (ends)
    fputs("</ul>\n", f);
  fprintf(f,
          "<p class=\"muted\">The full graph, filterable by channel and file: <code>%s</code>.</p>"
          "</section>\n",
          full_graph);
  gv_free(&g);
}
