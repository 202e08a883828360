#ifndef RTLINT_DISCOVER_STAGED_H
#define RTLINT_DISCOVER_STAGED_H
#include "discover/discover.h"

#include <stdbool.h>
#include <stdint.h>

/* --staged: the TS/TSX files staged for the next commit, read from the git
 * index with libgit2. Only the index and HEAD's tree are read: the working
 * tree is never walked, so 5 staged files cost the same in a 2,000-file repo
 * as in a 10-file one. */
typedef struct StagedIndex StagedIndex;

/* Opens the repository containing the working directory and lists the
 * staged TS/TSX files (added, copied, modified, renamed against HEAD; every
 * entry before the first commit) as absolute paths into files. *workdir
 * (caller frees) is the repository's root, without a trailing '/'. */
bool staged_open(StagedIndex **out, FileList *files, char **workdir, char **err);
void staged_close(StagedIndex *s);

/* Project.read_file hook: the staged (index) content of a file below the
 * repository root; false when the index has no entry for it (the file is
 * then read from disk). */
bool staged_read(void *ctx, const char *abs_path, char **bytes, size_t *len);

/* The absolute path of an index entry whose path ends with suffix, or NULL
 * (caller frees): finds the standards module without walking the tree. */
char *staged_find_suffix(StagedIndex *s, const char *suffix);

/* --changed-since REV: the lines of each file that differ between REV and
 * the working tree (staged and unstaged changes, untracked files whole). */
typedef struct ChangedFile {
  char *abs_path;
  uint32_t (*ranges)[2]; /* [first, last] 1-based new-side lines */
  size_t n, cap;
} ChangedFile;

typedef struct Changed {
  ChangedFile *files;
  size_t n, cap;
} Changed;

bool changed_since(const char *rev, Changed *out, char **err);
bool changed_has_file(const Changed *c, const char *abs_path);
bool changed_has_line(const Changed *c, const char *abs_path, uint32_t line);
void changed_free(Changed *c);

#endif
