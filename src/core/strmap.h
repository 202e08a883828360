#ifndef RTLINT_CORE_STRMAP_H
#define RTLINT_CORE_STRMAP_H
#include <stddef.h>

/* A string-keyed open-addressing map of pointers. Keys are copied; values
 * belong to the caller (strmap_free can free them). Not thread-safe: callers
 * that share one hold their own lock. */
typedef struct StrMap {
  char **keys;
  void **vals;
  size_t cap, n;
} StrMap;

void *strmap_get(const StrMap *m, const char *key);
/* Stores val under key, replacing (not freeing) a previous value. */
void strmap_put(StrMap *m, const char *key, void *val);
/* Frees the keys, and each value with free_val when given. */
void strmap_free(StrMap *m, void (*free_val)(void *));

/* A key made of numbers (addresses, byte offsets): each in hex, ':' between.
 * Memo tables build one per lookup, where snprintf's format parsing showed in
 * profiles. buf must hold STRMAP_NUM_KEY_SIZE(n) bytes; returns buf. */
#define STRMAP_NUM_KEY_SIZE(n) ((n)*17)
const char *strmap_num_key(char *buf, const unsigned long long *parts, size_t n);

#endif
