#ifndef RTLINT_FIX_HOOK_DEPS_H
#define RTLINT_FIX_HOOK_DEPS_H
#include "core/arena.h"
#include "core/diag.h"
#include "resolve/project.h"

/* A name a fix now reads inside a React hook's callback (useEffect,
 * useLayoutEffect, useCallback, useMemo) joins the hook's dependency array,
 * or the callback would keep the first value it saw (an organization's
 * channel after the user switched organizations). */

/* What declares the organization id `org` (or `org.id`) read at `at`, when a
 * hook inside a component could depend on it: a parameter's (or a name
 * destructured in parameters') function, a local's declaration; null for an
 * import, a module's constant, or no binding. */
TSNode fix_org_owner(const Module *m, TSNode at, const char *org);

/* Adds `name`, declared by `owner` and read at `at` (in m), to the dependency
 * array of the innermost hook callback around `at`, unless it is listed there
 * or owner lies inside that callback; `done` (of `max`) holds the arrays
 * extended so far, each extended once. Edits go to d, in m. */
void fix_add_hook_dependency(Arena *a, const Module *m, Diag *d, TSNode at, const char *name,
                             TSNode owner, TSNode *done, size_t *ndone, size_t max);

#endif
