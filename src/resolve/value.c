/* The evaluator: an expression to the values it can take, through
 * constants, imports (exports.c), object members, calls and templates; the
 * values themselves are built in value_algebra.c. */
#include "resolve/value.h"

#include "core/timing.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/narrow.h"
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
  /* The arguments as written at the call, in `caller`, read in the context
   * of `parent` (an object literal's properties). */
  TSNode arg_nodes[RESOLVE_MAX_ARGS];
  const Module *caller;
  uint32_t nargs;
  Frame *parent;
};

/* How many returns of one function are followed. */
#define RESOLVE_MAX_RETURNS 16

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
static Value resolve_binding(Resolver *r, const Module *m, TSNode at, const Binding *b,
                             const char *name);

/* The innermost frame of a call of fn of m, or NULL. */
static Frame *frame_of(Resolver *r, const Module *m, TSNode fn) {
  for (Frame *f = r->frame; f; f = f->parent)
    if (f->mod == m && ts_node_eq(f->fn, fn))
      return f;
  return NULL;
}

/* Whether the expression `top` is written to: assigned, updated, deleted,
 * or a target of destructuring. */
static bool written_at(const Module *m, TSNode top) {
  TSNode p = scope_node_parent(m, top);
  if (ts_node_is_null(p))
    return false;
  if (node_is(p, "assignment_expression") || node_is(p, "augmented_assignment_expression") ||
      node_is(p, "for_in_statement"))
    return ts_node_eq(node_field(p, "left"), top);
  if (node_is(p, "unary_expression")) {
    TSNode op = node_field(p, "operator");
    return !ts_node_is_null(op) && strcmp(ts_node_type(op), "delete") == 0;
  }
  return node_is(p, "update_expression") || node_is(p, "array_pattern") ||
         node_is(p, "object_pattern") || node_is(p, "pair_pattern") ||
         node_is(p, "assignment_pattern") || node_is(p, "object_assignment_pattern") ||
         node_is(p, "rest_pattern");
}

typedef struct Untouched {
  const Module *m;
  const char *name;
  bool members_only;
  bool ok;
} Untouched;

static bool untouched_visit(TSNode n, void *data) {
  Untouched *u = data;
  if (!u->ok)
    return false;
  bool shorthand = node_is(n, "shorthand_property_identifier");
  if ((!shorthand && !node_is(n, "identifier")) || !node_text_eq(&u->m->src, n, u->name))
    return true;
  TSNode p = scope_node_parent(u->m, n);
  if (!shorthand && node_is(p, "member_expression") && ts_node_eq(node_field(p, "object"), n)) {
    TSNode top = p;
    for (p = scope_node_parent(u->m, top);
         node_is(p, "member_expression") && ts_node_eq(node_field(p, "object"), top);
         p = scope_node_parent(u->m, top))
      top = p;
    bool called = node_is(p, "call_expression") && ts_node_eq(node_field(p, "function"), top);
    u->ok = !written_at(u->m, top) && !(u->members_only && called);
    return true;
  }
  u->ok = !u->members_only && !written_at(u->m, n);
  return true;
}

/* Whether fn of m leaves parameter `name` as the call passed it: never
 * assigned (a string stays the argument's), and with `members_only` only
 * mentioned to read its properties (no method called on it, nor handed to a
 * function that could change them), so an object literal's properties stay
 * as written. A function of the source alone: remembered. */
static bool param_untouched(Resolver *r, const Module *m, TSNode fn, const char *name,
                            bool members_only) {
  static const bool yes = true, no = false;
  char *key = xasprintf("untouched:%p:%u:%d:%s", (const void *)m, ts_node_start_byte(fn),
                        members_only, name);
  const bool *known = strmap_get(&r->memo, key);
  if (!known) {
    Untouched u = {m, name, members_only, true};
    TSNode body = node_field(fn, "body");
    if (!ts_node_is_null(body))
      ast_walk(body, untouched_visit, &u);
    known = u.ok ? &yes : &no;
    strmap_put(&r->memo, key, (void *)known);
  }
  free(key);
  return *known;
}

typedef enum PropLookup { PROP_UNSURE, PROP_ABSENT, PROP_FOUND } PropLookup;

/* Where a property of an object the call passed is written: its value node
 * (the identifier of a shorthand) in `mod`, read in the context `ctx`. */
typedef struct ArgProp {
  const Module *mod;
  Frame *ctx;
  TSNode value;
} ArgProp;

/* Property `key` of an object literal as written: the last of that name wins;
 * a spread or a computed key after it (anywhere, when there is none) may
 * bring another. */
static PropLookup literal_property(const Source *src, TSNode obj, const char *key, TSNode *value) {
  PropLookup res = PROP_ABSENT;
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(obj, i);
    TSNode k = node_is(c, "pair") ? node_field(c, "key") : node_field(c, "name");
    if (node_is(c, "comment"))
      continue;
    if (node_is(c, "shorthand_property_identifier")) {
      if (node_text_eq(src, c, key)) {
        res = PROP_FOUND;
        *value = c;
      }
    } else if ((node_is(c, "pair") || node_is(c, "method_definition")) &&
               !node_is(k, "computed_property_name")) {
      if (object_key_is(src, k, key)) {
        res = PROP_FOUND;
        *value = node_is(c, "pair") ? node_field(c, "value") : c;
      }
    } else {
      res = PROP_UNSURE;
    }
  }
  return res;
}

/* `p.kind` (or `p.a.b`) where p is a parameter of the function being
 * evaluated and the call passed an object literal (with `a: { b }` inside):
 * the property as the call wrote it. PROP_UNSURE when p is no such
 * parameter, the function may change the object, or the literal cannot say. */
static PropLookup argument_property(Resolver *r, const Module *m, TSNode member, ArgProp *out,
                                    int depth) {
  member = node_unwrap(member);
  TSNode prop = node_field(member, "property");
  if (!node_is(member, "member_expression") || !node_is(prop, "property_identifier") ||
      depth > RESOLVE_MAX_DEPTH)
    return PROP_UNSURE;
  TSNode obj = node_unwrap(node_field(member, "object"));
  ArgProp holder = {0};
  if (node_is(obj, "identifier")) {
    char *name = node_text_dup(&m->src, obj);
    Binding b = scope_lookup(m, obj, name);
    Frame *f = b.kind == BIND_PARAM ? frame_of(r, m, b.node) : NULL;
    int idx = f ? function_param_index(m, b.node, name) : -1;
    bool ok = idx >= 0 && (uint32_t)idx < f->nargs && param_untouched(r, m, b.node, name, true);
    free(name);
    if (!ok)
      return PROP_UNSURE;
    holder = (ArgProp){f->caller, f->parent, f->arg_nodes[idx]};
  } else if (argument_property(r, m, obj, &holder, depth + 1) != PROP_FOUND) {
    return PROP_UNSURE;
  }
  TSNode lit = node_unwrap(holder.value);
  if (!node_is(lit, "object"))
    return PROP_UNSURE;
  char *key = node_text_dup(&m->src, prop);
  TSNode v = {0};
  PropLookup res = literal_property(&holder.mod->src, lit, key, &v);
  free(key);
  if (res == PROP_FOUND)
    *out = (ArgProp){holder.mod, holder.ctx, v};
  return res;
}

/* The value of a property the call wrote, read where the call is. */
static Value argument_property_value(Resolver *r, const ArgProp *p) {
  Frame *saved = r->frame;
  r->frame = p->ctx;
  Value v;
  if (node_is(p->value, "shorthand_property_identifier")) {
    char *name = node_text_dup(&p->mod->src, p->value);
    Binding b = scope_lookup(p->mod, p->value, name);
    v = resolve_binding(r, p->mod, p->value, &b, name);
    free(name);
  } else {
    v = resolve_in(r, p->mod, p->value);
  }
  r->frame = saved;
  return v;
}

/* What a value written at a call (an argument, a property of an object
 * argument) stands for inside the function: unknown becomes a hole spelled
 * as the call spells it; a piece of known text remembers that expression. */
static Value as_argument(Resolver *r, const Module *m, TSNode written, Value av) {
  if (av.nalts == 0 || av.has_unknown)
    return val_hole(r, m, written);
  for (uint32_t a = 0; a < av.nalts; a++)
    if (av.alts[a].nparts == 1 && !av.alts[a].parts[0].hole) {
      ValPart *p = arena_alloc(r->arena, sizeof *p);
      *p = av.alts[a].parts[0];
      p->expr = val_node_src(r, m, written);
      av.alts[a].parts = p;
    }
  return av;
}

/* Every value of v as a string, when v is exactly known. */
static bool known_of_value(Resolver *r, const Value *v, Known *out) {
  if (v->nalts == 0 || v->has_unknown || v->nalts > NARROW_MAX_STRINGS)
    return false;
  for (uint32_t i = 0; i < v->nalts; i++) {
    const char *t = val_alt_literal(r->arena, &v->alts[i]);
    if (!t)
      return false;
    out->s[out->n++] = t;
  }
  return true;
}

typedef struct OracleCtx {
  Resolver *r;
  const Module *m;
} OracleCtx;

static bool is_plain_literal(TSNode e) {
  if (node_is(e, "string"))
    return true;
  return node_is(e, "template_string") &&
         ts_node_is_null(node_child_of(e, "template_substitution"));
}

/* The narrowing oracle (resolve/narrow.h) inside the function a frame
 * evaluates: literals, `undefined`, and what the call passed for a parameter
 * or for a property of an object parameter. */
static bool known_operand(void *data, TSNode expr, bool any, Known *out) {
  OracleCtx *c = data;
  Resolver *r = c->r;
  const Module *m = c->m;
  TSNode e = node_unwrap(expr);
  memset(out, 0, sizeof *out);
  if (ts_node_is_null(e))
    return false;
  if (is_plain_literal(e)) {
    Value v = resolve_in(r, m, e);
    return known_of_value(r, &v, out);
  }
  if (node_is(e, "identifier")) {
    char *name = node_text_dup(&m->src, e);
    Binding b = scope_lookup(m, e, name);
    bool done = false;
    if (b.kind == BIND_NONE && strcmp(name, "undefined") == 0) {
      out->undef = done = true;
    } else if (b.kind == BIND_PARAM) {
      Frame *f = frame_of(r, m, b.node);
      int idx = f ? function_param_index(m, b.node, name) : -1;
      done = idx >= 0 && (uint32_t)idx < f->nargs && param_untouched(r, m, b.node, name, false) &&
             known_of_value(r, &f->args[idx], out);
    }
    free(name);
    if (done)
      return true;
  } else if (node_is(e, "member_expression")) {
    ArgProp p;
    PropLookup pl = argument_property(r, m, e, &p, 0);
    if (pl == PROP_ABSENT) {
      out->undef = true;
      return true;
    }
    if (pl == PROP_FOUND) {
      Value v = argument_property_value(r, &p);
      if (known_of_value(r, &v, out))
        return true;
      memset(out, 0, sizeof *out);
    }
  }
  if (!any)
    return false;
  Value v = resolve_in(r, m, e);
  return known_of_value(r, &v, out);
}

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
/* The alternatives are the caller's to change (marks, sites); what is
 * remembered keeps its own. */
static Value val_own_copy(Resolver *r, Value v) {
  if (v.nalts) {
    ValAlt *alts = arena_alloc(r->arena, v.nalts * sizeof *alts);
    memcpy(alts, v.alts, v.nalts * sizeof *alts);
    v.alts = alts;
  }
  return v;
}

/* A declaration's value is the same from every use: a constant read at two
 * thousand call sites is resolved once. Not remembered: a value read while a
 * call's arguments stand for its parameters (a frame), or one the depth bound
 * cut short, which a shallower use could resolve further. */
static Value resolve_declared(Resolver *r, const Module *m, TSNode value) {
  if (r->frame)
    return resolve_in(r, m, value);
  char key[STRMAP_NUM_KEY_SIZE(5)];
  strmap_num_key(key,
                 (unsigned long long[]){0xdec1, (uintptr_t)m, ts_node_start_byte(value),
                                        ts_node_end_byte(value), ts_node_symbol(value)},
                 5);
  const Value *known = strmap_get(&r->memo, key);
  if (known)
    return val_own_copy(r, *known);
  bool was_cut = r->cut;
  r->cut = false;
  Value v = resolve_in(r, m, value);
  if (!r->cut) {
    Value *keep = arena_alloc(r->arena, sizeof *keep);
    *keep = val_own_copy(r, v);
    strmap_put(&r->memo, key, keep);
  }
  r->cut = r->cut || was_cut;
  return v;
}

static Value resolve_binding(Resolver *r, const Module *m, TSNode at, const Binding *b,
                             const char *name) {
  switch (b->kind) {
  case BIND_VALUE: {
    Value v = resolve_declared(r, m, b->node);
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

/* Objects with more members than this are indexed on their first lookup. */
#define INDEXED_OBJECT_MEMBERS 64

typedef struct IndexFill {
  StrMap *index;
  Arena *arena;
} IndexFill;

/* The first member of a name wins, as in object_property. */
static bool index_member(const char *key, TSNode value, void *data) {
  IndexFill *f = data;
  if (!strmap_get(f->index, key)) {
    TSNode *v = arena_alloc(f->arena, sizeof *v);
    *v = value;
    strmap_put(f->index, key, v);
  }
  return true;
}

static StrMap *object_index(Resolver *r, const Module *m, TSNode object) {
  char id[STRMAP_NUM_KEY_SIZE(2)];
  strmap_num_key(id, (unsigned long long[]){(uintptr_t)m, ts_node_start_byte(object)}, 2);
  StrMap *index = strmap_get(&r->objects, id);
  if (index)
    return index;
  index = xcalloc(1, sizeof *index);
  IndexFill fill = {index, r->arena};
  object_each_member(&m->src, object, index_member, &fill);
  strmap_put(&r->objects, id, index);
  return index;
}

/* object_property, through an index for a large object. */
static TSNode member_by_key(Resolver *r, const Module *m, TSNode object, const char *key) {
  if (!node_is(object, "object") || ts_node_named_child_count(object) <= INDEXED_OBJECT_MEMBERS)
    return object_property(&m->src, object, key);
  TSNode *v = strmap_get(object_index(r, m, object), key);
  return v ? *v : (TSNode){0};
}

static Value resolve_member(Resolver *r, const Module *m, TSNode n) {
  TSNode prop_node = node_field(n, "property");
  if (!node_is(prop_node, "property_identifier"))
    return val_unknown();
  if (r->frame) { /* `config.orgId` with config = { orgId } at the call */
    ArgProp p;
    PropLookup pl = argument_property(r, m, n, &p, 0);
    if (pl == PROP_FOUND)
      return as_argument(r, p.mod, p.value, argument_property_value(r, &p));
    if (pl == PROP_ABSENT)
      return val_unknown();
  }
  ObjRef obj = resolve_object(r, m, node_field(n, "object"));
  char *prop = node_text_dup(&m->src, prop_node);
  Value v = val_unknown();
  if (obj.kind == OBJ_STD_EVENTS) {
    v = std_event_value(r, prop);
  } else if (obj.kind == OBJ_LITERAL) {
    TSNode pv = member_by_key(r, obj.mod, obj.node, prop);
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

/* The method (or function-valued field) name of a class body. */
static TSNode body_member(const Module *m, TSNode body, const char *name) {
  uint32_t count = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_named_child(body, i);
    TSNode nm = node_field(c, "name");
    if (node_is(c, "method_definition") && node_text_eq(&m->src, nm, name))
      return c;
    if (node_is(c, "public_field_definition") && node_text_eq(&m->src, nm, name)) {
      TSNode v = node_unwrap(node_field(c, "value"));
      if (node_is_function(v))
        return v;
    }
  }
  return (TSNode){0};
}

/* The class around at (the innermost one), or a null node. */
static TSNode enclosing_class(const Module *m, TSNode at) {
  for (TSNode n = scope_node_parent(m, at); !ts_node_is_null(n); n = scope_node_parent(m, n))
    if (node_is(n, "class_body"))
      return scope_node_parent(m, n);
  return (TSNode){0};
}

/* What `class X extends Base` extends: the Base expression, or a null node. */
static TSNode class_base(TSNode cls) {
  TSNode extends = node_child_of(node_child_of(cls, "class_heritage"), "extends_clause");
  return ts_node_is_null(extends) ? extends : node_unwrap(node_field(extends, "value"));
}

static Callee resolve_callee_at(Resolver *r, const Module *m, TSNode fn_expr, int depth);

/* The function an expression of module m denotes: an inline or local function,
 * a local useCallback(fn), or an imported function. */
static Callee function_value(Resolver *r, const Module *m, TSNode v, int depth) {
  Callee c;
  memset(&c, 0, sizeof c);
  v = node_unwrap(v);
  if (ts_node_is_null(v) || depth > RESOLVE_MAX_DEPTH)
    return c;
  TSNode local = scope_function_of(m, v);
  if (!ts_node_is_null(local)) {
    c.mod = m;
    c.fn = local;
    return c;
  }
  if (node_is(v, "identifier") || node_is(v, "shorthand_property_identifier"))
    return resolve_callee_at(r, m, v, depth + 1);
  return c;
}

typedef struct ProviderScan {
  const Module *m;
  const char *name; /* "Ctx.Provider" */
  TSNode value;     /* the expression of its value={...} */
} ProviderScan;

static bool find_provider(TSNode n, void *data) {
  ProviderScan *ps = data;
  if (!ts_node_is_null(ps->value))
    return false;
  if (!node_is(n, "jsx_opening_element") && !node_is(n, "jsx_self_closing_element"))
    return true;
  if (!node_text_eq(&ps->m->src, node_field(n, "name"), ps->name))
    return true;
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; i++) {
    TSNode a = ts_node_named_child(n, i);
    if (!node_is(a, "jsx_attribute"))
      continue;
    TSNode key = ts_node_named_child(a, 0), v = ts_node_named_child(a, 1);
    if (node_text_eq(&ps->m->src, key, "value") && node_is(v, "jsx_expression"))
      ps->value = ts_node_named_child(v, 0);
  }
  return true;
}

/* The object literal a value is: written there, held by a const, made by
 * useMemo(() => ({ ... })), or read with useContext(Ctx) from the value the
 * module's own <Ctx.Provider value={...}> gives. */
static TSNode object_of_value(const Module *m, TSNode v, int depth) {
  v = node_unwrap(v);
  if (ts_node_is_null(v) || depth > RESOLVE_MAX_DEPTH)
    return (TSNode){0};
  if (node_is(v, "object"))
    return v;
  if (node_is(v, "identifier")) {
    char *name = node_text_dup(&m->src, v);
    Binding b = scope_lookup(m, v, name);
    free(name);
    return b.kind == BIND_VALUE ? object_of_value(m, b.node, depth + 1) : (TSNode){0};
  }
  if (!node_is(v, "call_expression"))
    return (TSNode){0};
  uint32_t len;
  const char *callee = call_callee_name(&m->src, v, &len);
  TSNode arg = node_unwrap(call_argument(v, 0));
  if (callee && mem_eq_str(callee, len, "useMemo") && node_is_function(arg)) {
    TSNode rets[1];
    return function_returns(arg, rets, 1) ? object_of_value(m, rets[0], depth + 1) : (TSNode){0};
  }
  if (callee && mem_eq_str(callee, len, "useContext") && node_is(arg, "identifier")) {
    char *ctx = node_text_dup(&m->src, arg);
    char *provider = xasprintf("%s.Provider", ctx);
    ProviderScan ps = {m, provider, {{0}, NULL, NULL}};
    ast_walk(ts_tree_root_node(m->tree), find_provider, &ps);
    free(provider);
    free(ctx);
    return ts_node_is_null(ps.value) ? ps.value : object_of_value(m, ps.value, depth + 1);
  }
  return (TSNode){0};
}

/* The function a call (a hook, a factory; awaited or not) returns under
 * property key: `{ broadcast }` returned directly or through a const. */
static Callee call_result_property(Resolver *r, const Module *m, TSNode value, const char *key,
                                   int depth) {
  Callee c;
  memset(&c, 0, sizeof c);
  value = node_unwrap(value);
  if (node_is(value, "await_expression"))
    value = node_unwrap(ts_node_named_child(value, 0));
  if (!node_is(value, "call_expression") || depth > RESOLVE_MAX_DEPTH)
    return c;
  Callee hook = resolve_callee_at(r, m, node_field(value, "function"), depth + 1);
  TSNode rets[8];
  size_t nret = hook.mod ? function_returns(hook.fn, rets, 8) : 0;
  for (size_t i = 0; i < nret && !c.mod; i++) {
    TSNode o = object_of_value(hook.mod, rets[i], depth + 1);
    if (ts_node_is_null(o))
      continue;
    TSNode pv = object_property(&hook.mod->src, o, key);
    if (!ts_node_is_null(pv))
      c = function_value(r, hook.mod, pv, depth + 1);
  }
  return c;
}

/* `const { broadcast } = useRealtime(...)` (or `= await makeClient()`): the
 * function the called hook or factory returns under that property. */
static Callee destructured_result(Resolver *r, const Module *m, const Binding *b, int depth) {
  Callee c;
  memset(&c, 0, sizeof c);
  TSNode el = b->decl, parent = scope_node_parent(m, el);
  char *key = NULL;
  if (node_is(el, "shorthand_property_identifier_pattern")) {
    key = node_text_dup(&m->src, el);
  } else if (node_is(parent, "pair_pattern")) {
    key = node_text_dup(&m->src, node_field(parent, "key"));
    parent = scope_node_parent(m, parent);
  } else {
    return c;
  }
  TSNode decl = scope_node_parent(m, parent);
  if (!node_is(parent, "object_pattern") || !node_is(decl, "variable_declarator")) {
    free(key);
    return c;
  }
  c = call_result_property(r, m, node_field(decl, "value"), key, depth);
  free(key);
  return c;
}

static bool class_of_expr(Resolver *r, const Module *m, TSNode e, const Module **cm, TSNode *cls,
                          int depth);

static bool is_class_node(TSNode n) {
  return node_is(n, "class_declaration") || node_is(n, "class") ||
         node_is(n, "abstract_class_declaration");
}

/* The class a top-level name denotes (declared here or imported), or the
 * class of the instance it holds (`export const client = new Client()`).
 * Types and classes are declared at the top: a lookup from inside a
 * parameter list would take `room: Room` for a parameter named Room. */
static bool class_named(Resolver *r, const Module *m, const char *name, const Module **cm,
                        TSNode *cls, int depth) {
  if (depth > RESOLVE_MAX_DEPTH)
    return false;
  Binding b = scope_lookup_toplevel(m, name);
  if (b.kind == BIND_CLASS) {
    *cm = m;
    *cls = b.node;
    return true;
  }
  if (b.kind == BIND_VALUE)
    return class_of_expr(r, m, b.node, cm, cls, depth + 1);
  if (b.kind != BIND_IMPORT)
    return false;
  const Module *t = resolve_import_target(r, m, &b);
  Export e = t ? resolve_find_export(r, t, b.imported, 0) : (Export){0};
  if (!e.found)
    return false;
  if (e.b.kind == BIND_CLASS || is_class_node(e.b.node)) {
    *cm = e.mod;
    *cls = e.b.node;
    return true;
  }
  return e.b.kind == BIND_VALUE && class_of_expr(r, e.mod, e.b.node, cm, cls, depth + 1);
}

/* A type's members as written: an object type literal, or an interface
 * (or a type alias of an object type) declared at the top of m. */
TSNode value_object_type_of(const Module *m, TSNode t) {
  if (node_is(t, "type_annotation"))
    t = ts_node_named_child(t, 0);
  if (node_is(t, "object_type"))
    return t;
  if (!node_is(t, "type_identifier"))
    return (TSNode){0};
  /* Looked up in a table built once per tree: one scan of the top-level
   * statements per lookup made a file of n components quadratic. */
  char *name = node_text_dup(&m->src, t);
  TSNode found = scope_index_object_type(m, scope_index_of(m), name);
  free(name);
  return found;
}

/* The class a type names (`Room`, `Room<T>`, `: Room` annotations). */
static bool class_of_type(Resolver *r, const Module *m, TSNode t, const Module **cm, TSNode *cls,
                          int depth) {
  if (node_is(t, "type_annotation"))
    t = ts_node_named_child(t, 0);
  if (node_is(t, "generic_type"))
    t = node_field(t, "name");
  if (!node_is(t, "type_identifier"))
    return false;
  char *name = node_text_dup(&m->src, t);
  bool ok = class_named(r, m, name, cm, cls, depth + 1);
  free(name);
  return ok;
}

/* The class of member `name` of an object type (`{ room: Room }`, Props). */
static bool class_of_member_type(Resolver *r, const Module *m, TSNode type, const char *name,
                                 const Module **cm, TSNode *cls, int depth) {
  TSNode obj = value_object_type_of(m, type);
  if (ts_node_is_null(obj))
    return false;
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(obj, i);
    if (node_is(p, "property_signature") && node_text_eq(&m->src, node_field(p, "name"), name))
      return class_of_type(r, m, node_field(p, "type"), cm, cls, depth + 1);
  }
  return false;
}

static TSNode enclosing_class_body(const Module *m, TSNode at) {
  for (TSNode n = scope_node_parent(m, at); !ts_node_is_null(n); n = scope_node_parent(m, n))
    if (node_is(n, "class_body"))
      return n;
  return (TSNode){0};
}

/* `this.room` inside a class: the class of the field's type or initializer,
 * or of a constructor parameter property (`constructor(private room: Room)`). */
static bool class_of_field(Resolver *r, const Module *m, TSNode member, const Module **cm,
                           TSNode *cls, int depth) {
  TSNode body = enclosing_class_body(m, member);
  TSNode prop = node_field(member, "property");
  if (ts_node_is_null(body) || ts_node_is_null(prop))
    return false;
  char *name = node_text_dup(&m->src, prop);
  bool ok = false;
  uint32_t count = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < count && !ok; i++) {
    TSNode c = ts_node_named_child(body, i);
    if (node_is(c, "public_field_definition") &&
        node_text_eq(&m->src, node_field(c, "name"), name)) {
      ok = class_of_type(r, m, node_field(c, "type"), cm, cls, depth + 1) ||
           class_of_expr(r, m, node_field(c, "value"), cm, cls, depth + 1);
    } else if (node_is(c, "method_definition") &&
               node_text_eq(&m->src, node_field(c, "name"), "constructor")) {
      TSNode params = node_field(c, "parameters");
      uint32_t pn = ts_node_named_child_count(params);
      for (uint32_t k = 0; k < pn && !ok; k++) {
        TSNode p = ts_node_named_child(params, k);
        if (node_text_eq(&m->src, node_field(p, "pattern"), name))
          ok = class_of_type(r, m, node_field(p, "type"), cm, cls, depth + 1);
      }
    }
  }
  free(name);
  return ok;
}

/* The parameter of fn declaring name: directly, or destructured from an
 * object (`{ room }: Props`); *key is set for the latter. */
static TSNode param_declaring(const Module *m, TSNode fn, const char *name, bool *destructured) {
  TSNode params = node_field(fn, "parameters");
  *destructured = false;
  if (ts_node_is_null(params))
    return params;
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    TSNode pat = node_field(p, "pattern");
    if (node_text_eq(&m->src, pat, name))
      return p;
    if (!node_is(pat, "object_pattern"))
      continue;
    uint32_t en = ts_node_named_child_count(pat);
    for (uint32_t k = 0; k < en; k++) {
      TSNode el = ts_node_named_child(pat, k);
      if (node_is(el, "shorthand_property_identifier_pattern") && node_text_eq(&m->src, el, name)) {
        *destructured = true;
        return p;
      }
    }
  }
  return (TSNode){0};
}

/* The function whose parameter list declares name as seen from `at`. */
static TSNode function_declaring(const Module *m, TSNode at, const char *name, TSNode *param,
                                 bool *destructured) {
  for (TSNode n = scope_node_parent(m, at); !ts_node_is_null(n); n = scope_node_parent(m, n)) {
    if (!node_is_function(n))
      continue;
    TSNode p = param_declaring(m, n, name, destructured);
    if (!ts_node_is_null(p)) {
      *param = p;
      return n;
    }
  }
  return (TSNode){0};
}

/* `new Room(...)` */
static bool class_of_new(Resolver *r, const Module *m, TSNode v, const Module **cm, TSNode *cls) {
  v = node_unwrap(v);
  if (node_is(v, "await_expression"))
    v = node_unwrap(ts_node_named_child(v, 0));
  if (!node_is(v, "new_expression"))
    return false;
  TSNode ctor = node_field(v, "constructor");
  if (!node_is(ctor, "identifier"))
    return false;
  char *name = node_text_dup(&m->src, ctor);
  bool ok = class_named(r, m, name, cm, cls, 1);
  free(name);
  return ok;
}

/* Whether fn returns `this` (declared `: this`, or `return this`). */
static bool returns_this(TSNode fn) {
  TSNode rt = node_field(fn, "return_type");
  if (node_is(rt, "type_annotation"))
    rt = ts_node_named_child(rt, 0);
  if (node_is(rt, "this_type"))
    return true;
  TSNode rets[8];
  size_t n = function_returns(fn, rets, 8);
  for (size_t i = 0; i < n; i++)
    if (node_is(node_unwrap(rets[i]), "this"))
      return true;
  return false;
}

static bool is_hook_named(const Module *m, TSNode call, const char *hook) {
  uint32_t len;
  const char *t = call_callee_name(&m->src, call, &len);
  return t && mem_eq_str(t, len, hook);
}

/* The class of what a call returns: a method returning `this` (chains), a
 * function's declared return type, or a `new` it returns; useMemo's value. */
static bool class_of_call(Resolver *r, const Module *m, TSNode call, const Module **cm, TSNode *cls,
                          int depth) {
  if (is_hook_named(m, call, "useMemo") || is_hook_named(m, call, "useRef") ||
      is_hook_named(m, call, "useState")) {
    TSNode a = node_unwrap(call_argument(call, 0));
    if (node_is_function(a)) {
      TSNode rets[8];
      size_t n = function_returns(a, rets, 8);
      for (size_t i = 0; i < n; i++)
        if (class_of_expr(r, m, rets[i], cm, cls, depth + 1))
          return true;
      return false;
    }
    return class_of_expr(r, m, a, cm, cls, depth + 1);
  }
  Callee c = resolve_callee_at(r, m, node_field(call, "function"), depth + 1);
  if (!c.mod || !node_is_function(c.fn))
    return false;
  if (returns_this(c.fn)) {
    TSNode f = node_unwrap(node_field(call, "function"));
    return node_is(f, "member_expression") &&
           class_of_expr(r, m, node_field(f, "object"), cm, cls, depth + 1);
  }
  if (class_of_type(r, c.mod, node_field(c.fn, "return_type"), cm, cls, depth + 1))
    return true;
  TSNode rets[8];
  size_t n = function_returns(c.fn, rets, 8);
  for (size_t i = 0; i < n; i++)
    if (class_of_new(r, c.mod, rets[i], cm, cls))
      return true;
  return false;
}

/* The class of an expression's value, or the class itself (static calls). */
static bool class_of_expr(Resolver *r, const Module *m, TSNode e, const Module **cm, TSNode *cls,
                          int depth) {
  e = node_unwrap(e);
  if (node_is(e, "await_expression"))
    e = node_unwrap(ts_node_named_child(e, 0));
  if (ts_node_is_null(e) || depth > RESOLVE_MAX_DEPTH)
    return false;
  if (node_is(e, "new_expression"))
    return class_of_new(r, m, e, cm, cls);
  if (node_is(e, "call_expression"))
    return class_of_call(r, m, e, cm, cls, depth);
  if (node_is(e, "member_expression") && node_is(node_field(e, "object"), "this"))
    return class_of_field(r, m, e, cm, cls, depth);
  if (!node_is(e, "identifier"))
    return false;
  char *name = node_text_dup(&m->src, e);
  Binding b = scope_lookup(m, e, name);
  bool ok = false;
  if (b.kind == BIND_CLASS || b.kind == BIND_IMPORT) {
    ok = class_named(r, m, name, cm, cls, depth + 1);
  } else if (b.kind == BIND_PARAM || (b.kind == BIND_UNKNOWN && ts_node_is_null(b.decl))) {
    TSNode p = {0};
    bool destructured = false;
    TSNode fn = function_declaring(m, e, name, &p, &destructured);
    if (!ts_node_is_null(fn))
      ok = destructured
               ? class_of_member_type(r, m, node_field(p, "type"), name, cm, cls, depth + 1)
               : class_of_type(r, m, node_field(p, "type"), cm, cls, depth + 1);
  } else if ((b.kind == BIND_VALUE || b.kind == BIND_UNKNOWN) && !ts_node_is_null(b.decl)) {
    TSNode d = scope_node_parent(m, b.decl);
    if (node_is(d, "variable_declarator"))
      ok = class_of_type(r, m, node_field(d, "type"), cm, cls, depth + 1) ||
           (b.kind == BIND_VALUE && class_of_expr(r, m, b.node, cm, cls, depth + 1));
  }
  free(name);
  return ok;
}

static bool receiver_class(Resolver *r, const Module *m, TSNode obj, const Module **cm, TSNode *cls,
                           int depth) {
  return class_of_expr(r, m, obj, cm, cls, depth);
}

/* The member name of class cls of *m, or of a class it extends (followed
 * across files); *m becomes the module holding it. */
static TSNode class_member(Resolver *r, const Module **m, TSNode cls, const char *name, int depth) {
  for (int hops = 0; !ts_node_is_null(cls) && hops <= RESOLVE_MAX_DEPTH; hops++) {
    TSNode member = body_member(*m, node_field(cls, "body"), name);
    if (!ts_node_is_null(member))
      return member;
    TSNode base = class_base(cls);
    if (!node_is(base, "identifier"))
      break;
    char *base_name = node_text_dup(&(*m)->src, base);
    const Module *bm = NULL;
    TSNode bc = {0};
    bool found = class_named(r, *m, base_name, &bm, &bc, depth + hops + 1);
    free(base_name);
    if (!found)
      break;
    *m = bm;
    cls = bc;
  }
  return (TSNode){0};
}

/* The object literal whose method holds `at` (for `this` there). */
static TSNode enclosing_object(const Module *m, TSNode at) {
  for (TSNode n = scope_node_parent(m, at); !ts_node_is_null(n); n = scope_node_parent(m, n)) {
    if (node_is(n, "class_body"))
      break;
    if (node_is(n, "object"))
      return n;
  }
  return (TSNode){0};
}

/* `x.key(...)` where x holds a hook's or factory's result object. */
static bool hook_result_callee(Resolver *r, const Module *m, TSNode obj, const char *key, int depth,
                               Callee *out) {
  char *name = node_text_dup(&m->src, obj);
  Binding b = scope_lookup(m, obj, name);
  free(name);
  if (b.kind != BIND_VALUE)
    return false;
  Callee c = call_result_property(r, m, b.node, key, depth + 1);
  if (!c.mod)
    return false;
  *out = c;
  return true;
}

static Callee resolve_callee_at(Resolver *r, const Module *m, TSNode fn_expr, int depth) {
  Callee c;
  memset(&c, 0, sizeof c);
  TSNode f = node_unwrap(fn_expr);
  if (depth > RESOLVE_MAX_DEPTH)
    return c;
  if (node_is(f, "identifier") || node_is(f, "shorthand_property_identifier")) {
    char *name = node_text_dup(&m->src, f);
    Binding b = scope_lookup(m, f, name);
    if (b.kind == BIND_FUNCTION) {
      c.mod = m;
      c.fn = b.node;
    } else if (b.kind == BIND_VALUE) {
      TSNode local = scope_function_of(m, b.node); /* useCallback(fn, deps) */
      if (!ts_node_is_null(local)) {
        c.mod = m;
        c.fn = local;
      }
    } else if (b.kind == BIND_IMPORT) {
      const Module *t = resolve_import_target(r, m, &b);
      Export e = t ? resolve_find_export(r, t, b.imported, 0) : (Export){0};
      if (e.found && e.b.kind == BIND_FUNCTION) {
        c.mod = e.mod;
        c.fn = e.b.node;
      } else if (e.found && e.b.kind == BIND_VALUE) {
        c = function_value(r, e.mod, e.b.node, depth + 1);
      }
    } else if (b.kind == BIND_UNKNOWN && !ts_node_is_null(b.decl)) {
      c = destructured_result(r, m, &b, depth);
    }
    free(name);
    return c;
  }
  if (!node_is(f, "member_expression"))
    return c;
  TSNode obj_node = node_field(f, "object");
  char *prop = node_text_dup(&m->src, node_field(f, "property"));
  const Module *cm = NULL;
  TSNode cls = {0};
  if (node_is(obj_node, "this")) {
    const Module *owner = m;
    TSNode member = class_member(r, &owner, enclosing_class(m, f), prop, depth);
    if (!ts_node_is_null(member)) {
      c.mod = owner;
      c.fn = member;
    } else {
      /* `this.emit(...)` in a method of an object literal */
      TSNode o = enclosing_object(m, f);
      if (!ts_node_is_null(o))
        c = function_value(r, m, object_property(&m->src, o, prop), depth + 1);
    }
  } else if (node_is(node_unwrap(obj_node), "identifier") &&
             hook_result_callee(r, m, node_unwrap(obj_node), prop, depth, &c)) {
    /* drafts.broadcast(...) with drafts = useRealtime(...) */
  } else if (receiver_class(r, m, obj_node, &cm, &cls, depth + 1)) {
    TSNode member = class_member(r, &cm, cls, prop, depth + 1);
    if (!ts_node_is_null(member)) {
      c.mod = cm;
      c.fn = member;
    }
  } else {
    ObjRef obj = resolve_object(r, m, obj_node);
    if (obj.kind == OBJ_STD_CHANNELS) {
      c.std_channel = std_channel_by_name(r->proj->std, prop);
    } else if (obj.kind == OBJ_LITERAL) {
      TSNode pv = node_unwrap(object_property(&obj.mod->src, obj.node, prop));
      if (node_is(pv, "shorthand_property_identifier") || node_is(pv, "identifier") ||
          node_is_function(pv))
        c = function_value(r, obj.mod, pv, depth + 1);
    } else if (obj.kind == OBJ_NAMESPACE) {
      Export e = resolve_find_export(r, obj.mod, prop, 0);
      if (e.found && e.b.kind == BIND_FUNCTION) {
        c.mod = e.mod;
        c.fn = e.b.node;
      } else if (e.found && e.b.kind == BIND_VALUE) {
        c = function_value(r, e.mod, e.b.node, depth + 1);
      }
    }
  }
  free(prop);
  return c;
}

static Callee resolve_callee(Resolver *r, const Module *m, TSNode fn_expr) {
  return resolve_callee_at(r, m, fn_expr, 0);
}

bool resolve_call_target(Resolver *r, const Module *m, TSNode call, const Module **mod,
                         TSNode *fn) {
  Callee c = resolve_callee(r, m, node_field(call, "function"));
  if (!c.mod || !node_is_function(c.fn))
    return false;
  *mod = c.mod;
  *fn = c.fn;
  return true;
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
    frame->args[i] = as_argument(r, m, arg, resolve_in(r, m, arg));
    frame->arg_nodes[i] = arg;
  }
  frame->nargs = nargs;
  frame->caller = m;
  if (c.std_channel)
    return apply_std_channel(r, c.std_channel, frame->args, nargs);
  frame->mod = c.mod;
  frame->fn = c.fn;
  frame->parent = r->frame;
  Frame *saved = r->frame;
  r->frame = frame;
  /* Only the returns this call can reach: `Topics.build({ kind: "typing" })`
   * takes the `case "typing":` branch alone. */
  OracleCtx oc = {r, c.mod};
  NarrowOracle oracle = {known_operand, &oc};
  TSNode rets[RESOLVE_MAX_RETURNS];
  bool overflow = false;
  size_t nret = narrow_returns(&oracle, c.fn, rets, RESOLVE_MAX_RETURNS, &overflow);
  Value v = {NULL, 0, overflow};
  for (size_t i = 0; i < nret; i++)
    v = val_join(r, v, resolve_in(r, c.mod, rets[i]));
  r->frame = saved;
  if (nret == 0)
    return val_unknown();
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
  if (ts_node_is_null(n))
    return val_unknown();
  if (r->depth > RESOLVE_MAX_DEPTH) {
    r->cut = true;
    return val_unknown();
  }
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
    /* Inside a call, a condition its arguments decide picks one side. */
    Tri t = TRI_UNKNOWN;
    if (r->frame) {
      OracleCtx oc = {r, m};
      NarrowOracle oracle = {known_operand, &oc};
      t = narrow_condition(&oracle, node_field(n, "condition"));
    }
    if (t == TRI_TRUE)
      v = resolve_in(r, m, node_field(n, "consequence"));
    else if (t == TRI_FALSE)
      v = resolve_in(r, m, node_field(n, "alternative"));
    else
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
  char key[STRMAP_NUM_KEY_SIZE(4)];
  strmap_num_key(key,
                 (unsigned long long[]){(uintptr_t)m, ts_node_start_byte(expr),
                                        ts_node_end_byte(expr), ts_node_symbol(expr)},
                 4);
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
