/* Status callbacks on both sides of the supabase-channel-direct codemod: see
 * channel_status_map.h. */
#include "rules/channel_status_map.h"

#include "parse/ast.h"

#include <stdlib.h>
#include <string.h>

/* The single plain parameter of a callback (`status =>`, `(status) =>`,
 * `(status: string) =>`), or NULL. */
static const char *status_param(Arena *a, const Source *src, TSNode fn) {
  TSNode p = node_field(fn, "parameter");
  if (ts_node_is_null(p)) {
    TSNode params = node_field(fn, "parameters");
    if (ts_node_is_null(params) || ts_node_named_child_count(params) != 1)
      return NULL;
    TSNode req = ts_node_named_child(params, 0);
    if (!node_is(req, "required_parameter") || !ts_node_is_null(node_field(req, "value")))
      return NULL;
    p = node_field(req, "pattern");
  }
  if (!node_is(p, "identifier"))
    return NULL;
  return arena_strndup(a, src->bytes + ts_node_start_byte(p),
                       ts_node_end_byte(p) - ts_node_start_byte(p));
}

static bool operator_is(const Source *src, TSNode binary, const char *op) {
  return node_text_eq(src, node_field(binary, "operator"), op);
}

/* `param === "S"` (or `"S" === param`): S, else NULL. */
static const char *status_compared(Arena *a, const Source *src, TSNode cond, const char *param) {
  cond = node_unwrap(cond);
  if (!node_is(cond, "binary_expression") ||
      !(operator_is(src, cond, "===") || operator_is(src, cond, "==")))
    return NULL;
  TSNode l = node_unwrap(node_field(cond, "left")), r = node_unwrap(node_field(cond, "right"));
  if (node_is(l, "string"))
    l = r, r = node_unwrap(node_field(cond, "left"));
  if (!node_is(l, "identifier") || !node_text_eq(src, l, param) || !node_is(r, "string"))
    return NULL;
  StrBuf sb = {0};
  node_string_value(src, r, &sb);
  const char *s = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return s;
}

/* `param === "A" || param === "B"`: A and B into out. */
static bool statuses_tested(Arena *a, const Source *src, TSNode cond, const char *param,
                            StatusReaction *out) {
  cond = node_unwrap(cond);
  if (node_is(cond, "binary_expression") && operator_is(src, cond, "||"))
    return statuses_tested(a, src, node_field(cond, "left"), param, out) &&
           statuses_tested(a, src, node_field(cond, "right"), param, out);
  const char *s = status_compared(a, src, cond, param);
  if (!s || out->nstatus == STATUS_MAX)
    return false;
  out->status[out->nstatus++] = s;
  return true;
}

/* ---- the provider's side ---- */

typedef struct Learn {
  Arena *a;
  const Module *provider;
  StatusMap *map;
  const char *param; /* of the status callback being read */
} Learn;

typedef struct Find {
  const Source *src;
  const char *name;
  const char *type;
  const char *found; /* for useState: the state the setter `name` sets */
  Arena *a;
} Find;

static bool find_named(TSNode n, void *data) {
  Find *f = data;
  if (f->found)
    return false;
  if (node_is(n, "property_signature") && !strcmp(f->type, "property_signature") &&
      node_text_eq(f->src, node_field(n, "name"), f->name))
    f->found = f->name;
  else if (node_is(n, "shorthand_property_identifier") &&
           !strcmp(f->type, "shorthand_property_identifier") && node_text_eq(f->src, n, f->name))
    f->found = f->name;
  return true;
}

static bool find_state(TSNode n, void *data) {
  Find *f = data;
  if (f->found || !node_is(n, "variable_declarator"))
    return !f->found;
  TSNode pattern = node_field(n, "name"), value = node_unwrap(node_field(n, "value"));
  uint32_t len;
  const char *callee =
      node_is(value, "call_expression") ? call_callee_name(f->src, value, &len) : NULL;
  if (!node_is(pattern, "array_pattern") || ts_node_named_child_count(pattern) != 2 || !callee ||
      !mem_eq_str(callee, len, "useState"))
    return true;
  TSNode state = ts_node_named_child(pattern, 0), setter = ts_node_named_child(pattern, 1);
  if (node_is(state, "identifier") && node_is(setter, "identifier") &&
      node_text_eq(f->src, setter, f->name))
    f->found = arena_strndup(f->a, f->src->bytes + ts_node_start_byte(state),
                             ts_node_end_byte(state) - ts_node_start_byte(state));
  return true;
}

/* The useState the provider's setter `setter` sets, when the provider's
 * value exposes it (its type declares it, the value object names it). */
static const char *exposed_state(Learn *l, const char *setter) {
  const Source *src = &l->provider->src;
  TSNode root = ts_tree_root_node(l->provider->tree);
  Find state = {src, setter, NULL, NULL, l->a};
  ast_walk(root, find_state, &state);
  if (!state.found)
    return NULL;
  Find typed = {src, state.found, "property_signature", NULL, l->a};
  Find valued = {src, state.found, "shorthand_property_identifier", NULL, l->a};
  ast_walk(root, find_named, &typed);
  ast_walk(root, find_named, &valued);
  return typed.found && valued.found ? state.found : NULL;
}

static void record(StatusMap *m, const char *status, const char *member, const char *value) {
  for (size_t i = 0; i < m->n; i++)
    if (!strcmp(m->status[i], status)) {
      bool same = m->member[i] && !strcmp(m->member[i], member) &&
                  (m->value[i] == value || (m->value[i] && value && !strcmp(m->value[i], value)));
      if (!same)
        m->member[i] = NULL; /* set two ways: no telling which */
      return;
    }
  if (m->n == STATUS_MAX)
    return;
  m->status[m->n] = status;
  m->member[m->n] = member;
  m->value[m->n++] = value;
}

/* `setX(ARG)`: the member X and the value ARG leaves it in; NULL member when
 * this is not a setter of an exposed state. */
static const char *setter_call(Learn *l, TSNode call, TSNode *arg) {
  const Source *src = &l->provider->src;
  TSNode fn = node_field(call, "function");
  if (!node_is(fn, "identifier") || call_argument_count(call) != 1)
    return NULL;
  *arg = node_unwrap(call_argument(call, 0));
  char *setter = node_text_dup(src, fn);
  const char *member = exposed_state(l, setter);
  free(setter);
  return member;
}

typedef struct Branch {
  Learn *l;
  StatusReaction statuses;
} Branch;

/* Inside `if (status === "S") { ... }`: each `setX(true | "V")`. */
static bool learn_branch_call(TSNode n, void *data) {
  Branch *b = data;
  if (!node_is(n, "call_expression"))
    return true;
  TSNode arg;
  const char *member = setter_call(b->l, n, &arg);
  const Source *src = &b->l->provider->src;
  const char *value = NULL;
  if (!member || !(node_is(arg, "true") || node_is(arg, "string")))
    return true;
  if (node_is(arg, "string")) {
    StrBuf sb = {0};
    node_string_value(src, arg, &sb);
    value = arena_strdup(b->l->a, sb_cstr(&sb));
    sb_free(&sb);
  }
  for (size_t i = 0; i < b->statuses.nstatus; i++)
    record(b->l->map, b->statuses.status[i], member, value);
  return true;
}

static bool learn_in_callback(TSNode n, void *data) {
  Learn *l = data;
  const Source *src = &l->provider->src;
  if (node_is(n, "if_statement")) {
    Branch b;
    memset(&b, 0, sizeof b);
    b.l = l;
    if (statuses_tested(l->a, src, node_field(n, "condition"), l->param, &b.statuses))
      ast_walk(node_field(n, "consequence"), learn_branch_call, &b);
    return true;
  }
  if (!node_is(n, "call_expression"))
    return true;
  TSNode arg;
  const char *member = setter_call(l, n, &arg);
  const char *status = member ? status_compared(l->a, src, arg, l->param) : NULL;
  if (status)
    record(l->map, status, member, NULL);
  return true;
}

static bool learn_subscribe_call(TSNode n, void *data) {
  Learn *l = data;
  const Source *src = &l->provider->src;
  uint32_t len;
  const char *name = node_is(n, "call_expression") ? call_callee_name(src, n, &len) : NULL;
  if (!name || !mem_eq_str(name, len, "subscribe") || call_argument_count(n) == 0)
    return true;
  TSNode cb = node_unwrap(call_argument(n, 0));
  if (!node_is_function(cb))
    return true;
  TSNode params = node_field(cb, "parameters");
  /* `(status, err) =>` is fine here: only the first is read. */
  if (!ts_node_is_null(params) && ts_node_named_child_count(params) > 0) {
    TSNode first = ts_node_named_child(params, 0);
    TSNode p = node_field(first, "pattern");
    if (!node_is(p, "identifier"))
      return true;
    l->param = arena_strndup(l->a, src->bytes + ts_node_start_byte(p),
                             ts_node_end_byte(p) - ts_node_start_byte(p));
  } else if (!(l->param = status_param(l->a, src, cb))) {
    return true;
  }
  ast_walk(node_field(cb, "body"), learn_in_callback, l);
  return true;
}

void status_map_learn(Arena *a, const Module *provider, StatusMap *out) {
  memset(out, 0, sizeof *out);
  Learn l = {a, provider, out, NULL};
  ast_walk(ts_tree_root_node(provider->tree), learn_subscribe_call, &l);
}

/* ---- the component's side ---- */

typedef struct Escape {
  const Source *src;
  const char *param;
  bool found;
} Escape;

/* A statement that leaves the callback or names the status. */
static bool find_escape(TSNode n, void *data) {
  Escape *e = data;
  static const char *const leaving[] = {"return_statement", "break_statement", "continue_statement",
                                        "yield_expression", "await_expression"};
  if (node_type_among(n, leaving, sizeof leaving / sizeof *leaving) >= 0 ||
      (node_is(n, "identifier") && node_text_eq(e->src, n, e->param)))
    e->found = true;
  return !e->found;
}

static bool stays_inside(const Source *src, TSNode n, const char *param) {
  Escape e = {src, param, false};
  ast_walk(n, find_escape, &e);
  return !e.found;
}

/* `case "A": case "B": ...; break;` as the only case that does something;
 * a `default:` may be there when it does nothing. */
static bool parse_switch(Arena *a, const Source *src, TSNode sw, const char *param,
                         StatusReaction *out) {
  TSNode value = node_unwrap(node_field(sw, "value"));
  if (!node_is(value, "identifier") || !node_text_eq(src, value, param))
    return false;
  TSNode body = node_field(sw, "body");
  bool done = false;
  for (uint32_t i = 0, k = ts_node_named_child_count(body); i < k; i++) {
    TSNode c = ts_node_named_child(body, i), st[STATUS_STATEMENTS + 1];
    if (node_is(c, "comment"))
      continue;
    bool is_default = node_is(c, "switch_default");
    TSNode label = is_default ? (TSNode){0} : node_unwrap(node_field(c, "value"));
    size_t n = 0, code = 0, last = 0;
    for (uint32_t j = 0, m = ts_node_named_child_count(c); j < m; j++) {
      TSNode s = ts_node_named_child(c, j);
      if (!is_default && ts_node_eq(s, node_field(c, "value")))
        continue;
      if (n == STATUS_STATEMENTS + 1)
        return false;
      if (!node_is(s, "comment"))
        code++, last = n;
      st[n++] = s; /* comments too: they go with the logic */
    }
    bool empty = code == 0 || (code == 1 && node_is(st[last], "break_statement"));
    if (is_default) {
      if (!empty)
        return false;
      continue;
    }
    if (done || !node_is(label, "string") || out->nstatus == STATUS_MAX)
      return false;
    StrBuf sb = {0};
    node_string_value(src, label, &sb);
    out->status[out->nstatus++] = arena_strdup(a, sb_cstr(&sb));
    sb_free(&sb);
    if (code == 0)
      continue; /* falls through to the next label */
    if (!node_is(st[last], "break_statement") || code == 1)
      return false;
    for (size_t j = 0; j < n; j++) {
      if (j == last)
        continue;
      if (!stays_inside(src, st[j], param))
        return false;
      out->stmts[out->nstmts++] = st[j];
    }
    done = true;
  }
  return done;
}

/* `setLive(status === "S")`: a function of the component's given whether
 * the status is S. */
static bool parse_tracker(Arena *a, const Source *src, TSNode expr, const char *param,
                          StatusReaction *out) {
  expr = node_unwrap(expr);
  if (!node_is(expr, "call_expression") || call_argument_count(expr) != 1)
    return false;
  TSNode callee = node_field(expr, "function");
  if (!node_is(callee, "identifier") || node_text_eq(src, callee, param) ||
      !statuses_tested(a, src, call_argument(expr, 0), param, out))
    return false;
  out->tracker = callee;
  return true;
}

bool status_reaction_parse(Arena *a, const Source *src, TSNode callback, StatusReaction *out) {
  memset(out, 0, sizeof *out);
  const char *param = node_is_function(callback) ? status_param(a, src, callback) : NULL;
  TSNode body = param ? node_field(callback, "body") : (TSNode){0};
  TSNode only[2];
  if (!ts_node_is_null(body) && !node_is(body, "statement_block"))
    return parse_tracker(a, src, body, param, out);
  if (!node_is(body, "statement_block") || block_statements(body, only, 2) != 1)
    return false;
  if (node_is(only[0], "expression_statement"))
    return parse_tracker(a, src, ts_node_named_child(only[0], 0), param, out);
  if (node_is(only[0], "switch_statement"))
    return parse_switch(a, src, only[0], param, out);
  if (!node_is(only[0], "if_statement") || !ts_node_is_null(node_field(only[0], "alternative")) ||
      !statuses_tested(a, src, node_field(only[0], "condition"), param, out))
    return false;
  out->then = node_field(only[0], "consequence");
  return stays_inside(src, out->then, param);
}
