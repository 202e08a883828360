#include "resolve/exports.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope_index.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool resolve_is_std_name(const char *s) {
  return strcmp(s, "UNIFIED_EVENTS") == 0 || strcmp(s, "UNIFIED_CHANNELS") == 0;
}

bool resolve_spec_looks_standard(const Standards *std, const char *spec) {
  return strstr(spec, "unified-channel-standards") != NULL || str_ends_with(spec, "lib/realtime") ||
         (std->module_suffix && strstr(std->module_suffix, spec) != NULL);
}

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

const Module *resolve_import_target(Resolver *r, const Module *m, const Binding *b) {
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
  const Module *t = fits ? resolve_import_target(r, m, &tmp) : NULL;
  if (t)
    e = resolve_find_export(r, t, name, depth + 1);
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
  if (!ts_node_is_null(decl) && strcmp(name, "default") == 0) {
    /* `export default class X {}` holds the class as its declaration. */
    bool is_default = node_text_eq(&m->src, ts_node_child(st, 1), "default");
    if (is_default) {
      out->mod = m;
      out->b.kind = node_is_function(decl) ? BIND_FUNCTION : BIND_CLASS;
      out->b.node = decl;
      out->b.decl = node_field(decl, "name");
      out->found = true;
    }
    return is_default;
  }
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
Export resolve_find_export(Resolver *r, const Module *m, const char *name, int depth) {
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
