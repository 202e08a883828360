#ifndef RTLINT_ENGINE_ORDER_H
#define RTLINT_ENGINE_ORDER_H
#include "core/diag.h"

/* Sorts by path, then start offset, then rule id, then every other field:
 * the output order, independent of the order findings were produced in. */
void diag_list_sort(DiagList *list);

#endif
