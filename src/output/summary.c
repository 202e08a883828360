#include "output/output.h"

#include "core/util.h"

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
    else if (d->fix_outside_run)
      s.fixable_elsewhere++;
  }
  return s;
}

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

char *output_summary_line(const LintResult *r, const Summary *s, const char *on, const char *off) {
  StrBuf sb = {0};
  size_t total = s->errors + s->warnings;
  if (total == 0) {
    sb_appendf(&sb, "%sNo problems found%s in %zu %s", on, off, r->files_scanned,
               plural(r->files_scanned, "file", "files"));
  } else {
    sb_appendf(&sb, "%s%zu %s%s (%zu %s, %zu %s) in ", on, total,
               plural(total, "problem", "problems"), off, s->errors,
               plural(s->errors, "error", "errors"), s->warnings,
               plural(s->warnings, "warning", "warnings"));
    if (s->files != r->files_scanned)
      sb_appendf(&sb, "%zu of ", s->files);
    sb_appendf(&sb, "%zu %s", r->files_scanned, plural(r->files_scanned, "file", "files"));
  }
  if (s->notices)
    sb_appendf(&sb, "; %zu %s (%s not fully checked)", s->notices,
               plural(s->notices, "notice", "notices"), plural(s->notices, "file", "files"));
  if (s->fixable_safe)
    sb_appendf(&sb, "; %zu fixable with --fix", s->fixable_safe);
  if (s->fixable_suggestion)
    sb_appendf(&sb, "; %zu %s with --fix-suggestions", s->fixable_suggestion,
               s->fixable_safe ? "more" : "fixable");
  if (s->fixable_elsewhere)
    sb_appendf(&sb,
               "; %zu %s a fix that also changes files not linted here (lint the project "
               "to apply %s)",
               s->fixable_elsewhere, plural(s->fixable_elsewhere, "has", "have"),
               plural(s->fixable_elsewhere, "it", "them"));
  sb_putc(&sb, '.');
  return sb_take(&sb);
}
