#include "rules/contract_report.h"

#include "core/path.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

#define SINK(callee, needle, event, channel) needle,
const char *const graph_needles[] = {
#include "resolve/sinks.def"
    NULL};
#undef SINK

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

char *graph_event_display(const Standards *std, const char *value) {
  const EventDef *def = std ? std_event_by_value(std, value) : NULL;
  return def ? xasprintf("UNIFIED_EVENTS.%s", def->key) : xasprintf("\"%s\"", value);
}

char *graph_channel_display(const GraphSite *s) {
  return s->channel_fn ? xasprintf("UNIFIED_CHANNELS.%s", s->channel_fn)
                       : xasprintf("`%s`", s->channel_shape);
}

char *graph_site_where(const GraphSite *s) {
  return xasprintf("%s:%u", s->path, s->line);
}

Diag *graph_finding_add(const GraphFinding *f, const RuleMeta *rule, const char *message,
                        const char *help) {
  const GraphSite *s = f->site;
  uint32_t start = f->dispatch_case ? f->dispatch_case->start : s->start;
  uint32_t end = f->dispatch_case ? f->dispatch_case->end : s->end;
  Diag *d = diag_add(f->out, rule, f->severity, &s->mod->src, start, end, message, help);
  for (size_t k = 0; d && !f->dispatch_case && k < s->ntrail; k++) {
    const struct GraphStep *step = &s->trail[k];
    SrcPos pos = src_pos(&step->mod->src, step->at);
    diag_add_step(d, step->mod->src.path, pos.line, pos.col, pos.col_utf16, step->label);
  }
  return d;
}

void graph_relate(Diag *d, const GraphSite *s, const char *label) {
  if (!d)
    return;
  if (s->external) {
    diag_add_related(d, s->path, s->line, 1, 1, label);
    return;
  }
  SrcPos pos = src_pos(&s->mod->src, s->start);
  diag_add_related(d, s->mod->src.path, pos.line, pos.col, pos.col_utf16, label);
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
                    severity(ctx, s->mod, &rule_event_name_custom) != SEV_OFF};
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
