#ifndef RTLINT_RULES_HOOK_CALLS_H
#define RTLINT_RULES_HOOK_CALLS_H
#include "resolve/project.h"
#include "resolve/scope.h"

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

/* Helpers for rules about the app's own hooks (hook-deprecated,
 * use-realtime-missing-type, provider-context-outside). */

/* True when an import specifier names the app's own code: a relative or
 * absolute path, a tsconfig alias that resolves into the project, or an
 * unresolved `@/` / `~/` alias. False for packages (`react`,
 * `@scope/pkg`), whose same-named hooks are someone else's. */
bool import_is_app_code(Project *p, const Module *m, const char *spec);

/* For a call of a function reached by name from elsewhere, writes the
 * function's exported name into out and returns true:
 *   useX(...)      where useX is imported (named, or default under that name)
 *                  or not declared in the file at all (a global);
 *   alias(...)     where `import { useX as alias }`: writes "useX";
 *   ns.useX(...)   where `import * as ns`.
 * Returns false for local functions, variables and parameters (they shadow
 * the name), for imports from packages, and for other callee shapes. */
bool hook_call_name(Project *p, const Module *m, TSNode call, char *out, size_t cap);

/* True when the module declares `name` at its top level as a function (its
 * definition site, e.g. `export function useTypingIndicator(...)`). */
bool module_defines_function(const Module *m, const char *name);

/* The useRealtime type a file's folder decides: "widget" under a widget/
 * folder, "dashboard" under a dashboard/ folder; NULL when neither or both
 * (use-realtime-missing-type and hook-deprecated then leave type to a
 * person). */
const char *module_realtime_type(const Module *m);

/* The quote the module's first import uses ('"' when it has none), for
 * string literals a fix writes. */
char module_quote(const Module *m);

#endif
