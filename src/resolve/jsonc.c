#include "resolve/jsonc.h"

#include "core/source.h"
#include "core/util.h"

#include <stdlib.h>

char *jsonc_strip(const char *s, size_t len) {
  StrBuf out = {0};
  size_t i = 0;
  while (i < len) {
    char c = s[i];
    if (c == '"') {
      size_t start = i++;
      while (i < len && s[i] != '"')
        i += (s[i] == '\\') ? 2 : 1;
      i = i < len ? i + 1 : len;
      sb_append_n(&out, s + start, i - start);
    } else if (c == '/' && i + 1 < len && s[i + 1] == '/') {
      while (i < len && s[i] != '\n')
        i++;
    } else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'))
        i++;
      i += 2;
    } else if (c == ',') {
      size_t j = i + 1;
      while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
        j++;
      if (j < len && (s[j] == '}' || s[j] == ']'))
        i++; /* trailing comma */
      else
        sb_putc(&out, s[i++]);
    } else {
      sb_putc(&out, s[i++]);
    }
  }
  return sb_take(&out);
}

json_t *jsonc_load_file(const char *path) {
  Source src;
  char *detail = NULL;
  if (src_load(&src, path, path, &detail) != SOURCE_OK) {
    free(detail);
    return NULL;
  }
  char *clean = jsonc_strip(src.bytes, src.len);
  src_free(&src);
  json_t *root = json_loads(clean, 0, NULL);
  free(clean);
  return root;
}
