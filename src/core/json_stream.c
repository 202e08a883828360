#include "core/json_stream.h"

#include "core/printable.h"
#include "core/source.h"

#include <stdint.h>
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

/* The separator, indentation and key before a value, written into the
 * buffer at once when they fit (a finding has some thirty of them). */
static void slot(JsonStream *s, const char *key) {
  size_t klen = key ? strlen(key) : 0;
  size_t indent = s->depth > 0 ? (size_t)s->depth * 2 : 0;
  size_t need = 2 + indent + (key ? klen + 4 : 0);
  if (s->len + need > sizeof s->buf) {
    if (s->depth > 0) {
      put_str(s, s->first ? "\n" : ",\n");
      pad(s, s->depth);
    }
    s->first = false;
    if (key) {
      put_char(s, '"');
      put(s, key, klen);
      put(s, "\": ", 3);
    }
    return;
  }
  char *w = s->buf + s->len;
  if (s->depth > 0) {
    if (!s->first)
      *w++ = ',';
    *w++ = '\n';
    memset(w, ' ', indent);
    w += indent;
  }
  s->first = false;
  if (key) {
    *w++ = '"';
    memcpy(w, key, klen);
    w += klen;
    memcpy(w, "\": ", 3);
    w += 3;
  }
  s->len = (size_t)(w - s->buf);
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

#define BYTES(b) (0x0101010101010101ull * (b))

/* Whether one of the 8 bytes in v is a C0 control, a quote or a backslash
 * (a byte of 0x80 or more is none: non-ASCII is written as is). */
static bool any_to_escape(uint64_t v) {
  uint64_t below_space = (v - BYTES(0x20)) & ~v;
  uint64_t quote = v ^ BYTES('"'), backslash = v ^ BYTES('\\');
  uint64_t is_quote = (quote - BYTES(0x01)) & ~quote;
  uint64_t is_backslash = (backslash - BYTES(0x01)) & ~backslash;
  return ((below_space | is_quote | is_backslash) & BYTES(0x80)) != 0;
}

/* jansson's escaping: the quote, the backslash and C0 controls; everything
 * else, non-ASCII included, as is. Runs of 8 bytes with none of them are
 * skipped at once. */
static void write_escaped(JsonStream *s, const char *text, size_t len) {
  put_char(s, '"');
  const char *run = text, *end = text + len;
  for (const char *p = text; p < end; p++) {
    uint64_t v;
    while (end - p >= 8 && (memcpy(&v, p, 8), !any_to_escape(v)))
      p += 8;
    if (p == end)
      break;
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
  put(s, run, (size_t)(end - run));
  put_char(s, '"');
}

void json_stream_string(JsonStream *s, const char *key, const char *text) {
  if (!text) {
    json_stream_null(s, key);
    return;
  }
  slot(s, key);
  size_t len = strlen(text);
  if (src_first_invalid_utf8(text, len) < 0) {
    write_escaped(s, text, len);
    return;
  }
  char *valid = printable_utf8(text);
  write_escaped(s, valid, strlen(valid));
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
