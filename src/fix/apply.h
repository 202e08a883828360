#ifndef RTLINT_FIX_APPLY_H
#define RTLINT_FIX_APPLY_H
#include "core/diag.h"
#include "parse/parser.h"

#include <stdbool.h>
#include <stdio.h>

/* What happened to one file's fixes. */
typedef struct FileFixResult {
  const Source *src;
  char *fixed; /* the new text (NULL when nothing applied) */
  size_t fixed_len;
  size_t applied;      /* diagnostics whose fix went in */
  size_t deferred;     /* overlapping fixes left for the next run */
  const char *refused; /* why the file was left untouched, or NULL */
  char *detail;        /* refused's storage when it was built for this file */
} FileFixResult;

/* Builds the fixed text of src from the diagnostics in [first, first+n)
 * (all in src) whose fix applicability is >= level and that no inline
 * rtlint-disable comment suppresses. Overlapping fixes:
 * the first (by position) wins, the rest are deferred. The result is
 * re-parsed and refused when it has more syntax errors than the original. */
void fix_build(FileFixResult *out, const Source *src, Lang lang, const Diag *diags, size_t n,
               FixApplicability level);

/* Writes the fixed text over fs_path through a temporary file in the same
 * directory (core/fsio.h: O_EXCL, fsync, rename) that keeps the file's
 * owner, group and mode. Refused, with out->refused set and false returned,
 * when the file is read-only, has other hard links, or changed since src was
 * read (checked again just before the rename). A symlink is written
 * through: its target is replaced, the link stays. docs/security-fs.md. */
bool fix_write(FileFixResult *out, const char *fs_path);

/* Prints a unified diff (git apply compatible) of src -> out->fixed. */
void fix_print_diff(FILE *f, const FileFixResult *out);

void fix_result_free(FileFixResult *out);

#endif
