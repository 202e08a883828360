#ifndef RTLINT_DISCOVER_IGNORE_H
#define RTLINT_DISCOVER_IGNORE_H
#include "discover/repo.h"

#include <stdbool.h>
#include <stddef.h>

/* git's ignore rules, evaluated during a directory walk: a stack of pattern
 * lists, each read once. The bottom holds core.excludesFile and
 * $GIT_DIR/info/exclude, then one list per directory entered, from the
 * repository root down. The top-most list with a matching pattern decides,
 * and within a list the last matching pattern does (`!` un-ignores).
 *
 * Paths are relative to the repository's work tree, `/`-separated, without
 * a trailing slash. A path inside an ignored directory is not asked about:
 * the walker does not descend there (git's "cannot re-include a file if a
 * parent directory is excluded"). */
typedef struct IgnoreList IgnoreList;
typedef struct Ignore {
  IgnoreList **lists;
  size_t n, cap;
  bool ignore_case; /* core.ignoreCase */
} Ignore;

void ignore_init(Ignore *ig, bool ignore_case);
void ignore_free(Ignore *ig);

/* The repository-wide sources: core.excludesFile, then info/exclude (of the
 * common directory, for a linked work tree); ignore_case from
 * core.ignoreCase. */
void ignore_init_repo(Ignore *ig, const RepoInfo *repo);

/* Pushes the patterns in text[0, len) of the .gitignore in directory dir
 * ("" for the root, else "a/b"). */
void ignore_push_text(Ignore *ig, const char *dir, const char *text, size_t len);
/* Pushes the patterns of the ignore file at path, or an empty list when there
 * is none or it cannot be read (as git does). nofollow: a symbolic link is
 * not read (git's rule for .gitignore files inside the work tree). */
void ignore_push_file(Ignore *ig, const char *dir, const char *path, bool nofollow);
/* Drops the most recently pushed list. */
void ignore_pop(Ignore *ig);
/* dst (uninitialized) gets the lists of src, shared: pushes and pops on
 * either leave the other alone, so threads can walk subtrees in parallel. */
void ignore_fork(Ignore *dst, const Ignore *src);

bool ignore_match(const Ignore *ig, const char *path, bool is_dir);

#endif
