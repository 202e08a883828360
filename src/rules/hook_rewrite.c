#include "rules/hook_rewrite.h"

#include "core/util.h"
#include "fix/bound.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"
#include "rules/hook_calls.h"
#include "rules/realtime_api.h"
#include "rules/realtime_results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One useRealtime option the call gets: key and the argument's text. */
typedef struct Option {
  const char *key;
  char *expr;
} Option;

typedef struct Planner {
  RuleCtx *ctx;
  const Source *src;
  const HookMigration *hook;
  const char *rt; /* "useRealtime" */
  HookPlan *plan;
  char quote;
  /* What the project's useRealtime returns (realtime_results.h): a result
   * the mapping does not list maps to the property of the same name. */
  RealtimeResults returns;
  bool returns_known; /* false: its definition could not be read */
  /* The positional parameters in the order the project's own hook declares
   * them (the mapping's names), else the mapping's order. */
  const char *params[16];
  size_t nparams;
} Planner;

static void plan_edit(Planner *pl, uint32_t start, uint32_t end, const char *text) {
  diag_add_edit(&pl->plan->edits, start, end, text);
}

/* Every identifier spelling `name` in the tree except those in `allowed`
 * (start bytes): a conservative "is it used anywhere else". */
typedef struct NameUse {
  const Source *src;
  const char *name;
  const uint32_t *allowed;
  size_t nallowed;
  bool other;
} NameUse;

static bool visit_name(TSNode n, void *data) {
  NameUse *u = data;
  if (u->other)
    return false;
  static const char *const names[] = {"identifier", "shorthand_property_identifier",
                                      "shorthand_property_identifier_pattern"};
  if (node_type_among(n, names, sizeof names / sizeof *names) < 0)
    return true;
  if (!node_text_eq(u->src, n, u->name))
    return true;
  uint32_t at = ts_node_start_byte(n);
  for (size_t i = 0; i < u->nallowed; i++)
    if (u->allowed[i] == at)
      return true;
  u->other = true;
  return false;
}

static bool name_used_elsewhere(const Module *m, const char *name, const uint32_t *allowed,
                                size_t nallowed) {
  NameUse u = {&m->src, name, allowed, nallowed, false};
  ast_walk(ts_tree_root_node(m->tree), visit_name, &u);
  return u.other;
}

static bool has_comment(TSNode n, void *data) {
  if (node_is(n, "comment"))
    *(bool *)data = true;
  return !*(bool *)data;
}

static uint32_t line_start(const Source *src, uint32_t at) {
  while (at > 0 && src->bytes[at - 1] != '\n')
    at--;
  return at;
}

/* `name` is the hook's name for the argument or result; `given` what the call
 * passed for it, shown when it differs and fits on the line. */
static void add_todo(Planner *pl, StrBuf *todo, TSNode stmt, const char *name, const char *given) {
  /* The comment goes on its own line above the statement's line, indented
   * like that line. */
  uint32_t at = line_start(pl->src, ts_node_start_byte(stmt)), end = at;
  while (end < pl->src->len && (pl->src->bytes[end] == ' ' || pl->src->bytes[end] == '\t'))
    end++;
  sb_append_n(todo, pl->src->bytes + at, end - at);
  if (given && strcmp(given, name) != 0 && strlen(given) <= 40 && !strchr(given, '\n'))
    sb_appendf(todo, "// TODO(rtlint): %s (%s) has no %s counterpart\n", name, given, pl->rt);
  else
    sb_appendf(todo, "// TODO(rtlint): %s has no %s counterpart\n", name, pl->rt);
  pl->plan->ntodo++;
}

static bool add_option(Planner *pl, Option *opts, size_t *nopts, const char *name, TSNode expr,
                       StrBuf *todo, TSNode stmt) {
  const char *key = hook_map_lookup(pl->hook->options, pl->hook->noptions, name);
  if (!key) {
    char *given = node_text_dup(pl->src, expr);
    add_todo(pl, todo, stmt, name, given);
    free(given);
    return true;
  }
  for (size_t i = 0; i < *nopts; i++)
    if (strcmp(opts[i].key, key) == 0)
      return false; /* two arguments for one option: not ours to choose */
  opts[*nopts].key = key;
  opts[*nopts].expr = node_text_dup(pl->src, expr);
  ++*nopts;
  return true;
}

static bool is_param_name(const char *const *params, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(params[i], s) == 0)
      return true;
  return false;
}

/* A name the map lists, with a counterpart or with `~` (none). */
static bool map_lists(const HookNameMap *map, size_t n, const char *from) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(map[i].from, from) == 0)
      return true;
  return false;
}

/* The call's arguments, by position or by the options object's keys. */
static bool map_arguments(Planner *pl, TSNode call, Option *opts, size_t *nopts, size_t cap,
                          StrBuf *todo, TSNode stmt) {
  TSNode args = node_field(call, "arguments");
  bool comment = false;
  ast_walk(args, has_comment, &comment);
  if (comment || !ts_node_is_null(node_field(call, "type_arguments")))
    return false;
  uint32_t n = call_argument_count(call);
  if (pl->hook->arguments == HOOK_ARGS_POSITIONAL) {
    if (n > pl->nparams || n > cap)
      return false;
    for (uint32_t i = 0; i < n; i++) {
      TSNode a = call_argument(call, i);
      if (node_is(a, "spread_element"))
        return false;
      /* `useX(organizationId, ...)` where the hook wants conversationId
       * first: a project whose signature differs from the mapping's. */
      char *text = node_text_dup(pl->src, a);
      bool misplaced =
          strcmp(text, pl->params[i]) != 0 && is_param_name(pl->params, pl->nparams, text);
      free(text);
      if (misplaced || !add_option(pl, opts, nopts, pl->params[i], a, todo, stmt))
        return false;
    }
    return true;
  }
  if (n != 1)
    return false;
  TSNode obj = node_unwrap(call_argument(call, 0));
  if (!node_is(obj, "object") || ts_node_named_child_count(obj) > cap)
    return false;
  ChildIter it;
  bool ok = true;
  for (TSNode c = child_iter_first(&it, obj, true); ok && !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    char *key = NULL;
    TSNode value = c;
    if (node_is(c, "shorthand_property_identifier")) {
      key = node_text_dup(pl->src, c);
    } else if (node_is(c, "pair")) {
      TSNode k = node_field(c, "key");
      StrBuf sb = {0};
      if (node_is(k, "property_identifier"))
        key = node_text_dup(pl->src, k);
      else if (node_is(k, "string") && node_string_value(pl->src, k, &sb))
        key = xstrdup(sb_cstr(&sb));
      sb_free(&sb);
      value = node_field(c, "value");
    }
    ok = key && add_option(pl, opts, nopts, key, value, todo, stmt);
    free(key);
  }
  child_iter_done(&it);
  return ok;
}

/* The useRealtime result that stands for the old hook's result `key`: the
 * mapping's, else the same name when the project's useRealtime returns it;
 * NULL when there is none or the mapping says `~`. A mapped name the
 * project's useRealtime is known not to return is none: the mapping was
 * written for another useRealtime, and the property would not exist here. */
static const char *result_counterpart(const Planner *pl, const char *key) {
  const char *to = hook_map_lookup(pl->hook->results, pl->hook->nresults, key);
  if (to)
    return !pl->returns_known || realtime_results_has(&pl->returns, to) ? to : NULL;
  if (map_lists(pl->hook->results, pl->hook->nresults, key))
    return NULL;
  return realtime_results_has(&pl->returns, key) ? key : NULL;
}

/* The declaration's destructuring rewritten to useRealtime's result names:
 * `{ a, b: c }` -> `{ x, y: c }`. Results without a counterpart are dropped
 * when nothing else uses them, with a TODO; otherwise false (no fix). *pattern
 * is the new text, or NULL when nothing remains to destructure. */
static bool map_results(Planner *pl, TSNode pat, char **pattern, StrBuf *todo, TSNode stmt) {
  StrBuf out = {0};
  size_t kept = 0;
  ChildIter it;
  bool ok = true;
  for (TSNode c = child_iter_first(&it, pat, true); ok && !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    TSNode key_node, local_node;
    if (node_is(c, "shorthand_property_identifier_pattern")) {
      key_node = local_node = c;
    } else if (node_is(c, "pair_pattern") && node_is(node_field(c, "key"), "property_identifier") &&
               node_is(node_field(c, "value"), "identifier")) {
      key_node = node_field(c, "key");
      local_node = node_field(c, "value");
    } else {
      ok = false; /* defaults, rest, nested patterns, computed keys */
      break;
    }
    char *key = node_text_dup(pl->src, key_node), *local = node_text_dup(pl->src, local_node);
    const char *to = result_counterpart(pl, key);
    if (to) {
      sb_append(&out, kept++ ? ", " : "{ ");
      if (strcmp(to, local) == 0)
        sb_append(&out, local);
      else
        sb_appendf(&out, "%s: %s", to, local);
    } else {
      uint32_t at = ts_node_start_byte(local_node);
      if (name_used_elsewhere(pl->ctx->mod, local, &at, 1))
        ok = false;
      else
        add_todo(pl, todo, stmt, key, local);
    }
    free(key);
    free(local);
  }
  child_iter_done(&it);
  if (kept)
    sb_append(&out, " }");
  *pattern = ok && kept ? sb_take(&out) : NULL;
  sb_free(&out);
  return ok;
}

/* `const rt = useX(...)` read only as `rt.prop`: every prop must have a
 * useRealtime counterpart (result_counterpart) and is renamed to it. Any
 * other read of rt (passed on, spread, returned, `rt[k]`, written to) hands
 * the whole result on, so nothing can say which props it needs. */
typedef struct MemberReads {
  Planner *pl;
  TSNode decl; /* the declared name */
  const char *name;
  bool ok;
} MemberReads;

static bool is_write_target(const Module *m, TSNode member) {
  TSNode parent = scope_node_parent(m, member);
  if (node_is(parent, "update_expression"))
    return true;
  return (node_is(parent, "assignment_expression") ||
          node_is(parent, "augmented_assignment_expression")) &&
         ts_node_eq(node_field(parent, "left"), member);
}

static bool read_member(MemberReads *r, TSNode ident) {
  TSNode member = scope_node_parent(r->pl->ctx->mod, ident);
  if (!node_is(member, "member_expression") || !ts_node_eq(node_field(member, "object"), ident) ||
      is_write_target(r->pl->ctx->mod, member))
    return false;
  TSNode prop = node_field(member, "property");
  if (!node_is(prop, "property_identifier"))
    return false;
  char *key = node_text_dup(r->pl->src, prop);
  const char *to = result_counterpart(r->pl, key);
  if (to && strcmp(to, key) != 0)
    plan_edit(r->pl, ts_node_start_byte(prop), ts_node_end_byte(prop), to);
  free(key);
  return to != NULL;
}

static bool visit_member_read(TSNode n, void *data) {
  MemberReads *r = data;
  if (!r->ok)
    return false;
  bool ident = node_is(n, "identifier");
  if (!ident && !node_is(n, "shorthand_property_identifier") &&
      !node_is(n, "shorthand_property_identifier_pattern"))
    return true;
  if (!node_text_eq(r->pl->src, n, r->name) || ts_node_eq(n, r->decl))
    return true;
  Binding b = scope_lookup(r->pl->ctx->mod, n, r->name);
  if (!ts_node_is_null(b.decl) && ts_node_eq(b.decl, r->decl))
    r->ok = ident && read_member(r, n); /* `{ rt }` hands the whole result on */
  else /* another declaration, or a parameter of another function: not ours */
    r->ok = !ts_node_is_null(b.decl) || !ts_node_is_null(b.node);
  return r->ok;
}

static bool map_member_results(Planner *pl, TSNode name) {
  char *local = node_text_dup(pl->src, name);
  MemberReads r = {pl, name, local, true};
  ast_walk(ts_tree_root_node(pl->ctx->mod->tree), visit_member_read, &r);
  free(local);
  return r.ok;
}

/* The statement holding the call: the ancestor directly in a block. */
static TSNode statement_of(const Module *m, TSNode n) {
  TSNode anc[256];
  size_t k = scope_ancestors(m, n, anc, 256);
  if (k == SIZE_MAX)
    return (TSNode){0};
  TSNode child = n;
  for (size_t i = k; i-- > 0;) {
    if (node_is(anc[i], "statement_block") || node_is(anc[i], "program"))
      return child;
    child = anc[i];
  }
  return (TSNode){0};
}

static bool plan_call(Planner *pl, TSNode call) {
  const Module *m = pl->ctx->mod;
  TSNode stmt = statement_of(m, call);
  if (ts_node_is_null(stmt))
    return false;
  Binding shadow = scope_lookup(m, call, pl->rt);
  if (shadow.kind != BIND_NONE && shadow.kind != BIND_IMPORT)
    return false;
  StrBuf todo = {0};
  Option opts[16];
  size_t nopts = 0;
  bool ok = map_arguments(pl, call, opts, &nopts, 16, &todo, stmt);
  char *pattern = NULL;
  uint32_t cut_start = 0, cut_end = 0; /* `const { a } = ` when nothing is kept */
  TSNode parent = scope_node_parent(pl->ctx->mod, call);
  if (!ok) {
  } else if (node_is(parent, "expression_statement")) {
  } else if (node_is(parent, "variable_declarator") &&
             ts_node_eq(node_field(parent, "value"), call)) {
    TSNode name = node_field(parent, "name");
    TSNode decl = scope_node_parent(pl->ctx->mod, parent);
    if (!ts_node_is_null(node_field(parent, "type"))) {
      ok = false; /* `const r: OldResult = useX()`: the annotation names the old result */
    } else if (node_is(name, "identifier")) {
      ok = map_member_results(pl, name);
    } else if (node_is(name, "object_pattern")) {
      ok = map_results(pl, name, &pattern, &todo, stmt);
      if (ok && !pattern) {
        ok = ts_node_named_child_count(decl) == 1 && ts_node_eq(decl, stmt);
        cut_start = ts_node_start_byte(decl);
        cut_end = ts_node_start_byte(call);
      } else if (ok) {
        plan_edit(pl, ts_node_start_byte(name), ts_node_end_byte(name), pattern);
      }
    } else {
      ok = false;
    }
  } else {
    ok = false; /* returned, passed on, awaited...: the whole result escapes */
  }
  const char *type = pl->hook->type;
  if (type && strcmp(type, "folder") == 0)
    type = module_realtime_type(m);
  for (size_t i = 0; i < nopts; i++)
    if (strcmp(opts[i].key, "type") == 0)
      type = NULL; /* the call says it */
  if (ok && !type && pl->hook->type) {
    bool given = false;
    for (size_t i = 0; i < nopts; i++)
      given = given || strcmp(opts[i].key, "type") == 0;
    ok = given; /* the folder does not decide and the call does not say */
  }
  if (ok) {
    StrBuf text = {0};
    sb_appendf(&text, "%s({ ", pl->rt);
    size_t written = 0;
    if (type)
      sb_appendf(&text, "type: %c%s%c", pl->quote, type, pl->quote), written++;
    for (size_t k = 0; k < pl->hook->noptions; k++) {
      const char *key = pl->hook->options[k].to;
      for (size_t i = 0; key && i < nopts; i++) {
        if (opts[i].key != key)
          continue;
        sb_append(&text, written++ ? ", " : "");
        if (strcmp(opts[i].expr, key) == 0)
          sb_append(&text, key);
        else
          sb_appendf(&text, "%s: %s", key, opts[i].expr);
        opts[i].key = ""; /* written once even when two names map to it */
      }
    }
    sb_append(&text, " })");
    uint32_t cs = ts_node_start_byte(call), ce = ts_node_end_byte(call);
    /* The option values are the call's own argument texts, moved within the
     * replaced range; object keys are no names; the one new name is the hook,
     * which the plan's import provides. */
    ok = fix_names_bound(m, cs, ce, pl->rt, pl->rt);
    if (ok) {
      if (cut_end)
        plan_edit(pl, cut_start, cut_end, "");
      plan_edit(pl, cs, ce, sb_cstr(&text));
      if (todo.len) {
        uint32_t line = line_start(pl->src, ts_node_start_byte(stmt));
        plan_edit(pl, line, line, sb_cstr(&todo));
      }
    }
    sb_free(&text);
  }
  for (size_t i = 0; i < nopts; i++)
    free(opts[i].expr);
  free(pattern);
  sb_free(&todo);
  return ok;
}

/* The hook's import: the named specifier (or default identifier) and its
 * statement; false when it is imported otherwise or more than once. */
typedef struct HookImport {
  TSNode stmt, spec; /* spec: import_specifier, or the default identifier */
  char *local;
  bool only; /* the statement imports nothing else */
} HookImport;

static bool find_import(Planner *pl, HookImport *hi) {
  const Module *m = pl->ctx->mod;
  size_t n, found = 0;
  const TSNode *imports = scope_index_imports(scope_index_of(m), &n);
  for (size_t i = 0; i < n; i++) {
    TSNode clause = node_child_of(imports[i], "import_clause");
    uint32_t cn = ts_node_is_null(clause) ? 0 : ts_node_named_child_count(clause);
    for (uint32_t j = 0; j < cn; j++) {
      TSNode c = ts_node_named_child(clause, j);
      if (node_is(c, "identifier") && node_text_eq(pl->src, c, pl->hook->hook)) {
        found++;
        hi->stmt = imports[i];
        hi->spec = c;
        hi->only = cn == 1;
      } else if (node_is(c, "named_imports")) {
        uint32_t sn = ts_node_named_child_count(c);
        for (uint32_t k = 0; k < sn; k++) {
          TSNode s = ts_node_named_child(c, k);
          if (node_is(s, "import_specifier") &&
              node_text_eq(pl->src, node_field(s, "name"), pl->hook->hook)) {
            found++;
            hi->stmt = imports[i];
            hi->spec = s;
            hi->only = cn == 1 && sn == 1;
          }
        }
      } else if (node_is(c, "namespace_import")) {
        return false; /* ns.useX(): not rewritten */
      }
    }
  }
  if (found != 1)
    return false;
  TSNode alias = node_field(hi->spec, "alias");
  TSNode local = node_is(hi->spec, "identifier") ? hi->spec
                 : ts_node_is_null(alias)        ? node_field(hi->spec, "name")
                                                 : alias;
  hi->local = node_text_dup(pl->src, local);
  return true;
}

/* Removes [start, end) and the line break after it when the range fills its
 * lines. */
static void remove_statement(Planner *pl, TSNode stmt, const char *replacement) {
  uint32_t s = ts_node_start_byte(stmt), e = ts_node_end_byte(stmt);
  if (replacement) {
    plan_edit(pl, s, e, replacement);
    return;
  }
  if (e < pl->src->len && pl->src->bytes[e] == '\n')
    e++;
  plan_edit(pl, s, e, "");
}

static void remove_specifier(Planner *pl, TSNode spec) {
  TSNode next = ts_node_next_named_sibling(spec), prev = ts_node_prev_named_sibling(spec);
  if (!ts_node_is_null(next))
    plan_edit(pl, ts_node_start_byte(spec), ts_node_start_byte(next), "");
  else
    plan_edit(pl, ts_node_end_byte(prev), ts_node_end_byte(spec), "");
}

/* Where useRealtime comes from: "" when the file already imports it (from a
 * module of the project that exports it), else the first of the standards'
 * candidate modules that resolves here and exports it; NULL when none does
 * (never an import that does not resolve). *resolved: the specifier. */
static char *realtime_spec(Planner *pl, const char **resolved) {
  RuleCtx *ctx = pl->ctx;
  if (!realtime_hook_module(ctx, pl->rt, (const char *const *)ctx->std->realtime_modules,
                            ctx->std->nrealtime_modules, resolved, NULL))
    return NULL;
  bool imported = scope_lookup_toplevel(ctx->mod, pl->rt).kind == BIND_IMPORT;
  return xstrdup(imported ? "" : *resolved);
}

/* The hook's positional parameters as the project declares them, when its
 * definition is found: false when it declares one the mapping does not name
 * (another signature: no fix). Otherwise the mapping's order. */
static bool declared_params(Planner *pl, const HookImport *hi) {
  const HookMigration *h = pl->hook;
  pl->nparams = 0;
  for (size_t i = 0; i < h->nparams && i < sizeof pl->params / sizeof *pl->params; i++)
    pl->params[pl->nparams++] = h->params[i];
  if (h->arguments != HOOK_ARGS_POSITIONAL)
    return true;
  Binding b = scope_lookup_toplevel(pl->ctx->mod, hi->local);
  if (b.kind != BIND_IMPORT)
    return true;
  const Module *t = resolve_import_target(pl->ctx->res, pl->ctx->mod, &b);
  Export ex = t ? resolve_find_export(pl->ctx->res, t, b.imported, 0) : (Export){0};
  if (!ex.found || !ex.mod || ex.b.kind != BIND_FUNCTION || ts_node_is_null(ex.b.node))
    return true;
  TSNode params = node_field(ex.b.node, "parameters");
  if (ts_node_is_null(params))
    return true;
  const char *declared[16];
  size_t n = 0;
  bool ok = true;
  ChildIter it;
  for (TSNode c = child_iter_first(&it, params, true); ok && !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    if (node_is(c, "comment"))
      continue;
    TSNode pat = node_field(c, "pattern");
    ok = (node_is(c, "required_parameter") || node_is(c, "optional_parameter")) &&
         node_is(pat, "identifier") && n < sizeof declared / sizeof *declared;
    for (size_t k = 0; ok && k <= h->nparams; k++) {
      if (k == h->nparams)
        ok = false; /* a parameter the mapping does not name */
      else if (node_text_eq(&ex.mod->src, pat, h->params[k])) {
        declared[n++] = h->params[k];
        break;
      }
    }
  }
  child_iter_done(&it);
  if (!ok)
    return false;
  pl->nparams = n;
  memcpy(pl->params, declared, n * sizeof *declared);
  return true;
}

void hook_plan_build(RuleCtx *ctx, const HookMigration *hook, HookPlan *plan) {
  memset(plan, 0, sizeof *plan);
  if (hook->arguments == HOOK_ARGS_UNMAPPED || !ctx->std->realtime_hook)
    return;
  Planner pl;
  memset(&pl, 0, sizeof pl);
  pl.ctx = ctx;
  pl.src = &ctx->mod->src;
  pl.hook = hook;
  pl.rt = ctx->std->realtime_hook;
  pl.plan = plan;
  pl.quote = '"';
  HookImport hi = {0};
  if (!find_import(&pl, &hi))
    return;
  TSNode source = node_field(hi.stmt, "source");
  pl.quote = pl.src->bytes[ts_node_start_byte(source)];
  const char *resolved = NULL;
  char *spec = realtime_spec(&pl, &resolved);
  bool ok = spec != NULL && declared_params(&pl, &hi);
  if (ok) /* none known when it fails */
    pl.returns_known = realtime_results(ctx, resolved, pl.rt, &pl.returns);
  /* Every use of the imported name must be a call this plan rewrites. */
  uint32_t *allowed = xcalloc(ctx->facts->ncalls + 1, sizeof *allowed);
  size_t nallowed = 0;
  TSNode local_node = node_is(hi.spec, "identifier") ? hi.spec
                      : ts_node_is_null(node_field(hi.spec, "alias"))
                          ? node_field(hi.spec, "name")
                          : node_field(hi.spec, "alias");
  allowed[nallowed++] = ts_node_start_byte(local_node);
  for (size_t i = 0; ok && i < ctx->facts->ncalls; i++) {
    TSNode call = ctx->facts->calls[i];
    TSNode fn = node_unwrap(node_field(call, "function"));
    if (!node_is(fn, "identifier") || !node_text_eq(pl.src, fn, hi.local))
      continue;
    char name[128];
    if (!hook_call_name(ctx->proj, ctx->mod, call, name, sizeof name) ||
        strcmp(name, hook->hook) != 0)
      continue;
    allowed[nallowed++] = ts_node_start_byte(fn);
    ok = plan_call(&pl, call);
  }
  ok = ok && !name_used_elsewhere(ctx->mod, hi.local, allowed, nallowed);
  if (ok) {
    bool semi = pl.src->bytes[ts_node_end_byte(hi.stmt) - 1] == ';';
    char *stmt = spec[0] ? xasprintf("import { %s } from %c%s%c%s", pl.rt, pl.quote, spec, pl.quote,
                                     semi ? ";" : "")
                         : NULL;
    if (hi.only) {
      remove_statement(&pl, hi.stmt, stmt);
    } else {
      if (node_is(hi.spec, "identifier"))
        ok = false; /* `import useX, { y }`: left to a person */
      else
        remove_specifier(&pl, hi.spec);
      if (stmt) {
        char *line = xasprintf("\n%s", stmt);
        uint32_t at = ts_node_end_byte(hi.stmt);
        plan_edit(&pl, at, at, line);
        free(line);
      }
    }
    free(stmt);
  }
  plan->ok = ok && plan->edits.fix.nedits > 0;
  free(allowed);
  free(spec);
  free(hi.local);
}

void hook_plan_attach(const HookPlan *plan, const HookMigration *hook, const char *realtime_hook,
                      Diag *d) {
  if (!plan->ok)
    return;
  for (size_t i = 0; i < plan->edits.fix.nedits; i++) {
    const Edit *e = &plan->edits.fix.edits[i];
    diag_add_edit(d, e->start, e->end, e->text);
  }
  char *title = plan->ntodo ? xasprintf("Replace %s with %s (review the TODO(rtlint) comments)",
                                        hook->hook, realtime_hook)
                            : xasprintf("Replace %s with %s", hook->hook, realtime_hook);
  diag_set_fix(d, FIX_SUGGESTION, title);
  free(title);
}

void hook_plan_free(HookPlan *plan) {
  for (size_t i = 0; i < plan->edits.fix.nedits; i++)
    free(plan->edits.fix.edits[i].text);
  free(plan->edits.fix.edits);
  memset(plan, 0, sizeof *plan);
}
