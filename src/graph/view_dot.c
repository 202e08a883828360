/* `rtlint graph --format dot`: Graphviz, left to right in three ranks
 * (senders, channel/event, listeners). Unmatched ends are red and bold,
 * a row with no end known on one side (and no finding) dashed,
 * unknown ones grey and dotted, external ones dashed; `dot -Tsvg` draws it.
 * Node names are rtlint's own (site1, row1), labels carry the repository's
 * text, escaped for dot's quoted strings. */
#include "graph/view_model.h"
#include "graph/view_text.h"

#include <stdlib.h>
#include <string.h>

#define RED "#dc2626"
#define GREY "#9ca3af"

static const char *site_fill(const GvSite *s) {
  if (gv_reason_is_finding(s->reason))
    return "#fee2e2";
  if (s->reason != GV_MATCHED)
    return "#f3f4f6";
  return s->role == GV_SENDER ? "#dbeafe" : "#dcfce7";
}

static void site_node(FILE *f, const GvGraph *g, size_t i) {
  const GvSite *s = &g->sites[i];
  bool finding = gv_reason_is_finding(s->reason), unknown = s->reason != GV_MATCHED && !finding;
  fprintf(f, "    site%zu [label=\"", i + 1);
  char *place = gv_site_place(s), *ev = gv_site_event(s);
  gv_dot(f, place);
  if (s->function) {
    fputs("\\n", f);
    gv_dot(f, s->function);
  }
  fputs("\\n", f);
  gv_dot(f, ev);
  if (s->external)
    fputs("\\n(external)", f);
  fprintf(f, "\", style=\"rounded,filled%s%s\", fillcolor=\"%s\"",
          s->external ? ",dashed"
          : unknown   ? ",dotted"
                      : "",
          finding ? ",bold" : "", site_fill(s));
  if (finding)
    fputs(", color=\"" RED "\", penwidth=2", f);
  else if (unknown)
    fputs(", color=\"" GREY "\"", f);
  fputs(", tooltip=\"", f);
  gv_dot(f, s->id);
  fprintf(f, ": %s %s, %s\"];\n", gv_kind_name(s->kind),
          s->role == GV_SENDER ? "sender" : "listener", gv_reason_text(s->reason));
  free(place);
  free(ev);
}

static void row_node(FILE *f, const GvGraph *g, size_t i) {
  const GvRow *r = &g->rows[i];
  fprintf(f, "    row%zu [label=\"", i + 1);
  gv_dot(f, gv_channel_label(g, r->channel));
  fputs("\\n", f);
  gv_dot(f, r->event ? r->event : "unknown event");
  if (r->kind != GV_BROADCAST)
    fprintf(f, " (%s)", gv_kind_name(r->kind));
  if (r->unknown)
    fputs("\", shape=box, style=\"dotted\", color=\"" GREY "\", fontcolor=\"#4b5563\"];\n", f);
  else if (r->status == GV_ROW_MATCHED)
    fputs("\", shape=box, style=\"filled\", fillcolor=\"#f9fafb\"];\n", f);
  else if (!gv_status_is_finding(r->status))
    fprintf(f, "\", shape=box, style=\"filled,dashed\", fillcolor=\"#f9fafb\", tooltip=\"%s\"];\n",
            gv_status_text(r->status));
  else
    fprintf(f,
            "\", shape=box, style=\"filled,bold\", fillcolor=\"#fee2e2\", color=\"" RED
            "\", penwidth=2, tooltip=\"%s\"];\n",
            gv_status_text(r->status));
}

/* A line to or from a site: red when it leads to an unmatched end at a row
 * where nothing meets it, grey and dotted for an unknown end, dashed for an
 * external one. */
static const char *line_style(const GvGraph *g, const GvSite *s, const GvRow *r) {
  if (gv_reason_is_finding(s->reason) && gv_status_is_finding(r->status))
    return " [color=\"" RED "\", style=bold]";
  if (r->unknown)
    return " [color=\"" GREY "\", style=dotted]";
  return s->external ? " [style=dashed]" : "";
}

/* Each sender's line to its row, each listener's line from each row it
 * stands at or an edge reaches it through, once. */
static void lines(FILE *f, const GvGraph *g) {
  for (size_t i = 0; i < g->nsites; i++) {
    const GvSite *s = &g->sites[i];
    if (s->role != GV_SENDER)
      continue;
    for (size_t k = 0; k < s->nrows; k++)
      fprintf(f, "  site%zu -> row%zu%s;\n", i + 1, s->rows[k] + 1,
              line_style(g, s, &g->rows[s->rows[k]]));
  }
  for (size_t r = 0; r < g->nrows; r++) {
    const GvRow *row = &g->rows[r];
    for (size_t k = 0; k < row->nlisteners; k++)
      fprintf(f, "  row%zu -> site%zu%s;\n", r + 1, row->listeners[k] + 1,
              line_style(g, &g->sites[row->listeners[k]], row));
  }
}

/* One column. Graphviz lays a left-to-right rank out bottom to top in the
 * order it reads the nodes, so they are written last first, header last:
 * the picture then reads top down in the document's order. */
static void rank_open(FILE *f) {
  fputs("  { rank=same;\n", f);
}

static void rank_close(FILE *f, const char *header, const char *label) {
  fprintf(f, "    %s [shape=plaintext, fontsize=12, label=\"%s\"];\n  }\n", header, label);
}

int gv_write_dot(FILE *f, const GvGraph *g) {
  fputs("digraph contract {\n"
        "  graph [rankdir=LR, ranksep=1.1, nodesep=0.2, fontname=\"Helvetica\", fontsize=11, "
        "labelloc=t, label=\"rtlint contract graph: ",
        f);
  fprintf(f, "%zu %s, %zu %s, %zu unmatched %s", g->nsites, g->nsites == 1 ? "site" : "sites",
          g->nedges, g->nedges == 1 ? "edge" : "edges", g->nunmatched,
          g->nunmatched == 1 ? "end" : "ends");
  fputs("\\nred: unmatched end; grey dotted: unknown channel or event; dashed: external\"];\n"
        "  node [fontname=\"Helvetica\", fontsize=10, shape=box];\n"
        "  edge [color=\"#6b7280\", arrowsize=0.6];\n",
        f);
  rank_open(f);
  for (size_t i = g->nsites; i-- > 0;)
    if (g->sites[i].role == GV_SENDER)
      site_node(f, g, i);
  rank_close(f, "senders", "Senders");
  rank_open(f);
  for (size_t i = g->nrows; i-- > 0;)
    row_node(f, g, i);
  rank_close(f, "channels", "Channel / event");
  rank_open(f);
  for (size_t i = g->nsites; i-- > 0;)
    if (g->sites[i].role == GV_LISTENER)
      site_node(f, g, i);
  rank_close(f, "listeners", "Listeners");
  fputs("  senders -> channels -> listeners [style=invis];\n", f);
  lines(f, g);
  fputs("}\n", f);
  return 0;
}
