#include "resolve/flow_names.h"

#include "core/util.h"
#include "parse/ast.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLOW_MAX_NESTING 64

bool flow_sink_name(const char *name, uint32_t len) {
#define SINK(callee, needle, event, channel)                                                       \
  if (mem_eq_str(name, len, #callee))                                                              \
    return true;
#include "resolve/sinks.def"
#undef SINK
  return false;
}

/* ---- One file's record. ---- */

static uint32_t intern(FlowRecord *r, const char *s, size_t len) {
  char buf[128];
  if (len >= sizeof buf)
    len = sizeof buf - 1; /* longer names never match a lookup (flow_names_has) */
  memcpy(buf, s, len);
  buf[len] = 0;
  size_t known = (size_t)(uintptr_t)strmap_get(&r->index, buf);
  if (known)
    return (uint32_t)(known - 1);
  ARRAY_PUSH(r->strings, r->nstrings, r->scap, xstrdup(buf));
  strmap_put(&r->index, buf, (void *)(uintptr_t)r->nstrings);
  return (uint32_t)(r->nstrings - 1);
}

static uint32_t intern_node(FlowRecord *r, const Module *m, TSNode n) {
  if (node_is(n, "string")) {
    StrBuf sb = {0};
    node_string_value(&m->src, n, &sb);
    uint32_t id = intern(r, sb_cstr(&sb), sb.len);
    sb_free(&sb);
    return id;
  }
  uint32_t len;
  const char *t = node_text(&m->src, n, &len);
  return intern(r, t, len);
}

static void pair_push(uint32_t **arr, size_t *n, size_t *cap, uint32_t a, uint32_t b) {
  grow_array((void **)arr, cap, *n + 2, sizeof **arr);
  (*arr)[(*n)++] = a;
  (*arr)[(*n)++] = b;
}

static bool is_name_node(TSNode n) {
  return node_is(n, "identifier") || node_is(n, "property_identifier") ||
         node_is(n, "private_property_identifier") || node_is(n, "string") ||
         node_is(n, "type_identifier") || node_is(n, "shorthand_property_identifier");
}

typedef struct Open {
  uint32_t def, end;
} Open;

typedef struct Builder {
  const Module *m;
  FlowRecord *r;
  Open stack[FLOW_MAX_NESTING];
  int depth;
} Builder;

static void add_name(Builder *b, uint32_t def, TSNode n) {
  if (!ts_node_is_null(n) && is_name_node(n))
    pair_push(&b->r->names, &b->r->nnames, &b->r->ncap, def, intern_node(b->r, b->m, n));
}

/* The names a function is known by where it is defined. */
static void function_names(Builder *b, uint32_t def, TSNode fn) {
  add_name(b, def, node_field(fn, "name"));
  TSNode parent = ts_node_parent(fn);
  if (node_is(parent, "arguments")) { /* useCallback((...) => ...) */
    TSNode call = ts_node_parent(parent);
    parent = node_is(call, "call_expression") ? ts_node_parent(call) : (TSNode){0};
  }
  if (node_is(parent, "variable_declarator") || node_is(parent, "public_field_definition"))
    add_name(b, def, node_field(parent, "name"));
  else if (node_is(parent, "pair"))
    add_name(b, def, node_field(parent, "key"));
  else if (node_is(parent, "export_statement"))
    pair_push(&b->r->names, &b->r->nnames, &b->r->ncap, def, intern(b->r, "default", 7));
}

static void alias(Builder *b, TSNode from, TSNode to) {
  if (ts_node_is_null(from) || ts_node_is_null(to) || !is_name_node(from) || !is_name_node(to))
    return;
  pair_push(&b->r->aliases, &b->r->naliases, &b->r->acap, intern_node(b->r, b->m, from),
            intern_node(b->r, b->m, to));
}

/* The node kinds the walk acts on, as symbols of the tree's grammar (TS and
 * TSX differ), looked up once per thread and grammar: comparing every node
 * with a dozen kind names by string was most of the pass. */
enum {
  K_OTHER,
  K_FUNCTION,
  K_CALL,
  K_SPECIFIER, /* import_specifier, export_specifier */
  K_IMPORT_CLAUSE,
  K_EXPORT,
  K_PAIR,
  K_PAIR_PATTERN,
  K_DECLARATOR, /* variable_declarator, public_field_definition */
  K_SKIP,       /* types, comments, strings: nothing to record inside */
};

static const struct {
  const char *name;
  unsigned char kind;
} kind_names[] = {
    {"arrow_function", K_FUNCTION},
    {"function_expression", K_FUNCTION},
    {"function_declaration", K_FUNCTION},
    {"method_definition", K_FUNCTION},
    {"function", K_FUNCTION},
    {"generator_function_declaration", K_FUNCTION},
    {"call_expression", K_CALL},
    {"import_specifier", K_SPECIFIER},
    {"export_specifier", K_SPECIFIER},
    {"import_clause", K_IMPORT_CLAUSE},
    {"export_statement", K_EXPORT},
    {"pair", K_PAIR},
    {"pair_pattern", K_PAIR_PATTERN},
    {"variable_declarator", K_DECLARATOR},
    {"public_field_definition", K_DECLARATOR},
    {"type_annotation", K_SKIP},
    {"interface_declaration", K_SKIP},
    {"type_alias_declaration", K_SKIP},
    {"type_arguments", K_SKIP},
    {"type_parameters", K_SKIP},
    {"comment", K_SKIP},
    {"string", K_SKIP},
    {"jsx_text", K_SKIP},
};

#define FLOW_MAX_SYMBOLS 2048

static _Thread_local const TSLanguage *kinds_lang;
static _Thread_local unsigned char kinds[FLOW_MAX_SYMBOLS];

static void kinds_for(const TSLanguage *lang) {
  if (kinds_lang == lang)
    return;
  memset(kinds, K_OTHER, sizeof kinds);
  uint32_t count = ts_language_symbol_count(lang);
  for (uint32_t sym = 0; sym < count && sym < FLOW_MAX_SYMBOLS; sym++) {
    const char *name = ts_language_symbol_name(lang, (TSSymbol)sym);
    for (size_t k = 0; name && k < sizeof kind_names / sizeof *kind_names; k++)
      if (strcmp(name, kind_names[k].name) == 0 &&
          ts_language_symbol_type(lang, (TSSymbol)sym) == TSSymbolTypeRegular)
        kinds[sym] = kind_names[k].kind;
  }
  kinds_lang = lang;
}

static unsigned kind_of(TSNode n) {
  TSSymbol sym = ts_node_symbol(n);
  return sym < FLOW_MAX_SYMBOLS ? kinds[sym] : K_OTHER;
}

static void aliases_of(Builder *b, TSNode n, unsigned kind) {
  switch (kind) {
  case K_SPECIFIER:
    alias(b, node_field(n, "name"), node_field(n, "alias"));
    break;
  case K_IMPORT_CLAUSE: {
    TSNode first = ts_node_named_child(n, 0);
    if (node_is(first, "identifier")) /* import notify from "./notify" */
      pair_push(&b->r->aliases, &b->r->naliases, &b->r->acap, intern(b->r, "default", 7),
                intern_node(b->r, b->m, first));
    break;
  }
  case K_EXPORT: {
    TSNode v = node_unwrap(node_field(n, "value"));
    if (node_is(v, "identifier"))
      pair_push(&b->r->aliases, &b->r->naliases, &b->r->acap, intern_node(b->r, b->m, v),
                intern(b->r, "default", 7));
    break;
  }
  case K_PAIR:
    alias(b, node_unwrap(node_field(n, "value")), node_field(n, "key"));
    break;
  case K_PAIR_PATTERN:
    alias(b, node_field(n, "key"), node_field(n, "value"));
    break;
  case K_DECLARATOR: {
    TSNode v = node_unwrap(node_field(n, "value"));
    if (node_is(v, "identifier"))
      alias(b, v, node_field(n, "name"));
    break;
  }
  default:
    break;
  }
}

static bool build_visit(TSNode n, void *data) {
  Builder *b = data;
  unsigned kind = kind_of(n);
  if (kind == K_OTHER)
    return true;
  if (kind == K_SKIP)
    return false;
  uint32_t start = ts_node_start_byte(n);
  while (b->depth > 0 && b->stack[b->depth - 1].end <= start)
    b->depth--;
  if (kind == K_FUNCTION) {
    FlowRecord *r = b->r;
    ARRAY_PUSH(r->def_sink, r->ndefs, r->dcap, false);
    uint32_t def = (uint32_t)(r->ndefs - 1);
    function_names(b, def, n);
    if (b->depth < FLOW_MAX_NESTING)
      b->stack[b->depth++] = (Open){def, ts_node_end_byte(n)};
  } else if (kind == K_CALL) {
    uint32_t len;
    const char *t = call_callee_name(&b->m->src, n, &len);
    if (t) {
      bool sink = flow_sink_name(t, len);
      uint32_t id = intern(b->r, t, len);
      for (int i = 0; i < b->depth; i++) {
        uint32_t def = b->stack[i].def;
        b->r->def_sink[def] = b->r->def_sink[def] || sink;
        pair_push(&b->r->calls, &b->r->ncalls, &b->r->ccap, def, id);
      }
    }
  } else {
    aliases_of(b, n, kind);
  }
  return true;
}

void flow_record_build(const Module *m, FlowRecord *out) {
  memset(out, 0, sizeof *out);
  if (!m->tree)
    return;
  Builder b = {m, out, {{0, 0}}, 0};
  kinds_for(ts_tree_language(m->tree));
  ast_walk(ts_tree_root_node(m->tree), build_visit, &b);
  strmap_free(&out->index, NULL);
}

void flow_record_free(FlowRecord *r) {
  for (size_t i = 0; i < r->nstrings; i++)
    free(r->strings[i]);
  free(r->strings);
  free(r->def_sink);
  free(r->names);
  free(r->calls);
  free(r->aliases);
  strmap_free(&r->index, NULL);
  memset(r, 0, sizeof *r);
}

/* ---- The project's names. ---- */

static bool set_add(FlowNames *names, const char *s) {
  if (strmap_get(&names->set, s))
    return false;
  strmap_put(&names->set, s, names);
  return true;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void flow_names_solve(FlowNames *names, FlowRecord *const *records, size_t n, const UserSink *user,
                      size_t nuser) {
  for (size_t i = 0; i < nuser; i++)
    set_add(names, user[i].name);
  bool **qualified = xcalloc(n ? n : 1, sizeof *qualified);
  for (size_t i = 0; i < n; i++)
    qualified[i] = xcalloc(records[i]->ndefs + 1, sizeof **qualified);
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < n; i++) {
      const FlowRecord *r = records[i];
      for (size_t d = 0; d < r->ndefs; d++)
        qualified[i][d] = qualified[i][d] || r->def_sink[d];
      for (size_t k = 0; k + 1 < r->ncalls; k += 2)
        if (!qualified[i][r->calls[k]] && strmap_get(&names->set, r->strings[r->calls[k + 1]]))
          qualified[i][r->calls[k]] = true;
      for (size_t k = 0; k + 1 < r->nnames; k += 2)
        if (qualified[i][r->names[k]])
          changed = set_add(names, r->strings[r->names[k + 1]]) || changed;
      for (size_t k = 0; k + 1 < r->naliases; k += 2)
        if (strmap_get(&names->set, r->strings[r->aliases[k]]))
          changed = set_add(names, r->strings[r->aliases[k + 1]]) || changed;
    }
  }
  for (size_t i = 0; i < n; i++)
    free(qualified[i]);
  free(qualified);
  /* The digest of the sorted names. */
  char **sorted = xcalloc(names->set.n + 1, sizeof *sorted);
  size_t k = 0;
  for (size_t i = 0; i < names->set.cap; i++)
    if (names->set.keys[i])
      sorted[k++] = names->set.keys[i];
  qsort(sorted, k, sizeof *sorted, cmp_str);
  uint64_t h = HASH_FNV_SEED;
  for (size_t i = 0; i < k; i++)
    h = hash_fnv1a(sorted[i], strlen(sorted[i]) + 1, h);
  names->digest = h;
  free(sorted);
}

void flow_names_free(FlowNames *names) {
  strmap_free(&names->set, NULL);
  strmap_free(&names->verdicts, NULL);
  memset(names, 0, sizeof *names);
}

bool flow_names_has(const FlowNames *names, const char *name, uint32_t len) {
  char buf[128];
  if (len >= sizeof buf || names->set.n == 0)
    return false;
  memcpy(buf, name, len);
  buf[len] = 0;
  return strmap_get(&names->set, buf) != NULL;
}

static bool ident_start(unsigned char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool ident_char(unsigned char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}

static const unsigned char *skip_space(const unsigned char *p) {
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static bool word_at(const unsigned char *p, const char *w) {
  size_t n = strlen(w);
  return memcmp(p, w, n) == 0 && !ident_char(p[n]);
}

/* The identifier ending at `end` (exclusive), skipping spaces backwards. */
static bool word_before(const unsigned char *text, const unsigned char *at, const char *w) {
  const unsigned char *p = at;
  while (p > text && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
    p--;
  size_t n = strlen(w);
  return (size_t)(p - text) >= n && memcmp(p - n, w, n) == 0 &&
         ((size_t)(p - text) == n || !ident_char(p[-(ptrdiff_t)n - 1]));
}

static char prev_char(const unsigned char *text, const unsigned char *at) {
  const unsigned char *p = at;
  while (p > text && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
    p--;
  return p > text ? (char)p[-1] : 0;
}

/* Where a name can make a file hold a wrapper call: called (`name(`,
 * `name?.(`, `name<T>(`), or handed on under another name (`name as x`,
 * `x as name`, `key: name`, `= name`, `export default name`). A name used
 * otherwise (a JSX tag, a type, a property read) calls nothing. */
static bool call_or_alias(const unsigned char *text, const unsigned char *s,
                          const unsigned char *e) {
  const unsigned char *n = skip_space(e);
  if (*n == '(' || *n == '<' || (n[0] == '?' && n[1] == '.') || word_at(n, "as"))
    return true;
  char before = prev_char(text, s);
  return before == '=' || before == ':' || word_before(text, s, "as") ||
         word_before(text, s, "default");
}

#define FLOW_MAX_DEFAULT_IMPORTS 64

/* Identifiers of code: quoted strings and comments are skipped (a name
 * inside "org:acme:lobby" is no call); template literals are kept whole,
 * since their substitutions are code. A quote or comment start that is not
 * one (a regular expression literal) can hide at most the rest of its line.
 * When a default export is among the names, the local names of default
 * imports (`import notify from "./notify"`) count as names too. */
static bool scan_text(const FlowNames *names, const char *text);

bool flow_names_in_text(const FlowNames *names, const char *text) {
  if (!names || names->set.n == 0)
    return false;
  if (names->verdicts.n) {
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)text);
    uintptr_t v = (uintptr_t)strmap_get(&names->verdicts, key);
    if (v)
      return v == 1;
  }
  return scan_text(names, text);
}

void flow_names_remember(FlowNames *names, const char *text, bool maybe) {
  char key[32];
  snprintf(key, sizeof key, "%p", (const void *)text);
  bool yes = maybe && scan_text(names, text);
  strmap_put(&names->verdicts, key, (void *)(uintptr_t)(yes ? 1 : 2));
}

static bool scan_text(const FlowNames *names, const char *text) {
  bool defaults = strmap_get(&names->set, "default") != NULL;
  const unsigned char *base = (const unsigned char *)text, *p = base;
  const unsigned char *dflt[FLOW_MAX_DEFAULT_IMPORTS];
  size_t dlen[FLOW_MAX_DEFAULT_IMPORTS], ndflt = 0;
  while (*p) {
    if (*p == '"' || *p == '\'') {
      unsigned char q = *p++;
      while (*p && *p != q && *p != '\n')
        p += (*p == '\\' && p[1]) ? 2 : 1;
      if (*p == q)
        p++;
      continue;
    }
    if (p[0] == '/' && p[1] == '/') {
      while (*p && *p != '\n')
        p++;
      continue;
    }
    if (p[0] == '/' && p[1] == '*') {
      const char *end = strstr((const char *)p + 2, "*/");
      p = end ? (const unsigned char *)end + 2 : p + strlen((const char *)p);
      continue;
    }
    if (!ident_start(*p)) {
      p++;
      continue;
    }
    const unsigned char *s = p;
    while (ident_char(*p))
      p++;
    uint32_t len = (uint32_t)(p - s);
    if (defaults && ndflt < FLOW_MAX_DEFAULT_IMPORTS && word_before(base, s, "import") &&
        !word_at(s, "type")) {
      dflt[ndflt] = s;
      dlen[ndflt++] = len;
      continue;
    }
    bool named = flow_names_has(names, (const char *)s, len);
    for (size_t i = 0; !named && i < ndflt; i++)
      named = dlen[i] == len && memcmp(dflt[i], s, len) == 0;
    if (named && call_or_alias(base, s, p))
      return true;
  }
  return false;
}
