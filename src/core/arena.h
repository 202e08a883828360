#ifndef RTLINT_CORE_ARENA_H
#define RTLINT_CORE_ARENA_H
#include <stddef.h>

/* Bump allocator: everything a file's analysis allocates lives here and is
 * released at once, so rules and the resolver never free piecemeal. */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ArenaBlock *head;
} Arena;

void *arena_alloc(Arena *a, size_t n);
void *arena_calloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

#endif
