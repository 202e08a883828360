#ifndef RTLINT_OUTPUT_FINGERPRINT_H
#define RTLINT_OUTPUT_FINGERPRINT_H
#include "core/diag.h"

#include <stddef.h>
#include <stdint.h>

/* Stable identities for findings, shared by SARIF (partialFingerprints),
 * Code Climate and the baseline: "<16 hex digits>:<occurrence>".
 *
 * The hash covers the rule id, the display path and the finding's source text
 * with whitespace runs collapsed, never a line number, so a finding keeps its
 * fingerprint when unrelated lines are added above it or it is re-indented.
 * Identical (rule, path, text) triples in one file are told apart by the
 * occurrence counter: 1 for the first in output order, 2 for the next... */

#define FINGERPRINT_SIZE 32 /* 16 hex + ':' + up to 10 digits + NUL fits */

typedef struct Fingerprinter {
  uint64_t *keys; /* open addressing; 0 marks an empty slot */
  uint32_t *counts;
  size_t cap, n;
} Fingerprinter;

void fingerprint_init(Fingerprinter *fp);
void fingerprint_free(Fingerprinter *fp);

/* Collapses each whitespace run to one space and drops leading and trailing
 * whitespace. Caller frees. */
char *fingerprint_normalize(const char *text, size_t len);

/* The hash part alone (no occurrence): same inputs, same value, everywhere. */
uint64_t fingerprint_hash(const char *rule, const char *path, const char *text, size_t len);

/* Writes the next fingerprint for (rule, path, text) into out and returns it.
 * Call in output order: the occurrence counts earlier identical triples. */
const char *fingerprint_next(Fingerprinter *fp, const char *rule, const char *path,
                             const char *text, size_t len, char out[FINGERPRINT_SIZE]);

/* fingerprint_next for a diagnostic: its byte range's text, or the text of its
 * line when the range is empty. */
const char *fingerprint_diag(Fingerprinter *fp, const Diag *d, char out[FINGERPRINT_SIZE]);

#endif
