#ifndef RTLINT_FIX_APPLY_H
#define RTLINT_FIX_APPLY_H
#include "core/diag.h"
#include "core/strmap.h"
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

/* Two files one applied fix changes together: indices into FixSet.files. */
typedef struct FixLink {
  size_t a, b;
} FixLink;

/* What one round of fixes does to every file it touches. */
typedef struct FixSet {
  FileFixResult *files; /* in the order the findings first touch them */
  size_t nfiles;
  FixLink *links; /* files that must be written together or not at all */
  size_t nlinks, linkcap;
  StrMap index; /* Source address -> file index + 1 */
} FixSet;

/* The language src (a file of the run) is parsed in. */
typedef Lang (*FixLangOf)(const Source *src, void *ctx);

/* Builds the fixed text of every file the fixes of diags[0, n) change, at
 * level and above (findings sorted by file and position: earlier fixes win).
 * A fix may change several files (core/diag.h, Edit.src): it goes in whole
 * or waits whole for the next round when any of its edits overlaps one
 * already taken in that file; an edit two fixes share (same file, range and
 * text) goes in once. A file whose fixed text would not parse is refused,
 * and so is every fix that also changes another file, which is then built
 * again without it. With `only` set, just the fixes of findings in only that
 * change nothing else. Free with fix_set_free. */
void fix_build_all(FixSet *out, const Diag *diags, size_t n, FixApplicability level,
                   const Source *only, FixLangOf lang_of, void *ctx);
void fix_set_free(FixSet *out);

/* Builds the fixed text of src from the diagnostics in [first, first+n)
 * (all in src) whose fix applicability is >= level, that no inline
 * rtlint-disable comment suppresses and that change no other file (the LSP's
 * fix-all, --stdin-filename: one buffer). Overlapping fixes:
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

/* fix_write for files that must change together (one fix edits them all):
 * every file is checked and written to its temporary first, then checked
 * again, then renamed; when any is refused, none is renamed, and each of the
 * others says which file held them back. */
bool fix_write_all(FileFixResult **outs, const char *const *fs_paths, size_t n);

/* Prints a unified diff (git apply compatible) of src -> out->fixed. */
void fix_print_diff(FILE *f, const FileFixResult *out);

void fix_result_free(FileFixResult *out);

#endif
