#include "output/output.h"

#include "core/printable.h"
#include "rules/registry.h"

#include <stdlib.h>
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

/* How many columns line[i] takes once shown (escapes are wider than what
 * they stand for; a tab counts one and is echoed), and its length. */
static size_t shown_char(const char *line, size_t i, size_t len, size_t *used) {
  unsigned char b = (unsigned char)line[i];
  if (b == '\t' || (b >= 0x20 && b < 0x7F)) {
    *used = 1;
    return 1;
  }
  char buf[PRINTABLE_BUF];
  const char *shown;
  size_t shown_len;
  *used = printable_step(line + i, len - i, buf, &shown, &shown_len);
  return count_codepoints(shown, shown_len);
}

static void put_repeated(FILE *f, char ch, size_t n) {
  char run[64];
  memset(run, ch, sizeof run);
  for (; n > sizeof run; n -= sizeof run)
    fwrite(run, 1, sizeof run, f);
  fwrite(run, 1, n, f);
}

/* Blanks as wide as line[from, to), tabs kept so the carets line up. */
static void put_alignment(FILE *f, const char *line, size_t from, size_t to) {
  size_t blanks = 0;
  for (size_t i = from, used; i < to; i += used) {
    size_t width = shown_char(line, i, to, &used);
    if (line[i] != '\t') {
      blanks += width;
      continue;
    }
    put_repeated(f, ' ', blanks);
    blanks = 0;
    fputc('\t', f);
  }
  put_repeated(f, ' ', blanks);
}

static size_t shown_width(const char *line, size_t from, size_t to) {
  size_t width = 0;
  for (size_t i = from, used; i < to; i += used)
    width += shown_char(line, i, to, &used);
  return width;
}

/* A minified bundle's line is megabytes long: the snippet shows this many
 * bytes of context on each side of the finding, and at most SNIPPET_MAX of
 * the line, with "..." where it was cut. */
#define SNIPPET_CONTEXT 60
#define SNIPPET_MAX 240

static size_t char_start(const char *line, size_t i) {
  while (i > 0 && ((unsigned char)line[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* n in decimal, without printf's format parsing (three numbers per finding). */
static void put_uint(FILE *f, unsigned n) {
  char digits[12];
  size_t i = sizeof digits;
  do
    digits[--i] = (char)('0' + n % 10);
  while (n /= 10);
  fwrite(digits + i, 1, sizeof digits - i, f);
}

/* The source line (or the part of it around the finding), then a caret line
 * under [start, end) (clipped to the first line and to what is shown); tabs
 * are echoed so the carets line up. */
static void print_snippet(FILE *f, const Diag *d, SrcPos start, const OutputOptions *opt) {
  SrcPos end = d->end == d->start ? start : src_pos(d->src, d->end);
  uint32_t len;
  const char *line = src_line(d->src, start.line, &len);
  size_t pre = start.col_byte - 1;
  if (pre > len)
    pre = len;
  size_t stop = end.line == start.line ? end.col_byte - 1 : len;
  if (stop > len)
    stop = len;
  size_t from = 0, to = len;
  if (len > SNIPPET_MAX) {
    from = char_start(line, pre > SNIPPET_CONTEXT ? pre - SNIPPET_CONTEXT : 0);
    to = stop + SNIPPET_CONTEXT < len ? stop + SNIPPET_CONTEXT : len;
    if (to > from + SNIPPET_MAX)
      to = from + SNIPPET_MAX;
    to = to < len ? char_start(line, to) : len;
    if (stop > to)
      stop = to;
  }
  char number[12];
  int gutter = snprintf(number, sizeof number, "%5u", start.line) + 1;
  fputc(' ', f);
  fputs(number, f);
  fputs(" | ", f);
  if (from > 0)
    fputs("...", f);
  char buf[PRINTABLE_BUF];
  size_t run = from; /* start of the bytes shown as they are, written at once */
  for (size_t i = from; i < to;) {
    unsigned char b = (unsigned char)line[i];
    if (b >= 0x20 && b < 0x7F) {
      i++;
      continue;
    }
    const char *shown;
    size_t shown_len, used = printable_step(line + i, to - i, buf, &shown, &shown_len);
    if (line[i] != '\t' && shown != line + i) {
      fwrite(line + run, 1, i - run, f);
      fwrite(shown, 1, shown_len, f);
      run = i + used;
    }
    i += used;
  }
  fwrite(line + run, 1, to - run, f);
  if (to < len)
    fputs("...", f);
  fputc('\n', f);
  put_repeated(f, ' ', (size_t)gutter);
  fputs(from > 0 ? " |    " : " | ", f);
  put_alignment(f, line, from, pre);
  size_t width = stop > pre ? shown_width(line, pre, stop) : 1;
  fputs(c(opt, d->severity == SEV_ERROR ? C_RED : C_YELLOW), f);
  fputc('^', f);
  put_repeated(f, '~', width - 1);
  fputs(c(opt, C_RESET), f);
  fputc('\n', f);
}

/* The path findings are shown under, kept from one finding to the next:
 * consecutive findings are mostly in one file. */
typedef struct ShownPath {
  const char *path;
  char *shown;
} ShownPath;

static const char *shown_path(ShownPath *sp, const OutputOptions *opt, const char *path) {
  if (!sp->path || strcmp(sp->path, path) != 0) {
    free(sp->shown);
    sp->shown = output_local_path(opt, path);
    sp->path = path;
  }
  return sp->shown;
}

static void print_diag(FILE *f, const Diag *d, ShownPath *sp, const OutputOptions *opt) {
  SrcPos pos = src_pos(d->src, d->start);
  const char *sev_color = d->severity == SEV_ERROR ? C_RED : C_YELLOW;
  fputs(c(opt, C_BOLD), f);
  printable_fputs(f, shown_path(sp, opt, d->src->path));
  fputc(':', f);
  put_uint(f, pos.line);
  fputc(':', f);
  put_uint(f, pos.col);
  fputc(':', f);
  fputs(c(opt, C_RESET), f);
  fputc(' ', f);
  fputs(c(opt, sev_color), f);
  fputs(severity_name(d->severity), f);
  fputc(':', f);
  fputs(c(opt, C_RESET), f);
  fputc(' ', f);
  printable_fputs(f, d->message);
  fputc(' ', f);
  fputs(c(opt, C_DIM), f);
  fputc('[', f);
  fputs(d->rule->id, f);
  fputc(']', f);
  fputs(c(opt, C_RESET), f);
  fputc('\n', f);
  if (opt->compact)
    return;
  print_snippet(f, d, pos, opt);
  if (d->ntrail) {
    fprintf(f, "        %s= via%s ", c(opt, C_CYAN), c(opt, C_RESET));
    for (size_t i = 0; i < d->ntrail; i++) {
      const DiagStep *s = &d->trail[i];
      if (i)
        fputs(" -> ", f);
      if (i == 0 || strcmp(s->path, d->trail[i - 1].path) != 0) {
        char *step_path = output_local_path(opt, s->path);
        printable_fputs(f, step_path);
        free(step_path);
      }
      fprintf(f, ":%u ", s->line);
      printable_fputs(f, s->label);
    }
    fputc('\n', f);
  }
  for (size_t i = 0; i < d->nrelated; i++) {
    const DiagStep *s = &d->related[i];
    fprintf(f, "        %s= note:%s ", c(opt, C_CYAN), c(opt, C_RESET));
    printable_fputs(f, s->label);
    fputs(" at ", f);
    char *note_path = output_local_path(opt, s->path);
    printable_fputs(f, note_path);
    free(note_path);
    fprintf(f, ":%u:%u\n", s->line, s->col);
  }
  if (d->help) {
    fprintf(f, "        %s= help:%s ", c(opt, C_CYAN), c(opt, C_RESET));
    printable_fputs(f, d->help);
    fprintf(f, "%s\n",
            d->fix.applicability == FIX_SAFE         ? " (fixable with --fix)"
            : d->fix.applicability == FIX_SUGGESTION ? " (suggestion: --fix-suggestions)"
                                                     : "");
  }
}

/* Labelled `notice:` and without a [rule] tag: a notice is no finding, and its
 * kind is no rule that explain or --disable would know. */
static void print_notice(FILE *f, const Notice *n, const OutputOptions *opt) {
  char *path = output_local_path(opt, n->path);
  fputs(c(opt, C_BOLD), f);
  printable_fputs(f, path);
  free(path);
  if (n->line)
    fprintf(f, ":%u:%u", n->line, n->col);
  fprintf(f, ":%s %snotice:%s ", c(opt, C_RESET), c(opt, C_CYAN), c(opt, C_RESET));
  printable_fputs(f, n->message);
  fputc('\n', f);
}

static void print_findings(FILE *f, const LintResult *r, const OutputOptions *opt) {
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++)
    print_notice(f, &r->notices.items[i], opt);
  ShownPath sp = {NULL, NULL};
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    if (!output_shown(d, opt))
      continue;
    print_diag(f, d, &sp, opt);
    if (!opt->compact)
      fputc('\n', f);
  }
  free(sp.shown);
}

void output_text(FILE *f, const LintResult *r, const OutputOptions *opt) {
  if (opt->statistics)
    output_statistics(f, r, opt);
  else
    print_findings(f, r, opt);
  Summary s = output_summary(r, opt);
  const char *head = s.errors ? C_RED : s.warnings ? C_YELLOW : C_BOLD;
  char *line = output_summary_line(r, &s, c(opt, head), c(opt, C_RESET));
  fprintf(f, "%s\n", line);
  free(line);
}
