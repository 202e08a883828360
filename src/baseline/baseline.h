#ifndef RTLINT_BASELINE_BASELINE_H
#define RTLINT_BASELINE_BASELINE_H
#include "engine/engine.h"

#include <stdbool.h>
#include <stddef.h>

/* The ratchet: .rtlint-baseline.json lists the findings a codebase already
 * had, keyed by the fingerprint shared with SARIF (output/fingerprint.h:
 * rule, path, whitespace-normalized source text, occurrence; no line
 * numbers, so entries survive lines added above them). */

#define BASELINE_DEFAULT_FILE ".rtlint-baseline.json"

typedef struct BaselineEntry {
  char *fingerprint, *rule, *path, *message;
  bool matched; /* seen in the current run */
} BaselineEntry;

typedef struct Baseline {
  BaselineEntry *items;
  size_t n, cap;
} Baseline;

/* Reads a baseline file; false with *err (caller frees) when it is missing
 * or not a baseline. */
bool baseline_load(Baseline *b, const char *file, char **err);
/* The same from memory (file names it in messages). */
bool baseline_parse(Baseline *b, const char *text, size_t len, const char *file, char **err);
/* Sorted by path, rule and fingerprint, pretty-printed, written through a
 * temporary file and a rename. */
bool baseline_write(Baseline *b, const char *file, char **err);
void baseline_free(Baseline *b);
void baseline_add(Baseline *b, const char *fingerprint, const char *rule, const char *path,
                  const char *message);

/* Fingerprints of r's findings, in output order (suppressed findings take
 * part in the occurrence count, as in SARIF). fps[i] belongs to r->diags.items[i];
 * free with baseline_fingerprints_free. */
char **baseline_fingerprints(const LintResult *r);
void baseline_fingerprints_free(char **fps, size_t n);

/* Marks each reported finding BASELINE_UNCHANGED (its fingerprint is in b)
 * or BASELINE_NEW, and sets matched on the entries seen. Returns how many
 * entries for linted files (`linted` says whether a display path was linted)
 * were not seen: the fixed ones. */
size_t baseline_mark(Baseline *b, LintResult *r, bool (*linted)(void *ctx, const char *path),
                     void *ctx);

#endif
