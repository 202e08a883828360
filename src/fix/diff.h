#ifndef RTLINT_FIX_DIFF_H
#define RTLINT_FIX_DIFF_H
#include <stddef.h>
#include <stdio.h>

/* Writes a unified diff (3 lines of context, git apply compatible) between
 * two texts, labelled a/<path> and b/<path> (quoted as git quotes names).
 * libgit2's diff (git_patch_from_buffers): memory linear in the texts. */
void diff_unified(FILE *f, const char *path, const char *a, size_t alen, const char *b,
                  size_t blen);

#endif
