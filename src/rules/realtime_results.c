/* What the project's useRealtime returns: see realtime_results.h. */
#include "rules/realtime_results.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 6
#define MAX_RETURNS 8

typedef struct Reader {
  RuleCtx *ctx;
  const Module *m;
  RealtimeResults *out;
} Reader;

static bool add_name(Reader *rd, TSNode n) {
  const Source *src = &rd->m->src;
  StrBuf sb = {0};
  if (node_is(n, "string"))
    node_string_value(src, n, &sb);
  else if (node_is(n, "property_identifier") || node_is(n, "shorthand_property_identifier"))
    sb_append_n(&sb, src->bytes + ts_node_start_byte(n),
                ts_node_end_byte(n) - ts_node_start_byte(n));
  bool ok = sb.len > 0 && rd->out->n < REALTIME_MAX_RESULTS;
  if (ok && !realtime_results_has(rd->out, sb_cstr(&sb)))
    rd->out->names[rd->out->n++] = arena_strdup(rd->ctx->arena, sb_cstr(&sb));
  sb_free(&sb);
  return ok;
}

static bool collect(Reader *rd, TSNode expr, int depth);

/* `const [state] = useState<T>({ ... })`: the initial value's names. */
static bool state_initial(Reader *rd, TSNode decl, int depth) {
  TSNode pattern = scope_node_parent(rd->m, decl), declarator = scope_node_parent(rd->m, pattern);
  if (!node_is(pattern, "array_pattern") || !ts_node_eq(ts_node_named_child(pattern, 0), decl) ||
      !node_is(declarator, "variable_declarator"))
    return false;
  TSNode call = node_unwrap(node_field(declarator, "value"));
  uint32_t len;
  const char *callee =
      node_is(call, "call_expression") ? call_callee_name(&rd->m->src, call, &len) : NULL;
  return callee && mem_eq_str(callee, len, "useState") && call_argument_count(call) == 1 &&
         collect(rd, call_argument(call, 0), depth + 1);
}

static bool collect_identifier(Reader *rd, TSNode id, int depth) {
  char *name = node_text_dup(&rd->m->src, id);
  Binding b = scope_lookup(rd->m, id, name);
  free(name);
  if (b.kind == BIND_VALUE)
    return collect(rd, b.node, depth + 1);
  return b.kind == BIND_UNKNOWN && !ts_node_is_null(b.decl) && state_initial(rd, b.decl, depth);
}

static bool collect(Reader *rd, TSNode expr, int depth) {
  expr = node_unwrap(expr);
  if (ts_node_is_null(expr) || depth > MAX_DEPTH)
    return false;
  if (node_is(expr, "identifier"))
    return collect_identifier(rd, expr, depth);
  if (node_is(expr, "array"))
    return true; /* `[state, actions]`: indices, no names */
  if (node_is(expr, "call_expression")) {
    TSNode fn = node_unwrap(node_field(expr, "function"));
    if (!node_text_eq(&rd->m->src, fn, "Object.assign"))
      return false;
    for (uint32_t i = 0, n = call_argument_count(expr); i < n; i++)
      if (!collect(rd, call_argument(expr, i), depth + 1))
        return false;
    return true;
  }
  if (!node_is(expr, "object"))
    return false;
  bool ok = true;
  ChildIter it;
  for (TSNode c = child_iter_first(&it, expr, true); ok && !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    if (node_is(c, "comment"))
      continue;
    if (node_is(c, "shorthand_property_identifier"))
      ok = add_name(rd, c);
    else if (node_is(c, "pair") || node_is(c, "method_definition"))
      ok = add_name(rd, node_is(c, "pair") ? node_field(c, "key") : node_field(c, "name"));
    else if (node_is(c, "spread_element"))
      ok = collect(rd, ts_node_named_child(c, 0), depth + 1);
    else
      ok = false; /* computed keys and the like */
  }
  child_iter_done(&it);
  return ok;
}

bool realtime_results_has(const RealtimeResults *r, const char *name) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->names[i], name) == 0)
      return true;
  return false;
}

bool realtime_results(RuleCtx *ctx, const char *spec, const char *hook, RealtimeResults *out) {
  memset(out, 0, sizeof *out);
  Binding probe;
  memset(&probe, 0, sizeof probe);
  snprintf(probe.source, sizeof probe.source, "%s", spec);
  const Module *t = resolve_import_target(ctx->res, ctx->mod, &probe);
  Export ex = t ? resolve_find_export(ctx->res, t, hook, 0) : (Export){0};
  if (!ex.found || !ex.mod || ex.b.kind != BIND_FUNCTION || ts_node_is_null(ex.b.node))
    return false;
  TSNode rets[MAX_RETURNS];
  size_t n = function_returns(ex.b.node, rets, MAX_RETURNS);
  if (n == 0 || n == MAX_RETURNS)
    return false;
  for (size_t i = 0; i < n; i++) {
    RealtimeResults one = {0};
    Reader rd = {ctx, ex.mod, &one};
    if (!collect(&rd, rets[i], 0)) {
      out->n = 0;
      return false;
    }
    if (i == 0) {
      *out = one;
      continue;
    }
    size_t kept = 0;
    for (size_t k = 0; k < out->n; k++)
      if (realtime_results_has(&one, out->names[k]))
        out->names[kept++] = out->names[k];
    out->n = kept;
  }
  return true;
}
