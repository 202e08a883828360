/* The stop twin of a typing-start handler's one state change: see
 * typing_stop_inverse.h. */
#include "rules/typing_stop_inverse.h"

#include "core/util.h"
#include "fix/indent.h"
#include "parse/ast.h"
#include "resolve/scope.h"

#include <stdlib.h>
#include <string.h>

#define MAX_GUARD_DEPTH 8

/* The named children of a block that are not comments: the one there is, or
 * null when there are none or several. */
static TSNode only_statement(TSNode block) {
  TSNode only = {0};
  size_t n = 0;
  ChildIter it;
  for (TSNode c = child_iter_first(&it, block, true); !ts_node_is_null(c); c = child_iter_next(&it))
    if (!node_is(c, "comment")) {
      only = c;
      n++;
    }
  child_iter_done(&it);
  return n == 1 ? only : (TSNode){0};
}

/* A condition that only reads: names, fields, literals, comparisons, `!`,
 * `&&` and `||` (the stop handler evaluates it again on its own payload). */
static bool reads_only(TSNode e, int depth) {
  e = node_unwrap(e);
  if (ts_node_is_null(e) || depth > MAX_GUARD_DEPTH)
    return false;
  if (node_is(e, "identifier") || node_is(e, "string") || node_is(e, "number") ||
      node_is(e, "true") || node_is(e, "false") || node_is(e, "null") || node_is(e, "undefined"))
    return true;
  if (node_is(e, "member_expression"))
    return node_is(node_field(e, "property"), "property_identifier") &&
           reads_only(node_field(e, "object"), depth + 1);
  if (node_is(e, "binary_expression"))
    return reads_only(node_field(e, "left"), depth + 1) &&
           reads_only(node_field(e, "right"), depth + 1);
  if (node_is(e, "unary_expression")) {
    TSNode op = node_field(e, "operator");
    return node_is(op, "!") && reads_only(node_field(e, "argument"), depth + 1);
  }
  return false;
}

/* The handler's one action: an arrow's expression body, or the expression of
 * the block's one statement, maybe under an `if` without `else` whose
 * condition reads_only. */
static TSNode single_action(TSNode body) {
  TSNode null = {0};
  if (!node_is(body, "statement_block"))
    return node_unwrap(body);
  TSNode st = only_statement(body);
  if (node_is(st, "if_statement")) {
    if (!ts_node_is_null(node_field(st, "alternative")) ||
        !reads_only(node_field(st, "condition"), 0))
      return null;
    st = node_field(st, "consequence");
    if (node_is(st, "statement_block"))
      st = only_statement(st);
  }
  return node_is(st, "expression_statement") ? node_unwrap(ts_node_named_child(st, 0)) : null;
}

static bool callee_is_use_state(const Source *src, TSNode call) {
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (node_is(fn, "member_expression")) {
    if (!node_text_eq(src, node_field(fn, "object"), "React"))
      return false;
    fn = node_field(fn, "property");
  }
  return node_text_eq(src, fn, "useState");
}

/* The `useState(...)` call whose setter `callee` is (`const [x, setX] =
 * useState(...)`), or null. */
static TSNode state_of_setter(const Module *m, TSNode callee) {
  TSNode null = {0};
  if (!node_is(callee, "identifier"))
    return null;
  char *name = node_text_dup(&m->src, callee);
  Binding b = scope_lookup(m, callee, name);
  free(name);
  if (b.kind != BIND_UNKNOWN || ts_node_is_null(b.decl))
    return null;
  TSNode pattern = scope_node_parent(m, b.decl), declarator = scope_node_parent(m, pattern);
  if (!node_is(pattern, "array_pattern") || ts_node_named_child_count(pattern) != 2 ||
      !ts_node_eq(ts_node_named_child(pattern, 1), b.decl) ||
      !node_is(declarator, "variable_declarator"))
    return null;
  TSNode call = node_unwrap(node_field(declarator, "value"));
  return node_is(call, "call_expression") && callee_is_use_state(&m->src, call) ? call : null;
}

static bool names_an_id(const char *s, uint32_t len) {
  if (len == 2 && memcmp(s, "id", 2) == 0)
    return true;
  if (len < 3)
    return false;
  const char *tail = s + len - 2;
  return memcmp(tail, "Id", 2) == 0 || memcmp(tail, "ID", 2) == 0 ||
         (len > 3 && memcmp(tail - 1, "_id", 3) == 0);
}

static bool is_handler_param(const Module *m, TSNode handler, TSNode id) {
  char *name = node_text_dup(&m->src, id);
  Binding b = scope_lookup(m, id, name);
  free(name);
  /* A destructured parameter is "unknown" with the function as its node. */
  bool param = b.kind == BIND_PARAM || (b.kind == BIND_UNKNOWN && ts_node_is_null(b.decl));
  return param && ts_node_eq(b.node, handler);
}

/* An id the start handler reads from its own parameters: `p.userId`, or a
 * destructured `userId`. */
static bool payload_id(const Module *m, TSNode handler, TSNode e) {
  uint32_t len;
  const char *t;
  if (node_is(e, "identifier")) {
    t = node_text(&m->src, e, &len);
    return names_an_id(t, len) && is_handler_param(m, handler, e);
  }
  if (!node_is(e, "member_expression"))
    return false;
  TSNode obj = node_unwrap(node_field(e, "object")), prop = node_field(e, "property");
  if (!node_is(obj, "identifier") || !node_is(prop, "property_identifier"))
    return false;
  t = node_text(&m->src, prop, &len);
  return names_an_id(t, len) && is_handler_param(m, handler, obj);
}

/* The one identifier parameter of an updater arrow (`prev => ...`,
 * `(prev: T[]) => ...`), or null. */
static TSNode updater_param(TSNode arrow) {
  TSNode null = {0};
  TSNode p = node_field(arrow, "parameter");
  if (!ts_node_is_null(p))
    return node_is(p, "identifier") ? p : null;
  TSNode params = node_field(arrow, "parameters");
  if (!node_is(params, "formal_parameters") || ts_node_named_child_count(params) != 1)
    return null;
  TSNode req = ts_node_named_child(params, 0);
  TSNode pattern = node_is(req, "required_parameter") ? node_field(req, "pattern") : null;
  return node_is(pattern, "identifier") ? pattern : null;
}

typedef struct Mentions {
  const Source *src;
  const char *name;
  bool found;
} Mentions;

static bool visit_mention(TSNode n, void *data) {
  Mentions *c = data;
  if ((node_is(n, "identifier") || node_is(n, "shorthand_property_identifier") ||
       node_is(n, "shorthand_property_identifier_pattern")) &&
      node_text_eq(c->src, n, c->name))
    c->found = true;
  return !c->found;
}

/* The first of names that no identifier in the handler spells: a name the
 * new text binds must not hide one the handler reads. */
static const char *fresh_name(const Source *src, TSNode handler, const char *const *names) {
  for (; *names; names++) {
    Mentions c = {src, *names, false};
    ast_walk(handler, visit_mention, &c);
    if (!c.found)
      return *names;
  }
  return NULL;
}

static const char *const prev_names[] = {"prev", "current", "previous", NULL};
static const char *const item_names[] = {"u", "entry", "item", NULL};
static const char *const set_names[] = {"next", "remaining", "rest", NULL};

static bool same_text(const Source *src, TSNode a, TSNode b) {
  uint32_t alen, blen;
  const char *at = node_text(src, a, &alen), *bt = node_text(src, b, &blen);
  return alen == blen && memcmp(at, bt, alen) == 0;
}

/* `[...prev, id]`: the id, else null. */
static TSNode appended_id(const Source *src, TSNode body, TSNode prev) {
  TSNode null = {0};
  if (!node_is(body, "array") || ts_node_named_child_count(body) != 2)
    return null;
  TSNode spread = ts_node_named_child(body, 0);
  if (!node_is(spread, "spread_element") ||
      !same_text(src, node_unwrap(ts_node_named_child(spread, 0)), prev))
    return null;
  return node_unwrap(ts_node_named_child(body, 1));
}

/* `new Set(prev).add(id)`: the id, else null. */
static TSNode set_added_id(const Source *src, TSNode body, TSNode prev) {
  TSNode null = {0};
  if (!node_is(body, "call_expression") || call_argument_count(body) != 1)
    return null;
  TSNode fn = node_unwrap(node_field(body, "function"));
  if (!node_is(fn, "member_expression") || !node_text_eq(src, node_field(fn, "property"), "add"))
    return null;
  TSNode made = node_unwrap(node_field(fn, "object"));
  TSNode args = node_field(made, "arguments");
  if (!node_is(made, "new_expression") ||
      !node_text_eq(src, node_field(made, "constructor"), "Set") ||
      ts_node_named_child_count(args) != 1 ||
      !same_text(src, node_unwrap(ts_node_named_child(args, 0)), prev))
    return null;
  return node_unwrap(call_argument(body, 0));
}

/* The inverse of an updater `(prev) => <add id>`: its body's replacement. */
static bool inverse_updater(RuleCtx *ctx, TSNode handler, TSNode updater, StopInverse *out) {
  const Module *m = ctx->mod;
  const Source *src = &m->src;
  TSNode prev = updater_param(updater), body = node_field(updater, "body");
  if (ts_node_is_null(prev) || node_is(body, "statement_block"))
    return false;
  TSNode expr = node_unwrap(body);
  uint32_t plen, ilen;
  const char *p = node_text(src, prev, &plen);
  TSNode id = appended_id(src, expr, prev);
  if (!ts_node_is_null(id) && payload_id(m, handler, id)) {
    const char *u = fresh_name(src, handler, item_names);
    if (!u)
      return false;
    const char *it = node_text(src, id, &ilen);
    out->text = xasprintf("%.*s.filter((%s) => %s !== %.*s)", (int)plen, p, u, u, (int)ilen, it);
  } else if (!ts_node_is_null(id = set_added_id(src, expr, prev)) && payload_id(m, handler, id)) {
    const char *next = fresh_name(src, handler, set_names);
    if (!next)
      return false;
    const char *it = node_text(src, id, &ilen);
    const char *indent = fix_line_indent(ctx->arena, src, ts_node_start_byte(updater));
    out->text =
        xasprintf("{\n%s  const %s = new Set(%.*s);\n%s  %s.delete(%.*s);\n%s  return %s;\n%s}",
                  indent, next, (int)plen, p, indent, next, (int)ilen, it, indent, next, indent);
  } else {
    return false;
  }
  out->start = ts_node_start_byte(body);
  out->end = ts_node_end_byte(body);
  return true;
}

bool typing_stop_inverse(RuleCtx *ctx, TSNode handler, StopInverse *out) {
  const Module *m = ctx->mod;
  const Source *src = &m->src;
  memset(out, 0, sizeof *out);
  TSNode action = single_action(node_field(handler, "body"));
  if (!node_is(action, "call_expression") || call_argument_count(action) != 1)
    return false;
  TSNode state = state_of_setter(m, node_unwrap(node_field(action, "function")));
  if (ts_node_is_null(state))
    return false;
  TSNode arg = node_unwrap(call_argument(action, 0));
  if (node_is(arg, "arrow_function"))
    return inverse_updater(ctx, handler, arg, out);
  out->start = ts_node_start_byte(arg);
  out->end = ts_node_end_byte(arg);
  if (node_is(arg, "true")) {
    out->text = xstrdup("false");
    return true;
  }
  /* Clear the id only while it is still the one shown: another start may
   * have replaced it. Null must be a value the state holds. */
  if (!payload_id(m, handler, arg) || call_argument_count(state) != 1 ||
      !node_is(node_unwrap(call_argument(state, 0)), "null"))
    return false;
  const char *prev = fresh_name(src, handler, prev_names);
  if (!prev)
    return false;
  uint32_t len;
  const char *t = node_text(src, arg, &len);
  out->text = xasprintf("(%s) => (%s === %.*s ? null : %s)", prev, prev, (int)len, t, prev);
  return true;
}
