/* `rtlint graph --format md`: one table per channel (each event, who sends
 * it, who hears it, and whether the two ends meet), then the unmatched ends,
 * then the sites whose channel or event rtlint could not tell. Everything in
 * document order, so the same graph gives the same bytes. */
#include "graph/view_model.h"
#include "graph/view_text.h"

#include <stdlib.h>
#include <string.h>

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

/* "app/x.ts:42, POST (external)" */
static void md_site(FILE *f, const GvSite *s) {
  char *place = gv_site_place(s);
  gv_md(f, place);
  free(place);
  if (s->function) {
    fputs(", ", f);
    gv_md(f, s->function);
  }
  if (s->external)
    fputs(" (external)", f);
}

/* One cell listing sites; a site whose own event differs from the row's (a
 * sender heard by a wildcard, a wildcard listener) says which it is. */
static void md_sites(FILE *f, const GvGraph *g, const GvRow *r, const size_t *sites, size_t n) {
  if (!n)
    fputs("\u2014", f);
  for (size_t k = 0; k < n; k++) {
    const GvSite *s = &g->sites[sites[k]];
    if (k)
      fputs("<br>", f);
    md_site(f, s);
    if (s->event && strcmp(s->event, r->event) != 0) {
      char *ev = gv_site_event(s);
      fputs(" [", f);
      gv_md(f, ev);
      fputc(']', f);
      free(ev);
    }
  }
}

void gv_md_summary_line(FILE *f, const GvGraph *g) {
  fprintf(f, "%zu %s (%zu %s, %zu %s", g->nsites, plural(g->nsites, "site", "sites"), g->nsenders,
          plural(g->nsenders, "sender", "senders"), g->nlisteners,
          plural(g->nlisteners, "listener", "listeners"));
  if (g->nexternal)
    fprintf(f, "; %zu external", g->nexternal);
  fprintf(f, ") on %zu %s, %zu %s, %zu unmatched %s", g->nchannels,
          plural(g->nchannels, "channel", "channels"), g->nedges,
          plural(g->nedges, "edge", "edges"), g->nunmatched, plural(g->nunmatched, "end", "ends"));
  bool any = false;
  for (int r = 0; r < GV_NREASONS; r++) {
    if (!g->by_reason[r])
      continue;
    fprintf(f, "%s%zu %s", any ? ", " : " (", g->by_reason[r], gv_reason_text((GvReason)r));
    any = true;
  }
  fputs(any ? ").\n" : ".\n", f);
}

static void channel_section(FILE *f, const GvGraph *g, int ci, size_t *row) {
  const GvChannel *ch = &g->channels[ci];
  fputs("\n## ", f);
  gv_md(f, ch->label);
  fputs("\n\nChannel ", f);
  gv_md(f, ch->id);
  fputs(", shape ", f);
  gv_md(f, ch->shape);
  fputs(ch->function ? ".\n\n" : " (built by hand).\n\n", f);
  if (*row >= g->nrows || g->rows[*row].unknown || g->rows[*row].channel != ci) {
    fputs("No known event on this channel (see the unknowns below).\n", f);
    return;
  }
  fputs("| Event | Senders | Listeners | Status |\n|---|---|---|---|\n", f);
  for (; *row < g->nrows && !g->rows[*row].unknown && g->rows[*row].channel == ci; ++*row) {
    const GvRow *r = &g->rows[*row];
    fputs("| ", f);
    gv_md(f, r->event);
    const GvSite *own = NULL; /* a site naming the event by its UNIFIED_EVENTS key */
    for (size_t k = 0; k < r->nsenders + r->nlisteners && !own; k++) {
      const GvSite *s = &g->sites[k < r->nsenders ? r->senders[k] : r->listeners[k - r->nsenders]];
      if (s->key && s->event && strcmp(s->event, r->event) == 0)
        own = s;
    }
    if (own) {
      fputs(" (UNIFIED\\_EVENTS.", f);
      gv_md(f, own->key);
      fputc(')', f);
    }
    if (r->kind != GV_BROADCAST) {
      fputs(" (", f);
      gv_md(f, gv_kind_name(r->kind));
      fputc(')', f);
    }
    fputs(" | ", f);
    md_sites(f, g, r, r->senders, r->nsenders);
    fputs(" | ", f);
    md_sites(f, g, r, r->listeners, r->nlisteners);
    fprintf(f, " | %s |\n", gv_status_text(r->status));
  }
}

static void site_row(FILE *f, const GvGraph *g, const GvSite *s, bool with_reason) {
  fputs("| ", f);
  md_site(f, s);
  fprintf(f, " | %s | %s | ", s->role == GV_SENDER ? "sender" : "listener", gv_kind_name(s->kind));
  gv_md(f, gv_channel_label(g, s->channel));
  fputs(" | ", f);
  char *ev = gv_site_event(s);
  gv_md(f, ev);
  free(ev);
  if (with_reason)
    fprintf(f, " | %s", gv_reason_text(s->reason));
  fputs(" |\n", f);
}

int gv_write_md(FILE *f, const GvGraph *g) {
  fputs("# Realtime contract graph\n\n", f);
  gv_md_summary_line(f, g);
  if (!g->nsites)
    fputs("\nNo realtime sites were found: nothing sends or listens on a channel.\n", f);
  size_t row = 0;
  for (size_t ci = 0; ci < g->nchannels; ci++)
    channel_section(f, g, (int)ci, &row);
  size_t findings = 0, unknowns = 0;
  for (size_t i = 0; i < g->nsites; i++) {
    findings += gv_reason_is_finding(g->sites[i].reason);
    unknowns += g->sites[i].channel < 0 || !g->sites[i].event;
  }
  fputs("\n## Unmatched ends\n\n", f);
  if (!findings)
    fputs("None: every end that names a known channel and event meets another.\n", f);
  else
    fputs("| Site | Role | Kind | Channel | Event | Reason |\n|---|---|---|---|---|---|\n", f);
  for (size_t i = 0; i < g->nsites; i++)
    if (gv_reason_is_finding(g->sites[i].reason))
      site_row(f, g, &g->sites[i], true);
  fputs("\n## Unknown channels and events\n\n", f);
  if (!unknowns) {
    fputs("None.\n", f);
    return 0;
  }
  fputs("rtlint could not tell these sites' channel or event, so it matches them with "
        "nothing and reports nothing about them.\n\n"
        "| Site | Role | Kind | Channel | Event |\n|---|---|---|---|---|\n",
        f);
  for (size_t i = 0; i < g->nsites; i++)
    if (g->sites[i].channel < 0 || !g->sites[i].event)
      site_row(f, g, &g->sites[i], false);
  return 0;
}
