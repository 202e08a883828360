#include "cli/not_linted.h"

#include "core/path.h"
#include "core/util.h"
#include "parse/parser.h"
#include "resolve/project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_folder(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void named_folder_counts(char *const *args, size_t nargs, const FileList *files, size_t *counts) {
  for (size_t i = 0; i < nargs; i++) {
    counts[i] = 0;
    if (!is_folder(args[i]))
      continue;
    /* The list holds each file as "<the folder as named>/..." spelled as
     * path_clean spells it, and those below "." without a prefix. */
    char *dir = path_clean(args[i]);
    size_t n = strlen(dir);
    bool root = strcmp(dir, "/") == 0;
    bool here = strcmp(dir, ".") == 0;
    for (size_t f = 0; f < files->n; f++) {
      const char *p = files->paths[f];
      if (root || (here && p[0] != '/' && strncmp(p, "../", 3) != 0) ||
          (strncmp(p, dir, n) == 0 && p[n] == '/'))
        counts[i]++;
    }
    free(dir);
  }
}

static bool is_declaration(const char *path) {
  return str_ends_with(path, ".d.ts") || str_ends_with(path, ".d.mts") ||
         str_ends_with(path, ".d.cts");
}

/* Why a named file is not linted (caller frees), or NULL when it is.
 * config_name: the configuration file as the project root sees it. */
static char *file_reason(const char *arg, const char *abs, const Config *config,
                         const char *config_name) {
  Lang lang;
  if (is_declaration(arg))
    return xstrdup("not linted: a declaration file holds types only (rtlint lints the code that "
                   "uses them)");
  if (!lang_for_path(arg, &lang))
    return xstrdup("not linted: not a TypeScript file (rtlint lints .ts, .tsx, .mts and .cts)");
  char *why = config ? config_exclusion(config, abs, config_name) : NULL;
  if (!why)
    return NULL;
  char *msg = xasprintf("not linted: %s", why);
  free(why);
  return msg;
}

/* Why a named folder yields nothing to lint (caller frees), or NULL. */
static char *folder_reason(const NamedPaths *named, size_t i, const char *config_name) {
  if (!named->kept || named->kept[i])
    return NULL;
  size_t found = named->found ? named->found[i] : 0;
  if (!found)
    return xstrdup("not linted: no TypeScript files here (rtlint lints .ts, .tsx, .mts and .cts; "
                   "node_modules and what .gitignore ignores are skipped)");
  if (!config_name) /* only include/exclude drop files here */
    return NULL;
  if (found == 1)
    return xasprintf("not linted: %s's include and exclude leave out the one TypeScript file here",
                     config_name);
  return xasprintf("not linted: %s's include and exclude leave out all %zu TypeScript files here",
                   config_name, found);
}

void not_linted_notes(const NamedPaths *named, const Config *config, const char *root,
                      NoticeList *out) {
  char buf[PATH_MAX];
  const char *cwd = getcwd(buf, sizeof buf) ? buf : "/";
  Project shown_from = {.cwd = (char *)cwd, .root = (char *)root};
  /* Named relative to the root, like the notice's path: the same message
   * from every working folder. */
  char *config_name = NULL;
  if (config) {
    const char *slash = strrchr(config->path, '/');
    char *abs_config = xasprintf("%s/%s", strcmp(config->dir, "/") == 0 ? "" : config->dir,
                                 slash ? slash + 1 : config->path);
    config_name = project_display_path(&shown_from, abs_config);
    free(abs_config);
  }
  for (size_t i = 0; i < named->nargs; i++) {
    const char *arg = named->args[i];
    struct stat st;
    if (stat(arg, &st) != 0)
      continue;
    char *abs = path_absolute(cwd, arg);
    char *why = S_ISDIR(st.st_mode) ? folder_reason(named, i, config_name)
                                    : file_reason(arg, abs, config, config_name);
    if (why) {
      /* The root itself is "." rather than a path of this machine. */
      char *shown =
          root && strcmp(abs, root) == 0 ? xstrdup(".") : project_display_path(&shown_from, abs);
      notice_add(out, shown, NOTICE_NOT_LINTED, why, 0, 0);
      free(shown);
      free(why);
    }
    free(abs);
  }
  free(config_name);
}
