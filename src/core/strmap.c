#include "core/strmap.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

static size_t slot(const StrMap *m, const char *key) {
  size_t i = (size_t)hash_fnv1a(key, strlen(key), HASH_FNV_SEED) & (m->cap - 1);
  while (m->keys[i] && strcmp(m->keys[i], key) != 0)
    i = (i + 1) & (m->cap - 1);
  return i;
}

static void grow(StrMap *m) {
  StrMap bigger = {0};
  bigger.cap = m->cap ? m->cap * 2 : 64;
  bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
  bigger.vals = xcalloc(bigger.cap, sizeof *bigger.vals);
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      size_t j = slot(&bigger, m->keys[i]);
      bigger.keys[j] = m->keys[i]; /* the key moves, no copy */
      bigger.vals[j] = m->vals[i];
      bigger.n++;
    }
  free(m->keys);
  free(m->vals);
  *m = bigger;
}

void *strmap_get(const StrMap *m, const char *key) {
  if (!m->cap)
    return NULL;
  size_t i = slot(m, key);
  return m->keys[i] ? m->vals[i] : NULL;
}

void strmap_put(StrMap *m, const char *key, void *val) {
  if ((m->n + 1) * 2 > m->cap)
    grow(m);
  size_t i = slot(m, key);
  if (!m->keys[i]) {
    m->keys[i] = xstrdup(key);
    m->n++;
  }
  m->vals[i] = val;
}

const char *strmap_num_key(char *buf, const unsigned long long *parts, size_t n) {
  static const char hex[] = "0123456789abcdef";
  char *w = buf;
  for (size_t i = 0; i < n; i++) {
    if (i)
      *w++ = ':';
    unsigned long long v = parts[i];
    int digits = 1;
    while (digits < 16 && (v >> (4 * digits)))
      digits++;
    for (int d = digits - 1; d >= 0; d--)
      *w++ = hex[(v >> (4 * d)) & 15];
  }
  *w = '\0';
  return buf;
}

void strmap_free(StrMap *m, void (*free_val)(void *)) {
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      free(m->keys[i]);
      if (free_val)
        free_val(m->vals[i]);
    }
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}
