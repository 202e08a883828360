#include "lsp/document.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

void findings_free(Findings *f) {
  for (size_t i = 0; i < f->n; i++) {
    Finding *x = &f->items[i];
    free(x->message);
    free(x->fix_title);
    for (size_t k = 0; k < x->nedits; k++)
      free(x->edits[k].text);
    free(x->edits);
    for (size_t k = 0; k < x->nforeign; k++) {
      free(x->foreign[k].uri);
      free(x->foreign[k].text);
    }
    free(x->foreign);
    for (size_t k = 0; k < x->nrelated; k++) {
      free(x->related[k].uri);
      free(x->related[k].label);
    }
    free(x->related);
  }
  free(f->items);
  memset(f, 0, sizeof *f);
}

void docs_init(DocStore *s) {
  memset(s, 0, sizeof *s);
  overlay_init(&s->overlay);
}

static void doc_free(Doc *d) {
  free(d->uri);
  free(d->path);
  free(d->line_starts);
  findings_free(&d->findings);
  for (size_t i = 0; i < d->ndeps; i++)
    free(d->deps[i]);
  free(d->deps);
  free(d);
}

void docs_free(DocStore *s) {
  for (size_t i = 0; i < s->n; i++)
    doc_free(s->docs[i]);
  free(s->docs);
  overlay_free(&s->overlay);
  standards_memo_free(&s->std_memo);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

char *path_to_uri(const char *abs) {
  static const char hex[] = "0123456789ABCDEF";
  StrBuf out = {0};
  sb_append(&out, "file://");
  for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
    bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 strchr("/-._~", *p);
    if (plain) {
      sb_putc(&out, (char)*p);
    } else {
      sb_putc(&out, '%');
      sb_putc(&out, hex[*p >> 4]);
      sb_putc(&out, hex[*p & 15]);
    }
  }
  return sb_take(&out);
}

char *uri_to_path(const char *uri) {
  static const char scheme[] = "file://";
  if (strncmp(uri, scheme, sizeof scheme - 1) != 0)
    return NULL;
  const char *p = uri + sizeof scheme - 1;
  if (*p != '/') /* file://host/...: only the local host */
    return NULL;
  StrBuf out = {0};
  for (; *p; p++) {
    if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
      sb_putc(&out, (char)(hexval(p[1]) * 16 + hexval(p[2])));
      p += 2;
    } else {
      sb_putc(&out, *p);
    }
  }
  char *raw = sb_take(&out);
  char *abs = path_absolute("/", raw);
  free(raw);
  return abs;
}

static void index_lines(DocStore *s, Doc *d) {
  const OverlayFile *t = doc_text(s, d);
  size_t n = 1;
  for (size_t i = 0; i < t->len; i++)
    n += t->bytes[i] == '\n';
  d->line_starts = xrealloc(d->line_starts, n * sizeof *d->line_starts);
  d->nlines = 0;
  d->line_starts[d->nlines++] = 0;
  for (size_t i = 0; i < t->len; i++)
    if (t->bytes[i] == '\n')
      d->line_starts[d->nlines++] = (uint32_t)(i + 1);
}

Doc *docs_find(DocStore *s, const char *uri) {
  for (size_t i = 0; i < s->n; i++)
    if (strcmp(s->docs[i]->uri, uri) == 0)
      return s->docs[i];
  return NULL;
}

Doc *docs_open(DocStore *s, const char *uri, long version, const char *text, size_t len) {
  char *path = uri_to_path(uri);
  if (!path)
    return NULL;
  Doc *d = docs_find(s, uri);
  if (!d) {
    d = xcalloc(1, sizeof *d);
    d->uri = xstrdup(uri);
    d->path = path;
    ARRAY_PUSH(s->docs, s->n, s->cap, d);
  } else {
    free(path);
  }
  d->version = version;
  d->dirty = true;
  overlay_set(&s->overlay, d->path, text, len);
  index_lines(s, d);
  return d;
}

void docs_close(DocStore *s, const char *uri) {
  for (size_t i = 0; i < s->n; i++)
    if (strcmp(s->docs[i]->uri, uri) == 0) {
      overlay_remove(&s->overlay, s->docs[i]->path);
      doc_free(s->docs[i]);
      memmove(s->docs + i, s->docs + i + 1, (s->n - i - 1) * sizeof *s->docs);
      s->n--;
      return;
    }
}

const OverlayFile *doc_text(const DocStore *s, const Doc *d) {
  return overlay_get(&s->overlay, d->path);
}

/* Bytes of the UTF-8 sequence led by c (1 for a stray continuation byte). */
static uint32_t seq_len(unsigned char c) {
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

uint32_t doc_offset(const DocStore *s, const Doc *d, uint32_t line, uint32_t character) {
  const OverlayFile *t = doc_text(s, d);
  if (line >= d->nlines)
    return (uint32_t)t->len;
  uint32_t at = d->line_starts[line];
  uint32_t end = line + 1 < d->nlines ? d->line_starts[line + 1] - 1 : (uint32_t)t->len;
  if (end > at && t->bytes[end - 1] == '\r' && line + 1 < d->nlines)
    end--;
  uint32_t units = 0;
  while (at < end && units < character) {
    uint32_t k = seq_len((unsigned char)t->bytes[at]);
    if (at + k > end)
      k = end - at;
    units += s->enc == POS_UTF8 ? k : (k == 4 ? 2 : 1);
    at += k;
  }
  return at;
}

json_t *doc_position(const DocStore *s, const Doc *d, uint32_t offset) {
  const OverlayFile *t = doc_text(s, d);
  if (offset > t->len)
    offset = (uint32_t)t->len;
  size_t lo = 0, hi = d->nlines; /* last line start <= offset */
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (d->line_starts[mid] <= offset)
      lo = mid;
    else
      hi = mid;
  }
  uint32_t units = 0;
  for (uint32_t at = d->line_starts[lo]; at < offset;) {
    uint32_t k = seq_len((unsigned char)t->bytes[at]);
    units += s->enc == POS_UTF8 ? k : (k == 4 ? 2 : 1);
    at += k;
  }
  return json_pack("{s:I, s:I}", "line", (json_int_t)lo, "character", (json_int_t)units);
}

json_t *doc_range(const DocStore *s, const Doc *d, uint32_t start, uint32_t end) {
  return json_pack("{s:o, s:o}", "start", doc_position(s, d, start), "end",
                   doc_position(s, d, end));
}

static bool get_u32(json_t *obj, const char *key, uint32_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > UINT32_MAX)
    return false;
  *out = (uint32_t)json_integer_value(v);
  return true;
}

bool doc_apply_change(DocStore *s, Doc *d, json_t *change) {
  json_t *text = json_object_get(change, "text");
  if (!json_is_string(text))
    return false;
  const char *new_text = json_string_value(text);
  size_t new_len = json_string_length(text);
  json_t *range = json_object_get(change, "range");
  if (!range) {
    overlay_set(&s->overlay, d->path, new_text, new_len);
  } else {
    json_t *a = json_object_get(range, "start"), *b = json_object_get(range, "end");
    uint32_t al, ac, bl, bc;
    if (!get_u32(a, "line", &al) || !get_u32(a, "character", &ac) || !get_u32(b, "line", &bl) ||
        !get_u32(b, "character", &bc))
      return false;
    uint32_t from = doc_offset(s, d, al, ac), to = doc_offset(s, d, bl, bc);
    if (to < from)
      return false;
    overlay_edit(&s->overlay, d->path, from, to, new_text, new_len);
  }
  index_lines(s, d);
  d->dirty = true;
  return true;
}
