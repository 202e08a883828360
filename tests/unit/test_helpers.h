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

/* The group setup and teardown of tests that need only the built-in
 * catalog, in a file-level `std`. */
#define BUILTIN_CATALOG_FIXTURE                                                                    \
  static Standards std;                                                                            \
  static int setup(void **state) {                                                                 \
    (void)state;                                                                                   \
    return test_load_builtin(&std);                                                                \
  }                                                                                                \
  static int teardown(void **state) {                                                              \
    (void)state;                                                                                   \
    std_free(&std);                                                                                \
    return 0;                                                                                      \
  }

#endif
