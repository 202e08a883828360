#ifndef RTLINT_CORE_PATH_H
#define RTLINT_CORE_PATH_H

#include <stdbool.h>

/* path made absolute against cwd (when relative) and normalized: "." and
 * ".." segments and repeated slashes removed. Caller frees. */
char *path_absolute(const char *cwd, const char *path);

/* path with "." segments and repeated slashes removed, without asking the
 * file system (".." is kept: through a symlink it is not the lexical parent):
 * "./src//a.ts" -> "src/a.ts", "./" -> ".". Caller frees. */
char *path_clean(const char *path);

/* Makes an absolute normalized folder its parent in place; false at "/". */
bool path_up(char *dir);

/* A regular file exists at path (links followed). */
bool path_is_regular_file(const char *path);

#endif
