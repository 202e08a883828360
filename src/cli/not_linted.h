#ifndef RTLINT_CLI_NOT_LINTED_H
#define RTLINT_CLI_NOT_LINTED_H
/* `rtlint x.js` must not answer "No problems found in 0 files" as if it had
 * looked: what the command line names and rtlint leaves out gets a notice
 * (kind not-linted) saying why. A file named explicitly is linted even when
 * .gitignore ignores it, so .gitignore is never the reason for a file. */
#include "config/config.h"
#include "discover/discover.h"

/* For each argument that is a folder, how many of files lie below it as the
 * walk spelled them (0 for the other arguments). counts has nargs entries. */
void named_folder_counts(char *const *args, size_t nargs, const FileList *files, size_t *counts);

typedef struct NamedPaths {
  char *const *args;
  size_t nargs;
  const size_t *found; /* named_folder_counts before include/exclude, or NULL */
  const size_t *kept;  /* the same after them (NULL: skip the folder check) */
} NamedPaths;

/* Adds a notice to out for each named file rtlint does not lint (another
 * extension, a declaration file, left out by config's include/exclude) and
 * each named folder where it lints nothing. config may be NULL; root: the
 * project root notice paths are relative to. */
void not_linted_notes(const NamedPaths *named, const Config *config, const char *root,
                      NoticeList *out);

#endif
