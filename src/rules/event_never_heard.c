/* event-never-heard: a sender whose event no listener on that channel hears
 * (the other half of the seed's bug: "typing:start" sent, nobody listening
 * for it). Found on the whole project's realtime contract (graph/model.h)
 * once every file is in. Every listener on the channel is a related
 * location. docs/rules/event-never-heard.md. */
#include "core/util.h"
#include "rules/contract_finding.h"
#include "rules/ctx.h"

#include <stdlib.h>
#include <string.h>

static void check(RuleCtx *ctx) {
  (void)ctx; /* reported from the linked graph: rules/contract_report.c */
}

static char *heard_display(const ContractGraph *g, const GraphSite *l) {
  if (l->event && strcmp(l->event, "*") == 0) {
    StrBuf sb = {0};
    sb_append(&sb, "a `*` listener dispatching on ");
    for (size_t k = 0; k < l->ncases; k++) {
      char *e = graph_event_display(g->std, l->cases[k].event);
      sb_appendf(&sb, "%s%s", k ? ", " : "", e);
      free(e);
    }
    char *s = sb_take(&sb);
    sb_free(&sb);
    return s;
  }
  return graph_event_display(g->std, l->event);
}

void event_never_heard_report(const GraphFinding *f) {
  const GraphSite *s = f->site;
  const ContractGraph *g = f->g;
  char *event = graph_event_display(g->std, f->event);
  char *channel = graph_channel_display(s);
  size_t nlisteners;
  const size_t *on =
      graph_ends_on(g, s->channel_shape, GRAPH_LISTENER, s->kind, false, &nlisteners);
  char *msg =
      nlisteners
          ? xasprintf("%s is sent on %s, but no listener there hears it (%zu %s other events)",
                      event, channel, nlisteners,
                      nlisteners == 1 ? "listener hears" : "listeners hear")
          : xasprintf("%s is sent on %s, but nothing in the project hears it there (no listener on "
                      "%s is known)",
                      event, channel, channel);
  GraphRenamePlan plan = graph_rename_plan(f, NULL);
  char *help =
      plan.ncarried ? xasprintf("the listener's custom name means this event: listen for `%s` "
                                "there (event-name-custom's fix)",
                                plan.text)
      : plan.rename ? xasprintf("send `%s`, which the listeners of this channel hear", plan.text)
                    : xstrdup("send an event the listeners of this channel hear, or listen for "
                              "this one; a listener outside the repository is declared in "
                              "rtlint.yaml (realtime.external_listeners)");
  Diag *d = graph_finding_add(f, &rule_event_never_heard, msg, help);
  graph_rename_attach(d, &plan);
  free(help);
  for (size_t i = 0; i < nlisteners && i < GRAPH_MAX_RELATED; i++) {
    const GraphSite *l = &g->sites[on[i]];
    char *heard = heard_display(g, l);
    char *label = xasprintf("%s is heard on %s here", heard, channel);
    graph_relate(d, l, label);
    free(label);
    free(heard);
  }
  free(msg);
  free(event);
  free(channel);
}

const RuleMeta rule_event_never_heard = {
    .id = "event-never-heard",
    .phase = PHASE_ALL,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SAFE,
    .summary = "A sender sends an event that no listener on its channel hears.",
    .needles = graph_needles,
    .project_wide = true,
    .flow_sites = true,
    .check = check,
};
