#ifndef RTLINT_RULES_CHANNEL_ORG_PARAM_H
#define RTLINT_RULES_CHANNEL_ORG_PARAM_H
#include "core/arena.h"
#include "core/diag.h"
#include "resolve/project.h"

#include <stdbool.h>
#include <stdint.h>

#define ORG_PARAM_MAX_CALLS 32
/* Files read to find an exported builder's calls (a barrel re-exporting it
 * brings its own importers), and barrels followed in a row. */
#define ORG_PARAM_MAX_FILES 128
#define ORG_PARAM_MAX_BARRELS 4

/* Where a legacy builder with no organization id in reach gets one: a new
 * parameter, passed at every call. */
typedef struct OrgParamCall {
  const Module *m; /* the file the call is in */
  TSNode call;
  const char *org;  /* the org id bound at the call: "orgId" */
  uint32_t at;      /* just inside the call's `(` */
  const char *text; /* what goes there: "orgId, " or "orgId" */
} OrgParamCall;

typedef struct OrgParam {
  const char *name;  /* the parameter added: "organizationId" or "orgId" (static storage) */
  const char *fn;    /* the builder's name */
  uint32_t param_at; /* just inside the parameter list's `(` */
  const char *param; /* "organizationId: string, " (arena) */
  OrgParamCall calls[ORG_PARAM_MAX_CALLS];
  size_t ncalls;
  TSNode function; /* the builder: the new name's scope */
} OrgParam;

/* For a channel name built at [start, end) of m that lacks the organization
 * id: the innermost function around it, when it is a builder the file
 * declares at its top level and does not export (`function typingTopic(id)`,
 * `const typingTopic = (id) => ...`, or a member of a `const` registry
 * object: `const TOPICS = { typing: (id) => ..., inbox(id) { ... } }`, which
 * must not mention `this`), so that every call of it is in this
 * file; every mention of its name is then a direct call (`TOPICS.typing(...)`
 * for a member, whose object may also be named for another member or in a
 * `typeof` type; not the builder
 * passed as a value, exported under another name, `typeof`, a JSX tag, a
 * call inside itself), each call has exactly one name of the organization-id
 * role bound where it is written (fix/org_id.h), and at least one call
 * exists. The parameter is named organizationId (orgId when that is taken:
 * bound around the builder or written in it); nothing is invented at a call.
 * False, out untouched, when any of that fails. An exported builder is
 * withheld: its callers may be in other files or outside the project. */
bool channel_org_param(Arena *a, const Module *m, uint32_t start, uint32_t end, OrgParam *out);

/* After the whole project is linted: each finding marked with a building
 * site whose builder is exported and lacks the organization id
 * (Diag.org_param) and that has no fix gets the same suggestion as above
 * across files: the parameter added to the builder, and the org id passed at
 * every call in the files that import it (the run's import graph), a
 * multi-file fix. A re-export (`export * from`, `export { f } from`, a
 * barrel) is followed to the files importing the builder from there.
 * Withheld when any importer reaches the builder other than by a named
 * import and direct calls (a namespace or default import, a namespace
 * re-export, a dynamic import, the builder passed as a value), when a call
 * has no single org id bound, and when the builder's file may be called from
 * outside the project (in a package of its own, or named by the root's
 * package.json). Only a run over the whole project knows every caller. */
struct LazyImportGraph;
void channel_org_param_pass(Project *p, struct LazyImportGraph *imports, DiagList *diags);

#endif
