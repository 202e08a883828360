/* node_is / node_field by symbol and field ids (see ast.h). Each thread keeps
 * a small direct-mapped cache keyed by the literal's address and the grammar
 * (TS and TSX number their symbols differently), so no locking is needed. */
#include "parse/ast.h"

#include "core/util.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

/* Some 300 literals share the cache: large enough that hot ones rarely
 * evict each other. */
#define CACHE_SLOTS 4096
/* A type name can belong to a named and an anonymous symbol ("function"). */
#define MAX_TYPE_SYMBOLS 2
/* Never a node's symbol: 0 is the end-of-input symbol. (Not UINT16_MAX:
 * that is ts_builtin_sym_error, the symbol of ERROR nodes.) */
#define NO_SYMBOL 0

typedef struct TypeSlot {
  const char *type;
  const TSLanguage *lang;
  TSSymbol symbols[MAX_TYPE_SYMBOLS];
} TypeSlot;

typedef struct FieldSlot {
  const char *field;
  const TSLanguage *lang;
  TSFieldId id;
} FieldSlot;

static _Thread_local TypeSlot type_cache[CACHE_SLOTS];
static _Thread_local FieldSlot field_cache[CACHE_SLOTS];

static size_t slot_of(const char *key, const TSLanguage *lang) {
  uint64_t h = ((uint64_t)(uintptr_t)key ^ ((uint64_t)(uintptr_t)lang << 7)) * 0x9E3779B97F4A7C15u;
  return (size_t)(h >> 52) & (CACHE_SLOTS - 1);
}

/* The names of one grammar's visible symbols, sorted, each with the public
 * ids it has: built once per grammar so a cache miss costs a binary search. */
typedef struct NamedSymbols {
  const char *name;
  TSSymbol symbols[MAX_TYPE_SYMBOLS];
} NamedSymbols;

typedef struct SymbolIndex {
  const TSLanguage *lang;
  NamedSymbols *items;
  size_t n;
} SymbolIndex;

#define MAX_GRAMMARS 4
static SymbolIndex indexes[MAX_GRAMMARS];
static size_t nindexes;
static pthread_mutex_t indexes_lock = PTHREAD_MUTEX_INITIALIZER;

static int cmp_named(const void *a, const void *b) {
  return strcmp(((const NamedSymbols *)a)->name, ((const NamedSymbols *)b)->name);
}

/* ts_node_symbol returns the public symbol, which tree-sitter shares between
 * all symbols of one name and kind; a name has at most one of each kind. */
static void index_build(SymbolIndex *ix, const TSLanguage *lang) {
  uint32_t count = ts_language_symbol_count(lang);
  ix->items = xcalloc(count, sizeof *ix->items);
  for (uint32_t i = 0; i < count; i++) {
    TSSymbolType kind = ts_language_symbol_type(lang, (TSSymbol)i);
    const char *name = ts_language_symbol_name(lang, (TSSymbol)i);
    if (!name || kind == TSSymbolTypeAuxiliary)
      continue;
    TSSymbol pub = ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name),
                                               kind == TSSymbolTypeRegular);
    NamedSymbols *e = ix->items + ix->n++;
    e->name = name;
    e->symbols[0] = pub;
    e->symbols[1] = NO_SYMBOL;
  }
  qsort(ix->items, ix->n, sizeof *ix->items, cmp_named);
  size_t w = 0;
  for (size_t r = 0; r < ix->n; r++) {
    NamedSymbols *prev = w ? &ix->items[w - 1] : NULL;
    if (prev && strcmp(prev->name, ix->items[r].name) == 0) {
      if (prev->symbols[0] != ix->items[r].symbols[0])
        prev->symbols[1] = ix->items[r].symbols[0];
      continue;
    }
    ix->items[w++] = ix->items[r];
  }
  ix->n = w;
  ix->lang = lang;
}

static const SymbolIndex *index_for(const TSLanguage *lang) {
  pthread_mutex_lock(&indexes_lock);
  SymbolIndex *ix = NULL;
  for (size_t i = 0; i < nindexes && !ix; i++)
    if (indexes[i].lang == lang)
      ix = &indexes[i];
  if (!ix && nindexes < MAX_GRAMMARS) {
    ix = &indexes[nindexes++];
    index_build(ix, lang);
  }
  pthread_mutex_unlock(&indexes_lock);
  return ix;
}

static void fill_type(TypeSlot *s, const char *type, const TSLanguage *lang) {
  s->type = type;
  s->lang = lang;
  s->symbols[0] = s->symbols[1] = NO_SYMBOL;
  const SymbolIndex *ix = index_for(lang);
  NamedSymbols key = {.name = type};
  const NamedSymbols *e = ix ? bsearch(&key, ix->items, ix->n, sizeof key, cmp_named) : NULL;
  if (e)
    memcpy(s->symbols, e->symbols, sizeof s->symbols);
}

bool node_is_literal(TSNode n, const char *type) {
  if (ts_node_is_null(n))
    return false;
  const TSLanguage *lang = ts_tree_language(n.tree);
  TypeSlot *s = &type_cache[slot_of(type, lang)];
  if (s->type != type || s->lang != lang)
    fill_type(s, type, lang);
  TSSymbol sym = ts_node_symbol(n);
  return sym == s->symbols[0] || sym == s->symbols[1];
}

int node_type_among(TSNode n, const char *const *types, size_t count) {
  if (ts_node_is_null(n))
    return -1;
  const TSLanguage *lang = ts_tree_language(n.tree);
  TSSymbol sym = ts_node_symbol(n);
  for (size_t i = 0; i < count; i++) {
    TypeSlot *s = &type_cache[slot_of(types[i], lang)];
    if (s->type != types[i] || s->lang != lang)
      fill_type(s, types[i], lang);
    if (sym == s->symbols[0] || sym == s->symbols[1])
      return (int)i;
  }
  return -1;
}

TSNode node_field_literal(TSNode n, const char *field) {
  if (ts_node_is_null(n))
    return n;
  const TSLanguage *lang = ts_tree_language(n.tree);
  FieldSlot *s = &field_cache[slot_of(field, lang)];
  if (s->field != field || s->lang != lang) {
    s->field = field;
    s->lang = lang;
    s->id = ts_language_field_id_for_name(lang, field, (uint32_t)strlen(field));
  }
  if (s->id == 0) {
    TSNode null = {0};
    return null;
  }
  return ts_node_child_by_field_id(n, s->id);
}
