#ifndef RTLINT_RESOLVE_SCOPE_INDEX_H
#define RTLINT_RESOLVE_SCOPE_INDEX_H
#include "core/strmap.h"
#include "resolve/project.h"
#include "resolve/scope.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* What name lookup needs from a module's tree, built once per tree so that a
 * lookup costs the depth of the scope chain, not the size of the file:
 *
 * - the nodes that can bind a name (blocks, functions, catch clauses, for
 *   loops), in document order with their enclosing such node: the scope
 *   chain of any node is a binary search and a walk up, where walking up with
 *   ts_node_parent rescans from the root on every step (tree-sitter 0.20 and 0.21) and
 *   a descent from the root visits every top-level statement before it;
 * - per block, built on its first lookup: name -> the statements directly in
 *   it that may declare the name (a superset, in order: the caller checks each
 *   exactly), and the names assigned anywhere inside it (`let x; x = 1`).
 *
 * The index lives with the tree (project_drop_tree frees both) and is shared
 * by the threads that hold the tree. */
typedef struct ScopeIndex ScopeIndex;

/* m's index, built on first use; m's tree must be held. */
const ScopeIndex *scope_index_of(const Module *m);
void scope_index_free(ScopeIndex *ix);

/* An index built by a walk that visits the tree anyway (resolve/facts.c), so
 * the tree is walked once: feed every named node in document order with its
 * depth below the root (the root at 0), then end; an incomplete walk (over
 * its budget) builds nothing. */
typedef struct ScopeIndexBuild ScopeIndexBuild;
ScopeIndexBuild *scope_index_build_begin(const TSTree *tree);
void scope_index_build_node(ScopeIndexBuild *b, TSNode n, uint32_t depth);
ScopeIndex *scope_index_build_end(ScopeIndexBuild *b, bool complete);
/* Two builds of one walk split at the root's children (the second fed the
 * later children, from depth 1, on another thread): scope_index_build_continue
 * starts the second, scope_index_build_append puts what it built after the
 * first's and frees it. */
ScopeIndexBuild *scope_index_build_continue(const TSTree *tree, TSNode root);
void scope_index_build_append(ScopeIndexBuild *into, ScopeIndexBuild *from);
/* Makes `built` m's index unless m has one already (then frees it); m's tree
 * must be held. */
void scope_index_adopt(const Module *m, ScopeIndex *built);

/* The innermost scope node containing `at` (at itself when it is one), or -1;
 * scope_index_parent goes outward, -1 past the root. */
int32_t scope_index_innermost(const ScopeIndex *ix, TSNode at);
/* The same for the node ts_node_descendant_for_byte_range(root, start, end)
 * would return, without descending the tree: that node's scope ancestors are
 * the scopes reaching past `start` that hold [start, end]. */
int32_t scope_index_innermost_range(const ScopeIndex *ix, uint32_t start, uint32_t end);
/* The innermost child of a node with many children on tree-sitter's descent
 * to [start, end] (the same rule), or a null node. */
TSNode scope_index_anchor_range(const ScopeIndex *ix, uint32_t start, uint32_t end);
int32_t scope_index_parent(const ScopeIndex *ix, int32_t i);
/* Anchors: the named children of nodes with more than ANCHOR_MIN_SIBLINGS
 * children, nested the same way. The innermost anchor holding [start, end)
 * (or -1), the one around anchor i (-1 past the outermost), anchor i's node
 * and its syntactic parent. */
#define ANCHOR_MIN_SIBLINGS 32
int32_t scope_index_anchor_innermost(const ScopeIndex *ix, uint32_t start, uint32_t end);
int32_t scope_index_anchor_parent(const ScopeIndex *ix, int32_t i);
TSNode scope_index_anchor_node(const ScopeIndex *ix, int32_t i);
TSNode scope_index_anchor_holder(const ScopeIndex *ix, int32_t i);
/* For scope_node_parent: n's parent when n is itself indexed (true), else
 * in `from` the narrowest indexed node strictly above it (null if none). */
bool scope_index_parent_hint(const ScopeIndex *ix, TSNode n, TSNode *parent, TSNode *from);
TSNode scope_index_node(const ScopeIndex *ix, int32_t i);
/* The syntactic parent of scope node i (the `const f = ...` declarator of an
 * arrow function), known from the build's walk: ts_node_parent rescans the
 * tree from its root. Null for the root. */
TSNode scope_index_holder(const ScopeIndex *ix, int32_t i);

/* The object type (an interface's body, or an object type alias's value)
 * that the first top-level declaration of type `name` in m declares, or a
 * null node. */
TSNode scope_index_object_type(const Module *m, const ScopeIndex *ix, const char *name);

/* Whether name occurs anywhere in m's text (as strstr finds it): a search of
 * the file per name, remembered, where a codemod asks it of the name it would
 * declare once per finding. */
bool scope_index_spells(const Module *m, const ScopeIndex *ix, const char *name);

/* The program's import statements, in order. */
const TSNode *scope_index_imports(const ScopeIndex *ix, size_t *n);

/* The program's export statements in order, classified once, so that
 * looking up an exported name visits only the statements that can answer
 * (resolve/value.c find_export) instead of every export of the module. */
typedef enum ExportKind {
  EXPORT_DECL,    /* export const/function/class ... */
  EXPORT_DEFAULT, /* export default <expr> / export default function ... */
  EXPORT_CLAUSE,  /* export { a, b as c } [from "x"] */
  EXPORT_STAR,    /* export * from "x" */
  EXPORT_OTHER,
} ExportKind;
typedef struct ExportTable {
  TSNode *stmts;
  ExportKind *kinds;
  size_t n;
  int32_t first_default; /* -1: none */
  StrMap first_clause;   /* exported name -> index + 1 of the first clause naming it */
  int32_t *stars;        /* indices of EXPORT_STAR statements, in order */
  size_t nstars;
} ExportTable;
const ExportTable *scope_index_exports(const Module *m, const ScopeIndex *ix);
/* The index of the export statement whose declaration holds byte range
 * [start, end), or -1. */
int32_t export_table_holding(const ExportTable *t, uint32_t start, uint32_t end);

/* The statements directly in block i (a program, statement block or switch
 * case) that may declare name, in document order; *n is their number. */
const TSNode *scope_index_declarers(const Module *m, const ScopeIndex *ix, int32_t i,
                                    const char *name, size_t *n);
/* What name means from scope i, remembered by scope_index_remember: every
 * lookup from the same scope has the same answer (rules and facts look the
 * same names up again at each site). False when not remembered. *charge is
 * what the lookup charged the budget: charged again, so that the budget does
 * not depend on which thread looked first. */
bool scope_index_recall(const ScopeIndex *ix, int32_t scope, const char *name, Binding *out,
                        uint64_t *charge);
void scope_index_remember(const ScopeIndex *ix, int32_t scope, const char *name, const Binding *b,
                          uint64_t charge);
/* True when name is assigned (`=`, `+=`, `++`) anywhere inside scope node i. */
bool scope_index_assigned(const Module *m, const ScopeIndex *ix, int32_t i, const char *name);

#endif
