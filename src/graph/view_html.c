/* `rtlint graph --format html`: one self-contained page (no network, no
 * external file: inline CSS, an inline SVG laid out here, a few lines of
 * inline JS for the filters; a Content-Security-Policy that forbids loading
 * anything). Three columns, senders -> channel/event -> listeners; each edge
 * of the graph is one path from its sender through its row to its listener.
 *
 * Filtering: every element that can be hidden carries the channels (data-c,
 * indexes in channels[], "u" for unknown) and the files (data-f, indexes in
 * the sorted paths) it belongs to, as " 0 3 " lists, so the script compares
 * numbers and never reads repository text. An edge belongs to its channel and
 * both ends' channels and files; a site or a row to its own and to those of
 * every edge through it, so whatever shows an edge shows its ends. */
#include "graph/view_model.h"
#include "graph/view_text.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

enum {
  WIDTH = 1140,
  SENDER_X = 10,
  ROW_X = 420,
  LISTENER_X = 780,
  SITE_W = 350,
  ROW_W = 290,
  BOX_H = 34,
  PITCH = 42,
  TOP = 40,
  SITE_CHARS = 52, /* what fits a box at 11px */
  ROW_CHARS = 44,
};

/* --- sets of small integers written as data attributes ----------------- */

typedef struct {
  long *v;
  size_t n, cap;
} Set;

static void set_add(Set *s, long v) {
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i] == v)
      return;
  ARRAY_PUSH(s->v, s->n, s->cap, v);
}

static int cmp_long(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return x < y ? -1 : x > y;
}

/* ` data-c=" 0 u "`: the set sorted (unknown, -1, written "u", first) and
 * emptied for the next element. */
static void set_attr(FILE *f, const char *name, Set *s) {
  if (s->n) /* qsort wants a valid pointer even for nothing */
    qsort(s->v, s->n, sizeof *s->v, cmp_long);
  fprintf(f, " %s=\" ", name);
  for (size_t i = 0; i < s->n; i++) {
    if (s->v[i] < 0)
      fputs("u ", f);
    else
      fprintf(f, "%ld ", s->v[i]);
  }
  fputc('"', f);
  s->n = 0;
}

/* --- layout ----------------------------------------------------------------- */

typedef struct {
  const GvGraph *g;
  int *site_y, *row_y;
  size_t *edge_start, *edge_list; /* the edges of each site: edge_list[edge_start[i]..[i+1]) */
  size_t *row_start, *row_list;   /* the edges through each row, likewise */
  int height;
  Set c, f;
} Page;

static bool site_edges_cover(const Page *p, size_t site, size_t row) {
  for (size_t k = p->edge_start[site]; k < p->edge_start[site + 1]; k++)
    if (p->g->edges[p->edge_list[k]].row == row)
      return true;
  return false;
}

static void index_edges(Page *p) {
  const GvGraph *g = p->g;
  p->edge_start = xcalloc(g->nsites + 2, sizeof *p->edge_start);
  p->edge_list = xcalloc(2 * g->nedges + 1, sizeof *p->edge_list);
  for (size_t i = 0; i < g->nedges; i++) {
    p->edge_start[g->edges[i].from + 1]++;
    p->edge_start[g->edges[i].to + 1]++;
  }
  for (size_t i = 0; i < g->nsites; i++)
    p->edge_start[i + 1] += p->edge_start[i];
  size_t *fill = xcalloc(g->nsites + 1, sizeof *fill);
  for (size_t i = 0; i < g->nedges; i++) {
    size_t ends[2] = {g->edges[i].from, g->edges[i].to};
    for (int k = 0; k < 2; k++)
      p->edge_list[p->edge_start[ends[k]] + fill[ends[k]]++] = i;
  }
  free(fill);
  p->row_start = xcalloc(g->nrows + 2, sizeof *p->row_start);
  p->row_list = xcalloc(g->nedges + 1, sizeof *p->row_list);
  for (size_t i = 0; i < g->nedges; i++)
    p->row_start[g->edges[i].row + 1]++;
  for (size_t r = 0; r < g->nrows; r++)
    p->row_start[r + 1] += p->row_start[r];
  fill = xcalloc(g->nrows + 1, sizeof *fill);
  for (size_t i = 0; i < g->nedges; i++)
    p->row_list[p->row_start[g->edges[i].row] + fill[g->edges[i].row]++] = i;
  free(fill);
}

/* Rows top to bottom in their order; each sender beside its row, each
 * listener beside the first row that reaches it, pushed down only as far as
 * the boxes already placed in its column demand. A row waits for the
 * columns it places boxes in, so lines stay close to level. */
static void layout(Page *p) {
  const GvGraph *g = p->g;
  p->site_y = xcalloc(g->nsites + 1, sizeof *p->site_y);
  p->row_y = xcalloc(g->nrows + 1, sizeof *p->row_y);
  for (size_t i = 0; i < g->nsites; i++)
    p->site_y[i] = -1;
  int next_row = TOP, next_sender = TOP, next_listener = TOP;
  for (size_t r = 0; r < g->nrows; r++) {
    const GvRow *row = &g->rows[r];
    int top = next_row;
    for (size_t k = 0; k < row->nsenders; k++) {
      const GvSite *s = &g->sites[row->senders[k]];
      if (p->site_y[row->senders[k]] < 0 && s->rows[0] == r && next_sender > top)
        top = next_sender;
    }
    for (size_t k = 0; k < row->nlisteners; k++)
      if (p->site_y[row->listeners[k]] < 0 && next_listener > top)
        top = next_listener;
    p->row_y[r] = top;
    next_row = top + PITCH;
    next_sender = next_sender > top ? next_sender : top;
    next_listener = next_listener > top ? next_listener : top;
    for (size_t k = 0; k < row->nsenders; k++) {
      size_t i = row->senders[k];
      if (p->site_y[i] < 0 && g->sites[i].rows[0] == r) {
        p->site_y[i] = next_sender;
        next_sender += PITCH;
      }
    }
    for (size_t k = 0; k < row->nlisteners; k++) {
      size_t i = row->listeners[k];
      if (p->site_y[i] < 0) {
        p->site_y[i] = next_listener;
        next_listener += PITCH;
      }
    }
  }
  int bottom = next_row > next_sender ? next_row : next_sender;
  bottom = bottom > next_listener ? bottom : next_listener;
  p->height = (g->nsites ? bottom : TOP + PITCH) + 10;
}

/* --- SVG ------------------------------------------------------------------ */

static void add_edge_sets(Page *p, size_t e) {
  const GvEdge *ed = &p->g->edges[e];
  set_add(&p->c, ed->channel);
  set_add(&p->c, p->g->sites[ed->from].channel);
  set_add(&p->c, p->g->sites[ed->to].channel);
  set_add(&p->f, (long)p->g->sites[ed->from].file);
  set_add(&p->f, (long)p->g->sites[ed->to].file);
}

static void edge_path(FILE *f, Page *p, size_t e) {
  const GvEdge *ed = &p->g->edges[e];
  int y1 = p->site_y[ed->from] + BOX_H / 2, y2 = p->row_y[ed->row] + BOX_H / 2,
      y3 = p->site_y[ed->to] + BOX_H / 2;
  int x1 = SENDER_X + SITE_W, x2 = ROW_X, x3 = ROW_X + ROW_W, x4 = LISTENER_X;
  fputs("<path class=\"edge\" data-from=\"", f);
  gv_html(f, p->g->sites[ed->from].id);
  fputs("\" data-to=\"", f);
  gv_html(f, p->g->sites[ed->to].id);
  fputc('"', f);
  add_edge_sets(p, e);
  set_attr(f, "data-c", &p->c);
  set_attr(f, "data-f", &p->f);
  fprintf(f, " d=\"M%d %dC%d %d %d %d %d %dH%dC%d %d %d %d %d %d\"><title>", x1, y1, (x1 + x2) / 2,
          y1, (x1 + x2) / 2, y2, x2, y2, x3, (x3 + x4) / 2, y2, (x3 + x4) / 2, y3, x4, y3);
  gv_html(f, ed->event);
  fputs("</title></path>\n", f);
}

/* A site's line to a row no edge of its own passes through. */
static void stub_path(FILE *f, Page *p, size_t site, size_t row) {
  const GvSite *s = &p->g->sites[site];
  int ys = p->site_y[site] + BOX_H / 2, yr = p->row_y[row] + BOX_H / 2;
  int xa = s->role == GV_SENDER ? SENDER_X + SITE_W : ROW_X + ROW_W;
  int xb = s->role == GV_SENDER ? ROW_X : LISTENER_X;
  int ya = s->role == GV_SENDER ? ys : yr, yb = s->role == GV_SENDER ? yr : ys;
  fprintf(f, "<path class=\"stub%s\"",
          gv_reason_is_finding(s->reason) ? " unmatched"
          : s->reason != GV_MATCHED       ? " unknown"
                                          : "");
  set_add(&p->c, p->g->rows[row].channel);
  set_add(&p->f, (long)s->file);
  set_attr(f, "data-c", &p->c);
  set_attr(f, "data-f", &p->f);
  fprintf(f, " d=\"M%d %dC%d %d %d %d %d %d\"/>\n", xa, ya, (xa + xb) / 2, ya, (xa + xb) / 2, yb,
          xb, yb);
}

static void text_line(FILE *f, int x, int y, const char *cls, const char *s, size_t max) {
  char *shown = gv_shorten(s, max);
  fprintf(f, "<text x=\"%d\" y=\"%d\"%s%s%s>", x, y, cls ? " class=\"" : "", cls ? cls : "",
          cls ? "\"" : "");
  gv_html(f, shown);
  fputs("</text>", f);
  free(shown);
}

static void site_box(FILE *f, Page *p, size_t i) {
  const GvGraph *g = p->g;
  const GvSite *s = &g->sites[i];
  bool unknown = s->channel < 0 || !s->event;
  fprintf(f, "<g class=\"site %s kind-%s%s%s%s%s\" data-site=\"",
          s->role == GV_SENDER ? "sender" : "listener", gv_kind_name(s->kind),
          s->external ? " external" : "", s->reason != GV_MATCHED ? " unmatched reason-" : "",
          s->reason != GV_MATCHED ? gv_reason_id(s->reason) : "", unknown ? " unknown" : "");
  gv_html(f, s->id);
  fputc('"', f);
  set_add(&p->c, s->channel);
  set_add(&p->f, (long)s->file);
  for (size_t k = p->edge_start[i]; k < p->edge_start[i + 1]; k++)
    add_edge_sets(p, p->edge_list[k]);
  set_attr(f, "data-c", &p->c);
  set_attr(f, "data-f", &p->f);
  int x = s->role == GV_SENDER ? SENDER_X : LISTENER_X, y = p->site_y[i];
  fprintf(f, "><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\"/>", x, y, SITE_W, BOX_H);
  char *place = gv_site_place(s), *ev = gv_site_event(s);
  fputs("<title>", f);
  gv_html(f, s->id);
  fprintf(f, ": %s %s at ", gv_kind_name(s->kind), s->role == GV_SENDER ? "sender" : "listener");
  gv_html(f, place);
  fprintf(f, ":%lld", s->column);
  if (s->function) {
    fputs(" in ", f);
    gv_html(f, s->function);
  }
  fputs(", channel ", f);
  gv_html(f, gv_channel_label(g, s->channel));
  fputs(", event ", f);
  gv_html(f, ev);
  fprintf(f, "%s: %s</title>", s->external ? " (declared external in the configuration)" : "",
          gv_reason_text(s->reason));
  text_line(f, x + 8, y + 14, NULL, place, SITE_CHARS);
  StrBuf second = {0};
  if (s->external)
    sb_append(&second, "external \u00b7 ");
  if (s->function)
    sb_appendf(&second, "%s \u00b7 ", s->function);
  sb_append(&second, ev);
  if (s->kind != GV_BROADCAST)
    sb_appendf(&second, " (%s)", gv_kind_name(s->kind));
  text_line(f, x + 8, y + 28, "sub", sb_cstr(&second), SITE_CHARS);
  sb_free(&second);
  free(place);
  free(ev);
  fputs("</g>\n", f);
}

static void row_box(FILE *f, Page *p, size_t r) {
  const GvGraph *g = p->g;
  const GvRow *row = &g->rows[r];
  fprintf(f, "<g class=\"row %s\" data-channel=\"",
          row->unknown ? "unknown" : gv_status_id(row->status));
  gv_html(f, row->channel < 0 ? "" : g->channels[row->channel].id);
  fputc('"', f);
  set_add(&p->c, row->channel);
  for (size_t k = 0; k < row->nsenders + row->nlisteners; k++) {
    size_t site = k < row->nsenders ? row->senders[k] : row->listeners[k - row->nsenders];
    set_add(&p->f, (long)g->sites[site].file);
  }
  for (size_t k = p->row_start[r]; k < p->row_start[r + 1]; k++)
    add_edge_sets(p, p->row_list[k]);
  set_attr(f, "data-c", &p->c);
  set_attr(f, "data-f", &p->f);
  int y = p->row_y[r];
  fprintf(f, "><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\"/><title>", ROW_X, y,
          ROW_W, BOX_H);
  gv_html(f, gv_channel_label(g, row->channel));
  fputs(" \u00b7 ", f);
  gv_html(f, row->event ? row->event : "unknown event");
  fprintf(f, ": %s</title>", row->unknown ? "not matched (unknown)" : gv_status_text(row->status));
  text_line(f, ROW_X + 8, y + 14, NULL, gv_channel_label(g, row->channel), ROW_CHARS);
  char *second = xasprintf("%s%s%s", row->event ? row->event : "unknown event",
                           row->kind != GV_BROADCAST ? " \u00b7 " : "",
                           row->kind != GV_BROADCAST ? gv_kind_name(row->kind) : "");
  text_line(f, ROW_X + 8, y + 28, "sub", second, ROW_CHARS);
  free(second);
  fputs("</g>\n", f);
}

static void svg(FILE *f, Page *p) {
  const GvGraph *g = p->g;
  fprintf(
      f,
      "<svg id=\"graph\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
      "aria-label=\"Senders, channel and event, listeners\">\n"
      "<text class=\"head\" x=\"%d\" y=\"22\">Senders</text><text class=\"head\" x=\"%d\" "
      "y=\"22\">Channel / event</text><text class=\"head\" x=\"%d\" y=\"22\">Listeners</text>\n",
      WIDTH, p->height, WIDTH, p->height, SENDER_X, ROW_X, LISTENER_X);
  if (!g->nsites)
    fprintf(f,
            "<text id=\"no-sites\" x=\"%d\" y=\"%d\">No realtime sites were found: nothing "
            "sends or listens on a channel.</text>\n",
            SENDER_X, TOP + 14);
  /* Lines first, so the boxes cover their ends. */
  for (size_t e = 0; e < g->nedges; e++)
    edge_path(f, p, e);
  for (size_t i = 0; i < g->nsites; i++)
    for (size_t k = 0; k < g->sites[i].nrows; k++)
      if (!site_edges_cover(p, i, g->sites[i].rows[k]))
        stub_path(f, p, i, g->sites[i].rows[k]);
  for (size_t r = 0; r < g->nrows; r++)
    row_box(f, p, r);
  for (size_t i = 0; i < g->nsites; i++)
    site_box(f, p, i);
  fputs("</svg>\n", f);
}

/* --- the page --------------------------------------------------------------- */

static const char style[] =
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#111827;"
    "background:#f9fafb}main{max-width:1240px;margin:0 auto;padding:24px}"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}"
    "section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;"
    "margin:12px 0}.kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{flex:1;min-width:120px;"
    "background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px}"
    ".kpi b{display:block;font-size:22px}.muted{color:#6b7280}label{margin-right:16px}"
    "select{max-width:420px}#graph-box{overflow:auto}svg text{font-size:11px;fill:#111827}"
    "svg text.sub{fill:#4b5563}svg text.head{font-size:13px;font-weight:600}"
    ".site rect{fill:#dbeafe;stroke:#3b82f6}.site.listener rect{fill:#dcfce7;stroke:#16a34a}"
    ".site.unmatched rect{fill:#fee2e2;stroke:#dc2626;stroke-width:2.5}"
    ".site.unknown rect{fill:#f3f4f6;stroke:#9ca3af;stroke-width:1.5;stroke-dasharray:2 3}"
    ".site.external rect{stroke-dasharray:7 4}"
    ".row rect{fill:#f9fafb;stroke:#6b7280}.row.never-sent rect,.row.never-heard rect,"
    ".row.mismatch rect{fill:#fee2e2;stroke:#dc2626;stroke-width:2}"
    ".row.no-sender rect,.row.no-listener rect{stroke-dasharray:6 3}"
    ".row.unknown rect{fill:#f3f4f6;stroke:#9ca3af;stroke-dasharray:2 3}"
    "path{fill:none;stroke:#9ca3af;stroke-width:1.3}path.edge{stroke:#6b7280}"
    "path.stub.unmatched{stroke:#dc2626;stroke-dasharray:5 3}"
    "path.stub.unknown{stroke:#9ca3af;stroke-dasharray:2 3}.off{display:none}"
    "table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;text-align:left;"
    "border-bottom:1px solid #f3f4f6;vertical-align:top}code{font-size:12px}"
    ".legend span{display:inline-block;margin-right:16px}.legend i{display:inline-block;"
    "width:14px;height:10px;margin-right:5px;border:1px solid;vertical-align:middle}";

static const char script[] =
    "(function(){var c=document.getElementById('filter-channel'),"
    "f=document.getElementById('filter-file');"
    "function on(el,a,v){return v===''||el.getAttribute(a).indexOf(' '+v+' ')>=0;}"
    "function apply(){var n=0;document.querySelectorAll('[data-c]').forEach(function(el){"
    "var show=on(el,'data-c',c.value)&&on(el,'data-f',f.value);"
    "if(show&&el.classList.contains('site'))n++;el.classList.toggle('off',!show);});"
    "document.getElementById('shown-sites').textContent=String(n);}"
    "c.addEventListener('change',apply);f.addEventListener('change',apply);apply();"
    "document.body.setAttribute('data-filters','ready');})();";

static void kpi(FILE *f, const char *id, const char *label, size_t v) {
  fprintf(f, "<div class=\"kpi\">%s<b id=\"%s\">%zu</b></div>", label, id, v);
}

static void summary(FILE *f, const GvGraph *g) {
  fputs("<section id=\"summary\"><div class=\"kpis\">", f);
  kpi(f, "kpi-sites", "Sites", g->nsites);
  kpi(f, "kpi-senders", "Senders", g->nsenders);
  kpi(f, "kpi-listeners", "Listeners", g->nlisteners);
  kpi(f, "kpi-external", "External", g->nexternal);
  kpi(f, "kpi-channels", "Channels", g->nchannels);
  kpi(f, "kpi-edges", "Edges", g->nedges);
  kpi(f, "kpi-unmatched", "Unmatched ends", g->nunmatched);
  fputs("</div>\n<p id=\"by-reason\">Unmatched by reason:", f);
  for (int r = 0; r < GV_NREASONS; r++)
    fprintf(f, "%s <span data-reason=\"%s\">%s: <b>%zu</b></span>", r ? "," : "",
            gv_reason_id((GvReason)r), gv_reason_text((GvReason)r), g->by_reason[r]);
  fputs(". Unknown channels and events are never matched and never reported.</p></section>\n", f);
}

static void filters(FILE *f, const GvGraph *g) {
  bool any_unknown = false;
  for (size_t i = 0; i < g->nsites; i++)
    any_unknown |= g->sites[i].channel < 0;
  fputs("<section id=\"filters\"><label>Channel <select id=\"filter-channel\">"
        "<option value=\"\">all channels</option>",
        f);
  for (size_t i = 0; i < g->nchannels; i++) {
    fprintf(f, "<option value=\"%zu\">", i);
    gv_html(f, g->channels[i].label);
    fputs("</option>", f);
  }
  if (any_unknown)
    fputs("<option value=\"u\">unknown channel</option>", f);
  fputs("</select></label><label>File <select id=\"filter-file\">"
        "<option value=\"\">all files</option>",
        f);
  for (size_t i = 0; i < g->nfiles; i++) {
    fprintf(f, "<option value=\"%zu\">", i);
    gv_html(f, g->files[i]);
    fputs("</option>", f);
  }
  fprintf(f,
          "</select></label><span class=\"muted\"><span id=\"shown-sites\">%zu</span> of %zu "
          "sites shown</span></section>\n",
          g->nsites, g->nsites);
}

static void legend(FILE *f) {
  fputs("<p class=\"legend\" id=\"legend\">"
        "<span><i style=\"background:#dbeafe;border-color:#3b82f6\"></i>sender</span>"
        "<span><i style=\"background:#dcfce7;border-color:#16a34a\"></i>listener</span>"
        "<span><i style=\"background:#f9fafb;border-color:#6b7280\"></i>channel and event</span>"
        "<span><i style=\"background:#fee2e2;border-color:#dc2626;border-width:2px\"></i>"
        "unmatched end (never sent, never heard, channel mismatch)</span>"
        "<span><i style=\"background:#f3f4f6;border-color:#9ca3af;border-style:dotted\"></i>"
        "unknown channel or event</span>"
        "<span><i style=\"background:#fff;border-color:#111827;border-style:dashed\"></i>"
        "external (declared in rtlint.yaml)</span></p>\n",
        f);
}

static void unmatched_table(FILE *f, Page *p) {
  const GvGraph *g = p->g;
  fputs("<section id=\"unmatched\"><h2>Unmatched ends</h2>\n", f);
  if (!g->nunmatched) {
    fputs("<p>None: every end meets another.</p></section>\n", f);
    return;
  }
  fputs("<table id=\"unmatched-table\"><thead><tr><th>Site</th><th>Role</th><th>Channel</th>"
        "<th>Event</th><th>Reason</th></tr></thead><tbody>\n",
        f);
  for (size_t i = 0; i < g->nsites; i++) {
    const GvSite *s = &g->sites[i];
    if (s->reason == GV_MATCHED)
      continue;
    fprintf(f, "<tr data-reason=\"%s\"", gv_reason_id(s->reason));
    set_add(&p->c, s->channel);
    set_add(&p->f, (long)s->file);
    set_attr(f, "data-c", &p->c);
    set_attr(f, "data-f", &p->f);
    char *place = gv_site_place(s), *ev = gv_site_event(s);
    fputs("><td><code>", f);
    gv_html(f, place);
    fputs("</code>", f);
    if (s->function) {
      fputs(" ", f);
      gv_html(f, s->function);
    }
    fprintf(f, "%s</td><td>%s %s</td><td>", s->external ? " (external)" : "", gv_kind_name(s->kind),
            s->role == GV_SENDER ? "sender" : "listener");
    gv_html(f, gv_channel_label(g, s->channel));
    fputs("</td><td>", f);
    gv_html(f, ev);
    fprintf(f, "</td><td>%s</td></tr>\n", gv_reason_text(s->reason));
    free(place);
    free(ev);
  }
  fputs("</tbody></table></section>\n", f);
}

int gv_write_html(FILE *f, const GvGraph *g) {
  Page p = {.g = g};
  index_edges(&p);
  layout(&p);
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>rtlint realtime contract graph</title>\n<style>",
        f);
  fputs(style, f);
  fputs("</style></head><body><main>\n<header><h1>Realtime contract graph</h1>\n", f);
  fprintf(f,
          "<p class=\"muted\">rtlint %s &middot; who sends which event on which channel, and who "
          "hears it (docs/graph.md)</p></header>\n",
          RTLINT_VERSION);
  summary(f, g);
  filters(f, g);
  legend(f);
  fputs("<section id=\"graph-box\">\n", f);
  svg(f, &p);
  fputs("</section>\n", f);
  unmatched_table(f, &p);
  fputs("</main><script>", f);
  fputs(script, f);
  fputs("</script></body></html>\n", f);
  free(p.site_y);
  free(p.row_y);
  free(p.edge_start);
  free(p.edge_list);
  free(p.row_start);
  free(p.row_list);
  free(p.c.v);
  free(p.f.v);
  return 0;
}
