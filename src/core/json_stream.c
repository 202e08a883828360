#include "core/json_stream.h"

#include "core/printable.h"
#include "core/source.h"

#include <stdlib.h>
#include <string.h>

static void flush(JsonStream *s) {
  fwrite(s->buf, 1, s->len, s->f);
  s->len = 0;
}

static void put(JsonStream *s, const char *bytes, size_t n) {
  if (s->len + n > sizeof s->buf) {
    flush(s);
    if (n > sizeof s->buf) {
      fwrite(bytes, 1, n, s->f);
      return;
    }
  }
  memcpy(s->buf + s->len, bytes, n);
  s->len += n;
}

static void put_str(JsonStream *s, const char *text) {
  put(s, text, strlen(text));
}

static void put_char(JsonStream *s, char c) {
  if (s->len == sizeof s->buf)
    flush(s);
  s->buf[s->len++] = c;
}

static void pad(JsonStream *s, int depth) {
  static const char spaces[] = "                                ";
  size_t n = (size_t)depth * 2;
  for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
    put(s, spaces, sizeof spaces - 1);
  put(s, spaces, n);
}

void json_stream_init(JsonStream *s, FILE *f) {
  s->f = f;
  s->depth = 0;
  s->first = true;
  s->len = 0;
}

static void slot(JsonStream *s, const char *key) {
  if (s->depth > 0) {
    put_str(s, s->first ? "\n" : ",\n");
    pad(s, s->depth);
  }
  s->first = false;
  if (key) {
    put_char(s, '"');
    put_str(s, key);
    put(s, "\": ", 3);
  }
}

static void open_container(JsonStream *s, const char *key, char bracket) {
  slot(s, key);
  put_char(s, bracket);
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
    put_char(s, '\n');
    pad(s, s->depth);
  }
  put_char(s, bracket);
  s->first = false;
  if (s->depth == 0) {
    put_char(s, '\n');
    flush(s);
  }
}

/* jansson's escaping: the quote, the backslash and C0 controls; everything
 * else, non-ASCII included, as is. */
static void write_escaped(JsonStream *s, const char *text) {
  put_char(s, '"');
  const char *run = text;
  for (const char *p = text; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    put(s, run, (size_t)(p - run));
    run = p + 1;
    switch (c) {
    case '"':
      put(s, "\\\"", 2);
      break;
    case '\\':
      put(s, "\\\\", 2);
      break;
    case '\b':
      put(s, "\\b", 2);
      break;
    case '\f':
      put(s, "\\f", 2);
      break;
    case '\n':
      put(s, "\\n", 2);
      break;
    case '\r':
      put(s, "\\r", 2);
      break;
    case '\t':
      put(s, "\\t", 2);
      break;
    default: {
      char hex[8];
      snprintf(hex, sizeof hex, "\\u%04X", c);
      put(s, hex, 6);
      break;
    }
    }
  }
  put_str(s, run);
  put_char(s, '"');
}

void json_stream_string(JsonStream *s, const char *key, const char *text) {
  if (!text) {
    json_stream_null(s, key);
    return;
  }
  slot(s, key);
  if (src_first_invalid_utf8(text, strlen(text)) < 0) {
    write_escaped(s, text);
    return;
  }
  char *valid = printable_utf8(text);
  write_escaped(s, valid);
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
  put(s, p, (size_t)(digits + sizeof digits - p));
}

void json_stream_null(JsonStream *s, const char *key) {
  slot(s, key);
  put(s, "null", 4);
}

/* jansson indents a value's lines as if it stood at the top level; strings
 * never hold a raw newline (they are escaped), so every newline starts a
 * line that sits `depth` levels deeper in the document. */
static int write_indented(const char *buf, size_t size, void *data) {
  JsonStream *s = data;
  size_t from = 0;
  for (size_t i = 0; i < size; i++)
    if (buf[i] == '\n') {
      put(s, buf + from, i + 1 - from);
      pad(s, s->depth);
      from = i + 1;
    }
  put(s, buf + from, size - from);
  return 0;
}

void json_stream_value(JsonStream *s, const char *key, json_t *v) {
  slot(s, key);
  json_dump_callback(v, write_indented, s, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
  json_decref(v);
}
