#ifndef RTLINT_DISCOVER_REPO_H
#define RTLINT_DISCOVER_REPO_H
#include <stdbool.h>

/* What the ignore rules need from the git repository around a directory. */
typedef struct RepoInfo {
  char *workdir;       /* absolute (symlinks resolved), ending in '/' */
  char *commondir;     /* where info/exclude lives, ending in '/' */
  char *excludes_file; /* core.excludesFile or git's default; NULL: none */
  bool ignore_case;    /* core.ignoreCase */
} RepoInfo;

/* False outside a work tree (no repository, or a bare one). The common case
 * (a plain `.git` directory owned by the user, no GIT_DIR-like variables, and
 * configuration files that do not mention the settings involved) is read
 * directly: libgit2's initialisation loads the TLS certificates, a tenth of
 * a warm run. Anything else is left to libgit2. */
bool repo_find(const char *dir, RepoInfo *out);
typedef enum RepoFound { REPO_FOUND, REPO_NOT_FOUND, REPO_UNSURE } RepoFound;
/* The direct reading alone: REPO_UNSURE when libgit2 must decide. */
RepoFound repo_find_direct(const char *dir, RepoInfo *out);
/* The same through libgit2 only (tests compare the two). */
bool repo_find_libgit2(const char *dir, RepoInfo *out);
void repo_info_free(RepoInfo *info);

#endif
