#ifndef RTLINT_RULES_CONTRACT_REPORT_H
#define RTLINT_RULES_CONTRACT_REPORT_H
/* The contract rules' findings, made from a linked graph once the whole run
 * is in (engine/engine.c). Each rule's wording lives in its own file
 * (rules/event_never_sent.c, event_never_heard.c, channel_mismatch.c); what
 * they share is here. */
#include "config/config.h"
#include "core/diag.h"
#include "graph/model.h"
#include "rules/registry.h"

/* The sink needles (resolve/sinks.def): the contract rules' needles. */
extern const char *const graph_needles[];

/* 0, 1, 2 for the three contract rules, -1 for any other. */
int graph_rule_index(const RuleMeta *rule);
bool graph_rules_enabled(const RuleSelection *sel);

/* Adds the configuration's realtime.external_* ends (config may be NULL). */
void graph_add_config_externals(ContractGraph *g, const Config *config, const Project *proj);

/* The severity of rule in module m's file (SEV_OFF: not reported there). */
typedef Severity (*GraphSeverityFn)(void *ctx, const Module *m, const RuleMeta *rule);
void graph_report(const ContractGraph *g, GraphSeverityFn severity, void *ctx, DiagList *out);

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

void event_never_sent_report(const GraphFinding *f);
void event_never_heard_report(const GraphFinding *f);
void channel_mismatch_report(const GraphFinding *f);

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
/* An event-name-custom finding silenced by an rtlint-disable comment keeps
 * its name: the contract findings' fixes that would rewrite it are dropped.
 * Called once suppressions are applied. */
void graph_fixes_respect_suppressions(DiagList *diags);

#endif
