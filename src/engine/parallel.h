#ifndef RTLINT_ENGINE_PARALLEL_H
#define RTLINT_ENGINE_PARALLEL_H
/* The work pool every parallel pass uses (the lint's steps, report history's
 * passes): threads take the next index until none is left. */
#include <stddef.h>

/* Threads for n items: `requested`, or one per core when 0, never more than
 * n (and at least 1). */
unsigned parallel_jobs(unsigned requested, size_t n);

/* Calls step(ctx, worker, i) once for every i in [0, n) on `jobs` threads,
 * the calling thread among them; worker (< jobs) names the thread, so a
 * step can write to per-worker state without locks. A thread that cannot be
 * started leaves its share to the others. Each thread releases its parser
 * when it is done. */
void parallel_for(size_t n, unsigned jobs, void (*step)(void *ctx, unsigned worker, size_t i),
                  void *ctx);

#endif
