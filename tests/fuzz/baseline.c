/* The baseline reader (src/baseline/baseline.c) from memory, matching against
 * a run with no findings, and a write-and-read-back round trip: what was
 * accepted must come back entry for entry. */
#include "fuzz_common.h"

#include "baseline/baseline.h"
#include "core/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool every_path(void *ctx, const char *path) {
  return true;
}

static bool same_entry(const BaselineEntry *a, const BaselineEntry *b) {
  return strcmp(a->fingerprint, b->fingerprint) == 0 && strcmp(a->rule, b->rule) == 0 &&
         strcmp(a->path, b->path) == 0 && strcmp(a->message, b->message) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Baseline b;
  char *err = NULL;
  if (!baseline_parse(&b, (const char *)data, size, "fuzz.json", &err)) {
    free(err);
    return 0;
  }
  LintResult none;
  memset(&none, 0, sizeof none);
  if (baseline_mark(&b, &none, every_path, NULL) != b.n)
    abort(); /* nothing was seen: every entry of a linted file is fixed */
  char *file = xasprintf("%s/baseline.json", fuzz_tmpdir());
  if (!baseline_write(&b, file, &err)) {
    fprintf(stderr, "fuzz: %s\n", err);
    abort();
  }
  Baseline again;
  if (!baseline_load(&again, file, &err)) {
    fprintf(stderr, "fuzz: written baseline does not read back: %s\n", err);
    abort();
  }
  if (again.n != b.n)
    abort();
  for (size_t i = 0; i < b.n; i++)
    if (!same_entry(&b.items[i], &again.items[i]))
      abort();
  baseline_free(&again);
  baseline_free(&b);
  free(file);
  return 0;
}
