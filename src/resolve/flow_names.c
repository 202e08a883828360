#include "resolve/flow_names.h"

#include "core/util.h"
#include "parse/ast.h"

#include <stdint.h>
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

static void aliases_of(Builder *b, TSNode n) {
  if (node_is(n, "import_specifier") || node_is(n, "export_specifier")) {
    alias(b, node_field(n, "name"), node_field(n, "alias"));
  } else if (node_is(n, "import_clause")) {
    TSNode first = ts_node_named_child(n, 0);
    if (node_is(first, "identifier")) /* import notify from "./notify" */
      pair_push(&b->r->aliases, &b->r->naliases, &b->r->acap, intern(b->r, "default", 7),
                intern_node(b->r, b->m, first));
  } else if (node_is(n, "export_statement")) {
    TSNode v = node_unwrap(node_field(n, "value"));
    if (node_is(v, "identifier"))
      pair_push(&b->r->aliases, &b->r->naliases, &b->r->acap, intern_node(b->r, b->m, v),
                intern(b->r, "default", 7));
  } else if (node_is(n, "pair")) {
    alias(b, node_unwrap(node_field(n, "value")), node_field(n, "key"));
  } else if (node_is(n, "pair_pattern")) {
    alias(b, node_field(n, "key"), node_field(n, "value"));
  } else if (node_is(n, "variable_declarator") || node_is(n, "public_field_definition")) {
    TSNode v = node_unwrap(node_field(n, "value"));
    if (node_is(v, "identifier"))
      alias(b, v, node_field(n, "name"));
  }
}

static bool build_visit(TSNode n, void *data) {
  Builder *b = data;
  uint32_t start = ts_node_start_byte(n);
  while (b->depth > 0 && b->stack[b->depth - 1].end <= start)
    b->depth--;
  if (node_is_function(n)) {
    FlowRecord *r = b->r;
    ARRAY_PUSH(r->def_sink, r->ndefs, r->dcap, false);
    uint32_t def = (uint32_t)(r->ndefs - 1);
    function_names(b, def, n);
    if (b->depth < FLOW_MAX_NESTING)
      b->stack[b->depth++] = (Open){def, ts_node_end_byte(n)};
  } else if (node_is(n, "call_expression")) {
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
    aliases_of(b, n);
  }
  return true;
}

void flow_record_build(const Module *m, FlowRecord *out) {
  memset(out, 0, sizeof *out);
  if (!m->tree)
    return;
  Builder b = {m, out, {{0, 0}}, 0};
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

/* Identifiers of code: quoted strings and comments are skipped (a name
 * inside "org:acme:lobby" is no call); template literals are kept whole,
 * since their substitutions are code. A quote or comment start that is not
 * one (a regular expression literal) can hide at most the rest of its line. */
bool flow_names_in_text(const FlowNames *names, const char *text) {
  if (!names || names->set.n == 0)
    return false;
  const unsigned char *p = (const unsigned char *)text;
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
    if (flow_names_has(names, (const char *)s, (uint32_t)(p - s)))
      return true;
  }
  return false;
}
