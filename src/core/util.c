#include "core/util.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(size_t n) {
  fprintf(stderr, "rtlint: out of memory allocating %zu bytes\n", n);
  abort();
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    out_of_memory(n);
  return p;
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    out_of_memory(n * size);
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory(n);
  return q;
}

char *xstrdup(const char *s) {
  return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n) {
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

/* Formats once into a stack buffer, which holds most messages; only longer
 * text is formatted a second time, into an allocation of its size. */
char *xvasprintf(const char *fmt, va_list ap) {
  char small[256];
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(small, sizeof small, fmt, copy);
  va_end(copy);
  char *p = xmalloc((size_t)n + 1);
  if ((size_t)n < sizeof small)
    memcpy(p, small, (size_t)n + 1);
  else
    vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = xvasprintf(fmt, ap);
  va_end(ap);
  return p;
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap)
    return;
  size_t ncap = *cap ? *cap * 2 : 8;
  while (ncap < need)
    ncap *= 2;
  *items = xrealloc(*items, ncap * elem);
  *cap = ncap;
}

bool str_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

bool mem_eq_str(const char *p, size_t n, const char *s) {
  return strlen(s) == n && memcmp(p, s, n) == 0;
}

void sb_append_n(StrBuf *sb, const char *s, size_t n) {
  grow_array((void **)&sb->data, &sb->cap, sb->len + n + 1, 1);
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

void sb_append(StrBuf *sb, const char *s) {
  sb_append_n(sb, s, strlen(s));
}

void sb_putc(StrBuf *sb, char c) {
  sb_append_n(sb, &c, 1);
}

void sb_appendf(StrBuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  grow_array((void **)&sb->data, &sb->cap, sb->len + (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  sb->len += (size_t)n;
}

char *sb_take(StrBuf *sb) {
  char *p = sb->data ? sb->data : xstrdup("");
  sb->data = NULL;
  sb->len = sb->cap = 0;
  return p;
}

void sb_free(StrBuf *sb) {
  free(sb->data);
  sb->data = NULL;
  sb->len = sb->cap = 0;
}

void sb_clear(StrBuf *sb) {
  sb->len = 0;
  if (sb->data)
    sb->data[0] = '\0';
}

const char *sb_cstr(StrBuf *sb) {
  return sb->data ? sb->data : "";
}

uint64_t hash_fnv1a(const void *data, size_t len, uint64_t seed) {
  const unsigned char *p = data;
  uint64_t h = seed;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool parse_u64(const char **p, const char *end, char terminator, uint64_t *out) {
  const char *s = *p;
  uint64_t v = 0;
  if ((end && s >= end) || *s < '0' || *s > '9')
    return false;
  for (; (!end || s < end) && *s >= '0' && *s <= '9'; s++) {
    uint64_t digit = (uint64_t)(*s - '0');
    if (v > (UINT64_MAX - digit) / 10)
      return false;
    v = v * 10 + digit;
  }
  if ((end && s >= end) || *s != terminator)
    return false;
  *p = s + 1;
  *out = v;
  return true;
}

size_t str_edit_distance(const char *x, const char *y) {
  size_t nx = strlen(x), ny = strlen(y);
  if (nx > 64 || ny > 64)
    return 64;
  size_t row[65];
  for (size_t j = 0; j <= ny; j++)
    row[j] = j;
  for (size_t i = 1; i <= nx; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= ny; j++) {
      size_t up = row[j];
      size_t sub = diag + (tolower((unsigned char)x[i - 1]) != tolower((unsigned char)y[j - 1]));
      size_t best = sub;
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[ny];
}

unsigned cpu_count(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}
