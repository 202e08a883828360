#include "rules/contract_report.h"

#include "core/path.h"
#include "core/strmap.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

int graph_rule_index(const RuleMeta *rule) {
  if (rule == &rule_event_never_sent)
    return 0;
  if (rule == &rule_event_never_heard)
    return 1;
  if (rule == &rule_channel_mismatch)
    return 2;
  return -1;
}

bool graph_rules_enabled(const RuleSelection *sel) {
  for (size_t r = 0; r < rules_count; r++)
    if (sel->severity[r] != SEV_OFF && graph_rule_index(rules_all[r]) >= 0)
      return true;
  return false;
}

void graph_add_config_externals(ContractGraph *g, const Config *config, const Project *proj) {
  if (!config || !config->nexternals)
    return;
  char *abs = path_absolute(proj->cwd, config->path);
  char *shown = project_display_path(proj, abs);
  for (size_t i = 0; i < config->nexternals; i++) {
    const ConfigExternal *e = &config->externals[i];
    graph_add_external(g, e->listener ? GRAPH_LISTENER : GRAPH_SENDER, e->channel, e->event,
                       e->kind, shown, e->line);
  }
  free(shown);
  free(abs);
}

static void report_one(const ContractGraph *g, const GraphSite *s, const GraphCase *c,
                       const char *reason, GraphSeverityFn severity, void *ctx, DiagList *out) {
  const RuleMeta *rule = strcmp(reason, GRAPH_NEVER_SENT) == 0         ? &rule_event_never_sent
                         : strcmp(reason, GRAPH_NEVER_HEARD) == 0      ? &rule_event_never_heard
                         : strcmp(reason, GRAPH_CHANNEL_MISMATCH) == 0 ? &rule_channel_mismatch
                                                                       : NULL;
  if (!rule)
    return; /* unknown channel or event: never a finding */
  Severity sev = severity(ctx, s->mod, rule);
  if (sev == SEV_OFF)
    return;
  GraphFinding f = {g,
                    s,
                    c,
                    c ? c->event : s->event,
                    sev,
                    out,
                    severity(ctx, s->mod, &rule_event_name_custom) != SEV_OFF,
                    severity,
                    ctx};
  if (rule == &rule_event_never_sent)
    event_never_sent_report(&f);
  else if (rule == &rule_event_never_heard)
    event_never_heard_report(&f);
  else
    channel_mismatch_report(&f);
}

void graph_report(const ContractGraph *g, GraphSeverityFn severity, void *ctx, DiagList *out) {
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (!s->reason || s->external || !s->mod)
      continue;
    if (s->dispatch) {
      for (size_t k = 0; k < s->ncases; k++)
        if (s->cases[k].reason)
          report_one(g, s, &s->cases[k], s->cases[k].reason, severity, ctx, out);
    } else {
      report_one(g, s, NULL, s->reason, severity, ctx, out);
    }
  }
}

static bool contract_finding(const Diag *d) {
  return d->rule == &rule_event_never_sent || d->rule == &rule_event_never_heard;
}

/* Whether any edit of d's fix replaces a name whose finding is silenced (a
 * fix carried from the other end rewrites one in each of its files). */
static bool rewrites_kept(const Diag *d, const StrMap *kept) {
  for (size_t i = 0; i < d->fix.nedits; i++) {
    const Edit *e = &d->fix.edits[i];
    char key[STRMAP_NUM_KEY_SIZE(3)];
    strmap_num_key(key, (unsigned long long[]){(uintptr_t)edit_source(d, e), e->start, e->end}, 3);
    if (strmap_get(kept, key))
      return true;
  }
  return false;
}

void graph_fixes_respect_suppressions(DiagList *diags) {
  StrMap kept = {0}; /* source address, start, end of a silenced event-name-custom finding */
  size_t nkept = 0;
  for (size_t i = 0; i < diags->n; i++) {
    const Diag *d = &diags->items[i];
    if (d->rule != &rule_event_name_custom || !d->suppressed)
      continue;
    char key[STRMAP_NUM_KEY_SIZE(3)];
    strmap_num_key(key, (unsigned long long[]){(uintptr_t)d->src, d->start, d->end}, 3);
    strmap_put(&kept, key, (void *)1);
    nkept++;
  }
  for (size_t i = 0; nkept && i < diags->n; i++) {
    Diag *d = &diags->items[i];
    if (!contract_finding(d) || d->fix.nedits == 0)
      continue;
    if (rewrites_kept(d, &kept))
      diag_drop_fix(d);
  }
  strmap_free(&kept, NULL);
}
