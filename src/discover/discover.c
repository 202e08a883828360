#include "discover/discover.h"

#include "core/path.h"
#include "core/util.h"
#include "discover/ignore.h"
#include "discover/walk.h"
#include "parse/parser.h"

#include <errno.h>
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
  notice_list_free(&list->skipped);
  memset(list, 0, sizeof *list);
}

void file_list_report_skipped(const FileList *list, NoticeList *notices) {
  for (size_t i = 0; i < list->skipped.n; i++) {
    const Notice *n = &list->skipped.items[i];
    notice_add(notices, n->path, n->kind, n->message, n->line, n->col);
  }
  if (list->skipped.n)
    notice_list_sort(notices);
}

void file_list_shard(FileList *list, unsigned index, unsigned count, FileList *others) {
  size_t w = 0;
  for (size_t r = 0; r < list->n; r++) {
    char *p = list->paths[r];
    if (hash_fnv1a(p, strlen(p), HASH_FNV_SEED) % count == index - 1)
      list->paths[w++] = p;
    else
      ARRAY_PUSH(others->paths, others->n, others->cap, p);
  }
  list->n = w;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void file_list_sort_unique(FileList *list) {
  /* `rtlint src ./src` names each file twice. */
  for (size_t i = 0; i < list->n; i++) {
    char *clean = path_clean(list->paths[i]);
    free(list->paths[i]);
    list->paths[i] = clean;
  }
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

/* .gitignore rules come from the repository containing the walked directory:
 * each ignore file is read once, when the walk enters its directory
 * (ignore.h), instead of asking libgit2 about every path, which re-checks
 * every parent's .gitignore each time. Outside a repository nothing is
 * ignored but the built-in skips. */
typedef struct Walker {
  Ignore ignore;
  bool rules; /* false: ignore rules apply to nothing walked */
  char *rel;  /* the directory named, relative to the work tree */
} Walker;

/* dir relative to workdir ("" for its root), or NULL outside it. */
static char *repo_relative(const char *workdir, const char *dir) {
  char abs[PATH_MAX];
  if (!realpath(dir, abs))
    return NULL;
  size_t n = strlen(workdir);
  if (strncmp(abs, workdir, n - 1) != 0 || (abs[n - 1] != '/' && abs[n - 1] != '\0'))
    return NULL;
  return xstrdup(abs[n - 1] == '\0' ? "" : abs + n);
}

/* Reads the .gitignore files above rel (a directory, not "") from the
 * root down, as a walk from the root would have. False when rel or one of
 * its parents is ignored. */
static bool enter_parents(Walker *w, const char *workdir, const char *rel) {
  char *gitignore = xasprintf("%s.gitignore", workdir);
  ignore_push_file(&w->ignore, "", gitignore, true);
  free(gitignore);
  for (const char *slash = rel;; slash++) {
    slash = strchr(slash, '/');
    char *dir = slash ? xstrndup(rel, (size_t)(slash - rel)) : xstrdup(rel);
    bool ignored = ignore_match(&w->ignore, dir, true);
    if (!ignored && slash) {
      gitignore = xasprintf("%s%s/.gitignore", workdir, dir);
      ignore_push_file(&w->ignore, dir, gitignore, true);
      free(gitignore);
    }
    free(dir);
    if (ignored || !slash)
      return !ignored;
  }
}

/* The ignore rules of the repository around dir, as they stand at dir;
 * repo.h finds the repository and its settings. */
static void walker_open(Walker *w, const char *dir) {
  RepoInfo repo;
  if (!repo_find(dir, &repo))
    return;
  const char *workdir = repo.workdir;
  char *rel = repo_relative(workdir, dir);
  if (rel) {
    ignore_init_repo(&w->ignore, &repo);
    /* A directory named explicitly is linted even when git ignores it (a
     * generated tree, a vendored copy): like ripgrep and ruff, ignore rules
     * then apply to nothing inside it. */
    w->rules = !*rel || enter_parents(w, workdir, rel);
    w->rel = rel;
    rel = NULL;
  }
  free(rel);
  repo_info_free(&repo);
}

static char *strip_trailing_slashes(const char *p) {
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/')
    n--;
  return xstrndup(p, n);
}

bool discover_files(char *const *args, size_t nargs, const char *cache_dir, FileList *out,
                    char **err) {
  *err = NULL;
  for (size_t i = 0; i < nargs; i++) {
    struct stat st;
    if (stat(args[i], &st) != 0) {
      *err = xasprintf("%s: %s", args[i], strerror(errno));
      return false;
    }
    char *arg = strip_trailing_slashes(args[i]);
    if (S_ISDIR(st.st_mode)) {
      Walker w = {0};
      walker_open(&w, arg);
      DirIndex index;
      dir_index_load(&index, cache_dir, arg);
      walk_tree(arg, w.rel ? w.rel : "", &w.ignore, w.rules, &index, out);
      dir_index_save(&index);
      dir_index_free(&index);
      free(w.rel);
    } else {
      /* Named explicitly: linted even when ignored, like eslint and ruff. */
      file_list_add(out, arg);
    }
    free(arg);
  }
  file_list_sort_unique(out);
  return true;
}
