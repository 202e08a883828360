#ifndef RTLINT_RESOLVE_EXPORTS_H
#define RTLINT_RESOLVE_EXPORTS_H
/* Following imports for the resolver: the module an import names (held for
 * the lint and recorded as a dependency for the cache) and the binding a
 * module exports under a name (export lists, re-exports, `export *`).
 * Internal to src/resolve. */
#include "resolve/scope.h"
#include "resolve/value.h"

#define RESOLVE_MAX_DEPTH 24

typedef struct Export {
  const Module *mod;
  Binding b;
  bool found;
} Export;

/* The module b imports from, held until resolver_release; NULL when it
 * cannot be resolved (recorded as missing for the cache) or not parsed. */
const Module *resolve_import_target(Resolver *r, const Module *m, const Binding *b);
/* What m exports as name (depth counts re-export hops). */
Export resolve_find_export(Resolver *r, const Module *m, const char *name, int depth);

/* UNIFIED_EVENTS / UNIFIED_CHANNELS. */
bool resolve_is_std_name(const char *s);
/* An import specifier that names the standards module. */
bool resolve_spec_looks_standard(const Standards *std, const char *spec);

#endif
