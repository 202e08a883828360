#ifndef RTLINT_CLI_PROJECT_ROOT_H
#define RTLINT_CLI_PROJECT_ROOT_H
#include <stdbool.h>
#include <stddef.h>

/* The deepest folder holding every path (absolute, normalized; a file
 * counts as its folder). Relative paths are taken from cwd. Caller frees. */
char *paths_common_dir(const char *cwd, char *const *paths, size_t npaths);

/* True when path (absolute, normalized) is dir or lies below it. */
bool path_at_or_below(const char *dir, const char *path);

/* The project root everything project-relative is anchored at, whatever the
 * working folder: the configuration file's folder, else the git work tree
 * around common_dir, else common_dir itself; a configuration file whose
 * folder does not hold common_dir (--config elsewhere) does not count.
 * config_file: absolute or NULL.
 * Caller frees. */
char *project_root_find(const char *config_file, const char *common_dir);

/* For a command: the configuration file (config_opt, else rtlint.yaml found
 * upwards from the common folder of the paths; NULL when none: *config_file
 * is then NULL), the common folder and the root. Each caller frees. */
void project_root_locate(const char *config_opt, char *const *paths, size_t npaths,
                         char **config_file, char **common_dir, char **root);

#endif
