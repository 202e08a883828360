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

void channel_mismatch_report(const GraphFinding *f) {
  const GraphSite *s = f->site;
  const ContractGraph *g = f->g;
  const GraphSite *first = NULL;
  for (size_t i = 0; i < g->nsites && !first; i++)
    if (other_end(f, &g->sites[i]))
      first = &g->sites[i];
  if (!first)
    return;
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
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *o = &g->sites[i];
    if (!other_end(f, o))
      continue;
    char *shown = graph_channel_display(o);
    char *label = xasprintf("%s is %s on %s here", event, sender ? "heard" : "sent", shown);
    graph_relate(d, o, label);
    free(label);
    free(shown);
  }
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
