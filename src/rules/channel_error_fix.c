/* channel-error-unhandled's suggestion: see channel_error_fix.h. */
#include "rules/channel_error_fix.h"

#include "core/util.h"
#include "fix/indent.h"
#include "parse/ast.h"
#include "resolve/scope.h"

#include <stdlib.h>
#include <string.h>

/* Functions a component names its fallback by, called without arguments. */
static const char *const fallback_calls[] = {
    "startPolling",     "startPollingFallback", "startFallback",     "enableFallback",
    "switchToFallback", "enterFallbackMode",    "scheduleReconnect", NULL,
};

/* `const [x, setX] = useState(false)` setters that turn a fallback on. */
static const char *const fallback_setters[] = {
    "setFallbackMode", "setFallback", "setIsFallback", "setUseFallback", "setPolling",
    "setIsPolling",    NULL,
};

static char file_quote(const Module *m) {
  const char *p = strstr(m->src.bytes, " from '");
  const char *q = strstr(m->src.bytes, " from \"");
  return p && (!q || p < q) ? '\'' : '"';
}

/* A function taking no parameters, declared or `useCallback(() => ..., deps)`. */
static bool nullary_function(const Module *m, Binding b) {
  TSNode fn = b.node;
  if (b.kind == BIND_VALUE) {
    TSNode v = node_unwrap(b.node);
    uint32_t len;
    const char *callee = node_is(v, "call_expression") ? call_callee_name(&m->src, v, &len) : NULL;
    if (!callee || !mem_eq_str(callee, len, "useCallback"))
      return false;
    fn = node_unwrap(call_argument(v, 0));
  } else if (b.kind != BIND_FUNCTION) {
    return false;
  }
  TSNode params = node_field(fn, "parameters");
  return node_is_function(fn) && !ts_node_is_null(params) && ts_node_named_child_count(params) == 0;
}

/* The setter of `const [x, setX] = useState(false)`. */
static bool boolean_state_setter(const Module *m, Binding b) {
  if (b.kind != BIND_UNKNOWN || ts_node_is_null(b.decl))
    return false;
  TSNode pattern = ts_node_parent(b.decl);
  TSNode decl = ts_node_parent(pattern);
  if (!node_is(pattern, "array_pattern") || !node_is(decl, "variable_declarator"))
    return false;
  TSNode v = node_unwrap(node_field(decl, "value"));
  uint32_t len;
  const char *callee = node_is(v, "call_expression") ? call_callee_name(&m->src, v, &len) : NULL;
  return callee && mem_eq_str(callee, len, "useState") && call_argument_count(v) == 1 &&
         node_text_eq(&m->src, node_unwrap(call_argument(v, 0)), "false");
}

/* The component's own fallback, as a statement, or NULL. */
static const char *fallback_in_scope(RuleCtx *ctx, TSNode at) {
  for (const char *const *f = fallback_calls; *f; f++)
    if (nullary_function(ctx->mod, scope_lookup(ctx->mod, at, *f)))
      return arena_printf(ctx->arena, "%s();", *f);
  for (const char *const *f = fallback_setters; *f; f++)
    if (boolean_state_setter(ctx->mod, scope_lookup(ctx->mod, at, *f)))
      return arena_printf(ctx->arena, "%s(true);", *f);
  return NULL;
}

/* `if (STATUS === "CHANNEL_ERROR") { ... }` at indent `in`, its body one
 * step deeper. */
static char *branch_text(RuleCtx *ctx, const char *fallback, const char *status, const char *in,
                         const char *step, const char **title) {
  char q = file_quote(ctx->mod);
  StrBuf sb = {0};
  sb_append(&sb, in);
  char *head = xasprintf("if (%s === %cCHANNEL_ERROR%c) {\n", status, q, q);
  sb_append(&sb, head);
  free(head);
  sb_append(&sb, in);
  sb_append(&sb, step);
  sb_append(&sb, fallback);
  sb_append(&sb, "\n");
  *title = arena_printf(ctx->arena, "Switch to the fallback on CHANNEL_ERROR: %s", fallback);
  sb_append(&sb, in);
  sb_append(&sb, "}");
  return sb_take(&sb);
}

/* The status parameter's name, when the callback's first parameter is a
 * plain identifier. */
static const char *status_param(RuleCtx *ctx, TSNode fn) {
  TSNode single = node_field(fn, "parameter");
  if (node_is(single, "identifier"))
    return node_text_dup(&ctx->mod->src, single);
  TSNode params = node_field(fn, "parameters");
  if (ts_node_is_null(params) || ts_node_named_child_count(params) == 0)
    return NULL;
  TSNode pat = node_field(ts_node_named_child(params, 0), "pattern");
  return node_is(pat, "identifier") ? node_text_dup(&ctx->mod->src, pat) : NULL;
}

void channel_error_suggest(RuleCtx *ctx, Diag *d, TSNode call, TSNode callback) {
  const Source *src = &ctx->mod->src;
  if (!d || d->fix.nedits)
    return;
  /* Without a fallback to call, a branch would still give up: the finding
   * would stay, so no suggestion. */
  const char *fallback = fallback_in_scope(ctx, node_unwrap(call));
  if (!fallback)
    return;
  TSNode member = node_unwrap(node_field(call, "function"));
  const char *in =
      fix_line_indent(ctx->arena, src, ts_node_start_byte(node_field(member, "property")));
  const char *step = "  ";
  const char *title = NULL;
  if (ts_node_is_null(callback)) {
    TSNode args = node_field(call, "arguments");
    if (ts_node_is_null(args) || call_argument_count(call) != 0 ||
        ts_node_end_byte(args) - ts_node_start_byte(args) != 2)
      return;
    const char *inner = arena_printf(ctx->arena, "%s%s", in, step);
    uint32_t at = ts_node_start_byte(args) + 1;
    char *branch = branch_text(ctx, fallback, "status", inner, step, &title);
    char *text = xasprintf("(status) => {\n%s\n%s}", branch, in);
    diag_add_edit(d, at, at, text);
    free(text);
    free(branch);
    diag_set_fix(d, FIX_SUGGESTION, title);
    return;
  }
  TSNode fn = node_unwrap(callback);
  if (!node_is(fn, "arrow_function") && !node_is(fn, "function_expression"))
    return;
  char *status = (char *)status_param(ctx, fn);
  if (!status)
    return;
  TSNode body = node_field(fn, "body");
  if (node_is(body, "statement_block")) {
    /* The branch goes first in the block, at its statements' indent. */
    TSNode first = ts_node_named_child(body, 0);
    const char *inner = ts_node_is_null(first)
                            ? arena_printf(ctx->arena, "%s%s", in, step)
                            : fix_line_indent(ctx->arena, src, ts_node_start_byte(first));
    if (!ts_node_is_null(first) && src_pos(src, ts_node_start_byte(first)).line ==
                                       src_pos(src, ts_node_start_byte(body)).line) {
      free(status);
      return; /* a one-line block: not a shape to re-indent */
    }
    uint32_t at = ts_node_start_byte(body) + 1;
    char *branch = branch_text(ctx, fallback, status, inner, step, &title);
    char *text = xasprintf("\n%s", branch);
    diag_add_edit(d, at, at, text);
    free(text);
    free(branch);
  } else {
    /* An expression body becomes a block: the branch, then the expression. */
    uint32_t len;
    const char *expr = node_text(src, body, &len);
    if (memchr(expr, '\n', len)) {
      free(status);
      return;
    }
    const char *inner = arena_printf(ctx->arena, "%s%s", in, step);
    char *branch = branch_text(ctx, fallback, status, inner, step, &title);
    char *text = xasprintf("{\n%s\n%s%.*s;\n%s}", branch, inner, (int)len, expr, in);
    diag_add_edit(d, ts_node_start_byte(body), ts_node_end_byte(body), text);
    free(text);
    free(branch);
  }
  free(status);
  diag_set_fix(d, FIX_SUGGESTION, title);
}

/* A throw or a reject(...) / Promise.reject(...) call anywhere in n. */
static bool raises(const Source *src, TSNode n) {
  if (node_is(n, "throw_statement"))
    return true;
  if (node_is(n, "call_expression")) {
    uint32_t len;
    const char *callee = call_callee_name(src, n, &len);
    if (callee && mem_eq_str(callee, len, "reject"))
      return true;
  }
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; i++)
    if (raises(src, ts_node_named_child(n, i)))
      return true;
  return false;
}

void channel_error_suggest_in_branch(RuleCtx *ctx, Diag *d, TSNode call, TSNode branch) {
  const Source *src = &ctx->mod->src;
  if (!d || d->fix.nedits || raises(src, branch))
    return;
  const char *fallback = fallback_in_scope(ctx, node_unwrap(call));
  if (!fallback)
    return;
  uint32_t bstart = ts_node_start_byte(branch), bend = ts_node_end_byte(branch);
  bool one_line = src_pos(src, bstart).line == src_pos(src, bend).line;
  char *text = NULL;
  uint32_t at = bstart, to = bstart;
  if (node_is(branch, "statement_block")) {
    TSNode first = {0};
    uint32_t n = ts_node_named_child_count(branch);
    for (uint32_t i = 0; i < n && ts_node_is_null(first); i++)
      if (!node_is(ts_node_named_child(branch, i), "comment"))
        first = ts_node_named_child(branch, i);
    if (ts_node_is_null(first)) {
      if (!one_line)
        return; /* an empty block over several lines: no statement to indent by */
      at = to = bstart + 1;
      text = xasprintf(" %s ", fallback);
    } else if (src_pos(src, ts_node_start_byte(first)).line == src_pos(src, bstart).line) {
      at = to = ts_node_start_byte(first);
      text = xasprintf("%s ", fallback);
    } else {
      at = to = ts_node_start_byte(first);
      text = xasprintf("%s\n%s", fallback,
                       fix_line_indent(ctx->arena, src, ts_node_start_byte(first)));
    }
  } else {
    if (!one_line)
      return;
    uint32_t len;
    const char *stmt = node_text(src, branch, &len);
    to = bend;
    text = xasprintf("{ %s %.*s }", fallback, (int)len, stmt);
  }
  diag_add_edit(d, at, to, text);
  free(text);
  diag_set_fix(d, FIX_SUGGESTION,
               arena_printf(ctx->arena, "Switch to the fallback on CHANNEL_ERROR: %s", fallback));
}
