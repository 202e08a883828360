#ifndef RTLINT_RESOLVE_VALUE_H
#define RTLINT_RESOLVE_VALUE_H
#include "core/arena.h"
#include "core/strmap.h"
#include "resolve/project.h"
#include "standards/shape.h"

#include <stdbool.h>
#include <stdint.h>

/* A piece of a string value: standards/shape.h's ShapePiece, so a value's
 * segments are split by the one splitter the catalog's shapes use. */
typedef ShapePiece ValPart;

/* One possible value (a conditional yields several). */
typedef struct ValAlt {
  ValPart *parts;
  uint32_t nparts;
  /* Assembled inside the standards module (UNIFIED_CHANNELS/UNIFIED_EVENTS)
   * rather than written by hand elsewhere. */
  bool from_standard;
  /* Where the text was written by hand: the outermost literal, template or
   * concatenation (null module when from_standard). */
  const Module *site_mod;
  uint32_t site_start, site_end;
  /* Reached through a name (const, import, object member, call) rather
   * than written at the use. */
  bool via_binding;
} ValAlt;

typedef struct Value {
  ValAlt *alts;
  uint32_t nalts;
  bool has_unknown; /* some branch could not be resolved */
} Value;

typedef struct Frame Frame;

/* Everything a file's findings depended on besides its own bytes: the
 * modules resolution read, and imports that did not resolve (a file created
 * later could change the result). The cache validates these. */
typedef struct ResolveDeps {
  const Module **modules;
  size_t nmodules, cap;
  char **missing; /* "<importing file>\n<specifier>" */
  size_t nmissing, mcap;
} ResolveDeps;

typedef struct Resolver {
  Project *proj;
  Arena *arena;
  Frame *frame; /* arguments of the function call being evaluated */
  int depth;
  bool cut;           /* the depth bound stopped a resolution since this was last cleared */
  ResolveDeps *deps;  /* optional: recorded when set */
  const Module *self; /* the module being linted (held by the caller) */
  Module **held;      /* other modules whose trees resolution reads */
  size_t nheld, heldcap;
  /* Expressions resolved so far (resolve_expr), by module and range: the
   * channel rules each resolve every channel argument of the file, and a
   * constant used at two thousand call sites costs a scope walk each time. */
  StrMap memo;
  /* Large object literals' members by key, by module and start byte
   * (resolve_member): a generated map of thousands of keys is read at as
   * many sites, and each lookup would walk its members again. */
  StrMap objects;
  struct FlowMemo *flow; /* summaries computed during this lint (resolve/flow.h) */
  /* The names a summarised function can be called by (resolve/flow_names.h);
   * NULL: every callee is followed. */
  const struct FlowNames *flow_names;
} Resolver;

/* Lets go of every module resolution held; call when the lint is done. */
void resolver_release(Resolver *r);

void resolve_deps_add_module(ResolveDeps *d, const Module *m);
void resolve_deps_free(ResolveDeps *d);

void resolver_init(Resolver *r, Project *proj, Arena *arena);
Value resolve_expr(Resolver *r, const Module *m, TSNode expr);

/* The function a call calls, as far as it can be known statically: local and
 * imported functions (named, default, namespace, re-exported), `this.m(...)`,
 * methods of object literals, static methods (`Topics.build(...)`), methods
 * of a receiver typed or constructed as a class (`room: Room`, `new Room()`,
 * `this.room` of such a field), and functions a hook or factory returns
 * (`const { broadcast } = useRealtime()`). False when unknown. */
bool resolve_call_target(Resolver *r, const Module *m, TSNode call, const Module **mod, TSNode *fn);

/* A type's members as written: an object type literal, or an interface (or a
 * type alias of an object type) declared at the top of m; null otherwise. */
TSNode value_object_type_of(const Module *m, TSNode type);

/* The alternative's text when it has no holes; NULL otherwise. */
const char *val_alt_literal(Arena *a, const ValAlt *alt);
/* Display form with holes as `${expr}`: "org:${orgId}:conv:${convId}". */
const char *val_alt_display(Arena *a, const ValAlt *alt);
/* A key that spells every piece of the alternative (holes, text and the
 * expression each piece came from), for memos of what is computed from it. */
void val_alt_key(StrBuf *out, const ValAlt *alt);
/* Text with every hole replaced by `fill`, for validation. */
const char *val_alt_fill(Arena *a, const ValAlt *alt, const char *fill);
bool val_is_known(const Value *v);

#endif
