#ifndef RTLINT_FIX_BOUND_H
#define RTLINT_FIX_BOUND_H
#include "resolve/project.h"

#include <stdbool.h>
#include <stdint.h>

/* Whether every free name in `text` (an expression a fix is about to write
 * over [start, end) of m) means something where it lands: it is declared in a
 * scope enclosing the edit, or it is written inside the replaced range itself
 * (so it resolved there before the fix as it does after). `imported` is the
 * name the fix's own import provides (UNIFIED_CHANNELS, UNIFIED_EVENTS): it
 * must not be shadowed at the edit by a local of another meaning. Property
 * names after `.` and string literals are not names. */
bool fix_names_bound(const Module *m, uint32_t start, uint32_t end, const char *text,
                     const char *imported);

/* Whether every free name in `text` means the same (the same declaration, or
 * none) at [a_start, a_end) and at [b_start, b_end) of m: an expression
 * written at both places denotes one value. */
bool fix_names_mean_same(const Module *m, uint32_t a_start, uint32_t a_end, uint32_t b_start,
                         uint32_t b_end, const char *text);

#endif
