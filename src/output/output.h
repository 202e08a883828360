#ifndef RTLINT_OUTPUT_OUTPUT_H
#define RTLINT_OUTPUT_OUTPUT_H
#include "engine/engine.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct OutputOptions {
  bool color;
  bool quiet; /* errors only */
} OutputOptions;

typedef struct Summary {
  size_t errors, warnings, fixable_safe, fixable_suggestion;
} Summary;

Summary output_summary(const LintResult *r, const OutputOptions *opt);
/* Shown in text and JSON `diagnostics`, counted in the summary and the exit
 * status: reported (below) and not hidden by --quiet. */
bool output_shown(const Diag *d, const OutputOptions *opt);
/* Neither silenced by an inline suppression nor already in the --baseline.
 * SARIF emits the others too, with suppressions / baselineState. */
bool output_reported(const Diag *d);

void output_text(FILE *f, const LintResult *r, const OutputOptions *opt);
void output_json(FILE *f, const LintResult *r, const OutputOptions *opt);

#endif
