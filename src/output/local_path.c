#include "output/output.h"

#include "core/util.h"
#include "resolve/project.h"

#include <string.h>

char *output_local_path(const OutputOptions *opt, const char *path) {
  if (!opt->cwd || !opt->root || strcmp(opt->cwd, opt->root) == 0)
    return xstrdup(path);
  char *abs = path_absolute(opt->root, path);
  Project here = {.cwd = (char *)opt->cwd};
  char *shown = project_display_path(&here, abs);
  free(abs);
  return shown;
}
