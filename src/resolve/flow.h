#ifndef RTLINT_RESOLVE_FLOW_H
#define RTLINT_RESOLVE_FLOW_H
/* Following event and channel names through the app's own functions:
 * summaries say which parameters (or a property of one: `p.event`, a
 * destructured `{ event }`) of a function reach an event sink (sent or
 * heard) or a channel sink, through any number of calls and files. A call
 * passing a value where a summary says a sink is reached becomes a site of
 * that sink, located at the argument, with the trail that leads there.
 * docs/dataflow.md tells the whole story. */
#include "resolve/facts.h"
#include "resolve/value.h"

/* Links of a trail beyond this are not kept (the finding stands anyway). */
#define FLOW_MAX_TRAIL 8

/* Adds to f the sites that calls of m make through summarised functions
 * (helpers, methods, hook results, across imports), replacing the one-level
 * local wrapper sites facts_collect found. Summaries are memoised on r and
 * freed by resolver_release; every module read is recorded in r->deps. */
void flow_add_sites(Resolver *r, const Module *m, Facts *f, Arena *arena);

/* Frees what r's summaries hold (called by resolver_release). */
void flow_memo_free(Resolver *r);

#endif
