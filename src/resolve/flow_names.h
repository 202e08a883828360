#ifndef RTLINT_RESOLVE_FLOW_NAMES_H
#define RTLINT_RESOLVE_FLOW_NAMES_H
/* The names a summarised function may be called by, across the project,
 * found without resolving anything, so a superset: a function is a candidate
 * when it (or a function inside it) calls a sink of resolve/sinks.def or a
 * candidate's name; the names of candidates, and every name one is imported,
 * exported, destructured, assigned or stored in an object under, are in the
 * set. They tell which callees summaries follow, and which files can hold a
 * call of one (prefilter needles), so the prefilter stays exact. */
#include "core/strmap.h"
#include "resolve/project.h"

#include <stdbool.h>
#include <stdint.h>

/* What one file says about names: its functions (their names, the callee
 * names inside, whether a sink is called) and its aliases. Depends on the
 * file's contents only. */
typedef struct FlowRecord {
  char **strings; /* interned: every name below is an index into it */
  size_t nstrings, scap;
  bool *def_sink; /* per function: it (or a function inside it) calls a sink */
  size_t ndefs, dcap;
  uint32_t *names; /* pairs (function, name) */
  size_t nnames, ncap;
  uint32_t *calls; /* pairs (function, callee name), for every function around the call */
  size_t ncalls, ccap;
  uint32_t *aliases; /* pairs (from, to): `import { a as b }`, `{ key: value }`, ... */
  size_t naliases, acap;
  StrMap index; /* string -> its index + 1, while building */
} FlowRecord;

/* Built from the text alone (resolve/flow_scan.c): no parse. */
void flow_record_build(const char *text, FlowRecord *out);
/* The index of s[0..len) among the record's strings, added when new. */
uint32_t flow_record_intern(FlowRecord *r, const char *s, size_t len);
void flow_record_free(FlowRecord *r);

typedef struct FlowNames {
  StrMap set;
  uint64_t digest; /* of the sorted names: part of cache keys */
  /* flow_names_in_text's answer for the run's files, by the address of
   * their text ("%p" -> 1 yes, 2 no): the prefilter asks it per file and
   * per rule. Filled once the names are final (flow_names_remember). */
  StrMap verdicts;
} FlowNames;

/* The fixed point over the records added so far, starting from the names
 * of the sinks the configuration declares (their strings must outlive the
 * solver, like the records'): names only grow, so it ends. Records join
 * round after round; solving adds the new names to names (and to added,
 * when given) and sets names->digest. */
typedef struct FlowSolver FlowSolver;
FlowSolver *flow_solver_new(const UserSink *user, size_t nuser);
void flow_solver_add(FlowSolver *s, const FlowRecord *r);
/* True when r can add no name to any solve: no function of it calls a sink
 * or anything else, and it hands no name on (a file of plain code). */
bool flow_record_inert(const FlowRecord *r);
void flow_solver_solve(FlowSolver *s, FlowNames *names, FlowNames *added);
/* Forgets the records added and the names found (not the strings' ids nor
 * what each record's strings are), for a solve over another set of records
 * that outlive the solver (report history: one per commit). */
void flow_solver_restart(FlowSolver *s, const UserSink *user, size_t nuser);
void flow_solver_free(FlowSolver *s);
void flow_names_free(FlowNames *names);

/* Whether a callee spelled name[0..len) may denote a summarised function. */
bool flow_names_has(const FlowNames *names, const char *name, uint32_t len);
/* Whether NUL-terminated text calls one of the names (or hands one on under
 * another name): an identifier of code followed by `(`, or in an alias. */
bool flow_names_in_text(const FlowNames *names, const char *text);
/* Keeps flow_names_in_text's answer for text (not thread-safe: before the lint). */
void flow_names_remember(FlowNames *names, const char *text, bool yes);

/* Whether a callee name is one of the sinks (resolve/sinks.def). */
bool flow_sink_name(const char *name, uint32_t len);

#endif
