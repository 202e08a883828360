#ifndef RTLINT_CONFIG_GLOB_H
#define RTLINT_CONFIG_GLOB_H
#include <stdbool.h>
#include <stddef.h>

/* Path globs as in .gitignore, ESLint and pre-commit configurations, matched
 * against '/'-separated paths relative to the configuration file's folder:
 *   *      any run of characters except '/'
 *   **     as a whole segment: any number of segments ("**" + "/" + "x.ts"
 *          matches x.ts at any depth, "a/" + "**" everything below a/)
 *   ?      one character except '/'
 *   [abc] [a-z] [!a]   one character of (or not of) a class
 *   {a,b}  either alternative (no nesting)
 * A glob without '/' matches the file name at any depth ("*.tsx" is "**" +
 * "/" + "*.tsx"); a glob naming a folder ("components/legacy" or
 * "components/legacy/") matches everything below it. */

/* Checks a glob's syntax. On error returns false and sets *offset to the
 * byte of the problem and *why to a static message. */
bool glob_valid(const char *glob, size_t *offset, const char **why);

/* True when path matches glob. An invalid glob matches nothing. */
bool glob_match(const char *glob, const char *path);

/* Positions the calling thread's glob_match calls have tried since it
 * started: tests tell a bounded matcher from a backtracking one by it. */
size_t glob_match_steps(void);

#endif
