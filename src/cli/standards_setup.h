#ifndef RTLINT_CLI_STANDARDS_SETUP_H
#define RTLINT_CLI_STANDARDS_SETUP_H
#include "discover/discover.h"
#include "resolve/project.h"
#include "standards/standards.h"

/* Loads the built-in catalog, then learns from --standards FILE or, failing
 * that, from the standards module found among `files` or, failing that, in
 * the project: search_from or a folder above it up to root (absolute; both
 * NULL: not looked for). Prints the error and returns false when the
 * catalog cannot be loaded or FILE is unusable. On success *learned_path
 * (caller frees) names the learned file, or NULL. fs (NULL: the disk) is
 * where the files are read: an editor's buffer of the standards module
 * teaches its unsaved text. */
bool standards_setup(Standards *std, const char *explicit_file, const FileList *files,
                     const char *search_from, const char *root, const ProjectFs *fs,
                     char **learned_path);

#endif
