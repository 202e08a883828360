/* The evaluator: an expression to the values it can take, through
 * constants, imports (exports.c), object members, calls and templates; the
 * values themselves are built in value_algebra.c. */
#include "resolve/value.h"

#include "core/timing.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"
#include "resolve/value_algebra.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define RESOLVE_MAX_ARGS 8

struct Frame {
  const Module *mod;
  TSNode fn;
  Value args[RESOLVE_MAX_ARGS];
  uint32_t nargs;
  Frame *parent;
};

/* What an object-like expression denotes. */
typedef enum ObjKind {
  OBJ_NONE,
  OBJ_LITERAL,
  OBJ_NAMESPACE,
  OBJ_STD_EVENTS,
  OBJ_STD_CHANNELS
} ObjKind;
typedef struct ObjRef {
  ObjKind kind;
  const Module *mod;
  TSNode node; /* the object literal */
} ObjRef;

void resolver_init(Resolver *r, Project *proj, Arena *arena) {
  memset(r, 0, sizeof *r);
  r->proj = proj;
  r->arena = arena;
}

static Value resolve_in(Resolver *r, const Module *m, TSNode n);

static Value resolve_template(Resolver *r, const Module *m, TSNode tpl) {
  Value acc = val_literal(r, m, tpl, "");
  uint32_t count = ts_node_named_child_count(tpl);
  /* Literal text lies between the named children; walk bytes to keep it. */
  uint32_t pos = ts_node_start_byte(tpl) + 1, end = ts_node_end_byte(tpl) - 1;
  bool all_standard_holes = true;
  for (uint32_t i = 0; i <= count; i++) {
    TSNode c = {0};
    uint32_t stop = end;
    if (i < count) {
      c = ts_node_named_child(tpl, i);
      if (!node_is(c, "template_substitution"))
        continue;
      stop = ts_node_start_byte(c);
    }
    if (stop > pos) {
      StrBuf sb = {0};
      js_unescape(m->src.bytes + pos, stop - pos, &sb);
      acc = val_concat(r, acc, val_literal(r, m, tpl, sb_cstr(&sb)));
      sb_free(&sb);
    }
    if (i == count)
      break;
    TSNode expr = ts_node_named_child(c, 0);
    Value hv = resolve_in(r, m, expr);
    if (hv.nalts == 0 || hv.has_unknown) {
      hv = val_hole(r, m, expr);
      all_standard_holes = false;
    } else {
      const char *src_text = val_node_src(r, m, expr);
      for (uint32_t a = 0; a < hv.nalts; a++) {
        all_standard_holes = all_standard_holes && hv.alts[a].from_standard;
        if (hv.alts[a].nparts == 1 && !hv.alts[a].parts[0].hole) {
          ValPart *p = arena_alloc(r->arena, sizeof *p);
          *p = hv.alts[a].parts[0];
          p->expr = src_text;
          hv.alts[a].parts = p;
        }
      }
    }
    acc = val_concat(r, acc, hv);
    pos = ts_node_end_byte(c);
  }
  (void)all_standard_holes;
  val_set_site(&acc, m, tpl);
  return acc;
}

static bool frame_param(Resolver *r, const Module *m, TSNode fn, const char *name, Value *out) {
  for (Frame *f = r->frame; f; f = f->parent) {
    if (f->mod != m || !ts_node_eq(f->fn, fn))
      continue;
    int idx = function_param_index(m, fn, name);
    if (idx < 0 || (uint32_t)idx >= f->nargs)
      return false;
    *out = f->args[idx];
    return true;
  }
  return false;
}

static ObjRef resolve_object(Resolver *r, const Module *m, TSNode n);
static Value resolve_import(Resolver *r, const Module *m, const Binding *b, const char *member);

static Value std_event_value(Resolver *r, const char *key) {
  const EventDef *ev = std_event_by_key(r->proj->std, key);
  if (!ev)
    return val_unknown();
  Value v = val_literal(r, NULL, (TSNode){0}, ev->value);
  v.alts[0].from_standard = true;
  v.alts[0].via_binding = true;
  return v;
}

/* Resolves a binding found by scope lookup to a value. */
static Value resolve_binding(Resolver *r, const Module *m, TSNode at, const Binding *b,
                             const char *name) {
  switch (b->kind) {
  case BIND_VALUE: {
    Value v = resolve_in(r, m, b->node);
    val_mark_binding(&v);
    return v;
  }
  case BIND_PARAM: {
    Value v;
    if (frame_param(r, m, b->node, name, &v))
      return v;
    return val_unknown();
  }
  case BIND_IMPORT:
    return resolve_import(r, m, b, NULL);
  default:
    return val_unknown();
  }
}

static Value resolve_export(Resolver *r, const Export *e, const char *name) {
  if (!e->found)
    return val_unknown();
  Value v = resolve_binding(r, e->mod, e->b.decl, &e->b, name);
  val_mark_binding(&v);
  return v;
}

static Value resolve_import(Resolver *r, const Module *m, const Binding *b, const char *member) {
  (void)member;
  const Module *t = resolve_import_target(r, m, b);
  if (!t)
    return val_unknown();
  Export e = resolve_find_export(r, t, b->imported, 0);
  return resolve_export(r, &e, b->imported);
}

static ObjRef obj_from_binding(Resolver *r, const Module *m, const Binding *b, const char *name,
                               int depth);

static ObjRef obj_from_node(Resolver *r, const Module *m, TSNode n, int depth) {
  ObjRef ref;
  memset(&ref, 0, sizeof ref);
  n = node_unwrap(n);
  if (depth > RESOLVE_MAX_DEPTH || ts_node_is_null(n))
    return ref;
  if (node_is(n, "object")) {
    ref.kind = OBJ_LITERAL;
    ref.mod = m;
    ref.node = n;
    return ref;
  }
  if (node_is(n, "identifier")) {
    char *name = node_text_dup(&m->src, n);
    Binding b = scope_lookup(m, n, name);
    ref = obj_from_binding(r, m, &b, name, depth + 1);
    free(name);
    return ref;
  }
  if (node_is(n, "member_expression")) {
    ObjRef parent = obj_from_node(r, m, node_field(n, "object"), depth + 1);
    char *prop = node_text_dup(&m->src, node_field(n, "property"));
    if (parent.kind == OBJ_LITERAL) {
      TSNode v = object_property(&parent.mod->src, parent.node, prop);
      if (!ts_node_is_null(v))
        ref = obj_from_node(r, parent.mod, v, depth + 1);
    } else if (parent.kind == OBJ_NAMESPACE) {
      Export e = resolve_find_export(r, parent.mod, prop, 0);
      if (e.found)
        ref = obj_from_binding(r, e.mod, &e.b, prop, depth + 1);
      else if (resolve_is_std_name(prop) &&
               resolve_spec_looks_standard(r->proj->std, parent.mod->fs_path))
        ref.kind = strcmp(prop, "UNIFIED_EVENTS") == 0 ? OBJ_STD_EVENTS : OBJ_STD_CHANNELS;
    }
    free(prop);
  }
  return ref;
}

static ObjRef obj_from_binding(Resolver *r, const Module *m, const Binding *b, const char *name,
                               int depth) {
  ObjRef ref;
  memset(&ref, 0, sizeof ref);
  if (b->kind == BIND_VALUE)
    return obj_from_node(r, m, b->node, depth + 1);
  if (b->kind != BIND_IMPORT)
    return ref;
  const Module *t = resolve_import_target(r, m, b);
  if (strcmp(b->imported, "*") == 0) {
    if (t) {
      ref.kind = OBJ_NAMESPACE;
      ref.mod = t;
    }
    return ref;
  }
  if (t) {
    Export e = resolve_find_export(r, t, b->imported, 0);
    if (e.found)
      return obj_from_binding(r, e.mod, &e.b, b->imported, depth + 1);
  }
  /* The standards module is not in the tree (or not resolvable): the
   * built-in catalog stands in for it. */
  if (resolve_is_std_name(b->imported) && resolve_spec_looks_standard(r->proj->std, b->source))
    ref.kind = strcmp(b->imported, "UNIFIED_EVENTS") == 0 ? OBJ_STD_EVENTS : OBJ_STD_CHANNELS;
  (void)name;
  return ref;
}

static ObjRef resolve_object(Resolver *r, const Module *m, TSNode n) {
  return obj_from_node(r, m, n, 0);
}

static Value resolve_member(Resolver *r, const Module *m, TSNode n) {
  TSNode prop_node = node_field(n, "property");
  if (!node_is(prop_node, "property_identifier"))
    return val_unknown();
  ObjRef obj = resolve_object(r, m, node_field(n, "object"));
  char *prop = node_text_dup(&m->src, prop_node);
  Value v = val_unknown();
  if (obj.kind == OBJ_STD_EVENTS) {
    v = std_event_value(r, prop);
  } else if (obj.kind == OBJ_LITERAL) {
    TSNode pv = object_property(&obj.mod->src, obj.node, prop);
    if (!ts_node_is_null(pv)) {
      if (node_is(pv, "shorthand_property_identifier")) {
        Binding b = scope_lookup(obj.mod, pv, prop);
        v = resolve_binding(r, obj.mod, pv, &b, prop);
      } else {
        Frame *saved = r->frame;
        r->frame = NULL;
        v = resolve_in(r, obj.mod, pv);
        r->frame = saved;
      }
      val_mark_binding(&v);
    }
  } else if (obj.kind == OBJ_NAMESPACE) {
    Export e = resolve_find_export(r, obj.mod, prop, 0);
    v = resolve_export(r, &e, prop);
  }
  free(prop);
  return v;
}

/* The callee of a call as a function node, or a built-in channel function. */
typedef struct Callee {
  const Module *mod;
  TSNode fn;
  const ChannelFn *std_channel;
} Callee;

static TSNode enclosing_class_member(const Module *m, TSNode at, const char *name) {
  for (TSNode n = ts_node_parent(at); !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (!node_is(n, "class_body"))
      continue;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; i++) {
      TSNode c = ts_node_named_child(n, i);
      TSNode nm = node_field(c, "name");
      if (node_is(c, "method_definition") && node_text_eq(&m->src, nm, name))
        return c;
      if (node_is(c, "public_field_definition") && node_text_eq(&m->src, nm, name)) {
        TSNode v = node_unwrap(node_field(c, "value"));
        if (node_is_function(v))
          return v;
      }
    }
    break;
  }
  TSNode null = {0};
  return null;
}

static Callee resolve_callee(Resolver *r, const Module *m, TSNode fn_expr) {
  Callee c;
  memset(&c, 0, sizeof c);
  TSNode f = node_unwrap(fn_expr);
  if (node_is(f, "identifier")) {
    char *name = node_text_dup(&m->src, f);
    Binding b = scope_lookup(m, f, name);
    if (b.kind == BIND_FUNCTION) {
      c.mod = m;
      c.fn = b.node;
    } else if (b.kind == BIND_IMPORT) {
      const Module *t = resolve_import_target(r, m, &b);
      Export e = t ? resolve_find_export(r, t, b.imported, 0) : (Export){0};
      if (e.found && e.b.kind == BIND_FUNCTION) {
        c.mod = e.mod;
        c.fn = e.b.node;
      }
    }
    free(name);
    return c;
  }
  if (!node_is(f, "member_expression"))
    return c;
  TSNode obj_node = node_field(f, "object");
  char *prop = node_text_dup(&m->src, node_field(f, "property"));
  if (node_is(obj_node, "this")) {
    TSNode member = enclosing_class_member(m, f, prop);
    if (!ts_node_is_null(member)) {
      c.mod = m;
      c.fn = member;
    }
  } else {
    ObjRef obj = resolve_object(r, m, obj_node);
    if (obj.kind == OBJ_STD_CHANNELS) {
      c.std_channel = std_channel_by_name(r->proj->std, prop);
    } else if (obj.kind == OBJ_LITERAL) {
      TSNode pv = node_unwrap(object_property(&obj.mod->src, obj.node, prop));
      if (node_is_function(pv)) {
        c.mod = obj.mod;
        c.fn = pv;
      }
    } else if (obj.kind == OBJ_NAMESPACE) {
      Export e = resolve_find_export(r, obj.mod, prop, 0);
      if (e.found && e.b.kind == BIND_FUNCTION) {
        c.mod = e.mod;
        c.fn = e.b.node;
      }
    }
  }
  free(prop);
  return c;
}

/* A built-in UNIFIED_CHANNELS function applied to resolved arguments. */
static Value apply_std_channel(Resolver *r, const ChannelFn *fn, const Value *args,
                               uint32_t nargs) {
  Value acc = val_literal(r, NULL, (TSNode){0}, "");
  const char *s = fn->shape;
  while (*s) {
    const char *brace = strchr(s, '{');
    size_t lit = brace ? (size_t)(brace - s) : strlen(s);
    if (lit) {
      char *t = arena_strndup(r->arena, s, lit);
      acc = val_concat(r, acc, val_literal(r, NULL, (TSNode){0}, t));
    }
    if (!brace)
      break;
    unsigned idx = (unsigned)strtoul(brace + 1, NULL, 10);
    if (idx >= nargs || args[idx].nalts == 0)
      return val_unknown();
    acc = val_concat(r, acc, args[idx]);
    const char *close = strchr(brace, '}');
    s = close ? close + 1 : brace + strlen(brace);
  }
  for (uint32_t i = 0; i < acc.nalts; i++) {
    acc.alts[i].from_standard = true;
    acc.alts[i].site_mod = NULL;
    acc.alts[i].via_binding = true;
  }
  return acc;
}

static Value resolve_call(Resolver *r, const Module *m, TSNode call) {
  Callee c = resolve_callee(r, m, node_field(call, "function"));
  if (!c.std_channel && !c.mod)
    return val_unknown();
  Frame *frame = arena_calloc(r->arena, sizeof *frame);
  uint32_t nargs = call_argument_count(call);
  if (nargs > RESOLVE_MAX_ARGS)
    return val_unknown();
  for (uint32_t i = 0; i < nargs; i++) {
    TSNode arg = call_argument(call, i);
    Value av = resolve_in(r, m, arg);
    if (av.nalts == 0 || av.has_unknown)
      av = val_hole(r, m, arg);
    else
      for (uint32_t a = 0; a < av.nalts; a++)
        if (av.alts[a].nparts == 1 && !av.alts[a].parts[0].hole) {
          ValPart *p = arena_alloc(r->arena, sizeof *p);
          *p = av.alts[a].parts[0];
          p->expr = val_node_src(r, m, arg);
          av.alts[a].parts = p;
        }
    frame->args[i] = av;
  }
  frame->nargs = nargs;
  if (c.std_channel)
    return apply_std_channel(r, c.std_channel, frame->args, nargs);
  TSNode rets[8];
  size_t nret = function_returns(c.fn, rets, 8);
  if (nret == 0)
    return val_unknown();
  frame->mod = c.mod;
  frame->fn = c.fn;
  frame->parent = r->frame;
  Frame *saved = r->frame;
  r->frame = frame;
  Value v = {NULL, 0, false};
  for (size_t i = 0; i < nret; i++)
    v = val_join(r, v, resolve_in(r, c.mod, rets[i]));
  r->frame = saved;
  val_mark_binding(&v);
  return v;
}

/* `a + b`: an operand that cannot be resolved becomes a hole, as in a
 * template; with no literal text on either side nothing is known. */
static Value resolve_concat(Resolver *r, const Module *m, TSNode n) {
  if (!node_text_eq(&m->src, node_field(n, "operator"), "+"))
    return val_unknown();
  TSNode sides[2] = {node_field(n, "left"), node_field(n, "right")};
  Value vals[2];
  int known = 0;
  for (int i = 0; i < 2; i++) {
    vals[i] = resolve_in(r, m, sides[i]);
    if (vals[i].nalts == 0 || vals[i].has_unknown)
      vals[i] = val_hole(r, m, sides[i]);
    else
      known++;
  }
  if (known == 0)
    return val_unknown();
  Value v = val_concat(r, vals[0], vals[1]);
  if (v.nalts)
    val_set_site(&v, m, n);
  return v;
}

static Value resolve_identifier(Resolver *r, const Module *m, TSNode n) {
  char *name = node_text_dup(&m->src, n);
  Binding b = scope_lookup(m, n, name);
  Value v = resolve_binding(r, m, n, &b, name);
  free(name);
  return v;
}

static Value resolve_in(Resolver *r, const Module *m, TSNode n) {
  n = node_unwrap(n);
  if (ts_node_is_null(n) || r->depth > RESOLVE_MAX_DEPTH)
    return val_unknown();
  r->depth++;
  Value v = val_unknown();
  if (node_is(n, "string")) {
    StrBuf sb = {0};
    node_string_value(&m->src, n, &sb);
    v = val_literal(r, m, n, sb_cstr(&sb));
    sb_free(&sb);
  } else if (node_is(n, "template_string")) {
    v = resolve_template(r, m, n);
  } else if (node_is(n, "binary_expression")) {
    v = resolve_concat(r, m, n);
  } else if (node_is(n, "ternary_expression")) {
    v = val_join(r, resolve_in(r, m, node_field(n, "consequence")),
                 resolve_in(r, m, node_field(n, "alternative")));
  } else if (node_is(n, "identifier")) {
    v = resolve_identifier(r, m, n);
  } else if (node_is(n, "member_expression")) {
    v = resolve_member(r, m, n);
  } else if (node_is(n, "call_expression")) {
    v = resolve_call(r, m, n);
  }
  r->depth--;
  return v;
}

Value resolve_expr(Resolver *r, const Module *m, TSNode expr) {
  char key[80];
  snprintf(key, sizeof key, "%p:%u:%u:%u", (const void *)m, ts_node_start_byte(expr),
           ts_node_end_byte(expr), (unsigned)ts_node_symbol(expr));
  const Value *known = strmap_get(&r->memo, key);
  if (known)
    return *known;
  r->depth = 0;
  timing_enter(TIMING_RESOLVE);
  Value *v = arena_alloc(r->arena, sizeof *v);
  *v = resolve_in(r, m, expr);
  timing_leave();
  strmap_put(&r->memo, key, v);
  return *v;
}
