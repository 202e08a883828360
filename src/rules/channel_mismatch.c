/* channel-mismatch: the same event sent on one channel shape and heard on a
 * near miss of it (`org:{}:conv:{}` vs `org:{}:conversation:{}`): neither end
 * meets the other. Reported at both ends, each naming the other(s) as related
 * locations. Found on the whole project's realtime contract (graph/model.h).
 * docs/rules/channel-mismatch.md. */
#include "core/util.h"
#include "rules/contract_finding.h"
#include "rules/ctx.h"

#include <stdlib.h>
#include <string.h>

static void check(RuleCtx *ctx) {
  (void)ctx; /* reported from the linked graph: rules/contract_report.c */
}

/* Whether o is an other end of the finding: the opposite role, the same
 * event, on a near-miss shape. */
static bool other_end(const GraphFinding *f, const GraphSite *o) {
  const GraphSite *s = f->site;
  if (o->role == s->role || o->kind != s->kind || !o->event || !o->channel_shape ||
      !graph_near_miss(o->channel_shape, s->channel_shape))
    return false;
  return strcmp(o->event, f->event) == 0;
}

static int cmp_index(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return (x > y) - (x < y);
}

/* The first other ends (GRAPH_MAX_RELATED at most), in site order: of each
 * near-miss shape, the first of its sites of the other role naming the event,
 * so n ends against m on a near miss cost n, not n * m. */
static size_t other_ends(const GraphFinding *f, size_t **out) {
  size_t nshapes, nnear, n = 0, cap = 0;
  const char *const *shapes = graph_shapes(f->g, &nshapes);
  const size_t *near = graph_near_shapes(f->g, f->site->channel_shape, &nnear);
  GraphRole other = f->site->role == GRAPH_SENDER ? GRAPH_LISTENER : GRAPH_SENDER;
  *out = NULL;
  for (size_t h = 0; h < nnear; h++) {
    size_t non, taken = 0;
    const size_t *on =
        graph_ends_named(f->g, shapes[near[h]], other, f->site->kind, f->event, &non);
    for (size_t k = 0; k < non && taken < GRAPH_MAX_RELATED; k++)
      if (other_end(f, &f->g->sites[on[k]])) {
        ARRAY_PUSH(*out, n, cap, on[k]);
        taken++;
      }
  }
  if (n > 1)
    qsort(*out, n, sizeof **out, cmp_index);
  return n < GRAPH_MAX_RELATED ? n : GRAPH_MAX_RELATED;
}

void channel_mismatch_report(const GraphFinding *f) {
  const GraphSite *s = f->site;
  const ContractGraph *g = f->g;
  size_t *ends;
  size_t nends = other_ends(f, &ends);
  if (!nends)
    return;
  const GraphSite *first = &g->sites[ends[0]];
  char *event = graph_event_display(g->std, f->event);
  char *here = graph_channel_display(s);
  char *there = graph_channel_display(first);
  char *where = graph_site_where(first);
  bool sender = s->role == GRAPH_SENDER;
  char *msg =
      xasprintf("%s is %s on %s but %s on %s (at %s): the channel names differ by one word", event,
                sender ? "sent" : "heard", here, sender ? "heard" : "sent", there, where);
  Diag *d = graph_finding_add(f, &rule_channel_mismatch, msg,
                              "build both ends' channel with the same UNIFIED_CHANNELS function");
  for (size_t i = 0; i < nends && i < GRAPH_MAX_RELATED; i++) {
    const GraphSite *o = &g->sites[ends[i]];
    char *shown = graph_channel_display(o);
    char *label = xasprintf("%s is %s on %s here", event, sender ? "heard" : "sent", shown);
    graph_relate(d, o, label);
    free(label);
    free(shown);
  }
  free(ends);
  free(msg);
  free(where);
  free(there);
  free(here);
  free(event);
}

const RuleMeta rule_channel_mismatch = {
    .id = "channel-mismatch",
    .phase = PHASE_ALL,
    .default_severity = SEV_ERROR,
    .fixable = FIX_NONE,
    .summary = "The same event is sent on one channel shape and heard on a near miss of it.",
    .needles = graph_needles,
    .project_wide = true,
    .flow_sites = true,
    .check = check,
};
