#ifndef RTLINT_RESOLVE_SCOPE_H
#define RTLINT_RESOLVE_SCOPE_H
#include "resolve/project.h"

typedef enum BindKind {
  BIND_NONE,     /* not declared in this file (a global) */
  BIND_VALUE,    /* const (or never-reassigned let/var) with an initializer */
  BIND_PARAM,    /* a parameter of `node` (the function) */
  BIND_FUNCTION, /* function declaration or const-bound function: `node` */
  BIND_CLASS,    /* class declaration: `node` */
  BIND_IMPORT,   /* import: `source` and `imported` ("default", "*" or a name) */
  BIND_UNKNOWN,  /* declared, but its value cannot be known statically */
} BindKind;

typedef struct Binding {
  BindKind kind;
  TSNode node; /* initializer expression, function, class; for a parameter or a
                * name destructured in parameters: the function */
  TSNode decl; /* the declaring name node */
  /* Import specifier and imported name; an import whose specifier or name
   * does not fit is BIND_UNKNOWN, never a cut-off name. */
  char source[512];
  char imported[128];
} Binding;

/* Finds what `name` means at node `at`, walking enclosing scopes outward. */
Binding scope_lookup(const Module *m, TSNode at, const char *name);
/* The same at the node covering [start, end] (ts_node_descendant_for_byte_range). */
Binding scope_lookup_range(const Module *m, uint32_t start, uint32_t end, const char *name);
/* ts_node_descendant_for_byte_range(root, start, end), descending from the
 * innermost scope that holds the answer: from the root, tree-sitter visits
 * every child before the range at each level, and where a syntax error leaves
 * a file's statements as one flat ERROR node that is every statement of the
 * file, so one lookup per finding made a half-written file quadratic. */
TSNode scope_node_for_range(const Module *m, uint32_t start, uint32_t end);
/* ts_node_parent(n), without its descent from the root (tree-sitter
 * finds a parent by descending from the root, which visits every statement
 * before n's in a flat, half-written file: a walk up from each finding made
 * such a file quadratic). */
TSNode scope_node_parent(const Module *m, TSNode n);
/* n's ancestors from the root down, n excluded, into out: their number, or
 * SIZE_MAX when there are more than max or n is not in m's tree. One descent
 * from the root, where a node with many children (the statements of a file a
 * syntax error left flat) is crossed through the index, not by visiting every
 * child before n's: tree-sitter's ts_node_parent rescans from the root
 * on every call, so walking up with it is quadratic in the depth. */
size_t scope_ancestors(const Module *m, TSNode n, TSNode *out, size_t max);
/* Looks up a declaration among the program's top-level statements. */
Binding scope_lookup_toplevel(const Module *m, const char *name);

/* The expressions a function can return: an arrow's expression body or the
 * argument of each `return` in its body (inside `if`, `switch`, `try`...;
 * not those of nested functions), in document order. */
size_t function_returns(TSNode fn, TSNode *out, size_t max);
/* The function an argument denotes: an inline function, a local function
 * (declared or const-bound), or a local `useCallback(fn, deps)`; null when
 * it is anything else. */
TSNode scope_function_of(const Module *m, TSNode arg);

/* Index of parameter `name` in fn's parameter list, or -1. */
int function_param_index(const Module *m, TSNode fn, const char *name);

#endif
