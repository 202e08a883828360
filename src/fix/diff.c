#include "fix/diff.h"

#include "core/util.h"

#include <git2.h>
#include <stdbool.h>
#include <string.h>

/* git's quote_c_style: a name with a control character, a quote, a
 * backslash or a byte >= 0x80 (core.quotePath, git's default) is written in
 * double quotes with C escapes. */
static bool needs_quoting(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p == '"' || *p == '\\' || *p >= 0x7f)
      return true;
  return false;
}

static void put_quoted(FILE *f, const char *prefix, const char *s) {
  fputc('"', f);
  fputs(prefix, f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    static const char named[] = "abtnvfr"; /* \a (7) .. \r (13) */
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p >= 7 && *p <= 13)
      fprintf(f, "\\%c", named[*p - 7]);
    else if (*p < 0x20 || *p >= 0x7f)
      fprintf(f, "\\%03o", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

/* "--- a/NAME": quoted as git quotes it, and like git followed by a tab
 * when the plain name holds a space, so that `git apply` (and patch) read
 * the whole name. */
static void put_file_line(FILE *f, const char *marker, const char *prefix, const char *path) {
  fputs(marker, f);
  if (needs_quoting(path))
    put_quoted(f, prefix, path);
  else
    fprintf(f, "%s%s%s", prefix, path, strchr(path, ' ') ? "\t" : "");
  fputc('\n', f);
}

void diff_unified(FILE *f, const char *path, const char *a, size_t alen, const char *b,
                  size_t blen) {
  git_libgit2_init();
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.context_lines = 3;
  opts.interhunk_lines = 0;
  opts.flags = GIT_DIFF_FORCE_TEXT;
  git_patch *patch = NULL;
  /* libgit2's xdiff: memory linear in the texts, whatever the number of
   * edits (a Myers trace kept per edit distance grew with length x edits). */
  if (git_patch_from_buffers(&patch, a, alen, path, b, blen, path, &opts) != 0 || !patch) {
    const git_error *e = git_error_last();
    fprintf(stderr, "rtlint: %s: cannot compute the diff: %s\n", path, e ? e->message : "?");
    return;
  }
  size_t nhunks = git_patch_num_hunks(patch);
  if (nhunks) {
    put_file_line(f, "--- ", "a/", path);
    put_file_line(f, "+++ ", "b/", path);
  }
  for (size_t h = 0; h < nhunks; h++) {
    const git_diff_hunk *hunk;
    size_t nlines;
    if (git_patch_get_hunk(&hunk, &nlines, patch, h) != 0)
      break;
    fprintf(f, "@@ -%d,%d +%d,%d @@\n", hunk->old_start, hunk->old_lines, hunk->new_start,
            hunk->new_lines);
    for (size_t l = 0; l < nlines; l++) {
      const git_diff_line *line;
      if (git_patch_get_line_in_hunk(&line, patch, h, l) != 0)
        break;
      /* The *_EOFNL lines carry "\n\\ No newline at end of file\n". */
      if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
          line->origin == GIT_DIFF_LINE_DELETION)
        fputc(line->origin, f);
      fwrite(line->content, 1, line->content_len, f);
    }
  }
  git_patch_free(patch);
}
