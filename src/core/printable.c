#define _GNU_SOURCE /* fopencookie */
#include "core/printable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Length of the UTF-8 sequence led by b, 0 when b cannot lead one. */
static size_t lead_length(unsigned char b) {
  return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

/* The code point of a well-formed sequence (no overlongs, no surrogates,
 * nothing past U+10FFFF), or -1. */
static long decode(const unsigned char *s, size_t len) {
  long cp = s[0] & (0x7F >> len);
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return -1;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  static const long min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return -1;
  return cp;
}

static bool hidden_code_point(long cp) {
  return (cp >= 0x80 && cp <= 0x9F) ||     /* C1 controls: 0x9B is CSI */
         (cp >= 0x202A && cp <= 0x202E) || /* bidirectional embeddings, overrides */
         (cp >= 0x2066 && cp <= 0x2069) || /* bidirectional isolates */
         cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

size_t printable_step(const char *s, size_t n, char buf[PRINTABLE_BUF], const char **shown,
                      size_t *shown_len) {
  unsigned char b = (unsigned char)s[0];
  if (b < 0x20 || b == 0x7F) {
    const char *named = b == '\n' ? "\\n" : b == '\r' ? "\\r" : b == '\t' ? "\\t" : NULL;
    if (named)
      memcpy(buf, named, 3);
    else
      snprintf(buf, PRINTABLE_BUF, "\\x%02x", b);
    *shown = buf;
    *shown_len = strlen(buf);
    return 1;
  }
  if (b < 0x80) {
    *shown = s;
    *shown_len = 1;
    return 1;
  }
  size_t len = lead_length(b);
  long cp = len && len <= n ? decode((const unsigned char *)s, len) : -1;
  if (cp < 0) {
    snprintf(buf, PRINTABLE_BUF, "\\x%02x", b);
    *shown = buf;
    *shown_len = 4;
    return 1;
  }
  if (hidden_code_point(cp)) {
    snprintf(buf, PRINTABLE_BUF, "\\u%04x", (unsigned)cp);
    *shown = buf;
    *shown_len = 6;
    return len;
  }
  *shown = s;
  *shown_len = len;
  return len;
}

bool printable_incomplete(const char *s, size_t n) {
  size_t len = lead_length((unsigned char)s[0]);
  if (!len || n >= len)
    return false;
  for (size_t i = 1; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      return false;
  return true;
}

void printable_append(StrBuf *sb, const char *s, size_t n) {
  char buf[PRINTABLE_BUF];
  while (n) {
    const char *shown;
    size_t shown_len, used = printable_step(s, n, buf, &shown, &shown_len);
    sb_append_n(sb, shown, shown_len);
    s += used;
    n -= used;
  }
}

char *printable(const char *s) {
  StrBuf sb = {0};
  printable_append(&sb, s, strlen(s));
  return sb.data ? sb_take(&sb) : xstrdup("");
}

void html_putc(FILE *f, char c) {
  switch (c) {
  case '&':
    fputs("&amp;", f);
    break;
  case '<':
    fputs("&lt;", f);
    break;
  case '>':
    fputs("&gt;", f);
    break;
  case '"':
    fputs("&quot;", f);
    break;
  case '\'':
    fputs("&#39;", f);
    break;
  default:
    fputc(c, f);
  }
}

void printable_fputs(FILE *f, const char *s) {
  const char *p = s;
  while (*p >= 0x20 && *p < 0x7f)
    p++;
  if (!*p) {
    fputs(s, f);
    return;
  }
  char *shown = printable(s);
  fputs(shown, f);
  free(shown);
}

char *printable_utf8(const char *s) {
  StrBuf sb = {0};
  char buf[PRINTABLE_BUF];
  for (size_t n = strlen(s), used; n; s += used, n -= used) {
    const char *shown;
    size_t shown_len;
    used = printable_step(s, n, buf, &shown, &shown_len);
    bool not_utf8 = shown == buf && (unsigned char)*s >= 0x80 && shown[1] == 'x';
    if (not_utf8)
      sb_append_n(&sb, shown, shown_len);
    else
      sb_append_n(&sb, s, used);
  }
  return sb.data ? sb_take(&sb) : xstrdup("");
}

/* The stream filter. stdio hands it whole buffers (line buffered), but a
 * long message can still be cut inside a character: the cut bytes wait. */
typedef struct StreamFilter {
  int fd;
  char held[4];
  size_t nheld;
} StreamFilter;

static void write_all(int fd, const char *s, size_t n) {
  while (n) {
    ssize_t w = write(fd, s, n);
    if (w <= 0)
      return; /* stderr is gone: nothing better to do with a message */
    s += w;
    n -= (size_t)w;
  }
}

static void filter_bytes(StreamFilter *f, const char *s, size_t n, bool final, StrBuf *out) {
  char buf[PRINTABLE_BUF];
  while (n) {
    if (!final && printable_incomplete(s, n)) {
      memcpy(f->held, s, n);
      f->nheld = n;
      return;
    }
    const char *shown;
    size_t shown_len, used;
    if (*s == '\n' || *s == '\t') {
      shown = s;
      shown_len = used = 1;
    } else {
      used = printable_step(s, n, buf, &shown, &shown_len);
    }
    sb_append_n(out, shown, shown_len);
    s += used;
    n -= used;
  }
}

static ssize_t filter_write(void *cookie, const char *s, size_t n) {
  StreamFilter *f = cookie;
  StrBuf in = {0}, out = {0};
  sb_append_n(&in, f->held, f->nheld); /* a character cut by the last buffer */
  sb_append_n(&in, s, n);
  f->nheld = 0;
  filter_bytes(f, in.data, in.len, false, &out);
  if (out.len)
    write_all(f->fd, out.data, out.len);
  sb_free(&in);
  sb_free(&out);
  return (ssize_t)n;
}

static int filter_close(void *cookie) {
  StreamFilter *f = cookie;
  if (f->nheld) {
    StrBuf out = {0};
    filter_bytes(f, f->held, f->nheld, true, &out);
    write_all(f->fd, out.data, out.len);
    sb_free(&out);
  }
  return 0;
}

/* fd is STDOUT_FILENO or STDERR_FILENO: their filters live as long as the
 * process. */
static FILE *printable_stream(int fd) {
  static StreamFilter filters[3];
  StreamFilter *filter = &filters[fd];
  filter->fd = fd;
  cookie_io_functions_t io = {.write = filter_write, .close = filter_close};
  FILE *f = fopencookie(filter, "w", io);
  if (!f)
    return NULL;
  setvbuf(f, NULL, _IOLBF, 4096);
  return f;
}

void printable_stderr(void) {
  fflush(stderr);
  FILE *f = printable_stream(STDERR_FILENO);
  if (f)
    stderr = f;
}

void printable_stdout(void) {
  fflush(stdout);
  FILE *f = printable_stream(STDOUT_FILENO);
  if (f)
    stdout = f;
}
