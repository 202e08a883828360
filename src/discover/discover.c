#include "discover/discover.h"

#include "core/util.h"
#include "parse/parser.h"

#include <dirent.h>
#include <errno.h>
#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void file_list_add(FileList *list, const char *path) {
  char *p = xstrdup(path);
  ARRAY_PUSH(list->paths, list->n, list->cap, p);
}

void file_list_free(FileList *list) {
  for (size_t i = 0; i < list->n; i++)
    free(list->paths[i]);
  free(list->paths);
  memset(list, 0, sizeof *list);
}

void file_list_shard(FileList *list, unsigned index, unsigned count) {
  size_t w = 0;
  for (size_t r = 0; r < list->n; r++) {
    const char *p = list->paths[r];
    if (hash_fnv1a(p, strlen(p), HASH_FNV_SEED) % count == index - 1)
      list->paths[w++] = list->paths[r];
    else
      free(list->paths[r]);
  }
  list->n = w;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void file_list_sort_unique(FileList *list) {
  if (list->n > 1)
    qsort(list->paths, list->n, sizeof *list->paths, cmp_str);
  size_t w = 0;
  for (size_t r = 0; r < list->n; r++) {
    if (w > 0 && strcmp(list->paths[w - 1], list->paths[r]) == 0) {
      free(list->paths[r]);
      continue;
    }
    list->paths[w++] = list->paths[r];
  }
  list->n = w;
}

/* .gitignore rules come from the repository containing the walked directory
 * (libgit2 applies every ignore file, global excludes and info/exclude
 * exactly as git does). Outside a repository nothing is ignored but the
 * built-in skips. */
typedef struct Walker {
  git_repository *repo;
  char *workdir; /* absolute, with trailing '/' */
  FileList *out;
} Walker;

static bool skip_dir_name(const char *name) {
  return strcmp(name, "node_modules") == 0 || strcmp(name, ".git") == 0 ||
         strcmp(name, ".rtlint-cache") == 0;
}

static bool git_ignored(Walker *w, const char *path, bool is_dir) {
  if (!w->repo)
    return false;
  char abs[PATH_MAX];
  if (!realpath(path, abs))
    return false;
  size_t n = strlen(w->workdir);
  if (strncmp(abs, w->workdir, n) != 0)
    return false;
  char *rel = is_dir ? xasprintf("%s/", abs + n) : xstrdup(abs + n);
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, w->repo, rel) != 0)
    ignored = 0;
  free(rel);
  return ignored == 1;
}

static char *join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0)
    return xstrdup(name);
  size_t n = strlen(dir);
  return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static void walk_dir(Walker *w, const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    char *name = xstrdup(e->d_name);
    ARRAY_PUSH(names, n, cap, name);
  }
  closedir(d);
  for (size_t i = 0; i < n; i++) {
    char *path = join(dir, names[i]);
    struct stat st;
    if (lstat(path, &st) == 0) {
      Lang lang;
      if (S_ISDIR(st.st_mode)) {
        if (!skip_dir_name(names[i]) && !git_ignored(w, path, true))
          walk_dir(w, path);
      } else if (S_ISREG(st.st_mode) && lang_for_path(names[i], &lang) &&
                 !git_ignored(w, path, false)) {
        file_list_add(w->out, path);
      }
    }
    free(path);
    free(names[i]);
  }
  free(names);
}

static void walker_open_repo(Walker *w, const char *dir) {
  if (w->repo)
    return;
  if (git_repository_open_ext(&w->repo, dir, 0, NULL) != 0) {
    w->repo = NULL;
    return;
  }
  const char *wd = git_repository_workdir(w->repo);
  char abs[PATH_MAX];
  if (!wd || !realpath(wd, abs)) {
    git_repository_free(w->repo);
    w->repo = NULL;
    return;
  }
  w->workdir = xasprintf("%s/", abs);
}

static void walker_close(Walker *w) {
  if (w->repo)
    git_repository_free(w->repo);
  free(w->workdir);
  w->repo = NULL;
  w->workdir = NULL;
}

static char *strip_trailing_slashes(const char *p) {
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/')
    n--;
  return xstrndup(p, n);
}

bool discover_files(char *const *args, size_t nargs, FileList *out, char **err) {
  *err = NULL;
  git_libgit2_init();
  for (size_t i = 0; i < nargs; i++) {
    struct stat st;
    if (stat(args[i], &st) != 0) {
      *err = xasprintf("%s: %s", args[i], strerror(errno));
      git_libgit2_shutdown();
      return false;
    }
    char *arg = strip_trailing_slashes(args[i]);
    if (S_ISDIR(st.st_mode)) {
      Walker w = {NULL, NULL, out};
      walker_open_repo(&w, arg);
      /* A directory named explicitly is linted even when git ignores it (a
       * generated tree, a vendored copy): like ripgrep and ruff, ignore rules
       * then apply to nothing inside it. */
      if (strcmp(arg, ".") != 0 && git_ignored(&w, arg, true))
        walker_close(&w);
      walk_dir(&w, arg);
      walker_close(&w);
    } else {
      /* Named explicitly: linted even when ignored, like eslint and ruff. */
      file_list_add(out, arg);
    }
    free(arg);
  }
  git_libgit2_shutdown();
  file_list_sort_unique(out);
  return true;
}
