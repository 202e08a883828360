/* event-never-sent: a listener for an event that nothing in the project sends
 * on the listener's channel (the seed's bug: the widget listened for
 * "typing_indicator" while the API sent "typing:start"). Found on the
 * realtime contract of the whole project (graph/model.h), after every file is
 * in: the check below has nothing to do per file. The message names the
 * events that are sent there, the closest first; every sender on the channel
 * is a related location. docs/rules/event-never-sent.md. */
#include "core/util.h"
#include "graph/report.h"
#include "rules/ctx.h"

#include <stdlib.h>
#include <string.h>

#define MAX_NAMED 3

static void check(RuleCtx *ctx) {
  (void)ctx; /* reported from the linked graph: graph/report.c */
}

typedef struct Sent {
  const GraphSite *site;
  size_t distance;
} Sent;

static int cmp_sent(const void *pa, const void *pb) {
  const Sent *a = pa, *b = pb;
  if (a->distance != b->distance)
    return a->distance < b->distance ? -1 : 1;
  return strcmp(a->site->event, b->site->event);
}

void event_never_sent_report(const GraphFinding *f) {
  const GraphSite *l = f->site;
  const ContractGraph *g = f->g;
  Sent *sent = xcalloc(g->nsites + 1, sizeof *sent);
  size_t n = 0;
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (s->role != GRAPH_SENDER || s->kind != l->kind || !s->event || !s->channel_shape ||
        strcmp(s->channel_shape, l->channel_shape) != 0)
      continue;
    bool seen = false;
    for (size_t k = 0; k < n && !seen; k++)
      seen = strcmp(sent[k].site->event, s->event) == 0;
    if (!seen)
      sent[n++] = (Sent){s, str_edit_distance(s->event, f->event)};
  }
  qsort(sent, n, sizeof *sent, cmp_sent);
  char *event = graph_event_display(g->std, f->event);
  char *channel = graph_channel_display(l);
  StrBuf msg = {0};
  sb_appendf(&msg, "%s is heard on %s, but nothing in the project sends it there", event, channel);
  if (n == 0) {
    sb_appendf(&msg, " (no event is sent on %s)", channel);
  } else {
    sb_append(&msg, "; did you mean ");
    for (size_t k = 0; k < n && k < MAX_NAMED; k++) {
      char *other = graph_event_display(g->std, sent[k].site->event);
      char *where = graph_site_where(sent[k].site);
      if (k > 0)
        sb_append(&msg, k + 1 == n || k + 1 == MAX_NAMED ? " or " : ", ");
      sb_appendf(&msg, n == 1 ? "%s, sent at %s" : "%s (sent at %s)", other, where);
      free(other);
      free(where);
    }
    sb_putc(&msg, '?');
  }
  Diag *d = graph_finding_add(f, &rule_event_never_sent, sb_cstr(&msg),
                              "listen for an event that is sent on this channel, or send this one; "
                              "a sender outside the repository is declared in rtlint.yaml "
                              "(realtime.external_senders)");
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (s->role == GRAPH_SENDER && s->kind == l->kind && s->event && s->channel_shape &&
        strcmp(s->channel_shape, l->channel_shape) == 0) {
      char *other = graph_event_display(g->std, s->event);
      char *label = xasprintf("%s is sent on %s here", other, channel);
      graph_relate(d, s, label);
      free(label);
      free(other);
    }
  }
  sb_free(&msg);
  free(event);
  free(channel);
  free(sent);
}

const RuleMeta rule_event_never_sent = {
    .id = "event-never-sent",
    .phase = PHASE_ALL,
    .default_severity = SEV_ERROR,
    .fixable = FIX_NONE,
    .summary = "A listener waits for an event that nothing in the project sends on its channel.",
    .needles = graph_needles,
    .project_wide = true,
    .flow_sites = true,
    .check = check,
};
