/* The contract rules' shared wording: see contract_finding.h. */
#include "rules/contract_finding.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

#define SINK(callee, needle, event, channel) needle,
const char *const graph_needles[] = {
#include "resolve/sinks.def"
    NULL};
#undef SINK

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
