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

/* The standards module above search_from up to root (<dir>/<suffix> or
 * <dir>/src/<suffix>), as standards_setup looks for it; NULL: none. */
char *standards_find_in_project(const char *suffix, const char *search_from, const char *root,
                                const ProjectFs *fs);

/* The standards of the last session that used it, kept for the next one
 * while nothing they were made from changed (rtlint lsp lints on every
 * edit; learning parses the standards module). */
typedef struct StandardsMemo {
  char *key; /* what they were made from; NULL: empty */
  Standards std;
  char *learned;
} StandardsMemo;

void standards_memo_free(StandardsMemo *m);
/* The key for the standards a session would build: the explicit file, the
 * folders searched, the configuration's digest and the identity of the
 * module that would be learned (its text through fs, else its file stamp).
 * suffix: the module's name. Caller frees. */
char *standards_memo_key(const char *explicit_file, const FileList *files, const char *search_from,
                         const char *root, const ProjectFs *fs, const char *suffix,
                         uint64_t config_digest);

#endif
