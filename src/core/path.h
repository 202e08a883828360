#ifndef RTLINT_CORE_PATH_H
#define RTLINT_CORE_PATH_H

/* path made absolute against cwd (when relative) and normalized: "." and
 * ".." segments and repeated slashes removed. Caller frees. */
char *path_absolute(const char *cwd, const char *path);

#endif
