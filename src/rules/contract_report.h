#ifndef RTLINT_RULES_CONTRACT_REPORT_H
#define RTLINT_RULES_CONTRACT_REPORT_H
/* The contract rules' findings, made from a linked graph once the whole run
 * is in (engine/engine.c): each is handed to its rule's file
 * (rules/event_never_sent.c, event_never_heard.c, channel_mismatch.c), which
 * words it with rules/contract_finding.h. */
#include "config/config.h"
#include "core/diag.h"
#include "graph/model.h"
#include "rules/contract_finding.h"
#include "rules/registry.h"

/* 0, 1, 2 for the three contract rules, -1 for any other. */
int graph_rule_index(const RuleMeta *rule);
bool graph_rules_enabled(const RuleSelection *sel);

/* Adds the configuration's realtime.external_* ends (config may be NULL). */
void graph_add_config_externals(ContractGraph *g, const Config *config, const Project *proj);

void graph_report(const ContractGraph *g, GraphSeverityFn severity, void *ctx, DiagList *out);

void event_never_sent_report(const GraphFinding *f);
void event_never_heard_report(const GraphFinding *f);
void channel_mismatch_report(const GraphFinding *f);

/* An event-name-custom finding silenced by an rtlint-disable comment keeps
 * its name: the contract findings' fixes that would rewrite it are dropped.
 * Called once suppressions are applied. */
void graph_fixes_respect_suppressions(DiagList *diags);

#endif
