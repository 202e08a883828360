#include "core/timing.h"

#include "core/util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TIMING_MAX_RULES 64
#define TIMING_TOP_FILES 10
#define TIMING_TOP_RULES 10
#define STACK_MAX 32

bool timing_enabled;

static _Atomic uint64_t phase_ns[TIMING_NPHASES];
static _Atomic uint64_t rule_ns[TIMING_MAX_RULES];
static pthread_mutex_t files_lock = PTHREAD_MUTEX_INITIALIZER;
static TimingTop top_files[TIMING_TOP_FILES];
static size_t ntop_files;

static _Thread_local TimingPhase stack[STACK_MAX];
static _Thread_local size_t depth, overflow;
static _Thread_local uint64_t last;

void timing_enable(void) {
  timing_enabled = true;
}

uint64_t timing_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Charges the time since the thread's last switch to the phase on top. */
static uint64_t charge(void) {
  uint64_t now = timing_now();
  if (depth)
    atomic_fetch_add(&phase_ns[stack[depth - 1]], now - last);
  last = now;
  return now;
}

void timing_enter_on(TimingPhase phase) {
  if (depth == STACK_MAX) {
    overflow++;
    return;
  }
  charge();
  stack[depth++] = phase;
}

void timing_leave_on(void) {
  if (overflow) {
    overflow--;
    return;
  }
  charge();
  if (depth)
    depth--;
}

void timing_add_rule(size_t rule, uint64_t ns) {
  if (timing_enabled && rule < TIMING_MAX_RULES)
    atomic_fetch_add(&rule_ns[rule], ns);
}

void timing_top_offer(TimingTop *top, size_t *n, size_t max, const char *name, uint64_t ns) {
  size_t at = *n;
  while (at > 0 && top[at - 1].ns < ns)
    at--;
  if (at >= max)
    return;
  size_t keep = *n < max ? *n : max - 1;
  memmove(&top[at + 1], &top[at], (keep - at) * sizeof *top);
  top[at] = (TimingTop){name, ns};
  if (*n < max)
    (*n)++;
}

void timing_add_file(const char *path, uint64_t ns) {
  if (!timing_enabled)
    return;
  pthread_mutex_lock(&files_lock);
  size_t before = ntop_files;
  TimingTop dropped = before == TIMING_TOP_FILES ? top_files[before - 1] : (TimingTop){0};
  char *copy = xstrdup(path);
  timing_top_offer(top_files, &ntop_files, TIMING_TOP_FILES, copy, ns);
  /* Free whichever name left the table (or the copy, if it did not enter). */
  bool entered = false;
  for (size_t i = 0; i < ntop_files; i++)
    entered = entered || top_files[i].name == copy;
  if (!entered)
    free(copy);
  else if (dropped.name)
    free((char *)dropped.name);
  pthread_mutex_unlock(&files_lock);
}

static double ms(uint64_t ns) {
  return (double)ns / 1e6;
}

void timing_print(FILE *f, uint64_t wall_ns, unsigned threads, size_t nrules,
                  const char *(*rule_name)(size_t i)) {
  static const char *const names[TIMING_NPHASES] = {"discover", "read",  "parse",
                                                    "resolve",  "rules", "output"};
  uint64_t sum = 0;
  for (int p = 0; p < TIMING_NPHASES; p++)
    sum += phase_ns[p];
  fprintf(f, "rtlint timing: %.1f ms elapsed on %u %s; phase times are summed over the threads\n",
          ms(wall_ns), threads, threads == 1 ? "thread" : "threads");
  fprintf(f, "  %10s  %6s  %s\n", "ms", "share", "phase");
  for (int p = 0; p < TIMING_NPHASES; p++)
    fprintf(f, "  %10.1f  %5.1f%%  %s\n", ms(phase_ns[p]),
            sum ? 100.0 * (double)phase_ns[p] / (double)sum : 0.0, names[p]);
  TimingTop rules[TIMING_TOP_RULES];
  size_t nr = 0;
  for (size_t i = 0; i < nrules && i < TIMING_MAX_RULES; i++)
    if (rule_ns[i])
      timing_top_offer(rules, &nr, TIMING_TOP_RULES, rule_name(i), rule_ns[i]);
  fputs("slowest rules, ms (with the parsing and resolution they caused):\n", f);
  for (size_t i = 0; i < nr; i++)
    fprintf(f, "  %10.1f  %s\n", ms(rules[i].ns), rules[i].name);
  fputs("slowest files, ms:\n", f);
  pthread_mutex_lock(&files_lock);
  for (size_t i = 0; i < ntop_files; i++)
    fprintf(f, "  %10.1f  %s\n", ms(top_files[i].ns), top_files[i].name);
  pthread_mutex_unlock(&files_lock);
}
