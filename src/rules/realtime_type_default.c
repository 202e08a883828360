/* use-realtime-missing-type's suggestion: the default the hook declares for
 * `type` (see realtime_type_default.h). */
#include "rules/realtime_type_default.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope.h"

#include <stdlib.h>
#include <string.h>

/* How far an options object is followed into the functions it is passed to:
 * the hook and the helper that names the channel. */
#define FOLLOW_DEPTH 2

/* What the reads of `type` found so far say: one literal, or that some read
 * cannot be vouched for (then there is no default to write). */
typedef struct TypeDefault {
  RuleCtx *ctx;
  const char *literal;
  bool unknown;
} TypeDefault;

static void note_default(TypeDefault *td, const Module *m, TSNode value) {
  StrBuf sb = {0};
  TSNode lit = node_unwrap(value);
  if (!node_is(lit, "string") || !node_string_value(&m->src, lit, &sb) ||
      strpbrk(sb_cstr(&sb), "\"'\\\n\r") || !*sb_cstr(&sb))
    td->unknown = true; /* not one plain string literal */
  else if (!td->literal)
    td->literal = arena_strdup(td->ctx->arena, sb_cstr(&sb));
  else if (strcmp(td->literal, sb_cstr(&sb)) != 0)
    td->unknown = true; /* two defaults: which one applies depends on the path */
  sb_free(&sb);
}

static bool key_is_type(const Module *m, TSNode key) {
  return node_is(key, "property_identifier") ? node_text_eq(&m->src, key, "type")
                                             : object_key_is(&m->src, key, "type");
}

/* `{ type = "x", ... }` or `{ type: t = "x", ... }`. A `type` without a
 * default, a computed key, or a rest that may hold `type` leave it unknown;
 * a pattern that does not read `type` says nothing. */
static void read_pattern(TypeDefault *td, const Module *m, TSNode pattern) {
  bool has_type = false, has_rest = false;
  uint32_t n = ts_node_named_child_count(pattern);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(pattern, i);
    if (node_is(c, "object_assignment_pattern")) {
      TSNode left = node_field(c, "left");
      if (node_is(left, "shorthand_property_identifier_pattern") &&
          node_text_eq(&m->src, left, "type")) {
        has_type = true;
        note_default(td, m, node_field(c, "right"));
      }
    } else if (node_is(c, "shorthand_property_identifier_pattern")) {
      if (node_text_eq(&m->src, c, "type"))
        has_type = td->unknown = true;
    } else if (node_is(c, "pair_pattern")) {
      TSNode key = node_field(c, "key"), value = node_field(c, "value");
      if (node_is(key, "computed_property_name")) {
        td->unknown = true;
      } else if (key_is_type(m, key)) {
        has_type = true;
        if (node_is(value, "assignment_pattern"))
          note_default(td, m, node_field(value, "right"));
        else
          td->unknown = true;
      }
    } else if (node_is(c, "rest_pattern")) {
      has_rest = true;
    }
  }
  if (has_rest && !has_type)
    td->unknown = true;
}

static void read_parameter(TypeDefault *td, const Module *m, TSNode fn, TSNode param, int depth);

/* The i-th parameter of fn (comments skipped); null when it has fewer. */
static TSNode nth_parameter(TSNode fn, uint32_t index) {
  TSNode single = node_field(fn, "parameter");
  if (!ts_node_is_null(single))
    return index == 0 ? single : (TSNode){0};
  TSNode params = node_field(fn, "parameters");
  uint32_t n = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    if (node_is(p, "comment"))
      continue;
    if (index-- == 0)
      return p;
  }
  return (TSNode){0};
}

/* The options name handed to a call: followed into the called function's
 * parameter at the same position. */
static void read_argument(TypeDefault *td, const Module *m, TSNode ref, TSNode args, int depth) {
  TSNode call = scope_node_parent(m, args);
  uint32_t index = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
    TSNode a = ts_node_named_child(args, i);
    if (ts_node_eq(a, ref))
      break;
    if (!node_is(a, "comment"))
      index++;
  }
  const Module *tm;
  TSNode tfn;
  if (depth >= FOLLOW_DEPTH || !node_is(call, "call_expression") ||
      !resolve_call_target(td->ctx->res, m, call, &tm, &tfn)) {
    td->unknown = true;
    return;
  }
  TSNode param = nth_parameter(tfn, index);
  if (ts_node_is_null(param))
    return; /* the function ignores it */
  read_parameter(td, tm, tfn, param, depth + 1);
}

/* One use of the options name: a read of another property is harmless; a
 * destructuring or a call is followed; anything else may read `type`. */
static void read_use(TypeDefault *td, const Module *m, TSNode ref, int depth) {
  TSNode parent = scope_node_parent(m, ref);
  if (node_is(ref, "identifier") && node_is(parent, "member_expression") &&
      ts_node_eq(node_field(parent, "object"), ref)) {
    TSNode prop = node_field(parent, "property");
    if (!node_is(prop, "property_identifier") || node_text_eq(&m->src, prop, "type"))
      td->unknown = true;
  } else if (node_is(ref, "identifier") && node_is(parent, "variable_declarator") &&
             ts_node_eq(node_field(parent, "value"), ref) &&
             node_is(node_field(parent, "name"), "object_pattern")) {
    read_pattern(td, m, node_field(parent, "name"));
  } else if (node_is(ref, "identifier") && node_is(parent, "arguments")) {
    read_argument(td, m, ref, parent, depth);
  } else {
    td->unknown = true;
  }
}

typedef struct UseWalk {
  TypeDefault *td;
  const Module *m;
  TSNode fn;
  const char *name;
  int depth;
} UseWalk;

static bool visit_use(TSNode n, uint32_t depth, void *data) {
  (void)depth;
  UseWalk *w = data;
  if (w->td->unknown)
    return false;
  if ((node_is(n, "identifier") || node_is(n, "shorthand_property_identifier")) &&
      node_text_eq(&w->m->src, n, w->name)) {
    Binding b = scope_lookup(w->m, n, w->name);
    if (b.kind == BIND_PARAM && ts_node_eq(b.node, w->fn))
      read_use(w->td, w->m, n, w->depth);
  }
  return true;
}

/* A parameter: a pattern is read directly; a name through its uses in the
 * function's body. */
static void read_parameter(TypeDefault *td, const Module *m, TSNode fn, TSNode param, int depth) {
  TSNode pattern = param;
  if (node_is(param, "required_parameter") || node_is(param, "optional_parameter"))
    pattern = node_field(param, "pattern");
  if (node_is(pattern, "assignment_pattern"))
    pattern = node_field(pattern, "left");
  if (node_is(pattern, "object_pattern")) {
    read_pattern(td, m, pattern);
  } else if (node_is(pattern, "identifier")) {
    char *name = node_text_dup(&m->src, pattern);
    UseWalk w = {td, m, fn, name, depth};
    if (!ast_walk_named(node_field(fn, "body"), visit_use, &w))
      td->unknown = true; /* the budget stopped the walk */
    free(name);
  } else {
    td->unknown = true;
  }
}

const char *realtime_type_default(RuleCtx *ctx, TSNode call) {
  const Module *hook_mod;
  TSNode hook;
  if (!resolve_call_target(ctx->res, ctx->mod, call, &hook_mod, &hook))
    return NULL;
  TSNode param = nth_parameter(hook, 0);
  if (ts_node_is_null(param))
    return NULL;
  TypeDefault td = {ctx, NULL, false};
  read_parameter(&td, hook_mod, hook, param, 0);
  return td.unknown ? NULL : td.literal;
}
