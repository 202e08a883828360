/* event-never-sent: a listener for an event that nothing in the project sends
 * on the listener's channel (the seed's bug: the widget listened for
 * "typing_indicator" while the API sent "typing:start"). Found on the
 * realtime contract of the whole project (graph/model.h), after every file is
 * in: the check below has nothing to do per file. The message names the
 * events that are sent there, the closest first; every sender on the channel
 * is a related location. docs/rules/event-never-sent.md. */
#include "core/util.h"
#include "rules/contract_finding.h"
#include "rules/ctx.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_NAMED 3

static void check(RuleCtx *ctx) {
  (void)ctx; /* reported from the linked graph: rules/contract_report.c */
}

typedef struct Sent {
  const GraphSite *site;
  size_t distance;
  bool similar;
} Sent;

/* Lower-case letters and digits only: "TYPING_START" and "typing:start"
 * spell the same word. */
static char *folded(const char *s) {
  char *out = xcalloc(strlen(s) + 1, 1), *w = out;
  for (; *s; s++)
    if ((*s >= '0' && *s <= '9') || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
      *w++ = (char)(*s >= 'A' && *s <= 'Z' ? *s | 0x20 : *s);
  return out;
}

/* The first word: "typing" of "typing_indicator" and of "typing:start". */
static size_t first_word(const char *s) {
  size_t n = 0;
  while ((s[n] >= '0' && s[n] <= '9') || ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z'))
    n++;
  return n;
}

/* A plausible "did you mean": the same first word, or at most half the
 * longer folded name differs. */
static Sent sent_from(const GraphSite *s, const char *heard) {
  char *a = folded(s->event), *b = folded(heard);
  size_t d = str_edit_distance(a, b), longer = strlen(a) > strlen(b) ? strlen(a) : strlen(b);
  size_t wa = first_word(s->event), wb = first_word(heard);
  bool same_word = wa >= 3 && wa == wb && strncasecmp(s->event, heard, wa) == 0;
  Sent out = {s, d, same_word || d * 2 <= longer};
  free(a);
  free(b);
  return out;
}

static int cmp_sent(const void *pa, const void *pb) {
  const Sent *a = pa, *b = pb;
  if (a->similar != b->similar)
    return a->similar ? -1 : 1;
  if (a->distance != b->distance)
    return a->distance < b->distance ? -1 : 1;
  return strcmp(a->site->event, b->site->event);
}

void event_never_sent_report(const GraphFinding *f) {
  const GraphSite *l = f->site;
  const ContractGraph *g = f->g;
  size_t n, non;
  const size_t *events = graph_ends_on(g, l->channel_shape, GRAPH_SENDER, l->kind, true, &n);
  const size_t *on = graph_ends_on(g, l->channel_shape, GRAPH_SENDER, l->kind, false, &non);
  Sent *sent = xcalloc(n + 1, sizeof *sent);
  for (size_t i = 0; i < n; i++)
    sent[i] = sent_from(&g->sites[events[i]], f->event);
  qsort(sent, n, sizeof *sent, cmp_sent);
  char *event = graph_event_display(g->std, f->event);
  char *channel = graph_channel_display(l);
  size_t similar = 0;
  while (similar < n && sent[similar].similar)
    similar++;
  GraphRenamePlan plan = graph_rename_plan(f, similar == 1 ? sent[0].site->event : NULL);
  StrBuf msg = {0};
  sb_appendf(&msg, "%s is heard on %s, but nothing in the project sends it there", event, channel);
  if (n == 0) {
    sb_appendf(&msg, " (no sender on %s is known)", channel);
  } else {
    /* The similar names as a question; else what is sent there. */
    size_t shown = similar ? similar : n;
    if (shown > MAX_NAMED)
      shown = MAX_NAMED;
    sb_append(&msg, similar ? "; did you mean " : "; sent there: ");
    for (size_t k = 0; k < shown; k++) {
      char *other = graph_event_display(g->std, sent[k].site->event);
      char *where = graph_site_where(sent[k].site);
      if (k > 0)
        sb_append(&msg, !similar ? ", " : k + 1 == shown ? " or " : ", ");
      sb_appendf(&msg, similar && shown == 1 ? "%s, sent at %s" : "%s (at %s)", other, where);
      free(other);
      free(where);
    }
    if (similar)
      sb_putc(&msg, '?');
    else if (n > shown)
      sb_appendf(&msg, " and %zu more", n - shown);
  }
  char *help =
      plan.ncarried ? xasprintf("the sender's custom name means this event: send `%s` there "
                                "(event-name-custom's fix)",
                                plan.text)
      : plan.rename ? xasprintf("listen for `%s`, which is sent on this channel", plan.text)
                    : xstrdup("listen for an event that is sent on this channel, or send this "
                              "one; a sender outside the repository is declared in rtlint.yaml "
                              "(realtime.external_senders)");
  Diag *d = graph_finding_add(f, &rule_event_never_sent, sb_cstr(&msg), help);
  graph_rename_attach(d, &plan);
  free(help);
  for (size_t i = 0; i < non && i < GRAPH_MAX_RELATED; i++) {
    const GraphSite *s = &g->sites[on[i]];
    char *other = graph_event_display(g->std, s->event);
    char *label = xasprintf("%s is sent on %s here", other, channel);
    graph_relate(d, s, label);
    free(label);
    free(other);
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
    .fixable = FIX_SAFE,
    .summary = "A listener waits for an event that nothing in the project sends on its channel.",
    .needles = graph_needles,
    .project_wide = true,
    .flow_sites = true,
    .check = check,
};
