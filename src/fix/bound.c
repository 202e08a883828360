#include "fix/bound.h"

#include "core/util.h"
#include "resolve/scope.h"

#include <stdlib.h>
#include <string.h>

static bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         (unsigned char)c >= 0x80;
}

static bool ident_char(char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}

/* `name` occurs as a whole identifier (not a property) in bytes[start, end). */
static bool written_in_range(const Module *m, uint32_t start, uint32_t end, const char *name,
                             size_t len) {
  const char *b = m->src.bytes;
  for (uint32_t i = start; i + len <= end; i++) {
    if (memcmp(b + i, name, len) != 0)
      continue;
    bool left_ok = i == start || (!ident_char(b[i - 1]) && b[i - 1] != '.');
    bool right_ok = i + len == end || !ident_char(b[i + len]);
    if (left_ok && right_ok)
      return true;
  }
  return false;
}

static bool name_bound(const Module *m, uint32_t start, uint32_t end, const char *name, size_t len,
                       const char *imported) {
  char *dup = xstrndup(name, len);
  Binding b = scope_lookup_range(m, start, end, dup);
  bool ok;
  if (imported && strcmp(dup, imported) == 0)
    ok = b.kind == BIND_NONE || b.kind == BIND_IMPORT;
  else
    ok = b.kind != BIND_NONE || written_in_range(m, start, end, name, len);
  free(dup);
  return ok;
}

/* Calls visit(name, len, data) on every free name of `text` (an expression):
 * not a property after `.`, not inside a string. False when a visit says no
 * or a string is left open. */
typedef bool (*NameVisit)(const char *name, size_t len, void *data);

static bool each_free_name(const char *text, NameVisit visit, void *data) {
  char quote = 0;
  for (const char *p = text; *p;) {
    if (quote) {
      if (*p == '\\' && p[1])
        p++;
      else if (*p == quote)
        quote = 0;
      p++;
      continue;
    }
    if (*p == '"' || *p == '\'' || *p == '`') {
      quote = *p++;
      continue;
    }
    if (!ident_start(*p) || (p > text && ident_char(p[-1]))) {
      p++;
      continue;
    }
    const char *q = p;
    while (ident_char(*q))
      q++;
    const char *before = p;
    while (before > text && before[-1] == ' ')
      before--;
    bool property = before > text && before[-1] == '.';
    if (!property && !visit(p, (size_t)(q - p), data))
      return false;
    p = q;
  }
  return !quote;
}

typedef struct BoundAt {
  const Module *m;
  uint32_t start, end;
  const char *imported;
} BoundAt;

static bool visit_bound(const char *name, size_t len, void *data) {
  const BoundAt *b = data;
  return name_bound(b->m, b->start, b->end, name, len, b->imported);
}

bool fix_names_bound(const Module *m, uint32_t start, uint32_t end, const char *text,
                     const char *imported) {
  if (!m->tree)
    return false;
  BoundAt b = {m, start, end, imported};
  return each_free_name(text, visit_bound, &b);
}

static bool same_node(TSNode x, TSNode y) {
  return ts_node_is_null(x) ? ts_node_is_null(y) : !ts_node_is_null(y) && ts_node_eq(x, y);
}

typedef struct SameAt {
  const Module *m;
  uint32_t a_start, a_end, b_start, b_end;
} SameAt;

static bool visit_same(const char *name, size_t len, void *data) {
  const SameAt *s = data;
  char *dup = xstrndup(name, len);
  Binding x = scope_lookup_range(s->m, s->a_start, s->a_end, dup),
          y = scope_lookup_range(s->m, s->b_start, s->b_end, dup);
  free(dup);
  /* An unknown binding with nothing to tell it by (a catch clause's name)
   * may be two different ones. */
  if (x.kind == BIND_UNKNOWN && ts_node_is_null(x.decl) && ts_node_is_null(x.node))
    return false;
  return x.kind == y.kind && same_node(x.decl, y.decl) && same_node(x.node, y.node);
}

bool fix_names_mean_same(const Module *m, uint32_t a_start, uint32_t a_end, uint32_t b_start,
                         uint32_t b_end, const char *text) {
  if (!m->tree)
    return false;
  SameAt s = {m, a_start, a_end, b_start, b_end};
  return each_free_name(text, visit_same, &s);
}
