#include "cli/standards_setup.h"

#include "core/util.h"
#include "resolve/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The standards module of the project when the files linted do not hold it
 * (`cd components && rtlint .`): <dir>/<suffix> or <dir>/src/<suffix> for
 * dir = search_from and each folder above it, up to the root. NULL: none. */
static char *find_in_project(const char *suffix, const char *search_from, const char *root) {
  if (!search_from || !root)
    return NULL;
  char *dir = xstrdup(search_from);
  char *found = NULL;
  for (;;) {
    const char *sep = strcmp(dir, "/") == 0 ? "" : "/";
    char *cands[] = {xasprintf("%s%s%s", dir, sep, suffix),
                     xasprintf("%s%ssrc/%s", dir, sep, suffix)};
    for (size_t i = 0; i < 2; i++) {
      if (!found && path_is_regular_file(cands[i]))
        found = cands[i];
      else
        free(cands[i]);
    }
    if (found || strcmp(dir, root) == 0 || !path_up(dir))
      break;
  }
  free(dir);
  return found;
}

bool standards_setup(Standards *std, const char *explicit_file, const FileList *files,
                     const char *search_from, const char *root, char **learned_path) {
  char *err = NULL;
  *learned_path = NULL;
  if (!std_load_builtin(std, &err)) {
    fprintf(stderr, "rtlint: internal error: %s\n", err);
    free(err);
    return false;
  }
  const char *candidate = explicit_file;
  for (size_t i = 0; !candidate && files && i < files->n; i++)
    if (str_ends_with(files->paths[i], std->module_suffix))
      candidate = files->paths[i];
  char *found = NULL;
  if (!candidate && std->module_suffix)
    candidate = found = find_in_project(std->module_suffix, search_from, root);
  if (!candidate)
    return true;
  if (!std_learn_from_file(std, candidate, candidate, &err)) {
    free(found);
    if (explicit_file) {
      fprintf(stderr, "rtlint: --standards %s\n", err);
      free(err);
      return false;
    }
    /* A file that merely shares the name falls back to the built-in catalog. */
    free(err);
    return true;
  }
  *learned_path = found ? found : xstrdup(candidate);
  return true;
}
