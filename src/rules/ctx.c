#include "rules/ctx.h"

#include "core/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static Diag *report_va(RuleCtx *ctx, const Module *m, uint32_t start, uint32_t end,
                       const char *help, const char *fmt, va_list ap) {
  char *msg = xvasprintf(fmt, ap);
  Diag *d = diag_add(ctx->out, ctx->rule, ctx->severity, &m->src, start, end, msg, help);
  free(msg);
  for (uint32_t i = 0; d && ctx->trail && i < ctx->trail->n; i++) {
    const FlowStep *s = &ctx->trail->steps[i];
    SrcPos pos = src_pos(&s->mod->src, s->at);
    diag_add_step(d, s->mod->src.path, pos.line, pos.col, pos.col_utf16, s->label);
  }
  return d;
}

Diag *rule_report(RuleCtx *ctx, uint32_t start, uint32_t end, const char *help, const char *fmt,
                  ...) {
  va_list ap;
  va_start(ap, fmt);
  Diag *d = report_va(ctx, ctx->mod, start, end, help, fmt, ap);
  va_end(ap);
  return d;
}

Diag *rule_report_in(RuleCtx *ctx, const Module *m, uint32_t start, uint32_t end, const char *help,
                     const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Diag *d = report_va(ctx, m, start, end, help, fmt, ap);
  va_end(ap);
  return d;
}

void rule_relate(Diag *d, const Module *m, uint32_t at, const char *label) {
  if (!d)
    return;
  SrcPos pos = src_pos(&m->src, at);
  diag_add_related(d, m->src.path, pos.line, pos.col, pos.col_utf16, label);
}

Value rule_resolve(RuleCtx *ctx, TSNode expr) {
  return resolve_expr(ctx->res, ctx->mod, expr);
}
