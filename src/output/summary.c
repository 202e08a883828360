#include "output/output.h"

bool output_reported(const Diag *d) {
  return !d->suppressed && d->baseline_state != BASELINE_UNCHANGED;
}

bool output_shown(const Diag *d, const OutputOptions *opt) {
  return output_reported(d) && !(opt->quiet && d->severity != SEV_ERROR);
}

bool output_notices_shown(const OutputOptions *opt) {
  return !opt->quiet;
}

Summary output_summary(const LintResult *r, const OutputOptions *opt) {
  Summary s = {0};
  if (output_notices_shown(opt))
    s.notices = r->notices.n;
  const Source *last = NULL;
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    if (!output_shown(d, opt))
      continue;
    if (d->src != last) /* diagnostics are sorted by file */
      s.files++;
    last = d->src;
    if (d->severity == SEV_ERROR)
      s.errors++;
    else
      s.warnings++;
    if (d->fix.applicability == FIX_SAFE)
      s.fixable_safe++;
    else if (d->fix.applicability == FIX_SUGGESTION)
      s.fixable_suggestion++;
  }
  return s;
}
