#include "resolve/jsonc.h"

#include "core/source.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

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
        if (s[i++] == '\n')
          sb_putc(&out, '\n'); /* error positions keep their line */
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

json_t *jsonc_parse(const char *text, size_t len, char **err) {
  *err = NULL;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3; /* editors on Windows write a byte order mark */
    len -= 3;
  }
  char *clean = jsonc_strip(text, len);
  json_error_t jerr;
  json_t *root = json_loads(clean, 0, &jerr);
  free(clean);
  if (!root)
    *err = xasprintf("%d:%d: %s", jerr.line, jerr.column, jerr.text);
  else if (!json_is_object(root)) {
    json_decref(root);
    root = NULL;
    *err = xstrdup("1:1: not a JSON object");
  }
  return root;
}

json_t *jsonc_load_file(const char *path, char **err) {
  Source src;
  char *detail = NULL;
  if (src_load(&src, path, path, &detail) != SOURCE_OK) {
    *err = detail ? detail : xstrdup("cannot read file");
    return NULL;
  }
  json_t *root = jsonc_parse(src.bytes, src.len, err);
  src_free(&src);
  return root;
}
