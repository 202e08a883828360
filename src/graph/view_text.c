/* Escaping for the contract graph's views (see view_text.h). */
#include "graph/view_text.h"

#include "core/printable.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

void gv_md(FILE *f, const char *s) {
  char *shown = printable(s ? s : "");
  for (const char *p = shown; *p; p++) {
    if (strchr("\\`*_[]<>|~&#", *p))
      fputc('\\', f);
    fputc(*p, f);
  }
  free(shown);
}

void gv_html(FILE *f, const char *s) {
  char *shown = printable(s ? s : "");
  for (const char *p = shown; *p; p++)
    html_putc(f, *p);
  free(shown);
}

void gv_dot(FILE *f, const char *s) {
  char *shown = printable(s ? s : "");
  for (const char *p = shown; *p; p++) {
    if (*p == '&') {
      fputs("&amp;", f); /* dot reads &lt; and &#65; in any label as the character */
      continue;
    }
    if (*p == '"' || *p == '\\')
      fputc('\\', f);
    fputc(*p, f);
  }
  free(shown);
}

char *gv_shorten(const char *s, size_t max) {
  size_t chars = 0, i = 0, cut = 0;
  for (; s[i]; i++) {
    if (((unsigned char)s[i] & 0xC0) == 0x80)
      continue; /* a continuation byte: part of the character counted */
    if (chars == max - 1)
      cut = i;
    if (++chars > max)
      break;
  }
  if (chars <= max)
    return xstrdup(s);
  return xasprintf("%.*s\u2026", (int)cut, s);
}
