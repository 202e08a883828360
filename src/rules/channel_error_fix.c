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
  TSNode pattern = scope_node_parent(m, b.decl);
  TSNode decl = scope_node_parent(m, pattern);
  if (!node_is(pattern, "array_pattern") || !node_is(decl, "variable_declarator"))
    return false;
  TSNode v = node_unwrap(node_field(decl, "value"));
  uint32_t len;
  const char *callee = node_is(v, "call_expression") ? call_callee_name(&m->src, v, &len) : NULL;
  return callee && mem_eq_str(callee, len, "useState") && call_argument_count(v) == 1 &&
         node_text_eq(&m->src, node_unwrap(call_argument(v, 0)), "false");
}

static const char *status_param(RuleCtx *ctx, TSNode fn);

/* The executor `(resolve, ...) => { ... }` of the `new Promise(...)` that
 * holds n; null when there is none. */
static TSNode promise_executor_of(const Module *m, TSNode n) {
  const Source *src = &m->src;
  for (TSNode p = scope_node_parent(m, n); !ts_node_is_null(p); p = scope_node_parent(m, p)) {
    if (!node_is_function(p))
      continue;
    TSNode args = scope_node_parent(m, p), expr = scope_node_parent(m, args);
    if (node_is(args, "arguments") && node_is(expr, "new_expression") &&
        node_text_eq(src, node_field(expr, "constructor"), "Promise") &&
        ts_node_eq(call_argument(expr, 0), p))
      return p;
  }
  return (TSNode){0};
}

static bool literal_arguments(TSNode call) {
  static const char *const literals[] = {"true", "false", "null", "number", "string", "undefined"};
  for (uint32_t i = 0; i < call_argument_count(call); i++)
    if (node_type_among(call_argument(call, i), literals, sizeof literals / sizeof *literals) < 0)
      return false;
  return true;
}

typedef struct TimeoutSettle {
  const Source *src;
  const char *resolve; /* the executor's first parameter */
  TSNode call;         /* resolve(...) in a setTimeout callback */
  int count;
} TimeoutSettle;

/* `setTimeout(() => resolve(<literals>), ms)` */
static bool visit_timeout(TSNode n, void *data) {
  TimeoutSettle *ts = data;
  uint32_t len;
  const char *callee = node_is(n, "call_expression") ? call_callee_name(ts->src, n, &len) : NULL;
  if (!callee || !mem_eq_str(callee, len, "setTimeout"))
    return true;
  TSNode cb = node_unwrap(call_argument(n, 0));
  TSNode params = node_field(cb, "parameters");
  TSNode body = node_unwrap(node_field(cb, "body"));
  if (node_is(cb, "arrow_function") && !ts_node_is_null(params) &&
      ts_node_named_child_count(params) == 0 && node_is(body, "call_expression") &&
      node_text_eq(ts->src, node_field(body, "function"), ts->resolve) && literal_arguments(body)) {
    ts->call = body;
    ts->count++;
  }
  return true;
}

/* In a `new Promise((resolve) => ...)` that gives up waiting with
 * `setTimeout(() => resolve(false), ms)`, that settlement: on CHANNEL_ERROR
 * the promise settles as the timeout would, without waiting for it. */
static const char *timeout_settlement(RuleCtx *ctx, TSNode at) {
  const Source *src = &ctx->mod->src;
  TSNode executor = promise_executor_of(ctx->mod, at);
  if (ts_node_is_null(executor))
    return NULL;
  /* The executor's first parameter, when it is a plain name. */
  char *resolve = (char *)status_param(ctx, executor);
  if (!resolve)
    return NULL;
  TimeoutSettle ts = {.src = src, .resolve = resolve};
  ast_walk(node_field(executor, "body"), visit_timeout, &ts);
  Binding b = scope_lookup(ctx->mod, at, resolve);
  free(resolve);
  if (ts.count != 1 || b.kind != BIND_PARAM || !ts_node_eq(b.node, executor))
    return NULL;
  uint32_t len;
  const char *text = node_text(src, ts.call, &len);
  return arena_printf(ctx->arena, "%.*s;", (int)len, text);
}

/* The state values that name a fallback mode, in a union the state is typed by. */
static const char *const fallback_modes[] = {"fallback", "polling", NULL};

typedef struct ModeSearch {
  const Module *m;
  TSNode literal; /* the string of the fallback value the union holds */
  int found;
} ModeSearch;

/* The string literals of a union type (`'idle' | 'live' | 'fallback'`),
 * following a type alias declared at the top of the module once. */
static void union_modes(ModeSearch *ms, TSNode type, bool follow_alias) {
  if (node_is(type, "union_type") || node_is(type, "parenthesized_type")) {
    for (uint32_t i = 0; i < ts_node_named_child_count(type); i++)
      union_modes(ms, ts_node_named_child(type, i), follow_alias);
  } else if (node_is(type, "literal_type")) {
    TSNode lit = ts_node_named_child(type, 0);
    for (const char *const *f = fallback_modes; *f; f++)
      if (node_string_is(&ms->m->src, lit, *f)) {
        ms->literal = lit;
        ms->found++;
      }
  } else if (node_is(type, "type_identifier") && follow_alias) {
    char *name = node_text_dup(&ms->m->src, type);
    TSNode root = ts_tree_root_node(ms->m->tree);
    for (uint32_t i = 0; i < ts_node_named_child_count(root); i++) {
      TSNode st = ts_node_named_child(root, i);
      if (node_is(st, "export_statement"))
        st = node_field(st, "declaration");
      if (node_is(st, "type_alias_declaration") &&
          node_text_eq(&ms->m->src, node_field(st, "name"), name))
        union_modes(ms, node_field(st, "value"), false);
    }
    free(name);
  }
}

/* `const [mode, setMode] = useState<T>(...)` where T is a union of string
 * literals holding one fallback value: `setMode("fallback");`. NULL for any
 * other declarator. */
static const char *mode_setter_call(RuleCtx *ctx, TSNode declarator, TSNode at) {
  const Source *src = &ctx->mod->src;
  TSNode pattern = node_field(declarator, "name");
  TSNode value = node_unwrap(node_field(declarator, "value"));
  uint32_t len;
  const char *callee =
      node_is(value, "call_expression") ? call_callee_name(src, value, &len) : NULL;
  if (!node_is(pattern, "array_pattern") || ts_node_named_child_count(pattern) != 2 || !callee ||
      !mem_eq_str(callee, len, "useState"))
    return NULL;
  TSNode setter = ts_node_named_child(pattern, 1);
  TSNode targs = node_field(value, "type_arguments");
  if (!node_is(setter, "identifier") || ts_node_is_null(targs) ||
      ts_node_named_child_count(targs) != 1)
    return NULL;
  ModeSearch ms = {.m = ctx->mod};
  union_modes(&ms, ts_node_named_child(targs, 0), true);
  if (ms.found != 1)
    return NULL;
  char *name = node_text_dup(src, setter);
  Binding b = scope_lookup(ctx->mod, at, name);
  const char *call = NULL;
  if (ts_node_eq(b.decl, setter)) {
    uint32_t llen;
    const char *lit = node_text(src, ms.literal, &llen);
    call = arena_printf(ctx->arena, "%s(%.*s);", name, (int)llen, lit);
  }
  free(name);
  return call;
}

/* A setter of a state typed as modes one of which is a fallback, declared
 * at the top of a function around `at` (the component): its call with that
 * mode. NULL when there is none, or several (which one is meant is not
 * rtlint's to pick). */
static const char *fallback_mode_setter(RuleCtx *ctx, TSNode at) {
  const char *found = NULL;
  int count = 0;
  for (TSNode fn = scope_node_parent(ctx->mod, at); !ts_node_is_null(fn);
       fn = scope_node_parent(ctx->mod, fn)) {
    TSNode body = node_field(fn, "body");
    if (!node_is_function(fn) || !node_is(body, "statement_block"))
      continue;
    for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
      TSNode st = ts_node_named_child(body, i);
      if (!node_is(st, "lexical_declaration"))
        continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(st); j++) {
        TSNode decl = ts_node_named_child(st, j);
        const char *call =
            node_is(decl, "variable_declarator") ? mode_setter_call(ctx, decl, at) : NULL;
        if (call) {
          found = call;
          count++;
        }
      }
    }
  }
  return count == 1 ? found : NULL;
}

/* The component's own fallback, as a statement, or NULL. */
static const char *fallback_in_scope(RuleCtx *ctx, TSNode at) {
  for (const char *const *f = fallback_calls; *f; f++)
    if (nullary_function(ctx->mod, scope_lookup(ctx->mod, at, *f)))
      return arena_printf(ctx->arena, "%s();", *f);
  for (const char *const *f = fallback_setters; *f; f++)
    if (boolean_state_setter(ctx->mod, scope_lookup(ctx->mod, at, *f)))
      return arena_printf(ctx->arena, "%s(true);", *f);
  const char *setter = fallback_mode_setter(ctx, at);
  return setter ? setter : timeout_settlement(ctx, at);
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

/* The text of `operand` (a "TIMED_OUT" string or a `X.TIMED_OUT` member)
 * with TIMED_OUT spelled CHANNEL_ERROR. */
static char *renamed_status(const Source *src, TSNode operand) {
  uint32_t len;
  const char *text = node_text(src, operand, &len);
  const char *hit = NULL;
  for (const char *p = text; p + 9 <= text + len; p++)
    if (memcmp(p, "TIMED_OUT", 9) == 0)
      hit = p;
  if (!hit)
    return NULL;
  return xasprintf("%.*sCHANNEL_ERROR%.*s", (int)(hit - text), text, (int)(text + len - (hit + 9)),
                   hit + 9);
}

void channel_error_suggest_like_timeout(RuleCtx *ctx, Diag *d, TSNode handler) {
  const Source *src = &ctx->mod->src;
  if (!d || d->fix.nedits)
    return;
  char *text;
  uint32_t at;
  if (node_is(handler, "switch_case")) {
    char *value = renamed_status(src, node_field(handler, "value"));
    if (!value)
      return;
    at = ts_node_start_byte(handler);
    text = xasprintf("case %s:\n%s", value, fix_line_indent(ctx->arena, src, at));
    free(value);
  } else {
    /* The comparison again, its TIMED_OUT operand renamed. */
    TSNode left = node_field(handler, "left"), right = node_field(handler, "right");
    TSNode operand = node_is(node_unwrap(left), "identifier") ? right : left;
    char *value = renamed_status(src, operand);
    if (!value)
      return;
    uint32_t start = ts_node_start_byte(handler), end = ts_node_end_byte(handler);
    uint32_t ostart = ts_node_start_byte(operand), oend = ts_node_end_byte(operand);
    at = end;
    text = xasprintf(" || %.*s%s%.*s", (int)(ostart - start), src->bytes + start, value,
                     (int)(end - oend), src->bytes + oend);
    free(value);
  }
  diag_add_edit(d, at, at, text);
  free(text);
  diag_set_fix(d, FIX_SUGGESTION,
               "Handle CHANNEL_ERROR as the callback handles TIMED_OUT (its own fallback)");
}
