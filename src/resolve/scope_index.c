#include "resolve/scope_index.h"

#include "core/strmap.h"
#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Declarers {
  TSNode *stmts;
  size_t n, cap;
} Declarers;

/* Built on the first lookup in a block. */
typedef struct BlockNames {
  StrMap declarers; /* name -> Declarers */
  StrMap assigned;  /* name -> (void *)1 */
  bool has_declarers, has_assigned;
} BlockNames;

typedef struct ScopeEntry {
  TSNode node;
  TSNode holder; /* node's syntactic parent (null for the root) */
  uint32_t start, end;
  int32_t parent;
  BlockNames *names;
} ScopeEntry;

/* Entries in document order, each with its innermost enclosing entry. */
typedef struct EntryList {
  ScopeEntry *items;
  size_t n, cap;
} EntryList;

struct ScopeIndex {
  ScopeEntry *entries;
  size_t n, cap;
  /* The children of nodes with many children, nested the same way: where a
   * syntax error made tree-sitter's recovery leave a long list flat (an
   * unclosed brace at the end of a file leaves the program's statements
   * flat), its descent to a node visits every child before the one it
   * wants, once per lookup. */
  EntryList anchors;
  TSNode *imports; /* top-level import statements */
  size_t nimports, icap;
  TSNode *exports; /* top-level export statements */
  size_t nexports, ecap;
  ExportTable *export_table; /* built on first use, under lock */
  /* name -> the object type a top-level interface or object type alias of
   * that name declares (the first), built on first use, under lock */
  StrMap object_types;
  bool object_types_built;
  StrMap spelled;       /* name -> (void *)1 spelt in the text, 2 not, under lock */
  StrMap lookups;       /* "scope:name" -> its Remembered answer, under lock */
  pthread_mutex_t lock; /* guards every entry's `names` */
};

static bool is_scope_node(TSNode n) {
  return node_is(n, "program") || node_is(n, "statement_block") || node_is(n, "switch_case") ||
         node_is(n, "switch_default") || node_is_function(n) || node_is(n, "catch_clause") ||
         node_is(n, "for_in_statement") || node_is(n, "for_statement");
}

/* is_scope_node by symbol, decided once per symbol of the tree's language:
 * the build asks it of every node. */
typedef struct SymbolKinds {
  unsigned char *kind; /* 0 unknown, 1 scope, 2 other */
  uint32_t n;
} SymbolKinds;

static bool symbol_is_scope(SymbolKinds *k, TSNode n) {
  TSSymbol sym = ts_node_symbol(n);
  if (sym >= k->n)
    return is_scope_node(n);
  if (!k->kind[sym])
    k->kind[sym] = is_scope_node(n) ? 1 : 2;
  return k->kind[sym] == 1;
}

struct ScopeIndexBuild {
  ScopeIndex *ix;
  /* The open scope nodes by depth. */
  struct Open {
    uint32_t depth;
    int32_t entry;
  } * stack, *anchor_stack;
  size_t nstack, scap, nanchor_stack, ascap;
  /* The named node last fed at each depth: in document order, the one at
   * depth d - 1 is the parent of a node at depth d. */
  TSNode *path;
  size_t pathcap;
  SymbolKinds kinds;
};

ScopeIndexBuild *scope_index_build_begin(const TSTree *tree) {
  ScopeIndexBuild *b = xcalloc(1, sizeof *b);
  b->ix = xcalloc(1, sizeof *b->ix);
  pthread_mutex_init(&b->ix->lock, NULL);
  b->kinds.n = ts_language_symbol_count(ts_tree_language(tree));
  b->kinds.kind = xcalloc(b->kinds.n + 1, 1);
  return b;
}

/* In a continued build, the root's entry, which the first build holds. */
#define ROOT_ENTRY INT32_MIN

ScopeIndexBuild *scope_index_build_continue(const TSTree *tree, TSNode root) {
  ScopeIndexBuild *b = scope_index_build_begin(tree);
  grow_array((void **)&b->path, &b->pathcap, 1, sizeof *b->path);
  b->path[0] = root;
  struct Open o = {0, ROOT_ENTRY};
  ARRAY_PUSH(b->stack, b->nstack, b->scap, o);
  return b;
}

static int32_t moved(int32_t i, int32_t root, size_t offset) {
  if (i == ROOT_ENTRY)
    return root;
  return i < 0 ? i : (int32_t)(i + offset);
}

void scope_index_build_append(ScopeIndexBuild *into, ScopeIndexBuild *from) {
  ScopeIndex *ix = into->ix, *more = from->ix;
  /* The first build's outermost open scope at depth 0 is the root's entry. */
  int32_t root = into->nstack && into->stack[0].depth == 0 ? into->stack[0].entry : -1;
  size_t base = ix->n, anchor_base = ix->anchors.n;
  for (size_t i = 0; i < more->n; i++) {
    ScopeEntry e = more->entries[i];
    e.parent = moved(e.parent, root, base);
    ARRAY_PUSH(ix->entries, ix->n, ix->cap, e);
  }
  for (size_t i = 0; i < more->anchors.n; i++) {
    ScopeEntry e = more->anchors.items[i];
    e.parent = moved(e.parent, -1, anchor_base);
    ARRAY_PUSH(ix->anchors.items, ix->anchors.n, ix->anchors.cap, e);
  }
  for (size_t i = 0; i < more->nimports; i++)
    ARRAY_PUSH(ix->imports, ix->nimports, ix->icap, more->imports[i]);
  for (size_t i = 0; i < more->nexports; i++)
    ARRAY_PUSH(ix->exports, ix->nexports, ix->ecap, more->exports[i]);
  scope_index_build_end(from, false);
}

static void add_anchor(ScopeIndexBuild *b, TSNode n, uint32_t depth) {
  EntryList *l = &b->ix->anchors;
  ScopeEntry e = {.node = n,
                  .holder = b->path[depth - 1],
                  .start = ts_node_start_byte(n),
                  .end = ts_node_end_byte(n),
                  .parent = b->nanchor_stack ? b->anchor_stack[b->nanchor_stack - 1].entry : -1};
  ARRAY_PUSH(l->items, l->n, l->cap, e);
  struct Open o = {depth, (int32_t)(l->n - 1)};
  ARRAY_PUSH(b->anchor_stack, b->nanchor_stack, b->ascap, o);
}

void scope_index_build_node(ScopeIndexBuild *b, TSNode n, uint32_t depth) {
  ScopeIndex *ix = b->ix;
  grow_array((void **)&b->path, &b->pathcap, (size_t)depth + 1, sizeof *b->path);
  b->path[depth] = n;
  while (b->nstack && b->stack[b->nstack - 1].depth >= depth)
    b->nstack--;
  while (b->nanchor_stack && b->anchor_stack[b->nanchor_stack - 1].depth >= depth)
    b->nanchor_stack--;
  if (depth && ts_node_child_count(b->path[depth - 1]) > ANCHOR_MIN_SIBLINGS)
    add_anchor(b, n, depth);
  if (symbol_is_scope(&b->kinds, n)) {
    TSNode holder = depth ? b->path[depth - 1] : (TSNode){0};
    ScopeEntry e = {n,
                    holder,
                    ts_node_start_byte(n),
                    ts_node_end_byte(n),
                    b->nstack ? b->stack[b->nstack - 1].entry : -1,
                    NULL};
    ARRAY_PUSH(ix->entries, ix->n, ix->cap, e);
    struct Open o = {depth, (int32_t)(ix->n - 1)};
    ARRAY_PUSH(b->stack, b->nstack, b->scap, o);
  } else if (depth == 1 && node_is(n, "import_statement")) {
    ARRAY_PUSH(ix->imports, ix->nimports, ix->icap, n);
  } else if (depth == 1 && node_is(n, "export_statement")) {
    ARRAY_PUSH(ix->exports, ix->nexports, ix->ecap, n);
  }
}

ScopeIndex *scope_index_build_end(ScopeIndexBuild *b, bool complete) {
  ScopeIndex *ix = b->ix;
  free(b->stack);
  free(b->anchor_stack);
  free(b->path);
  free(b->kinds.kind);
  free(b);
  if (complete)
    return ix;
  scope_index_free(ix);
  return NULL;
}

/* Walks the tree once with a cursor: no recursion, however deep the nesting.
 * Anonymous nodes (keywords, punctuation) neither bind nor hold names. */
static ScopeIndex *build(const TSTree *tree) {
  ScopeIndexBuild *b = scope_index_build_begin(tree);
  uint64_t visited = 0;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
  uint32_t depth = 0;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    visited++;
    if (ts_node_is_named(n))
      scope_index_build_node(b, n, depth);
    if (ts_tree_cursor_goto_first_child(&cur)) {
      depth++;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cur)) {
      if (!ts_tree_cursor_goto_parent(&cur))
        goto done;
      depth--;
    }
  }
done:
  ts_tree_cursor_delete(&cur);
  ast_work_add(visited);
  return scope_index_build_end(b, true);
}

const ScopeIndex *scope_index_of(const Module *m) {
  Module *mut = (Module *)m; /* a cache of the tree, which does not change while held */
  ScopeIndex *ix = atomic_load_explicit(&mut->scopes, memory_order_acquire);
  if (ix || !m->tree)
    return ix;
  pthread_mutex_lock(&mut->parse_lock);
  ix = atomic_load_explicit(&mut->scopes, memory_order_acquire);
  if (!ix && m->tree) {
    budget_pause(true);
    ix = build(m->tree);
    budget_pause(false);
    atomic_store_explicit(&mut->scopes, ix, memory_order_release);
  }
  pthread_mutex_unlock(&mut->parse_lock);
  return ix;
}

void scope_index_adopt(const Module *m, ScopeIndex *built) {
  Module *mut = (Module *)m;
  pthread_mutex_lock(&mut->parse_lock);
  if (!atomic_load_explicit(&mut->scopes, memory_order_acquire) && m->tree) {
    atomic_store_explicit(&mut->scopes, built, memory_order_release);
    built = NULL;
  }
  pthread_mutex_unlock(&mut->parse_lock);
  scope_index_free(built);
}

static void free_declarers(void *p) {
  Declarers *d = p;
  free(d->stmts);
  free(d);
}

/* A lookup's answer, without Binding's two fixed buffers (most answers are
 * not imports): a file has one per name and scope it looks up. */
typedef struct Remembered {
  BindKind kind;
  TSNode node, decl;
  char *source, *imported; /* NULL when empty */
  uint64_t charge;         /* what the lookup charged the budget */
} Remembered;

static void free_remembered(void *p) {
  Remembered *r = p;
  free(r->source);
  free(r->imported);
  free(r);
}

static const char *lookup_key(char *buf, size_t cap, int32_t scope, const char *name) {
  char num[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(num, (unsigned long long[]){(uint32_t)scope}, 1);
  size_t nlen = strlen(num), len = strlen(name);
  if (nlen + 1 + len + 1 > cap)
    return NULL;
  memcpy(buf, num, nlen);
  buf[nlen] = ':';
  memcpy(buf + nlen + 1, name, len + 1);
  return buf;
}

#define LOOKUP_KEY_MAX 256

bool scope_index_recall(const ScopeIndex *ix, int32_t scope, const char *name, Binding *out,
                        uint64_t *charge) {
  char buf[LOOKUP_KEY_MAX];
  const char *key = lookup_key(buf, sizeof buf, scope, name);
  if (!key)
    return false;
  ScopeIndex *mut = (ScopeIndex *)ix; /* a memo: the answers do not change */
  pthread_mutex_lock(&mut->lock);
  const Remembered *r = strmap_get(&mut->lookups, key);
  pthread_mutex_unlock(&mut->lock);
  if (!r)
    return false;
  memset(out, 0, sizeof *out);
  out->kind = r->kind;
  out->node = r->node;
  out->decl = r->decl;
  *charge = r->charge;
  if (r->source)
    snprintf(out->source, sizeof out->source, "%s", r->source);
  if (r->imported)
    snprintf(out->imported, sizeof out->imported, "%s", r->imported);
  return true;
}

void scope_index_remember(const ScopeIndex *ix, int32_t scope, const char *name, const Binding *b,
                          uint64_t charge) {
  char buf[LOOKUP_KEY_MAX];
  const char *key = lookup_key(buf, sizeof buf, scope, name);
  if (!key)
    return;
  Remembered *r = xcalloc(1, sizeof *r);
  r->kind = b->kind;
  r->node = b->node;
  r->decl = b->decl;
  r->charge = charge;
  r->source = b->source[0] ? xstrdup(b->source) : NULL;
  r->imported = b->imported[0] ? xstrdup(b->imported) : NULL;
  ScopeIndex *mut = (ScopeIndex *)ix;
  pthread_mutex_lock(&mut->lock);
  Remembered *old = strmap_get(&mut->lookups, key);
  if (!old)
    strmap_put(&mut->lookups, key, r);
  pthread_mutex_unlock(&mut->lock);
  if (old)
    free_remembered(r);
}

void scope_index_free(ScopeIndex *ix) {
  if (!ix)
    return;
  for (size_t i = 0; i < ix->n; i++) {
    BlockNames *b = ix->entries[i].names;
    if (!b)
      continue;
    strmap_free(&b->declarers, free_declarers);
    strmap_free(&b->assigned, NULL);
    free(b);
  }
  free(ix->entries);
  free(ix->anchors.items);
  free(ix->imports);
  free(ix->exports);
  strmap_free(&ix->object_types, free);
  strmap_free(&ix->spelled, NULL);
  strmap_free(&ix->lookups, free_remembered);
  if (ix->export_table) {
    free(ix->export_table->kinds);
    strmap_free(&ix->export_table->first_clause, NULL);
    free(ix->export_table->stars);
    free(ix->export_table);
  }
  pthread_mutex_destroy(&ix->lock);
  free(ix);
}

static bool contains(const ScopeEntry *e, uint32_t start, uint32_t end) {
  return e->start <= start && end <= e->end;
}

/* The innermost entry holding [start, end); with `past_start`, one that also
 * reaches past start (tree-sitter's rule for the node covering a range).
 * Entries are in document order, so their starts never decrease: the last
 * one starting at or before `start` is the range's own node, a scope holding
 * it, or one that closed before it, whose chain leads to the scope holding it. */
static int32_t innermost_of(const ScopeEntry *entries, size_t n, uint32_t start, uint32_t end,
                            bool past_start) {
  if (n == 0)
    return -1;
  size_t lo = 0, hi = n;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (entries[mid].start <= start)
      lo = mid;
    else
      hi = mid;
  }
  uint64_t steps = 0;
  int32_t i = (int32_t)lo;
  while (i >= 0 &&
         !(contains(&entries[i], start, end) && (!past_start || entries[i].end > start))) {
    i = entries[i].parent;
    steps++;
  }
  ast_work_add(steps);
  return i;
}

static int32_t innermost(const ScopeIndex *ix, uint32_t start, uint32_t end, bool past_start) {
  return innermost_of(ix->entries, ix->n, start, end, past_start);
}

int32_t scope_index_innermost(const ScopeIndex *ix, TSNode at) {
  if (!ix || ix->n == 0 || ts_node_is_null(at))
    return -1;
  return innermost(ix, ts_node_start_byte(at), ts_node_end_byte(at), false);
}

int32_t scope_index_innermost_range(const ScopeIndex *ix, uint32_t start, uint32_t end) {
  if (!ix || ix->n == 0)
    return -1;
  int32_t i = innermost(ix, start, end, true);
  /* Nothing covers the range (past the end): the descent stops at the root. */
  return i >= 0 ? i : 0;
}

TSNode scope_index_anchor_range(const ScopeIndex *ix, uint32_t start, uint32_t end) {
  int32_t i = ix ? innermost_of(ix->anchors.items, ix->anchors.n, start, end, true) : -1;
  return i >= 0 ? ix->anchors.items[i].node : (TSNode){0};
}

int32_t scope_index_anchor_innermost(const ScopeIndex *ix, uint32_t start, uint32_t end) {
  return innermost_of(ix->anchors.items, ix->anchors.n, start, end, false);
}

int32_t scope_index_anchor_parent(const ScopeIndex *ix, int32_t i) {
  return ix->anchors.items[i].parent;
}

TSNode scope_index_anchor_node(const ScopeIndex *ix, int32_t i) {
  return ix->anchors.items[i].node;
}

TSNode scope_index_anchor_holder(const ScopeIndex *ix, int32_t i) {
  return ix->anchors.items[i].holder;
}

bool scope_index_spells(const Module *m, const ScopeIndex *ix, const char *name) {
  if (!ix)
    return strstr(m->src.bytes, name) != NULL;
  ScopeIndex *mut = (ScopeIndex *)ix;
  pthread_mutex_lock(&mut->lock);
  uintptr_t known = (uintptr_t)strmap_get(&ix->spelled, name);
  if (!known) {
    known = strstr(m->src.bytes, name) ? 1 : 2;
    strmap_put(&mut->spelled, name, (void *)known);
  }
  pthread_mutex_unlock(&mut->lock);
  return known == 1;
}

const TSNode *scope_index_imports(const ScopeIndex *ix, size_t *n) {
  *n = ix ? ix->nimports : 0;
  return ix ? ix->imports : NULL;
}

/* Mirrors the tests of find_export (resolve/value.c), statement by statement. */
static ExportKind classify_export(const Module *m, TSNode st, StrMap *first_clause, int32_t idx) {
  /* `export default class X {}`: a declaration, and the default export. */
  if (ts_node_named_child_count(st) > 0 && node_text_eq(&m->src, ts_node_child(st, 1), "default"))
    return EXPORT_DEFAULT;
  if (!ts_node_is_null(node_field(st, "declaration")))
    return EXPORT_DECL;
  if (!ts_node_is_null(node_field(st, "value")))
    return EXPORT_DEFAULT;
  uint32_t cn = ts_node_named_child_count(st);
  if (cn > 0 && node_text_eq(&m->src, ts_node_child(st, 1), "default"))
    return EXPORT_DEFAULT;
  bool has_clause = false;
  ChildIter it;
  for (TSNode c = child_iter_first(&it, st, true); !ts_node_is_null(c); c = child_iter_next(&it)) {
    if (node_is(c, "namespace_export"))
      has_clause = true;
    if (!node_is(c, "export_clause"))
      continue;
    has_clause = true;
    ChildIter specs;
    for (TSNode spec = child_iter_first(&specs, c, true); !ts_node_is_null(spec);
         spec = child_iter_next(&specs)) {
      if (!node_is(spec, "export_specifier"))
        continue;
      TSNode nm = node_field(spec, "name"), alias = node_field(spec, "alias");
      char *exported = node_text_dup(&m->src, ts_node_is_null(alias) ? nm : alias);
      if (!strmap_get(first_clause, exported))
        strmap_put(first_clause, exported, (void *)(uintptr_t)(idx + 1));
      free(exported);
    }
    child_iter_done(&specs);
  }
  child_iter_done(&it);
  if (has_clause)
    return EXPORT_CLAUSE;
  return ts_node_is_null(node_field(st, "source")) ? EXPORT_OTHER : EXPORT_STAR;
}

const ExportTable *scope_index_exports(const Module *m, const ScopeIndex *ix) {
  if (!ix)
    return NULL;
  ScopeIndex *mut = (ScopeIndex *)ix;
  pthread_mutex_lock(&mut->lock);
  if (!ix->export_table) {
    budget_pause(true);
    ExportTable *t = xcalloc(1, sizeof *t);
    t->stmts = ix->exports;
    t->n = ix->nexports;
    t->kinds = xcalloc(t->n + 1, sizeof *t->kinds);
    t->stars = xcalloc(t->n + 1, sizeof *t->stars);
    t->first_default = -1;
    for (size_t i = 0; i < t->n; i++) {
      t->kinds[i] = classify_export(m, t->stmts[i], &t->first_clause, (int32_t)i);
      if (t->kinds[i] == EXPORT_DEFAULT && t->first_default < 0)
        t->first_default = (int32_t)i;
      else if (t->kinds[i] == EXPORT_STAR)
        t->stars[t->nstars++] = (int32_t)i;
    }
    ast_work_add(t->n);
    mut->export_table = t;
    budget_pause(false);
  }
  pthread_mutex_unlock(&mut->lock);
  return ix->export_table;
}

/* One pass over the top-level statements, with a cursor: ts_node_named_child
 * (root, i) walks the i statements before it when a syntax error left them
 * flat. */
static void build_object_types(const Module *m, StrMap *out) {
  ChildIter it;
  uint64_t seen = 0;
  for (TSNode c = child_iter_first(&it, ts_tree_root_node(m->tree), true); !ts_node_is_null(c);
       c = child_iter_next(&it), seen++) {
    TSNode st = node_is(c, "export_statement") ? node_field(c, "declaration") : c;
    TSNode nm = ts_node_is_null(st) ? st : node_field(st, "name");
    if (!node_is(nm, "type_identifier"))
      continue;
    TSNode body = {0};
    if (node_is(st, "interface_declaration"))
      body = node_field(st, "body");
    else if (node_is(st, "type_alias_declaration") &&
             node_is(node_field(st, "value"), "object_type"))
      body = node_field(st, "value");
    char *name = node_text_dup(&m->src, nm);
    if (!ts_node_is_null(body) && !strmap_get(out, name)) {
      TSNode *held = xcalloc(1, sizeof *held);
      *held = body;
      strmap_put(out, name, held);
    }
    free(name);
  }
  child_iter_done(&it);
  ast_work_add(seen);
}

TSNode scope_index_object_type(const Module *m, const ScopeIndex *ix, const char *name) {
  if (!ix)
    return (TSNode){0};
  ScopeIndex *mut = (ScopeIndex *)ix;
  pthread_mutex_lock(&mut->lock);
  if (!ix->object_types_built) {
    budget_pause(true);
    build_object_types(m, &mut->object_types);
    mut->object_types_built = true;
    budget_pause(false);
  }
  const TSNode *found = strmap_get(&ix->object_types, name);
  pthread_mutex_unlock(&mut->lock);
  return found ? *found : (TSNode){0};
}

int32_t export_table_holding(const ExportTable *t, uint32_t start, uint32_t end) {
  size_t lo = 0, hi = t->n;
  while (lo < hi) { /* the last statement starting at or before start */
    size_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(t->stmts[mid]) <= start)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || t->kinds[lo - 1] != EXPORT_DECL)
    return -1;
  TSNode decl = node_field(t->stmts[lo - 1], "declaration");
  return ts_node_start_byte(decl) <= start && end <= ts_node_end_byte(decl) ? (int32_t)(lo - 1)
                                                                            : -1;
}

int32_t scope_index_parent(const ScopeIndex *ix, int32_t i) {
  return ix->entries[i].parent;
}

/* The entry of `n` itself in `entries`, or -1. */
static int32_t entry_of(const ScopeEntry *entries, size_t count, TSNode n) {
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  for (int32_t i = innermost_of(entries, count, start, end, false); i >= 0; i = entries[i].parent) {
    if (ts_node_eq(entries[i].node, n))
      return i;
    if (entries[i].start != start || entries[i].end != end)
      return -1; /* entries of one range nest: past them, n has none */
  }
  return -1;
}

/* The narrowest entry of `entries` whose range holds n's and is longer. */
static const ScopeEntry *above(const ScopeEntry *entries, size_t count, TSNode n) {
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  int32_t i = innermost_of(entries, count, start, end, false);
  while (i >= 0 && entries[i].start == start && entries[i].end == end)
    i = entries[i].parent;
  return i >= 0 ? &entries[i] : NULL;
}

bool scope_index_parent_hint(const ScopeIndex *ix, TSNode n, TSNode *parent, TSNode *from) {
  int32_t i = entry_of(ix->entries, ix->n, n);
  if (i > 0) {
    *parent = ix->entries[i].holder;
    return true;
  }
  int32_t a = entry_of(ix->anchors.items, ix->anchors.n, n);
  if (a >= 0) {
    *parent = ix->anchors.items[a].holder;
    return true;
  }
  const ScopeEntry *s = above(ix->entries, ix->n, n);
  const ScopeEntry *an = above(ix->anchors.items, ix->anchors.n, n);
  if (an && (!s || an->end - an->start < s->end - s->start))
    s = an;
  *from = s ? s->node : (TSNode){0};
  return false;
}

TSNode scope_index_holder(const ScopeIndex *ix, int32_t i) {
  return ix->entries[i].holder;
}

TSNode scope_index_node(const ScopeIndex *ix, int32_t i) {
  return ix->entries[i].node;
}

static void add_declarer(StrMap *map, const Source *src, TSNode name_node, TSNode stmt) {
  char *name = node_text_dup(src, name_node);
  Declarers *d = strmap_get(map, name);
  if (!d) {
    d = xcalloc(1, sizeof *d);
    strmap_put(map, name, d);
  }
  if (d->n == 0 || !ts_node_eq(d->stmts[d->n - 1], stmt))
    ARRAY_PUSH(d->stmts, d->n, d->cap, stmt);
  free(name);
}

typedef struct NameScan {
  StrMap *map;
  const Source *src;
  TSNode stmt;
  uint64_t visited;
} NameScan;

/* Every identifier in a declaring pattern or import clause may be a name the
 * statement binds: more than it binds (default values, property keys are
 * skipped by the exact check), never fewer. */
static bool collect_names(TSNode n, void *data) {
  NameScan *s = data;
  if (node_is(n, "identifier") || node_is(n, "shorthand_property_identifier_pattern"))
    add_declarer(s->map, s->src, n, s->stmt);
  return true;
}

static void scan_names(NameScan *s, TSNode n) {
  if (node_is(n, "identifier")) {
    s->visited++;
    add_declarer(s->map, s->src, n, s->stmt);
    return;
  }
  ast_walk(n, collect_names, s);
}

static void index_statement(NameScan *s, TSNode st) {
  s->stmt = st;
  if (node_is(st, "export_statement")) {
    st = node_field(st, "declaration");
    if (ts_node_is_null(st))
      return;
  }
  if (node_is(st, "lexical_declaration") || node_is(st, "variable_declaration")) {
    ChildIter it;
    for (TSNode d = child_iter_first(&it, st, true); !ts_node_is_null(d); d = child_iter_next(&it))
      if (node_is(d, "variable_declarator"))
        scan_names(s, node_field(d, "name"));
    child_iter_done(&it);
  } else if (node_is(st, "function_declaration") || node_is(st, "generator_function_declaration") ||
             node_is(st, "class_declaration") || node_is(st, "abstract_class_declaration")) {
    TSNode id = node_field(st, "name");
    if (!ts_node_is_null(id))
      add_declarer(s->map, s->src, id, s->stmt);
  } else if (node_is(st, "import_statement")) {
    ChildIter it;
    for (TSNode c = child_iter_first(&it, st, true); !ts_node_is_null(c); c = child_iter_next(&it))
      if (node_is(c, "import_clause"))
        scan_names(s, c);
    child_iter_done(&it);
  }
}

/* Returns the statements visited. */
static uint64_t build_declarers(const Module *m, TSNode block, StrMap *declarers) {
  NameScan s = {.map = declarers, .src = &m->src};
  ChildIter it;
  for (TSNode st = child_iter_first(&it, block, true); !ts_node_is_null(st);
       st = child_iter_next(&it)) {
    s.visited++;
    index_statement(&s, st);
  }
  child_iter_done(&it);
  return s.visited;
}

typedef struct AssignScan {
  StrMap *map;
  const Source *src;
} AssignScan;

static bool collect_assigned(TSNode n, void *data) {
  AssignScan *a = data;
  TSNode target = {0};
  if (node_is(n, "assignment_expression") || node_is(n, "augmented_assignment_expression"))
    target = node_field(n, "left");
  else if (node_is(n, "update_expression"))
    target = node_field(n, "argument");
  if (node_is(target, "identifier")) {
    char *name = node_text_dup(a->src, target);
    strmap_put(a->map, name, (void *)1);
    free(name);
  }
  return true;
}

static BlockNames *names_of(const ScopeIndex *ix, int32_t i) {
  ScopeEntry *e = &ix->entries[i];
  if (!e->names)
    e->names = xcalloc(1, sizeof *e->names);
  return e->names;
}

const TSNode *scope_index_declarers(const Module *m, const ScopeIndex *ix, int32_t i,
                                    const char *name, size_t *n) {
  ScopeIndex *mut = (ScopeIndex *)ix;
  pthread_mutex_lock(&mut->lock);
  BlockNames *b = names_of(ix, i);
  bool built = b->has_declarers;
  pthread_mutex_unlock(&mut->lock);
  if (!built) {
    /* Built outside the lock, so that lookups on another thread (a large
     * file's sinks are read on two) do not wait for it; the first build
     * installed is kept, and only its work counted. */
    StrMap fresh = {0};
    budget_pause(true);
    uint64_t visited = build_declarers(m, ix->entries[i].node, &fresh);
    budget_pause(false);
    pthread_mutex_lock(&mut->lock);
    if (!b->has_declarers) {
      b->declarers = fresh;
      b->has_declarers = true;
      memset(&fresh, 0, sizeof fresh);
      ast_work_add(visited);
    }
    pthread_mutex_unlock(&mut->lock);
    strmap_free(&fresh, free_declarers);
  }
  pthread_mutex_lock(&mut->lock);
  Declarers *d = strmap_get(&b->declarers, name);
  pthread_mutex_unlock(&mut->lock);
  /* A Declarers is never changed once its block is built. */
  *n = d ? d->n : 0;
  return d ? d->stmts : NULL;
}

bool scope_index_assigned(const Module *m, const ScopeIndex *ix, int32_t i, const char *name) {
  ScopeIndex *mut = (ScopeIndex *)ix;
  pthread_mutex_lock(&mut->lock);
  BlockNames *b = names_of(ix, i);
  if (!b->has_assigned) {
    AssignScan a = {.map = &b->assigned, .src = &m->src};
    budget_pause(true);
    ast_walk(ix->entries[i].node, collect_assigned, &a);
    budget_pause(false);
    b->has_assigned = true;
  }
  bool yes = strmap_get(&b->assigned, name) != NULL;
  pthread_mutex_unlock(&mut->lock);
  return yes;
}
