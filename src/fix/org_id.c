/* Which bound name holds the organization id where a fix lands: see
 * org_id.h. Shared by the channel-name hints and the messages row fix. */
#include "fix/org_id.h"

#include "resolve/scope.h"

#include <string.h>

/* Names an organization id goes by, most specific first. */
static const char *const org_id_names[] = {"organizationId", "orgId", "organization_id", "org_id",
                                           NULL};
static const char *const org_objects[] = {"org", "organization", NULL};

bool fix_names_org_id(const char *expr) {
  const char *dot = strrchr(expr, '.');
  const char *last = dot ? dot + 1 : expr;
  for (const char *const *n = org_id_names; *n; n++)
    if (strcmp(last, *n) == 0)
      return true;
  if (!dot || strcmp(last, "id") != 0)
    return false;
  const char *start = dot;
  while (start > expr && start[-1] != '.')
    start--;
  for (const char *const *n = org_objects; *n; n++)
    if (strlen(*n) == (size_t)(dot - start) && strncmp(start, *n, (size_t)(dot - start)) == 0)
      return true;
  return false;
}

static bool declared_before(const Module *m, uint32_t start, uint32_t end, const char *name) {
  Binding b = scope_lookup_range(m, start, end, name);
  if (b.kind == BIND_NONE)
    return false;
  return b.kind == BIND_PARAM || b.kind == BIND_IMPORT || ts_node_is_null(b.decl) ||
         ts_node_start_byte(b.decl) < start;
}

size_t fix_org_ids_bound(Arena *a, const Module *m, uint32_t start, uint32_t end, const char **out,
                         size_t max) {
  if (!m->tree)
    return 0;
  size_t n = 0;
  for (const char *const *id = org_id_names; *id; id++)
    if (declared_before(m, start, end, *id)) {
      if (n < max)
        out[n] = *id;
      n++;
    }
  for (const char *const *obj = org_objects; *obj; obj++)
    if (declared_before(m, start, end, *obj)) {
      if (n < max)
        out[n] = arena_printf(a, "%s.id", *obj);
      n++;
    }
  return n;
}
