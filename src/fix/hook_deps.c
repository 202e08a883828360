/* A name a fix reads inside a React hook callback joins its dependency
 * array (fix/hook_deps.h). */
#include "fix/hook_deps.h"

#include "parse/ast.h"
#include "resolve/scope.h"

#include <string.h>

static bool node_within(TSNode inner, TSNode outer) {
  return ts_node_start_byte(inner) >= ts_node_start_byte(outer) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

/* The dependency array of the innermost React hook whose callback holds n
 * (`useEffect(() => { ... n ... }, [a, b])`), when `owner` (what declares
 * the name to depend on) lies outside that callback; null otherwise (no such
 * hook, or the name is the callback's own). */
static TSNode hook_deps_of(const Module *m, TSNode n, TSNode owner) {
  static const char *const hooks[] = {"useEffect", "useLayoutEffect", "useCallback", "useMemo"};
  TSNode none = {0};
  for (TSNode p = scope_node_parent(m, n); !ts_node_is_null(p); p = scope_node_parent(m, p)) {
    TSNode args = scope_node_parent(m, p);
    if (!node_is_function(p) || ts_node_is_null(args) || !node_is(args, "arguments"))
      continue;
    TSNode call = scope_node_parent(m, args);
    uint32_t len;
    const char *callee = call_callee_name(&m->src, call, &len);
    bool hook = false;
    for (size_t i = 0; callee && i < sizeof hooks / sizeof *hooks; i++)
      hook = hook || (strlen(hooks[i]) == len && memcmp(callee, hooks[i], len) == 0);
    if (!hook || !ts_node_eq(call_argument(call, 0), p))
      continue;
    TSNode deps = call_argument(call, 1);
    if (node_within(owner, p) || ts_node_is_null(deps) || !node_is(deps, "array"))
      return none;
    return deps;
  }
  return none;
}

/* Whether n lies inside a function: a component's prop or local, which a
 * hook depends on, unlike a module's constant or import. */
static bool inside_function(const Module *m, TSNode n) {
  for (TSNode p = n; !ts_node_is_null(p); p = scope_node_parent(m, p))
    if (node_is_function(p))
      return true;
  return false;
}

TSNode fix_org_owner(const Module *m, TSNode at, const char *org) {
  TSNode none = {0};
  char root[64];
  size_t rlen = strcspn(org, ".");
  if (rlen >= sizeof root)
    return none;
  memcpy(root, org, rlen);
  root[rlen] = '\0';
  Binding b = scope_lookup(m, at, root);
  TSNode owner = b.kind == BIND_PARAM || ts_node_is_null(b.decl) ? b.node : b.decl;
  if (b.kind == BIND_IMPORT || ts_node_is_null(owner) || !inside_function(m, owner))
    return none;
  return owner;
}

void fix_add_hook_dependency(Arena *a, const Module *m, Diag *d, TSNode at, const char *name,
                             TSNode owner, TSNode *done, size_t *ndone, size_t max) {
  TSNode deps = hook_deps_of(m, at, owner);
  if (ts_node_is_null(deps))
    return;
  for (size_t i = 0; i < *ndone; i++)
    if (ts_node_eq(done[i], deps))
      return;
  if (*ndone == max)
    return;
  uint32_t n = ts_node_named_child_count(deps), last = ts_node_start_byte(deps) + 1;
  for (uint32_t i = 0; i < n; i++) {
    TSNode el = ts_node_named_child(deps, i);
    if (node_is(el, "comment"))
      continue;
    if (node_text_eq(&m->src, el, name))
      return;
    last = ts_node_end_byte(el);
  }
  done[(*ndone)++] = deps;
  diag_add_edit_in(d, &m->src, last, last,
                   last == ts_node_start_byte(deps) + 1 ? name : arena_printf(a, ", %s", name));
}
