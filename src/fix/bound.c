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

bool fix_names_bound(const Module *m, uint32_t start, uint32_t end, const char *text,
                     const char *imported) {
  if (!m->tree)
    return false;
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
    if (!property && !name_bound(m, start, end, p, (size_t)(q - p), imported))
      return false;
    p = q;
  }
  return !quote;
}
