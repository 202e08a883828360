#ifndef RTLINT_TEST_HELPERS_H
#define RTLINT_TEST_HELPERS_H
/* cmocka needs these before its header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
