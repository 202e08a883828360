/* message-missing-organization-id's fixes: see message_org_fix.h. */
#include "rules/message_org_fix.h"

#include "core/util.h"
#include "fix/bound.h"
#include "fix/indent.h"
#include "fix/org_id.h"
#include "parse/ast.h"
#include "resolve/scope.h"

#include <stdlib.h>
#include <string.h>

/* Whether the object is bound to a const or typed where it is written. */
static bool object_is_bound_or_typed(const Module *m, TSNode obj) {
  static const char *const wrappers[] = {"parenthesized_expression", "non_null_expression",
                                         "array"};
  static const char *const typing[] = {"as_expression", "satisfies_expression", "type_assertion"};
  TSNode p = scope_node_parent(m, obj);
  while (!ts_node_is_null(p)) {
    if (node_type_among(p, typing, sizeof typing / sizeof *typing) >= 0)
      return true;
    if (node_type_among(p, wrappers, sizeof wrappers / sizeof *wrappers) < 0)
      break;
    p = scope_node_parent(m, p);
  }
  return node_is(p, "variable_declarator");
}

void message_org_rename(RuleCtx *ctx, Diag *d, TSNode obj, TSNode key) {
  if (!d || d->fix.nedits)
    return;
  uint32_t start = ts_node_start_byte(key), end = ts_node_end_byte(key);
  if (node_is(key, "shorthand_property_identifier"))
    diag_add_edit(d, start, end, "organization_id: organizationId");
  else
    diag_add_edit(d, start, end, "organization_id");
  diag_set_fix(d, object_is_bound_or_typed(ctx->mod, obj) ? FIX_SUGGESTION : FIX_SAFE,
               "Rename the key to organization_id");
}

static const char *const dependency_hooks[] = {"useCallback", "useMemo", "useEffect",
                                               "useLayoutEffect", NULL};

/* The hook call whose callback (first argument) encloses n, or null. */
static TSNode enclosing_hook_call(const Module *m, TSNode n, TSNode *callback) {
  TSNode null = {0};
  for (TSNode p = scope_node_parent(m, n); !ts_node_is_null(p); p = scope_node_parent(m, p)) {
    if (!node_is_function(p))
      continue;
    TSNode args = scope_node_parent(m, p);
    TSNode call = node_is(args, "arguments") ? scope_node_parent(m, args) : null;
    if (ts_node_is_null(call) || !node_is(call, "call_expression") ||
        !ts_node_eq(node_unwrap(call_argument(call, 0)), p))
      continue;
    uint32_t len;
    const char *callee = call_callee_name(&m->src, call, &len);
    for (const char *const *h = dependency_hooks; callee && *h; h++)
      if (mem_eq_str(callee, len, *h)) {
        *callback = p;
        return call;
      }
  }
  return null;
}

static bool same_binding(Binding a, Binding b) {
  return a.kind == b.kind && ts_node_eq(a.node, b.node) && ts_node_eq(a.decl, b.decl);
}

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (unsigned char)c >= 0x80;
}

/* `word` occurs as a whole identifier in n's text. */
static bool text_mentions(const Source *src, TSNode n, const char *word) {
  uint32_t len;
  const char *t = node_text(src, n, &len);
  size_t w = strlen(word);
  for (uint32_t i = 0; i + w <= len; i++) {
    if (memcmp(t + i, word, w) != 0)
      continue;
    bool left = i == 0 || !(ident_char(t[i - 1]) || t[i - 1] == '.');
    bool right = i + w == len || !ident_char(t[i + w]);
    if (left && right)
      return true;
  }
  return false;
}

/* A parameter of fn is named `name` (in a pattern too). */
static bool params_mention(const Source *src, TSNode fn, const char *name) {
  TSNode one = node_field(fn, "parameter"), many = node_field(fn, "parameters");
  return (!ts_node_is_null(one) && text_mentions(src, one, name)) ||
         (!ts_node_is_null(many) && text_mentions(src, many, name));
}

/* The edit adding `name` (an identifier, or `obj.id`) to the dependency
 * list of the hook whose callback encloses `at`, when the callback reads it
 * from the component. False when the suggestion must be withheld: a
 * dependency list that is not an array literal. *needed is false when no
 * edit is due. */
static bool dependency_edit(const Module *m, TSNode at, const char *name, Edit *edit,
                            bool *needed) {
  *needed = false;
  TSNode fn;
  TSNode call = enclosing_hook_call(m, at, &fn);
  if (ts_node_is_null(call))
    return true;
  TSNode deps = node_unwrap(call_argument(call, 1));
  if (ts_node_is_null(deps))
    return true; /* no list: the callback is made anew on every render */
  if (!node_is(deps, "array"))
    return false;
  size_t root_len = strcspn(name, ".");
  char *root = xstrndup(name, root_len);
  Binding inner = scope_lookup(m, at, root);
  bool from_component =
      inner.kind != BIND_IMPORT && !same_binding(inner, scope_lookup_toplevel(m, root)) &&
      same_binding(inner, scope_lookup(m, call, root)) && !params_mention(&m->src, fn, root);
  uint32_t n = ts_node_named_child_count(deps);
  bool listed = false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode el = ts_node_named_child(deps, i);
    if (node_text_eq(&m->src, el, root) || node_text_eq(&m->src, el, name))
      listed = true;
  }
  free(root);
  if (!from_component || listed)
    return true;
  TSNode last = {0};
  for (uint32_t i = 0; i < n; i++)
    if (!node_is(ts_node_named_child(deps, i), "comment"))
      last = ts_node_named_child(deps, i);
  *needed = true;
  if (ts_node_is_null(last)) {
    edit->start = edit->end = ts_node_start_byte(deps) + 1;
    edit->text = xstrdup(name);
  } else {
    edit->start = edit->end = ts_node_end_byte(last);
    edit->text = xasprintf(", %s", name);
  }
  return true;
}

void message_org_suggest(RuleCtx *ctx, Diag *d, TSNode obj) {
  const Module *m = ctx->mod;
  const Source *src = &m->src;
  if (!d || d->fix.nedits)
    return;
  uint32_t ostart = ts_node_start_byte(obj), oend = ts_node_end_byte(obj);
  const char *ids[1];
  if (fix_org_ids_bound(ctx->arena, m, ostart, oend, ids, 1) != 1)
    return;
  const char *name = ids[0];
  const char *entry = strcmp(name, "organization_id") == 0
                          ? "organization_id"
                          : arena_printf(ctx->arena, "organization_id: %s", name);
  TSNode first = {0};
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n && ts_node_is_null(first); i++)
    if (!node_is(ts_node_named_child(obj, i), "comment"))
      first = ts_node_named_child(obj, i);
  uint32_t at;
  char *text;
  if (ts_node_is_null(first)) {
    if (oend - ostart != 2)
      return; /* an object holding only a comment: not a shape to re-space */
    at = ostart + 1;
    text = xasprintf(" %s ", entry);
  } else {
    at = ts_node_start_byte(first);
    if (src_pos(src, at).line == src_pos(src, ostart).line)
      text = xasprintf("%s, ", entry);
    else
      text = xasprintf("%s,\n%s", entry, fix_line_indent(ctx->arena, src, at));
  }
  Edit dep = {0};
  bool dep_needed;
  bool ok =
      fix_names_bound(m, at, at, name, NULL) && dependency_edit(m, obj, name, &dep, &dep_needed);
  if (ok) {
    diag_add_edit(d, at, at, text);
    if (dep_needed)
      diag_add_edit(d, dep.start, dep.end, dep.text);
    diag_set_fix(d, FIX_SUGGESTION, arena_printf(ctx->arena, "Add organization_id: %s", name));
  }
  free(dep.text);
  free(text);
}
