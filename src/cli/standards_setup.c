#include "cli/standards_setup.h"

#include "core/util.h"

#include <stdio.h>
#include <stdlib.h>

bool standards_setup(Standards *std, const char *explicit_file, const FileList *files,
                     char **learned_path) {
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
  if (!candidate)
    return true;
  if (!std_learn_from_file(std, candidate, candidate, &err)) {
    if (explicit_file) {
      fprintf(stderr, "rtlint: --standards %s\n", err);
      free(err);
      return false;
    }
    /* A file that merely shares the name falls back to the built-in catalog. */
    free(err);
    return true;
  }
  *learned_path = xstrdup(candidate);
  return true;
}
