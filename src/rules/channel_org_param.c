/* A legacy channel builder with no organization id in reach gets one as a
 * parameter, passed at each of its calls (rules/channel_org_param.h). */
#include "rules/channel_org_param.h"

#include "fix/org_id.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/channel_org_prop.h"

#include <string.h>

static const char *const param_names[] = {"organizationId", "orgId"};

/* The name node of fn when fn is a builder m declares at its top level and
 * does not export: `function f(...)` or `const f = (...) => ...`. */
static TSNode local_builder_name(const Module *m, TSNode fn) {
  TSNode none = {0}, parent = scope_node_parent(m, fn);
  if (node_is(fn, "function_declaration"))
    return node_is(parent, "program") ? node_field(fn, "name") : none;
  if (!node_is(fn, "arrow_function") && !node_is(fn, "function_expression") &&
      !node_is(fn, "function"))
    return none;
  if (!node_is(parent, "variable_declarator") || !ts_node_eq(node_field(parent, "value"), fn))
    return none;
  TSNode name = node_field(parent, "name"), decl = scope_node_parent(m, parent);
  uint32_t len;
  const char *kw = node_text(&m->src, decl, &len);
  bool is_const = node_is(decl, "lexical_declaration") && len > 6 && memcmp(kw, "const ", 6) == 0;
  return is_const && node_is(name, "identifier") && node_is(scope_node_parent(m, decl), "program")
             ? name
             : none;
}

/* Every mention of the builder's name in the file: each must be a direct
 * call of that very declaration, outside the builder. */
typedef struct Mentions {
  const Module *m;
  const char *name;
  TSNode decl, fn;
  bool ok;
  TSNode calls[ORG_PARAM_MAX_CALLS];
  size_t ncalls;
} Mentions;

static bool visit_mention(TSNode n, void *data) {
  Mentions *x = data;
  if (!x->ok)
    return false;
  const char *type = ts_node_type(n);
  bool ident = strcmp(type, "identifier") == 0;
  bool shorthand = strncmp(type, "shorthand_property_identifier", 29) == 0;
  if ((!ident && !shorthand) || !node_text_eq(&x->m->src, n, x->name) || ts_node_eq(n, x->decl))
    return true;
  TSNode call = scope_node_parent(x->m, n);
  uint32_t at = ts_node_start_byte(n);
  bool is_call = ident && node_is(call, "call_expression") &&
                 ts_node_eq(node_field(call, "function"), n) &&
                 node_is(node_field(call, "arguments"), "arguments");
  bool inside = at >= ts_node_start_byte(x->fn) && at < ts_node_end_byte(x->fn);
  Binding b = ident ? scope_lookup(x->m, n, x->name) : (Binding){0};
  bool same = b.kind != BIND_NONE && ts_node_eq(b.decl, x->decl);
  if (!is_call || inside || !same || x->ncalls == ORG_PARAM_MAX_CALLS) {
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

bool channel_org_param(Arena *a, const Module *m, uint32_t start, uint32_t end, OrgParam *out) {
  if (!m->tree)
    return false;
  TSNode fn = scope_node_for_range(m, start, end);
  while (!ts_node_is_null(fn) && !node_is_function(fn))
    fn = scope_node_parent(m, fn);
  TSNode name = ts_node_is_null(fn) ? fn : local_builder_name(m, fn);
  TSNode params = ts_node_is_null(name) ? name : node_field(fn, "parameters");
  if (ts_node_is_null(params) || !node_is(params, "formal_parameters"))
    return false;
  uint32_t len;
  const char *text = node_text(&m->src, name, &len);
  Mentions x = {.m = m, .name = arena_strndup(a, text, len), .decl = name, .fn = fn, .ok = true};
  ast_walk(ts_tree_root_node(m->tree), visit_mention, &x);
  const char *param = free_param_name(m, fn);
  if (!x.ok || x.ncalls == 0 || !param)
    return false;
  OrgParam p = {.name = param, .fn = x.name, .function = fn};
  for (size_t i = 0; i < x.ncalls; i++)
    if (!call_org(a, m, x.calls[i], &p.calls[p.ncalls++]))
      return false;
  p.param_at = ts_node_start_byte(params) + 1;
  p.param = ts_node_named_child_count(params) ? arena_printf(a, "%s: string, ", param)
                                              : arena_printf(a, "%s: string", param);
  *out = p;
  return true;
}
