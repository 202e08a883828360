#ifndef RTLINT_CORE_TIMING_H
#define RTLINT_CORE_TIMING_H
/* --timing: where a run spends its time, like ESLint's TIMING=1. Each thread
 * keeps a stack of phases and charges the time since its last switch to
 * the phase on top, so nested work (a rule that makes resolution parse an
 * imported file) is charged to parse, then resolve, then the rule. Off by
 * default: then every call is one branch on a flag set before threads start. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum TimingPhase {
  TIMING_DISCOVER, /* walking folders, ignore rules */
  TIMING_READ,     /* reading files */
  TIMING_PARSE,    /* tree-sitter */
  TIMING_RESOLVE,  /* facts, values, imports */
  TIMING_RULES,    /* the rules' own work */
  TIMING_OUTPUT,   /* writing the report */
  TIMING_NPHASES
} TimingPhase;

extern bool timing_enabled;

void timing_enable(void);
uint64_t timing_now(void); /* monotonic nanoseconds */
void timing_enter_on(TimingPhase phase);
void timing_leave_on(void);
/* Inline: with --timing off, what the hot paths pay is this branch. */
static inline void timing_enter(TimingPhase phase) {
  if (timing_enabled)
    timing_enter_on(phase);
}
static inline void timing_leave(void) {
  if (timing_enabled)
    timing_leave_on();
}
/* Inclusive time of one rule on one file, and of one file's whole lint. */
void timing_add_rule(size_t rule, uint64_t ns);
void timing_add_file(const char *path, uint64_t ns);

/* Keeps the `max` largest of the values offered, largest first (ties: the
 * earlier offered first). Pure, for the slowest-files table. */
typedef struct TimingTop {
  const char *name;
  uint64_t ns;
} TimingTop;
void timing_top_offer(TimingTop *top, size_t *n, size_t max, const char *name, uint64_t ns);

/* The report on f: phases, the slowest rules (rule_name(i) for i <
 * nrules) and files. wall_ns: the run's elapsed time. */
void timing_print(FILE *f, uint64_t wall_ns, unsigned threads, size_t nrules,
                  const char *(*rule_name)(size_t i));

#endif
