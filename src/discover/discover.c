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

/* rel: the path relative to the repository's work tree, computed from the
 * walk root once (no realpath per file: a large tree would pay a readlink
 * per path component). */
static bool git_ignored(Walker *w, const char *rel, bool is_dir) {
  if (!w->repo || !rel)
    return false;
  char *path = is_dir ? xasprintf("%s/", rel) : xstrdup(rel);
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, w->repo, path) != 0)
    ignored = 0;
  free(path);
  return ignored == 1;
}

static char *join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0)
    return xstrdup(name);
  size_t n = strlen(dir);
  return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

/* The repository-relative path of a child, or NULL outside the work tree. */
static char *join_rel(const char *rel, const char *name) {
  if (!rel)
    return NULL;
  return *rel ? xasprintf("%s/%s", rel, name) : xstrdup(name);
}

static void walk_dir(Walker *w, const char *dir, const char *rel) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  typedef struct Entry {
    char *name;
    unsigned char type;
  } Entry;
  Entry *entries = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    Entry entry = {xstrdup(e->d_name), e->d_type};
    ARRAY_PUSH(entries, n, cap, entry);
  }
  closedir(d);
  for (size_t i = 0; i < n; i++) {
    const char *name = entries[i].name;
    char *path = join(dir, name);
    unsigned char type = entries[i].type;
    if (type == DT_UNKNOWN) { /* file systems without d_type */
      struct stat st;
      type = lstat(path, &st) != 0 ? DT_UNKNOWN
             : S_ISDIR(st.st_mode) ? DT_DIR
             : S_ISREG(st.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
    }
    Lang lang;
    char *child_rel = NULL;
    if (type == DT_DIR && !skip_dir_name(name)) {
      child_rel = join_rel(rel, name);
      if (!git_ignored(w, child_rel, true))
        walk_dir(w, path, child_rel);
    } else if (type == DT_REG && lang_for_path(name, &lang)) {
      child_rel = join_rel(rel, name);
      if (!git_ignored(w, child_rel, false))
        file_list_add(w->out, path);
    }
    free(child_rel);
    free(path);
    free(entries[i].name);
  }
  free(entries);
}

/* dir relative to the repository's work tree ("" for its root), or NULL. */
static char *repo_relative(const Walker *w, const char *dir) {
  char abs[PATH_MAX];
  if (!w->repo || !realpath(dir, abs))
    return NULL;
  size_t n = strlen(w->workdir);
  if (strncmp(abs, w->workdir, n - 1) != 0 || (abs[n - 1] != '/' && abs[n - 1] != '\0'))
    return NULL;
  return xstrdup(abs[n - 1] == '\0' ? "" : abs + n);
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
      char *rel = repo_relative(&w, arg);
      if (rel && *rel && git_ignored(&w, rel, true)) {
        walker_close(&w);
        free(rel);
        rel = NULL;
      }
      walk_dir(&w, arg, rel);
      free(rel);
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
