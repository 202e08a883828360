#ifndef RTLINT_RESOLVE_VALUE_ALGEBRA_H
#define RTLINT_RESOLVE_VALUE_ALGEBRA_H
/* Building values (resolve/value.h) inside the resolver: literals, holes,
 * concatenation and alternatives, and where a value was written. Internal to
 * src/resolve. */
#include "resolve/value.h"

#define RESOLVE_MAX_ALTS 16

Value val_unknown(void);
/* text as the one alternative, built at `site` in m (m NULL: no site). */
Value val_literal(Resolver *r, const Module *m, TSNode site, const char *text);
/* n's source text, in the arena. */
const char *val_node_src(Resolver *r, const Module *m, TSNode n);
/* An unknown piece written as n. */
Value val_hole(Resolver *r, const Module *m, TSNode n);
/* Every alternative of a followed by every one of b (at most RESOLVE_MAX_ALTS). */
Value val_concat(Resolver *r, Value a, Value b);
/* The alternatives of a, then those of b (at most RESOLVE_MAX_ALTS). */
Value val_join(Resolver *r, Value a, Value b);
/* Marks every alternative as built at `site` in m (by hand) unless m is the
 * standards module. */
void val_set_site(Value *v, const Module *m, TSNode site);
/* Marks every alternative as reached through a name. */
void val_mark_binding(Value *v);

#endif
