#ifndef RTLINT_FUZZ_COMMON_H
#define RTLINT_FUZZ_COMMON_H
/* Shared by the harnesses in tests/fuzz: each defines LLVMFuzzerTestOneInput,
 * linked either with libFuzzer (clang, -DRTLINT_FUZZ=ON) or with replay.c,
 * a plain main() that feeds it the files of the regression folders, so any
 * compiler replays what the fuzzer found. */
#include "core/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An input cut at NUL bytes: several files (or fields) in one input. NUL
 * never occurs in a source file rtlint accepts, so nothing is lost. */
typedef struct FuzzPart {
  const char *data;
  size_t len;
} FuzzPart;

/* Fills up to max parts (the last takes the rest, NULs included); returns
 * how many. */
size_t fuzz_split(const uint8_t *data, size_t size, FuzzPart *parts, size_t max);

/* A private temporary folder made once per process and removed at exit. */
const char *fuzz_tmpdir(void);
/* Writes len bytes to path (replacing it); aborts on failure, which is the
 * harness's fault, not the code under test. */
void fuzz_write(const char *path, const void *data, size_t len);

/* Builds the fixes (suggestions included) of each file's findings and prints
 * their diff to /dev/null, as --fix-suggestions --diff would; sorts dl. */
void fuzz_apply_fixes(DiagList *dl);

#endif
