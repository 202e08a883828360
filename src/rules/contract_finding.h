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

/* The severity of rule in module m's file (SEV_OFF: not reported there). */
typedef Severity (*GraphSeverityFn)(void *ctx, const Module *m, const RuleMeta *rule);

/* One finding: at a site, or at one case of a `*` listener's dispatch. */
typedef struct GraphFinding {
  const ContractGraph *g;
  const GraphSite *site;
  const GraphCase *dispatch_case; /* NULL: the site itself */
  const char *event;              /* the value the finding is about */
  Severity severity;
  DiagList *out;
  bool renames; /* event-name-custom runs in the finding's file: its fixes may be offered */
  GraphSeverityFn severity_in; /* and in another file: the other end's fix may be carried */
  void *severity_ctx;
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
/* At a canonical end (its event is a UNIFIED_EVENTS value) the fix is the
 * other end's: each custom end that means this event gets event-name-custom's
 * own rename, in its own file. */
#define GRAPH_MAX_CARRIED 8
typedef struct GraphRenamePlan {
  const GraphRename *rename; /* NULL: no fix; else the first of `carried` or the finding's own */
  char *text;                /* the replacement */
  FixApplicability app;
  /* The other ends whose renames are carried (none: the rename is the finding's own). */
  const GraphSite *carried_at[GRAPH_MAX_CARRIED];
  const GraphRename *carried[GRAPH_MAX_CARRIED];
  const char *carried_event[GRAPH_MAX_CARRIED]; /* the custom name each replaces */
  size_t ncarried;
} GraphRenamePlan;
GraphRenamePlan graph_rename_plan(const GraphFinding *f, const char *closest);
/* Makes the plan d's fix; frees the plan. */
void graph_rename_attach(Diag *d, GraphRenamePlan *plan);

#endif
