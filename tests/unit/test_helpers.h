#ifndef RTLINT_TEST_HELPERS_H
#define RTLINT_TEST_HELPERS_H
/* cmocka needs these before its header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "standards/standards.h"

#include <stdlib.h>

/* The built-in catalog, for group setups (cmocka setup functions return 0
 * or fail the whole group). */
static inline int test_load_builtin(Standards *std) {
  char *err = NULL;
  if (std_load_builtin(std, &err))
    return 0;
  free(err);
  return -1;
}

#endif
