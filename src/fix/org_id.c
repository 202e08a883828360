/* Which bound name holds the organization id where a fix lands: see
 * org_id.h. Shared by the channel-name hints and the messages row fix. */
#include "fix/org_id.h"

#include "resolve/scope.h"

/* Names an organization id goes by, most specific first. */
static const char *const org_id_names[] = {"organizationId", "orgId", "organization_id", "org_id",
                                           NULL};
static const char *const org_objects[] = {"org", "organization", NULL};

static bool declared_before(const Module *m, TSNode at, const char *name, uint32_t before) {
  Binding b = scope_lookup(m, at, name);
  if (b.kind == BIND_NONE)
    return false;
  return b.kind == BIND_PARAM || b.kind == BIND_IMPORT || ts_node_is_null(b.decl) ||
         ts_node_start_byte(b.decl) < before;
}

size_t fix_org_ids_bound(Arena *a, const Module *m, uint32_t start, uint32_t end, const char **out,
                         size_t max) {
  if (!m->tree)
    return 0;
  TSNode at = ts_node_descendant_for_byte_range(ts_tree_root_node(m->tree), start, end);
  size_t n = 0;
  for (const char *const *id = org_id_names; *id; id++)
    if (declared_before(m, at, *id, start)) {
      if (n < max)
        out[n] = *id;
      n++;
    }
  for (const char *const *obj = org_objects; *obj; obj++)
    if (declared_before(m, at, *obj, start)) {
      if (n < max)
        out[n] = arena_printf(a, "%s.id", *obj);
      n++;
    }
  return n;
}
