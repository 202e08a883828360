#include "fix/indent.h"

const char *fix_line_indent(Arena *a, const Source *src, uint32_t at) {
  uint32_t s = at;
  while (s > 0 && src->bytes[s - 1] != '\n')
    s--;
  uint32_t e = s;
  while (e < at && (src->bytes[e] == ' ' || src->bytes[e] == '\t'))
    e++;
  return arena_strndup(a, src->bytes + s, e - s);
}

const char *fix_indent_before(Arena *a, const Source *src, uint32_t at) {
  uint32_t s = at;
  while (s > 0 && (src->bytes[s - 1] == ' ' || src->bytes[s - 1] == '\t'))
    s--;
  if (s > 0 && src->bytes[s - 1] != '\n')
    return NULL;
  return arena_strndup(a, src->bytes + s, at - s);
}
