#include "core/json_stream.h"

#include "core/printable.h"
#include "core/source.h"

#include <stdlib.h>
#include <string.h>

static void pad(FILE *f, int depth) {
  static const char spaces[] = "                                ";
  size_t n = (size_t)depth * 2;
  for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
    fwrite(spaces, 1, sizeof spaces - 1, f);
  fwrite(spaces, 1, n, f);
}

void json_stream_init(JsonStream *s, FILE *f) {
  *s = (JsonStream){.f = f, .first = true};
}

static void slot(JsonStream *s, const char *key) {
  if (s->depth > 0) {
    fputs(s->first ? "\n" : ",\n", s->f);
    pad(s->f, s->depth);
  }
  s->first = false;
  if (key) {
    fputc('"', s->f);
    fputs(key, s->f);
    fputs("\": ", s->f);
  }
}

static void open_container(JsonStream *s, const char *key, char bracket) {
  slot(s, key);
  fputc(bracket, s->f);
  s->depth++;
  s->first = true;
}

void json_stream_object(JsonStream *s, const char *key) {
  open_container(s, key, '{');
}
void json_stream_array(JsonStream *s, const char *key) {
  open_container(s, key, '[');
}

void json_stream_close(JsonStream *s, char bracket) {
  s->depth--;
  if (!s->first) {
    fputc('\n', s->f);
    pad(s->f, s->depth);
  }
  fputc(bracket, s->f);
  s->first = false;
  if (s->depth == 0)
    fputc('\n', s->f);
}

/* jansson's escaping: the quote, the backslash and C0 controls; everything
 * else, non-ASCII included, as is. */
static void write_escaped(FILE *f, const char *text) {
  fputc('"', f);
  const char *run = text;
  for (const char *p = text; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    fwrite(run, 1, (size_t)(p - run), f);
    run = p + 1;
    switch (c) {
    case '"':
      fputs("\\\"", f);
      break;
    case '\\':
      fputs("\\\\", f);
      break;
    case '\b':
      fputs("\\b", f);
      break;
    case '\f':
      fputs("\\f", f);
      break;
    case '\n':
      fputs("\\n", f);
      break;
    case '\r':
      fputs("\\r", f);
      break;
    case '\t':
      fputs("\\t", f);
      break;
    default:
      fprintf(f, "\\u%04X", c);
      break;
    }
  }
  fputs(run, f);
  fputc('"', f);
}

void json_stream_string(JsonStream *s, const char *key, const char *text) {
  if (!text) {
    json_stream_null(s, key);
    return;
  }
  slot(s, key);
  if (src_first_invalid_utf8(text, strlen(text)) < 0) {
    write_escaped(s->f, text);
    return;
  }
  char *valid = printable_utf8(text);
  write_escaped(s->f, valid);
  free(valid);
}

void json_stream_int(JsonStream *s, const char *key, long long v) {
  slot(s, key);
  char digits[24];
  char *p = digits + sizeof digits;
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0)
    *--p = '-';
  fwrite(p, 1, (size_t)(digits + sizeof digits - p), s->f);
}

void json_stream_null(JsonStream *s, const char *key) {
  slot(s, key);
  fputs("null", s->f);
}

typedef struct {
  FILE *f;
  int depth;
} Indented;

/* jansson indents a value's lines as if it stood at the top level; strings
 * never hold a raw newline (they are escaped), so every newline starts a
 * line that sits `depth` levels deeper in the document. */
static int write_indented(const char *buf, size_t size, void *data) {
  Indented *in = data;
  size_t from = 0;
  for (size_t i = 0; i < size; i++)
    if (buf[i] == '\n') {
      fwrite(buf + from, 1, i + 1 - from, in->f);
      pad(in->f, in->depth);
      from = i + 1;
    }
  fwrite(buf + from, 1, size - from, in->f);
  return 0;
}

void json_stream_value(JsonStream *s, const char *key, json_t *v) {
  slot(s, key);
  Indented in = {s->f, s->depth};
  json_dump_callback(v, write_indented, &in,
                     JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
  json_decref(v);
}
