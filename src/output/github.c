/* GitHub Actions workflow commands: the runner turns each line into an
 * annotation on the pull request's diff. Errors come first, then warnings
 * (GitHub shows only the first few of each per step), then the files rtlint
 * could not fully check, and a closing ::notice with the counts.
 *   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
 * Columns are UTF-16 code units, like SARIF. Check-run annotations only
 * accept columns when the annotation starts and ends on the same line, so a
 * multi-line finding carries lines only. */
#include "output/output.h"

#include "core/printable.h"
#include "core/util.h"
#include "rules/registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The runner decodes %25, %0D, %0A, %3A and %2C; any other control character
 * would reach the log viewer, which renders ANSI sequences, so it is shown as
 * an escape (core/printable.h). */
static char *escape(const char *s, bool property) {
  StrBuf sb = {0};
  char buf[PRINTABLE_BUF];
  for (size_t n = strlen(s), used; n; s += used, n -= used) {
    used = 1;
    switch (*s) {
    case '%':
      sb_append(&sb, "%25");
      break;
    case '\r':
      sb_append(&sb, "%0D");
      break;
    case '\n':
      sb_append(&sb, "%0A");
      break;
    case ':':
      sb_append(&sb, property ? "%3A" : ":");
      break;
    case ',':
      sb_append(&sb, property ? "%2C" : ",");
      break;
    default: {
      const char *shown;
      size_t shown_len;
      used = printable_step(s, n, buf, &shown, &shown_len);
      sb_append_n(&sb, shown, shown_len);
    }
    }
  }
  if (!sb.data)
    return xstrdup("");
  return sb_take(&sb);
}

char *output_github_escape_data(const char *s) {
  return escape(s, false);
}

char *output_github_escape_property(const char *s) {
  return escape(s, true);
}

static void command(FILE *f, const char *cmd, const char *path, const char *location,
                    const char *title, const char *message) {
  char *p = output_github_escape_property(path);
  char *t = output_github_escape_property(title);
  char *m = output_github_escape_data(message);
  fprintf(f, "::%s file=%s%s,title=%s::%s\n", cmd, p, location, t, m);
  free(m);
  free(t);
  free(p);
}

static void print_diag(FILE *f, const Diag *d) {
  SrcPos a = src_pos(d->src, d->start), b = src_pos(d->src, d->end);
  char location[96];
  if (a.line == b.line)
    snprintf(location, sizeof location, ",line=%u,col=%u,endLine=%u,endColumn=%u", a.line,
             a.col_utf16, b.line, b.col_utf16);
  else
    snprintf(location, sizeof location, ",line=%u,endLine=%u", a.line, b.line);
  char *message = d->help ? xasprintf("%s\nhelp: %s%s", d->message, d->help,
                                      d->fix.applicability == FIX_SAFE ? " (fixable with --fix)"
                                      : d->fix.applicability == FIX_SUGGESTION
                                          ? " (suggestion: --fix-suggestions)"
                                          : "")
                          : xstrdup(d->message);
  command(f, d->severity == SEV_ERROR ? "error" : "warning", d->src->path, location, d->rule->id,
          message);
  free(message);
}

void output_github(FILE *f, const LintResult *r, const OutputOptions *opt) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < r->diags.n; i++) {
      const Diag *d = &r->diags.items[i];
      if (output_shown(d, opt) && (d->severity == SEV_ERROR) == (pass == 0))
        print_diag(f, d);
    }
  /* ::notice, titled in words: a file rtlint could not fully check is no
   * finding, and its kind is no rule id. */
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++) {
    const Notice *n = &r->notices.items[i];
    char location[32] = "";
    if (n->line) /* notice columns count code points: the line alone */
      snprintf(location, sizeof location, ",line=%u", n->line);
    command(f, "notice", n->path, location, "rtlint could not fully check this file", n->message);
  }
  Summary s = output_summary(r, opt);
  char *line = output_summary_line(r, &s, "", "");
  char *m = output_github_escape_data(line);
  fprintf(f, "::notice title=rtlint::%s\n", m);
  free(m);
  free(line);
}
