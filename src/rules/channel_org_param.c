/* A legacy channel builder with no organization id in reach gets one as a
 * parameter, passed at each of its calls (rules/channel_org_param.h). */
#include "rules/channel_org_param.h"

#include "core/fsio.h"
#include "core/strmap.h"
#include "core/util.h"
#include "fix/hook_deps.h"
#include "fix/imports.h"
#include "fix/org_id.h"
#include "parse/ast.h"
#include "resolve/importers.h"
#include "resolve/scope.h"
#include "rules/channel_org_prop.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const param_names[] = {"organizationId", "orgId"};

/* Whether n is a statement of the program, or one `export`ed there
 * (*exported says which). */
static bool top_level(const Module *m, TSNode n, bool *exported) {
  TSNode parent = scope_node_parent(m, n);
  *exported = node_is(parent, "export_statement");
  if (*exported)
    parent = scope_node_parent(m, parent);
  return node_is(parent, "program");
}

/* The name a top-level `const NAME = value` gives value (exported or
 * not), or a null node. */
static TSNode const_declared(const Module *m, TSNode value, bool *exported) {
  TSNode none = {0}, parent = scope_node_parent(m, value);
  if (!node_is(parent, "variable_declarator") || !ts_node_eq(node_field(parent, "value"), value))
    return none;
  TSNode name = node_field(parent, "name"), decl = scope_node_parent(m, parent);
  uint32_t len;
  const char *kw = node_text(&m->src, decl, &len);
  bool is_const = node_is(decl, "lexical_declaration") && len > 6 && memcmp(kw, "const ", 6) == 0;
  return is_const && node_is(name, "identifier") && top_level(m, decl, exported) ? name : none;
}

static bool visit_this(TSNode n, void *data) {
  if (node_is(n, "this"))
    *(bool *)data = true;
  return !*(bool *)data;
}

/* fn as a member of a registry object declared at the top level
 * (`const TOPICS = { typing: (id) => ..., inbox(id) { ... } }`, also
 * `{...} as const` or `satisfies T`): the object's name, the member's in
 * *member. A null node when the object mentions `this` (a member may call
 * another through it, which no edit of a call by the object's name sees). */
static TSNode registry_member(Arena *a, const Module *m, TSNode fn, const char **member,
                              bool *exported) {
  TSNode none = {0}, key = {0}, obj = scope_node_parent(m, fn);
  if (node_is(fn, "method_definition")) {
    key = node_field(fn, "name");
  } else if (node_is(obj, "pair") && ts_node_eq(node_field(obj, "value"), fn)) {
    key = node_field(obj, "key");
    obj = scope_node_parent(m, obj);
  }
  if (!node_is(key, "property_identifier") || !node_is(obj, "object"))
    return none;
  TSNode value = scope_node_parent(m, obj);
  if (!node_is(value, "as_expression") && !node_is(value, "satisfies_expression"))
    value = obj;
  bool has_this = false;
  ast_walk(obj, visit_this, &has_this);
  TSNode name = has_this ? none : const_declared(m, value, exported);
  uint32_t len;
  const char *text = node_text(&m->src, key, &len);
  *member = arena_strndup(a, text, len);
  return name;
}

/* A builder the fix may give a parameter, declared at m's top level:
 * `function f(...)`, `const f = (...) => ...`, or a member of a registry
 * object (`const F = { f: (...) => ... }`, `{ f(...) { ... } }`). */
typedef struct Builder {
  TSNode name;        /* the declared name: f, or F for a member */
  const char *member; /* the member's name, NULL for a plain builder */
  const char *shown;  /* "f" or "F.f" */
  bool exported;
} Builder;

static bool find_builder(Arena *a, const Module *m, TSNode fn, Builder *b) {
  memset(b, 0, sizeof *b);
  if (node_is(fn, "function_declaration")) {
    if (top_level(m, fn, &b->exported))
      b->name = node_field(fn, "name");
  } else if (node_is(fn, "arrow_function") || node_is(fn, "function_expression") ||
             node_is(fn, "function")) {
    b->name = const_declared(m, fn, &b->exported);
  }
  if (ts_node_is_null(b->name) &&
      (node_is(fn, "method_definition") || node_is(fn, "arrow_function") ||
       node_is(fn, "function_expression") || node_is(fn, "function")))
    b->name = registry_member(a, m, fn, &b->member, &b->exported);
  if (ts_node_is_null(b->name))
    return false;
  uint32_t len;
  const char *text = node_text(&m->src, b->name, &len);
  b->shown = b->member ? arena_printf(a, "%.*s.%s", (int)len, text, b->member)
                       : arena_strndup(a, text, len);
  return true;
}

/* Every mention of the builder's name in one file: each must be a direct
 * call of the builder, outside the builder. In its own file the name must
 * mean the declaration `decl`; in an importer, the import of `imported`
 * from `source` (the specifier that file writes). For a registry member the
 * name is the object's: `F.f(...)` is a call, `F.k` of another member and
 * `typeof F` in a type leave f alone, any other mention (`F` passed on,
 * `F[k]`, `const { f } = F`) withholds. */
typedef struct Mentions {
  const Module *m;
  const char *name;   /* as this file writes it (an import's alias) */
  const char *member; /* the registry member, or NULL */
  TSNode decl, fn;    /* in the builder's file */
  const char *imported, *source;
  bool ok;
  TSNode calls[ORG_PARAM_MAX_CALLS];
  size_t ncalls;
} Mentions;

static bool means_builder(const Mentions *x, TSNode n) {
  Binding b = scope_lookup(x->m, n, x->name);
  if (x->imported)
    return b.kind == BIND_IMPORT && strcmp(b.imported, x->imported) == 0 &&
           strcmp(b.source, x->source) == 0;
  return b.kind != BIND_NONE && ts_node_eq(b.decl, x->decl);
}

/* The call a mention n makes of the builder, or a null node; *other turns
 * true for a mention that does not reach the member. */
static TSNode mention_call(const Mentions *x, TSNode n, bool *other) {
  TSNode none = {0}, callee = n, parent = scope_node_parent(x->m, n);
  *other = false;
  if (x->member && node_is(parent, "type_query")) {
    *other = true;
    return none;
  }
  if (x->member) {
    TSNode prop = node_field(parent, "property");
    if (!node_is(parent, "member_expression") || !ts_node_eq(node_field(parent, "object"), n) ||
        !node_is(prop, "property_identifier"))
      return none;
    if (!node_text_eq(&x->m->src, prop, x->member)) {
      *other = true;
      return none;
    }
    callee = parent;
    parent = scope_node_parent(x->m, parent);
  }
  bool is_call = node_is(parent, "call_expression") &&
                 ts_node_eq(node_field(parent, "function"), callee) &&
                 node_is(node_field(parent, "arguments"), "arguments");
  return is_call ? parent : none;
}

static bool visit_mention(TSNode n, void *data) {
  Mentions *x = data;
  if (!x->ok)
    return false;
  if (x->imported &&
      (node_is(n, "import_statement") ||
       (node_is(n, "export_statement") && !ts_node_is_null(node_field(n, "source")))))
    return false; /* the import itself, or a re-export (followed on its own) */
  const char *type = ts_node_type(n);
  bool ident = strcmp(type, "identifier") == 0;
  bool shorthand = strncmp(type, "shorthand_property_identifier", 29) == 0;
  if ((!ident && !shorthand) || !node_text_eq(&x->m->src, n, x->name) ||
      (!x->imported && ts_node_eq(n, x->decl)))
    return true;
  bool other = false;
  TSNode call = ident ? mention_call(x, n, &other) : (TSNode){0};
  if (other && means_builder(x, n))
    return true;
  uint32_t at = ts_node_start_byte(n);
  bool inside = !x->imported && at >= ts_node_start_byte(x->fn) && at < ts_node_end_byte(x->fn);
  if (ts_node_is_null(call) || inside || !means_builder(x, n) || x->ncalls == ORG_PARAM_MAX_CALLS) {
    x->ok = false;
    return false;
  }
  x->calls[x->ncalls++] = call;
  return true;
}

/* The org id passed at a call: the one name of that role bound there. */
static bool call_org(Arena *a, const Module *m, TSNode call, OrgParamCall *out) {
  const char *org[2];
  if (fix_org_ids_bound(a, m, ts_node_start_byte(call), ts_node_end_byte(call), org, 2) != 1)
    return false;
  TSNode args = node_field(call, "arguments");
  out->m = m;
  out->call = call;
  out->org = org[0];
  out->at = ts_node_start_byte(args) + 1;
  out->text = ts_node_named_child_count(args) ? arena_printf(a, "%s, ", org[0]) : org[0];
  return true;
}

/* organizationId, or orgId when that is bound around the builder or
 * written in it (a parameter of that name would clash or shadow). */
static const char *free_param_name(const Module *m, TSNode fn) {
  for (size_t i = 0; i < sizeof param_names / sizeof *param_names; i++)
    if (scope_lookup(m, fn, param_names[i]).kind == BIND_NONE &&
        !channel_name_written_in(m, fn, param_names[i]))
      return param_names[i];
  return NULL;
}

/* The builder around [start, end) of m, exported or not as `exported`
 * asks, with its calls in m and the parameter it would get; false when
 * withheld. */
static bool builder_in_file(Arena *a, const Module *m, uint32_t start, uint32_t end, bool exported,
                            OrgParam *out, Mentions *x, Builder *b) {
  TSNode fn = scope_node_for_range(m, start, end);
  while (!ts_node_is_null(fn) && !node_is_function(fn))
    fn = scope_node_parent(m, fn);
  if (ts_node_is_null(fn) || !find_builder(a, m, fn, b) || b->exported != exported)
    return false;
  TSNode params = node_field(fn, "parameters");
  if (!node_is(params, "formal_parameters"))
    return false;
  uint32_t len;
  const char *text = node_text(&m->src, b->name, &len);
  *x = (Mentions){.m = m,
                  .name = arena_strndup(a, text, len),
                  .member = b->member,
                  .decl = b->name,
                  .fn = fn,
                  .ok = true};
  ast_walk(ts_tree_root_node(m->tree), visit_mention, x);
  const char *param = free_param_name(m, fn);
  if (!x->ok || !param)
    return false;
  OrgParam p = {.name = param, .fn = b->shown, .function = fn};
  for (size_t i = 0; i < x->ncalls; i++)
    if (!call_org(a, m, x->calls[i], &p.calls[p.ncalls++]))
      return false;
  p.param_at = ts_node_start_byte(params) + 1;
  p.param = ts_node_named_child_count(params) ? arena_printf(a, "%s: string, ", param)
                                              : arena_printf(a, "%s: string", param);
  *out = p;
  return true;
}

bool channel_org_param(Arena *a, const Module *m, uint32_t start, uint32_t end, OrgParam *out) {
  Mentions x;
  Builder b;
  OrgParam p;
  if (!m->tree || !builder_in_file(a, m, start, end, false, &p, &x, &b) || p.ncalls == 0)
    return false;
  *out = p;
  return true;
}

static bool mem_contains(const char *hay, size_t len, const char *needle, size_t n) {
  for (size_t i = 0; n && i + n <= len; i++)
    if (memcmp(hay + i, needle, n) == 0)
      return true;
  return false;
}

/* Whether m may be called from outside the project: it lies in a package of
 * its own below the root (a package.json between them), or the root's
 * package.json names it (main, exports: written without its extension). */
static bool package_entry(const Project *p, const Module *m) {
  size_t root_len = strlen(p->root);
  char *dir = xstrdup(m->fs_path);
  bool entry = false;
  for (char *slash = strrchr(dir, '/'); !entry && slash && (size_t)(slash - dir) > root_len;
       slash = strrchr(dir, '/')) {
    *slash = '\0';
    char *pkg = xasprintf("%s/package.json", dir);
    entry = access(pkg, F_OK) == 0;
    free(pkg);
  }
  free(dir);
  if (entry || strncmp(m->fs_path, p->root, root_len) != 0 || m->fs_path[root_len] != '/')
    return true;
  char *pkg = xasprintf("%s/package.json", p->root);
  char *text = NULL;
  size_t len = 0;
  const char *why = NULL;
  if (fsio_read_file(AT_FDCWD, pkg, FSIO_NOFOLLOW, 1u << 20, &text, &len, &why)) {
    const char *rel = m->fs_path + root_len + 1;
    entry = mem_contains(text, len, rel, strcspn(rel, "."));
  }
  free(text);
  free(pkg);
  return entry;
}

/* The name under which the re-export `st` (whose source is m) passes m's
 * `name` on: `export * from "./m"` and `export { name } from "./m"` keep
 * it, `export { name as Other }` renames it; NULL when st does not pass it
 * on. *ok turns false for `export * as ns from "./m"` (its uses cannot be
 * told). */
static const char *reexported_as(Arena *a, const Module *im, TSNode st, const char *name,
                                 bool *ok) {
  const char *as = NULL;
  uint32_t n = ts_node_named_child_count(st);
  bool star = n == 1; /* only the source: `export * from` */
  for (uint32_t i = 0; i < n; i++) {
    TSNode part = ts_node_named_child(st, i);
    if (node_is(part, "namespace_export"))
      *ok = false;
    uint32_t ns = node_is(part, "export_clause") ? ts_node_named_child_count(part) : 0;
    for (uint32_t k = 0; k < ns; k++) {
      TSNode spec = ts_node_named_child(part, k);
      if (!node_is(spec, "export_specifier") ||
          !node_text_eq(&im->src, node_field(spec, "name"), name))
        continue;
      TSNode alias = node_field(spec, "alias");
      uint32_t len;
      const char *text =
          node_text(&im->src, ts_node_is_null(alias) ? node_field(spec, "name") : alias, &len);
      as = arena_strndup(a, text, len);
    }
  }
  return star ? arena_strdup(a, name) : as;
}

/* How importer M reaches the builder `name` of m: the name M gives it
 * through its one named import of it (with the specifier M writes), and in
 * *reexport the name under which M passes it on to its own importers (a
 * barrel: `export * from "./m"`); NULL when M does not import it by name.
 * *ok turns false when M imports m otherwise (a namespace or default
 * import, a dynamic import, a namespace re-export): its uses cannot be
 * told. */
static const char *import_alias(Arena *a, Project *p, const Module *importer, const Module *m,
                                const char *name, const char **spec, const char **reexport,
                                bool *ok) {
  const char *alias = NULL;
  TSNode root = ts_tree_root_node(importer->tree);
  if (mem_contains(importer->src.bytes, importer->src.len, "import(", 7)) {
    *ok = false;
    return NULL;
  }
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n && *ok; i++) {
    TSNode st = ts_node_named_child(root, i);
    TSNode source = node_field(st, "source");
    if (ts_node_is_null(source) ||
        (!node_is(st, "import_statement") && !node_is(st, "export_statement")))
      continue;
    StrBuf sb = {0};
    char *resolved = NULL;
    bool to_m = node_string_value(&importer->src, source, &sb) &&
                project_resolve_import(p, importer, sb_cstr(&sb), &resolved) &&
                strcmp(resolved, m->fs_path) == 0;
    free(resolved);
    if (to_m && node_is(st, "export_statement")) {
      const char *as = reexported_as(a, importer, st, name, ok);
      *ok = *ok && !(as && *reexport); /* passed on twice: withheld */
      *reexport = as ? as : *reexport;
      sb_free(&sb);
      continue;
    }
    TSNode clause = to_m ? ts_node_named_child(st, 0) : (TSNode){0};
    uint32_t nc = node_is(clause, "import_clause") ? ts_node_named_child_count(clause) : 0;
    for (uint32_t k = 0; k < nc && *ok; k++) {
      TSNode part = ts_node_named_child(clause, k);
      if (!node_is(part, "named_imports")) {
        *ok = false; /* a default or namespace import */
        continue;
      }
      uint32_t ns = ts_node_named_child_count(part);
      for (uint32_t j = 0; j < ns; j++) {
        TSNode spec_node = ts_node_named_child(part, j);
        if (!node_is(spec_node, "import_specifier") ||
            !node_text_eq(&importer->src, node_field(spec_node, "name"), name))
          continue;
        TSNode local = node_field(spec_node, "alias");
        uint32_t len;
        const char *text = node_text(
            &importer->src, ts_node_is_null(local) ? node_field(spec_node, "name") : local, &len);
        *ok = alias == NULL; /* imported twice: withheld */
        alias = arena_strndup(a, text, len);
        *spec = arena_strdup(a, sb_cstr(&sb));
      }
    }
    sb_free(&sb);
  }
  return *ok ? alias : NULL;
}

/* Whether im declares `name` itself (not by importing it): its own
 * declaration, not the one a star re-export passes on, is what its
 * importers get. */
static bool declares_own(const Module *im, const char *name) {
  Binding b = scope_lookup(im, ts_tree_root_node(im->tree), name);
  return b.kind != BIND_NONE && b.kind != BIND_IMPORT;
}

/* The calls of m's exported builder `name` in the files that import it,
 * appended to q, following re-exports (a barrel's `export * from "./m"`)
 * to the files that import it from there; false when one of them cannot be
 * told or passes no org id. */
static bool importer_calls(Arena *a, Project *p, const ImportGraph *g, const Module *m,
                           const char *name, const char *member, OrgParam *q, Module **held,
                           size_t *nheld, int depth) {
  Module *const *importers;
  size_t n = import_graph_importers(g, m, &importers);
  for (size_t i = 0; i < n; i++) {
    Module *im = importers[i];
    if (*nheld == ORG_PARAM_MAX_FILES)
      return false;
    project_hold(im);
    held[(*nheld)++] = im;
    if (!im->tree)
      return false;
    bool ok = true;
    const char *spec = NULL, *reexport = NULL;
    const char *alias = import_alias(a, p, im, m, name, &spec, &reexport, &ok);
    if (!ok)
      return false;
    if (reexport &&
        (depth == ORG_PARAM_MAX_BARRELS || package_entry(p, im) || declares_own(im, reexport) ||
         !importer_calls(a, p, g, im, reexport, member, q, held, nheld, depth + 1)))
      return false;
    if (!alias)
      continue;
    Mentions x = {
        .m = im, .name = alias, .member = member, .imported = name, .source = spec, .ok = true};
    ast_walk(ts_tree_root_node(im->tree), visit_mention, &x);
    if (!x.ok || q->ncalls + x.ncalls > ORG_PARAM_MAX_CALLS)
      return false;
    for (size_t k = 0; k < x.ncalls; k++)
      if (!call_org(a, im, x.calls[k], &q->calls[q->ncalls++]))
        return false;
  }
  return true;
}

/* The suggestion for one exported builder's building site, into d (whose
 * src is the site's file); false when withheld. */
static bool exported_builder_fix(Arena *a, Project *p, LazyImportGraph *imports,
                                 const DiagOrgParam *site, Diag *d, Module **held, size_t *nheld) {
  const Module *m = module_of_source(site->src);
  Mentions x;
  Builder b;
  OrgParam q;
  if (!builder_in_file(a, m, site->start, site->end, true, &q, &x, &b) || package_entry(p, m))
    return false;
  const char *param = q.name;
  if (!importer_calls(a, p, lazy_import_graph_get(imports), m, x.name, b.member, &q, held, nheld,
                      0) ||
      q.ncalls == 0)
    return false;
  /* The placeholder stands for the new parameter. */
  StrBuf call = {0};
  const char *hole = strstr(site->call, DIAG_ORG_PLACEHOLDER);
  sb_append_n(&call, site->call, (size_t)(hole - site->call));
  sb_append(&call, param);
  sb_append(&call, hole + strlen(DIAG_ORG_PLACEHOLDER));
  diag_add_edit_in(d, &m->src, site->start, site->end, sb_cstr(&call));
  diag_add_edit_in(d, &m->src, q.param_at, q.param_at, q.param);
  TSNode done[ORG_PARAM_MAX_CALLS];
  size_t ndone = 0;
  for (size_t i = 0; i < q.ncalls; i++) {
    const OrgParamCall *c = &q.calls[i];
    diag_add_edit_in(d, &c->m->src, c->at, c->at, c->text);
    fix_add_hook_dependency(a, c->m, d, c->call, c->org, fix_org_owner(c->m, c->call, c->org), done,
                            &ndone, ORG_PARAM_MAX_CALLS);
  }
  fix_require_standard_import(d, p, m, "UNIFIED_CHANNELS");
  char *title =
      xasprintf("Replace with %s, adding the parameter `%s` to %s, passed at its %zu %s "
                "across the project",
                sb_cstr(&call), param, b.shown, q.ncalls, q.ncalls == 1 ? "call" : "calls");
  diag_set_fix(d, FIX_SUGGESTION, title);
  free(title);
  sb_free(&call);
  return true;
}

/* A use's own suggestion (its builder call rewritten where it is) gives way
 * to the building site's, as every use of a name carries its site's fix. */
static void copy_fix(Diag *to, const Diag *from) {
  for (size_t i = 0; i < to->fix.nedits; i++)
    free(to->fix.edits[i].text);
  to->fix.nedits = 0;
  for (size_t i = 0; i < from->fix.nedits; i++) {
    const Edit *e = &from->fix.edits[i];
    diag_add_edit_in(to, e->src ? e->src : from->src, e->start, e->end, e->text);
  }
  diag_set_fix(to, from->fix.applicability, from->fix.title);
}

void channel_org_param_pass(Project *p, LazyImportGraph *imports, DiagList *diags) {
  StrMap sites = {0}; /* site key -> Diag holding its fix (fix none: withheld) */
  Diag *made = NULL;
  size_t nmade = 0, cap = 0;
  Arena a = {0};
  Module *held[ORG_PARAM_MAX_FILES + 1];
  for (size_t i = 0; i < diags->n; i++) {
    Diag *d = &diags->items[i];
    const DiagOrgParam *site = &d->org_param;
    if (!site->call || d->fix.applicability == FIX_SAFE)
      continue;
    char key[STRMAP_NUM_KEY_SIZE(3)];
    strmap_num_key(key, (unsigned long long[]){(uintptr_t)site->src, site->start, site->end}, 3);
    uintptr_t at = (uintptr_t)strmap_get(&sites, key);
    if (!at) {
      Diag fix;
      memset(&fix, 0, sizeof fix);
      fix.src = site->src;
      size_t nheld = 0;
      Module *m = (Module *)module_of_source(site->src);
      project_hold(m);
      if (m->tree && !exported_builder_fix(&a, p, imports, site, &fix, held, &nheld))
        diag_free(&fix);
      for (size_t k = 0; k < nheld; k++)
        project_release(held[k]);
      project_release(m);
      ARRAY_PUSH(made, nmade, cap, fix);
      at = nmade;
      strmap_put(&sites, key, (void *)at);
    }
    if (made[at - 1].fix.nedits)
      copy_fix(d, &made[at - 1]);
  }
  for (size_t i = 0; i < nmade; i++)
    diag_free(&made[i]);
  free(made);
  strmap_free(&sites, NULL);
  arena_free(&a);
}
