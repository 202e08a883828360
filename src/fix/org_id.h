#ifndef RTLINT_FIX_ORG_ID_H
#define RTLINT_FIX_ORG_ID_H
#include "core/arena.h"
#include "resolve/project.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The expressions of the organization-id role that mean a declared value at
 * [start, end) of m: organizationId, orgId, organization_id, org_id, then
 * org.id and organization.id for an object of that name. A name counts when
 * it is a parameter, an import, or a declaration written before `start` (not
 * one in its temporal dead zone). Writes up to `max` of them to `out`, most
 * specific first, and returns how many there are in all: a fix that must not
 * guess takes one only when there is exactly one. */
/* An expression that names an organization id: `orgId`, `config.orgId`, `org.id`. */
bool fix_names_org_id(const char *expr);
size_t fix_org_ids_bound(Arena *a, const Module *m, uint32_t start, uint32_t end, const char **out,
                         size_t max);

#endif
