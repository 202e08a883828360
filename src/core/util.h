#ifndef RTLINT_CORE_UTIL_H
#define RTLINT_CORE_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation failure is fatal by policy (as in tree-sitter's runtime): the
 * linter cannot produce a trustworthy result without memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
#include <stdarg.h>
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grows *items to hold at least need elements of size elem. */
void grow_array(void **items, size_t *cap, size_t need, size_t elem);
#define ARRAY_PUSH(arr, n, cap, value)                                                             \
  do {                                                                                             \
    grow_array((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr)));                                  \
    (arr)[(n)++] = (value);                                                                        \
  } while (0)

bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
bool mem_eq_str(const char *p, size_t n, const char *s);
/* Levenshtein distance ignoring ASCII case; strings over 64 bytes count as
 * 64 apart (for "did you mean" hints, not for long texts). */
size_t str_edit_distance(const char *x, const char *y);

/* Cores online (at least 1): the default number of threads. */
unsigned cpu_count(void);
/* Reads decimal digits at *p (at least one, no overflow) followed by the
 * terminator, advancing *p past it; end bounds the text (NULL: NUL-ended). */
bool parse_u64(const char **p, const char *end, char terminator, uint64_t *out);

/* Growable string. */
typedef struct StrBuf {
  char *data;
  size_t len, cap;
} StrBuf;

void sb_append_n(StrBuf *sb, const char *s, size_t n);
void sb_append(StrBuf *sb, const char *s);
void sb_appendf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_putc(StrBuf *sb, char c);
/* Empties sb, keeping its memory for the next contents. */
void sb_clear(StrBuf *sb);
/* Returns the NUL-terminated contents and resets sb; caller frees. */
char *sb_take(StrBuf *sb);
void sb_free(StrBuf *sb);
const char *sb_cstr(StrBuf *sb);

/* FNV-1a 64-bit: stable across runs and platforms, used for fingerprints and
 * shard assignment (not for security). */
uint64_t hash_fnv1a(const void *data, size_t len, uint64_t seed);
#define HASH_FNV_SEED 0xcbf29ce484222325ULL

#endif
