#ifndef RTLINT_RULES_CONTRACT_FINDING_H
#define RTLINT_RULES_CONTRACT_FINDING_H
/* What the contract rules (event_never_sent.c, event_never_heard.c,
 * channel_mismatch.c) share to word and fix a finding; the dispatch from a
 * linked graph to them is rules/contract_report.c, above them. */
#include "core/diag.h"
#include "graph/model.h"
#include "rules/ctx.h"

/* A finding names at most this many other ends as related locations (its
 * message counts them all): a channel with thousands of ends would otherwise
 * give each finding thousands of notes, and the output the square of them. */
#define GRAPH_MAX_RELATED 20

/* The sink needles (resolve/sinks.def): the contract rules' needles. */
extern const char *const graph_needles[];

/* One finding: at a site, or at one case of a `*` listener's dispatch. */
typedef struct GraphFinding {
  const ContractGraph *g;
  const GraphSite *site;
  const GraphCase *dispatch_case; /* NULL: the site itself */
  const char *event;              /* the value the finding is about */
  Severity severity;
  DiagList *out;
  bool renames; /* event-name-custom runs in the finding's file: its fixes may be offered */
} GraphFinding;

/* Helpers for the wording. */
/* `UNIFIED_EVENTS.TYPING_START` or `"typing_indicator"` (arena-free: caller frees). */
char *graph_event_display(const Standards *std, const char *value);
/* `UNIFIED_CHANNELS.conversation` or `org:{}:conv:{}`. */
char *graph_channel_display(const GraphSite *s);
/* "path:line". */
char *graph_site_where(const GraphSite *s);
Diag *graph_finding_add(const GraphFinding *f, const RuleMeta *rule, const char *message,
                        const char *help);
/* Adds s as a related location of d with label. */
void graph_relate(Diag *d, const GraphSite *s, const char *label);

/* The fix of an event-never-sent / event-never-heard finding
 * (rules/contract_fix.c): what replaces the event at the finding so that it
 * is the event the other end of the channel uses. `closest` is the one close
 * event the finding's message asks about ("did you mean X?"), or NULL. */
typedef struct GraphRenamePlan {
  const GraphRename *rename; /* NULL: no fix */
  char *text;                /* the replacement */
  FixApplicability app;
} GraphRenamePlan;
GraphRenamePlan graph_rename_plan(const GraphFinding *f, const char *closest);
/* Makes the plan d's fix; frees the plan. */
void graph_rename_attach(Diag *d, GraphRenamePlan *plan);

#endif
