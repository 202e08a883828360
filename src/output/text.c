#include "output/output.h"

#include "rules/registry.h"

#include <string.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_YELLOW "\033[1;33m"
#define C_CYAN "\033[1;36m"
#define C_DIM "\033[2m"

static const char *c(const OutputOptions *opt, const char *code) {
  return opt->color ? code : "";
}

static size_t count_codepoints(const char *s, size_t n) {
  size_t cps = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      cps++;
  return cps;
}

/* Longer lines (minified code) are shown as a window around the finding:
 * printing the whole line for each finding made output grow with findings x
 * line length. */
#define SNIPPET_MAX_BYTES 240
#define SNIPPET_BEFORE_BYTES 80

static size_t utf8_floor(const char *line, size_t i) {
  while (i > 0 && ((unsigned char)line[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* The source line, then a caret line under [start, end) (clipped to the
 * first line); tabs are echoed so the carets line up. */
static void print_snippet(FILE *f, const Diag *d, const OutputOptions *opt) {
  SrcPos start = src_pos(d->src, d->start);
  SrcPos end = src_pos(d->src, d->end);
  uint32_t len;
  const char *line = src_line(d->src, start.line, &len);
  size_t pre = start.col_byte - 1;
  size_t from = 0, to = len;
  if (len > SNIPPET_MAX_BYTES) {
    from = pre > SNIPPET_BEFORE_BYTES ? utf8_floor(line, pre - SNIPPET_BEFORE_BYTES) : 0;
    to = from + SNIPPET_MAX_BYTES < len ? utf8_floor(line, from + SNIPPET_MAX_BYTES) : len;
  }
  const char *lead = from > 0 ? "..." : "", *tail = to < len ? "..." : "";
  int gutter = fprintf(f, " %5u | ", start.line) - 3;
  fprintf(f, "%s%.*s%s\n", lead, (int)(to - from), line + from, tail);
  fprintf(f, "%*s | %*s", gutter, "", (int)strlen(lead), "");
  for (size_t i = from; i < pre && i < to; i++) {
    if (line[i] == '\t')
      fputc('\t', f);
    else if (((unsigned char)line[i] & 0xC0) != 0x80)
      fputc(' ', f);
  }
  size_t stop = end.line == start.line ? end.col_byte - 1 : len;
  if (stop > to)
    stop = to;
  size_t width = stop > pre ? count_codepoints(line + pre, stop - pre) : 1;
  fputs(c(opt, d->severity == SEV_ERROR ? C_RED : C_YELLOW), f);
  fputc('^', f);
  for (size_t i = 1; i < width; i++)
    fputc('~', f);
  fprintf(f, "%s\n", c(opt, C_RESET));
}

static void print_diag(FILE *f, const Diag *d, const OutputOptions *opt) {
  SrcPos pos = src_pos(d->src, d->start);
  const char *sev_color = d->severity == SEV_ERROR ? C_RED : C_YELLOW;
  fprintf(f, "%s%s:%u:%u:%s %s%s:%s %s %s[%s]%s\n", c(opt, C_BOLD), d->src->path, pos.line, pos.col,
          c(opt, C_RESET), c(opt, sev_color), severity_name(d->severity), c(opt, C_RESET),
          d->message, c(opt, C_DIM), d->rule->id, c(opt, C_RESET));
  print_snippet(f, d, opt);
  if (d->help)
    fprintf(f, "        %s= help:%s %s%s\n", c(opt, C_CYAN), c(opt, C_RESET), d->help,
            d->fix.applicability == FIX_SAFE         ? " (fixable with --fix)"
            : d->fix.applicability == FIX_SUGGESTION ? " (suggestion: --fix-suggestions)"
                                                     : "");
}

static void print_notice(FILE *f, const Notice *n, const OutputOptions *opt) {
  if (n->line)
    fprintf(f, "%s%s:%u:%u:%s ", c(opt, C_BOLD), n->path, n->line, n->col, c(opt, C_RESET));
  else
    fprintf(f, "%s%s:%s ", c(opt, C_BOLD), n->path, c(opt, C_RESET));
  fprintf(f, "%swarning:%s %s %s[%s]%s\n", c(opt, C_YELLOW), c(opt, C_RESET), n->message,
          c(opt, C_DIM), n->kind, c(opt, C_RESET));
}

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

void output_text(FILE *f, const LintResult *r, const OutputOptions *opt) {
  for (size_t i = 0; i < r->notices.n; i++)
    print_notice(f, &r->notices.items[i], opt);
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    if (!output_shown(d, opt))
      continue;
    print_diag(f, d, opt);
    fputc('\n', f);
  }
  Summary s = output_summary(r, opt);
  size_t total = s.errors + s.warnings;
  if (total == 0) {
    fprintf(f, "%sNo problems found%s in %zu %s", c(opt, C_BOLD), c(opt, C_RESET), r->files_scanned,
            plural(r->files_scanned, "file", "files"));
  } else {
    fprintf(f, "%s%zu %s%s (%zu %s, %zu %s) in ", c(opt, s.errors ? C_RED : C_YELLOW), total,
            plural(total, "problem", "problems"), c(opt, C_RESET), s.errors,
            plural(s.errors, "error", "errors"), s.warnings,
            plural(s.warnings, "warning", "warnings"));
    if (s.files != r->files_scanned)
      fprintf(f, "%zu of ", s.files);
    fprintf(f, "%zu %s", r->files_scanned, plural(r->files_scanned, "file", "files"));
  }
  if (r->notices.n)
    fprintf(f, "; %zu %s could not be fully checked", r->notices.n,
            plural(r->notices.n, "file", "files"));
  if (s.fixable_safe)
    fprintf(f, "; %zu fixable with --fix", s.fixable_safe);
  if (s.fixable_suggestion)
    fprintf(f, "; %zu %s with --fix-suggestions", s.fixable_suggestion,
            s.fixable_safe ? "more" : "fixable");
  fputs(".\n", f);
}
