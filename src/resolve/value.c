#include "resolve/value.h"

#include "parse/ast.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define RESOLVE_MAX_DEPTH 24
#define RESOLVE_MAX_ALTS 16
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

static Value unknown(void) {
  Value v = {NULL, 0, true};
  return v;
}

static Value single_literal(Resolver *r, const Module *m, TSNode site, const char *text) {
  Value v = {arena_calloc(r->arena, sizeof(ValAlt)), 1, false};
  v.alts[0].parts = arena_calloc(r->arena, sizeof(ValPart));
  v.alts[0].nparts = 1;
  v.alts[0].parts[0].text = arena_strdup(r->arena, text);
  v.alts[0].from_standard = m && m->is_standards;
  if (m && !m->is_standards) {
    v.alts[0].site_mod = m;
    v.alts[0].site_start = ts_node_start_byte(site);
    v.alts[0].site_end = ts_node_end_byte(site);
  }
  return v;
}

static const char *node_src(Resolver *r, const Module *m, TSNode n) {
  uint32_t len;
  const char *t = node_text(&m->src, n, &len);
  return arena_strndup(r->arena, t, len);
}

static Value hole(Resolver *r, const Module *m, TSNode n) {
  Value v = {arena_calloc(r->arena, sizeof(ValAlt)), 1, false};
  v.alts[0].parts = arena_calloc(r->arena, sizeof(ValPart));
  v.alts[0].nparts = 1;
  v.alts[0].parts[0].hole = true;
  v.alts[0].parts[0].text = node_src(r, m, n);
  return v;
}

static Value concat(Resolver *r, Value a, Value b) {
  if (a.nalts == 0 || b.nalts == 0)
    return unknown();
  uint32_t n = a.nalts * b.nalts;
  if (n > RESOLVE_MAX_ALTS)
    return unknown();
  Value v = {arena_calloc(r->arena, n * sizeof(ValAlt)), n, a.has_unknown || b.has_unknown};
  for (uint32_t i = 0; i < a.nalts; i++)
    for (uint32_t j = 0; j < b.nalts; j++) {
      ValAlt *out = &v.alts[i * b.nalts + j];
      const ValAlt *x = &a.alts[i], *y = &b.alts[j];
      out->nparts = x->nparts + y->nparts;
      out->parts = arena_alloc(r->arena, (out->nparts + 1) * sizeof(ValPart));
      memcpy(out->parts, x->parts, x->nparts * sizeof(ValPart));
      memcpy(out->parts + x->nparts, y->parts, y->nparts * sizeof(ValPart));
      out->from_standard = x->from_standard && y->from_standard;
      out->via_binding = x->via_binding && y->via_binding;
    }
  return v;
}

static Value join(Resolver *r, Value a, Value b) {
  uint32_t n = a.nalts + b.nalts;
  if (n > RESOLVE_MAX_ALTS)
    n = RESOLVE_MAX_ALTS;
  Value v = {arena_calloc(r->arena, (n ? n : 1) * sizeof(ValAlt)), 0,
             a.has_unknown || b.has_unknown};
  for (uint32_t i = 0; i < a.nalts && v.nalts < n; i++)
    v.alts[v.nalts++] = a.alts[i];
  for (uint32_t i = 0; i < b.nalts && v.nalts < n; i++)
    v.alts[v.nalts++] = b.alts[i];
  return v;
}

/* Marks every alternative as built at `site` in m (by hand) unless its
 * parts all came from the standards module. */
static void set_site(Value *v, const Module *m, TSNode site) {
  for (uint32_t i = 0; i < v->nalts; i++) {
    ValAlt *a = &v->alts[i];
    a->from_standard = m->is_standards;
    if (m->is_standards) {
      a->site_mod = NULL;
    } else {
      a->site_mod = m;
      a->site_start = ts_node_start_byte(site);
      a->site_end = ts_node_end_byte(site);
    }
  }
}

static void mark_binding(Value *v) {
  for (uint32_t i = 0; i < v->nalts; i++)
    v->alts[i].via_binding = true;
}

static Value resolve_in(Resolver *r, const Module *m, TSNode n);

static Value resolve_template(Resolver *r, const Module *m, TSNode tpl) {
  Value acc = single_literal(r, m, tpl, "");
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
      /* Decode escapes in the literal text between substitutions. */
      for (uint32_t k = pos; k < stop; k++) {
        if (m->src.bytes[k] == '\\' && k + 1 < stop) {
          sb_putc(&sb, m->src.bytes[k + 1]);
          k++;
        } else {
          sb_putc(&sb, m->src.bytes[k]);
        }
      }
      acc = concat(r, acc, single_literal(r, m, tpl, sb_cstr(&sb)));
      sb_free(&sb);
    }
    if (i == count)
      break;
    TSNode expr = ts_node_named_child(c, 0);
    Value hv = resolve_in(r, m, expr);
    if (hv.nalts == 0 || hv.has_unknown) {
      hv = hole(r, m, expr);
      all_standard_holes = false;
    } else {
      const char *src_text = node_src(r, m, expr);
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
    acc = concat(r, acc, hv);
    pos = ts_node_end_byte(c);
  }
  (void)all_standard_holes;
  set_site(&acc, m, tpl);
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

static bool is_std_name(const char *s) {
  return strcmp(s, "UNIFIED_EVENTS") == 0 || strcmp(s, "UNIFIED_CHANNELS") == 0;
}

static bool spec_looks_standard(const Standards *std, const char *spec) {
  return strstr(spec, "unified-channel-standards") != NULL || str_ends_with(spec, "lib/realtime") ||
         (std->module_suffix && strstr(std->module_suffix, spec) != NULL);
}

/* Finds the module `b` imports from; NULL when it cannot be resolved. */
void resolve_deps_add_module(ResolveDeps *d, const Module *m) {
  for (size_t i = 0; i < d->nmodules; i++)
    if (d->modules[i] == m)
      return;
  ARRAY_PUSH(d->modules, d->nmodules, d->cap, m);
}

void resolve_deps_free(ResolveDeps *d) {
  free(d->modules);
  for (size_t i = 0; i < d->nmissing; i++)
    free(d->missing[i]);
  free(d->missing);
  memset(d, 0, sizeof *d);
}

static const Module *import_target(Resolver *r, const Module *m, const Binding *b) {
  char *path = NULL;
  if (!project_resolve_import(r->proj, m, b->source, &path)) {
    if (r->deps) {
      char *key = xasprintf("%s\n%s", m->fs_path, b->source);
      ARRAY_PUSH(r->deps->missing, r->deps->nmissing, r->deps->mcap, key);
    }
    return NULL;
  }
  Module *t = project_module_source(r->proj, path);
  free(path);
  if (!t)
    return NULL;
  if (t != r->self) {
    bool held = false;
    for (size_t i = 0; i < r->nheld && !held; i++)
      held = r->held[i] == t;
    if (!held) {
      atomic_store(&t->import_target, true);
      project_hold(t);
      ARRAY_PUSH(r->held, r->nheld, r->heldcap, t);
    }
  }
  if (r->deps)
    resolve_deps_add_module(r->deps, t);
  return t->tree ? t : NULL;
}

void resolver_release(Resolver *r) {
  for (size_t i = 0; i < r->nheld; i++)
    project_release(r->held[i]);
  free(r->held);
  r->held = NULL;
  r->nheld = r->heldcap = 0;
}

typedef struct Export {
  const Module *mod;
  Binding b;
  bool found;
} Export;

static Export find_export(Resolver *r, const Module *m, const char *name, int depth);

static Export export_from(Resolver *r, const Module *m, TSNode source, const char *name,
                          int depth) {
  Export e;
  memset(&e, 0, sizeof e);
  Binding tmp;
  memset(&tmp, 0, sizeof tmp);
  StrBuf sb = {0};
  node_string_value(&m->src, source, &sb);
  bool fits = sb.len < sizeof tmp.source;
  snprintf(tmp.source, sizeof tmp.source, "%s", fits ? sb_cstr(&sb) : "");
  sb_free(&sb);
  const Module *t = fits ? import_target(r, m, &tmp) : NULL;
  if (t)
    e = find_export(r, t, name, depth + 1);
  return e;
}

/* Whether export statement st answers for name (found or not: a clause
 * naming it answers even when its source cannot be resolved); *out is the
 * answer. top is scope_lookup_toplevel(m, name). */
static bool export_in_statement(Resolver *r, const Module *m, TSNode st, const char *name,
                                int depth, const Binding *top, Export *out) {
  TSNode decl = node_field(st, "declaration");
  TSNode value = node_field(st, "value");
  TSNode source = node_field(st, "source");
  if (!ts_node_is_null(decl)) {
    Binding b = *top;
    if (b.kind != BIND_NONE && ts_node_start_byte(b.decl) >= ts_node_start_byte(decl) &&
        ts_node_end_byte(b.decl) <= ts_node_end_byte(decl)) {
      out->mod = m;
      out->b = b;
      out->found = true;
      return true;
    }
    return false;
  }
  if (!ts_node_is_null(value) && strcmp(name, "default") == 0) {
    out->mod = m;
    out->b.kind = BIND_VALUE;
    out->b.node = value;
    out->found = true;
    TSNode v = node_unwrap(value);
    if (node_is(v, "identifier")) {
      char *id = node_text_dup(&m->src, v);
      out->b = scope_lookup_toplevel(m, id);
      free(id);
    }
    return true;
  }
  /* `export default function f() {}` has the function as a plain child. */
  uint32_t cn = ts_node_named_child_count(st);
  bool is_default = cn > 0 && node_text_eq(&m->src, ts_node_child(st, 1), "default");
  if (is_default && strcmp(name, "default") == 0 && ts_node_is_null(value)) {
    TSNode d = ts_node_named_child(st, 0);
    out->mod = m;
    out->b.kind = node_is_function(d) ? BIND_FUNCTION : BIND_VALUE;
    out->b.node = d;
    out->found = true;
    return true;
  }
  for (uint32_t j = 0; j < cn; j++) {
    TSNode clause = ts_node_named_child(st, j);
    if (!node_is(clause, "export_clause"))
      continue;
    uint32_t sn = ts_node_named_child_count(clause);
    for (uint32_t k = 0; k < sn; k++) {
      TSNode spec = ts_node_named_child(clause, k);
      if (!node_is(spec, "export_specifier"))
        continue;
      TSNode nm = node_field(spec, "name"), alias = node_field(spec, "alias");
      TSNode exported = ts_node_is_null(alias) ? nm : alias;
      if (!node_text_eq(&m->src, exported, name))
        continue;
      char *local = node_text_dup(&m->src, nm);
      if (!ts_node_is_null(source)) {
        *out = export_from(r, m, source, local, depth);
      } else {
        out->mod = m;
        out->b = scope_lookup_toplevel(m, local);
        out->found = out->b.kind != BIND_NONE;
      }
      free(local);
      return true;
    }
  }
  /* export * from './x' */
  bool has_clause = false;
  for (uint32_t j = 0; j < cn; j++)
    has_clause = has_clause || node_is(ts_node_named_child(st, j), "export_clause") ||
                 node_is(ts_node_named_child(st, j), "namespace_export");
  if (!has_clause && !ts_node_is_null(source) && strcmp(name, "default") != 0) {
    *out = export_from(r, m, source, name, depth);
    if (out->found)
      return true;
  }
  return false;
}

/* The first export statement that answers for name, in document order, as
 * a scan of every statement finds it; the module's export table (resolve/
 * scope_index.h) names the only candidates: the declaration holding the
 * top-level binding, the first clause naming it, the first default export,
 * and the `export *` statements before those. Scanning every export for each
 * imported name made importing from a module with thousands of exports
 * quadratic. */
static Export find_export(Resolver *r, const Module *m, const char *name, int depth) {
  Export e;
  memset(&e, 0, sizeof e);
  if (depth > RESOLVE_MAX_DEPTH || !m->tree)
    return e;
  const ExportTable *t = scope_index_exports(m, scope_index_of(m));
  if (!t)
    return e;
  Binding top = scope_lookup_toplevel(m, name);
  size_t answer = SIZE_MAX;
  if (top.kind != BIND_NONE && !ts_node_is_null(top.decl)) {
    int32_t at = export_table_holding(t, ts_node_start_byte(top.decl), ts_node_end_byte(top.decl));
    if (at >= 0)
      answer = (size_t)at;
  }
  size_t clause = (size_t)(uintptr_t)strmap_get(&t->first_clause, name);
  if (clause && clause - 1 < answer)
    answer = clause - 1;
  bool is_default = strcmp(name, "default") == 0;
  if (is_default && t->first_default >= 0 && (size_t)t->first_default < answer)
    answer = (size_t)t->first_default;
  for (size_t i = 0; !is_default && i < t->nstars && (size_t)t->stars[i] < answer; i++)
    if (export_in_statement(r, m, t->stmts[t->stars[i]], name, depth, &top, &e))
      return e;
  if (answer != SIZE_MAX)
    export_in_statement(r, m, t->stmts[answer], name, depth, &top, &e);
  return e;
}

static Value std_event_value(Resolver *r, const char *key) {
  const EventDef *ev = std_event_by_key(r->proj->std, key);
  if (!ev)
    return unknown();
  Value v = single_literal(r, NULL, (TSNode){0}, ev->value);
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
    mark_binding(&v);
    return v;
  }
  case BIND_PARAM: {
    Value v;
    if (frame_param(r, m, b->node, name, &v))
      return v;
    return unknown();
  }
  case BIND_IMPORT:
    return resolve_import(r, m, b, NULL);
  default:
    return unknown();
  }
}

static Value resolve_export(Resolver *r, const Export *e, const char *name) {
  if (!e->found)
    return unknown();
  Value v = resolve_binding(r, e->mod, e->b.decl, &e->b, name);
  mark_binding(&v);
  return v;
}

static Value resolve_import(Resolver *r, const Module *m, const Binding *b, const char *member) {
  (void)member;
  const Module *t = import_target(r, m, b);
  if (!t)
    return unknown();
  Export e = find_export(r, t, b->imported, 0);
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
      Export e = find_export(r, parent.mod, prop, 0);
      if (e.found)
        ref = obj_from_binding(r, e.mod, &e.b, prop, depth + 1);
      else if (is_std_name(prop) && spec_looks_standard(r->proj->std, parent.mod->fs_path))
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
  const Module *t = import_target(r, m, b);
  if (strcmp(b->imported, "*") == 0) {
    if (t) {
      ref.kind = OBJ_NAMESPACE;
      ref.mod = t;
    }
    return ref;
  }
  if (t) {
    Export e = find_export(r, t, b->imported, 0);
    if (e.found)
      return obj_from_binding(r, e.mod, &e.b, b->imported, depth + 1);
  }
  /* The standards module is not in the tree (or not resolvable): the
   * built-in catalog stands in for it. */
  if (is_std_name(b->imported) && spec_looks_standard(r->proj->std, b->source))
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
    return unknown();
  ObjRef obj = resolve_object(r, m, node_field(n, "object"));
  char *prop = node_text_dup(&m->src, prop_node);
  Value v = unknown();
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
      mark_binding(&v);
    }
  } else if (obj.kind == OBJ_NAMESPACE) {
    Export e = find_export(r, obj.mod, prop, 0);
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
      const Module *t = import_target(r, m, &b);
      Export e = t ? find_export(r, t, b.imported, 0) : (Export){0};
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
      Export e = find_export(r, obj.mod, prop, 0);
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
  Value acc = single_literal(r, NULL, (TSNode){0}, "");
  const char *s = fn->shape;
  while (*s) {
    const char *brace = strchr(s, '{');
    size_t lit = brace ? (size_t)(brace - s) : strlen(s);
    if (lit) {
      char *t = arena_strndup(r->arena, s, lit);
      acc = concat(r, acc, single_literal(r, NULL, (TSNode){0}, t));
    }
    if (!brace)
      break;
    unsigned idx = (unsigned)strtoul(brace + 1, NULL, 10);
    if (idx >= nargs || args[idx].nalts == 0)
      return unknown();
    acc = concat(r, acc, args[idx]);
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
    return unknown();
  Frame *frame = arena_calloc(r->arena, sizeof *frame);
  uint32_t nargs = call_argument_count(call);
  if (nargs > RESOLVE_MAX_ARGS)
    return unknown();
  for (uint32_t i = 0; i < nargs; i++) {
    TSNode arg = call_argument(call, i);
    Value av = resolve_in(r, m, arg);
    if (av.nalts == 0 || av.has_unknown)
      av = hole(r, m, arg);
    else
      for (uint32_t a = 0; a < av.nalts; a++)
        if (av.alts[a].nparts == 1 && !av.alts[a].parts[0].hole) {
          ValPart *p = arena_alloc(r->arena, sizeof *p);
          *p = av.alts[a].parts[0];
          p->expr = node_src(r, m, arg);
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
    return unknown();
  frame->mod = c.mod;
  frame->fn = c.fn;
  frame->parent = r->frame;
  Frame *saved = r->frame;
  r->frame = frame;
  Value v = {NULL, 0, false};
  for (size_t i = 0; i < nret; i++)
    v = join(r, v, resolve_in(r, c.mod, rets[i]));
  r->frame = saved;
  mark_binding(&v);
  return v;
}

/* `a + b`: an operand that cannot be resolved becomes a hole, as in a
 * template; with no literal text on either side nothing is known. */
static Value resolve_concat(Resolver *r, const Module *m, TSNode n) {
  if (!node_text_eq(&m->src, node_field(n, "operator"), "+"))
    return unknown();
  TSNode sides[2] = {node_field(n, "left"), node_field(n, "right")};
  Value vals[2];
  int known = 0;
  for (int i = 0; i < 2; i++) {
    vals[i] = resolve_in(r, m, sides[i]);
    if (vals[i].nalts == 0 || vals[i].has_unknown)
      vals[i] = hole(r, m, sides[i]);
    else
      known++;
  }
  if (known == 0)
    return unknown();
  Value v = concat(r, vals[0], vals[1]);
  if (v.nalts)
    set_site(&v, m, n);
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
    return unknown();
  r->depth++;
  Value v = unknown();
  if (node_is(n, "string")) {
    StrBuf sb = {0};
    node_string_value(&m->src, n, &sb);
    v = single_literal(r, m, n, sb_cstr(&sb));
    sb_free(&sb);
  } else if (node_is(n, "template_string")) {
    v = resolve_template(r, m, n);
  } else if (node_is(n, "binary_expression")) {
    v = resolve_concat(r, m, n);
  } else if (node_is(n, "ternary_expression")) {
    v = join(r, resolve_in(r, m, node_field(n, "consequence")),
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
  r->depth = 0;
  return resolve_in(r, m, expr);
}

bool val_is_known(const Value *v) {
  return v->nalts > 0;
}

const char *val_alt_literal(Arena *a, const ValAlt *alt) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < alt->nparts; i++) {
    if (alt->parts[i].hole) {
      sb_free(&sb);
      return NULL;
    }
    sb_append(&sb, alt->parts[i].text);
  }
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

const char *val_alt_display(Arena *a, const ValAlt *alt) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < alt->nparts; i++) {
    if (alt->parts[i].hole)
      sb_appendf(&sb, "${%s}", alt->parts[i].text);
    else
      sb_append(&sb, alt->parts[i].text);
  }
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

const char *val_alt_fill(Arena *a, const ValAlt *alt, const char *fill) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < alt->nparts; i++)
    sb_append(&sb, alt->parts[i].hole ? fill : alt->parts[i].text);
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}
