#include "cli/project_root.h"

#include "config/config.h"
#include "core/util.h"
#include "discover/repo.h"
#include "resolve/project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *parent_dir(const char *abs) {
  const char *slash = strrchr(abs, '/');
  return slash && slash != abs ? xstrndup(abs, (size_t)(slash - abs)) : xstrdup("/");
}

/* Length of the common prefix of two absolute paths, cut at a folder
 * boundary. */
static size_t common_prefix(const char *a, const char *b) {
  size_t i = 0, cut = 0;
  for (; a[i] && a[i] == b[i]; i++)
    if (a[i] == '/')
      cut = i;
  if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
    cut = i;
  return cut;
}

char *paths_common_dir(const char *cwd, char *const *paths, size_t npaths) {
  char *common = NULL;
  for (size_t i = 0; i < npaths; i++) {
    char *abs = path_absolute(cwd, paths[i]);
    struct stat st;
    if (stat(abs, &st) != 0 || !S_ISDIR(st.st_mode)) {
      char *dir = parent_dir(abs);
      free(abs);
      abs = dir;
    }
    if (!common) {
      common = abs;
      continue;
    }
    size_t n = common_prefix(common, abs);
    common[n] = '\0';
    free(abs);
  }
  if (!common)
    return path_absolute("/", cwd);
  if (common[0] == '\0') {
    free(common);
    return xstrdup("/");
  }
  return common;
}

/* The git work tree around dir, spelled like dir (which may pass through
 * symbolic links: git reports the resolved folder). */
static char *git_work_tree(const char *dir) {
  RepoInfo info;
  if (!repo_find(dir, &info))
    return NULL;
  char *top = path_absolute("/", info.workdir);
  repo_info_free(&info);
  char real[PATH_MAX];
  char *out = NULL;
  if (realpath(dir, real)) {
    size_t n = strlen(top);
    bool below = strcmp(top, "/") == 0 ||
                 (strncmp(real, top, n) == 0 && (real[n] == '\0' || real[n] == '/'));
    if (below) {
      /* Climb from dir as many folders as real lies below top. */
      size_t depth = 0;
      for (const char *c = real + (strcmp(top, "/") == 0 ? 0 : n); *c; c++)
        depth += *c == '/';
      out = xstrdup(dir);
      for (size_t i = 0; i < depth; i++) {
        char *up = parent_dir(out);
        free(out);
        out = up;
      }
    }
  }
  free(top);
  return out;
}

bool path_at_or_below(const char *dir, const char *path) {
  size_t n = strlen(dir);
  return strcmp(dir, "/") == 0 ||
         (strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/'));
}

char *project_root_find(const char *config_file, const char *common_dir) {
  if (config_file) {
    char *abs = path_absolute("/", config_file);
    char *dir = parent_dir(abs);
    free(abs);
    /* A --config FILE kept elsewhere (a shared CI folder) does not make
     * its folder the project: the root holds what is linted. */
    if (path_at_or_below(dir, common_dir))
      return dir;
    free(dir);
  }
  char *top = git_work_tree(common_dir);
  return top ? top : path_absolute("/", common_dir);
}

void project_root_locate(const char *config_opt, char *const *paths, size_t npaths,
                         char **config_file, char **common_dir, char **root) {
  char buf[PATH_MAX];
  const char *cwd = getcwd(buf, sizeof buf) ? buf : "/";
  *common_dir = paths_common_dir(cwd, paths, npaths);
  *config_file = config_opt ? path_absolute(cwd, config_opt) : config_find(*common_dir);
  *root = project_root_find(*config_file, *common_dir);
}
