#ifndef RTLINT_RESOLVE_FLOW_NAMES_H
#define RTLINT_RESOLVE_FLOW_NAMES_H
#include "core/strmap.h"

#include <stdbool.h>
#include <stdint.h>

/* The names a summarised function may be called by, across the project:
 * found without resolving anything (so a superset), they tell which callees
 * are worth following and which files can hold a call of one (prefilter
 * needles). */
typedef struct FlowNames {
  StrMap set;
} FlowNames;

/* Whether a callee spelled name[0..len) may denote a summarised function. */
bool flow_names_has(const FlowNames *names, const char *name, uint32_t len);

#endif
