#ifndef RTLINT_ENGINE_FLOW_PASS_H
#define RTLINT_ENGINE_FLOW_PASS_H
#include "resolve/flow_names.h"
#include "resolve/project.h"

/* The names pass before the lint (resolve/flow_names.h): records every file
 * of the run (mods, NULL entries skipped; plus the other shards' files,
 * loaded here) that holds a sink needle of resolve/sinks.def or, round after
 * round, one of the names found so far, until no file is added. The result
 * does not depend on the rule selection, the prefilter or the threads. */
/* A run over at most this many files also records what they import that
 * nobody lints (a pre-commit run); a larger one lints what it imports. */
#define FLOW_FOLLOW_IMPORTS_MAX 1000

void flow_pass(Project *proj, Module **mods, size_t n, char *const *other_paths, size_t nother,
               unsigned jobs, FlowNames *out);

/* Whether text holds one of sinks.def's needles. */
bool flow_sink_needle_in(const char *text);

#endif
