#include "engine/parallel.h"

#include "core/util.h"
#include "parse/parser.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct Shared {
  size_t n;
  atomic_size_t next;
  void (*step)(void *ctx, unsigned worker, size_t i);
  void *ctx;
} Shared;

typedef struct Thread {
  Shared *shared;
  unsigned worker;
  pthread_t id;
  bool started;
} Thread;

static void *thread_main(void *arg) {
  Thread *t = arg;
  Shared *s = t->shared;
  for (size_t i; (i = atomic_fetch_add(&s->next, 1)) < s->n;)
    s->step(s->ctx, t->worker, i);
  parse_thread_cleanup();
  return NULL;
}

unsigned parallel_jobs(unsigned requested, size_t n) {
  unsigned jobs = requested ? requested : cpu_count();
  if (jobs > n)
    jobs = n ? (unsigned)n : 1;
  return jobs;
}

void parallel_for(size_t n, unsigned jobs, void (*step)(void *ctx, unsigned worker, size_t i),
                  void *ctx) {
  Shared shared = {.n = n, .step = step, .ctx = ctx};
  atomic_init(&shared.next, 0);
  Thread *threads = xcalloc(jobs ? jobs : 1, sizeof *threads);
  for (unsigned t = 0; t < jobs; t++) {
    threads[t].shared = &shared;
    threads[t].worker = t;
    threads[t].started =
        t > 0 && pthread_create(&threads[t].id, NULL, thread_main, &threads[t]) == 0;
  }
  thread_main(&threads[0]); /* the calling thread works too */
  for (unsigned t = 1; t < jobs; t++)
    if (threads[t].started)
      pthread_join(threads[t].id, NULL);
  free(threads);
}
