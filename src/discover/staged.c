#include "discover/staged.h"

#include "core/util.h"
#include "parse/parser.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct StagedIndex {
  git_repository *repo;
  git_index *index;
  char *workdir; /* absolute, no trailing '/' */
};

static char *git_error_text(const char *what) {
  const git_error *e = git_error_last();
  return xasprintf("%s: %s", what, e && e->message ? e->message : "unknown libgit2 error");
}

/* libgit2 says an index too short to hold its header "no longer exists":
 * a file that is there is named corrupt, with git's own way to rebuild it. */
static char *index_error_text(git_repository *repo, const char *what) {
  const git_error *e = git_error_last();
  char *why = xstrdup(e && e->message ? e->message : "unknown libgit2 error");
  char *path = xasprintf("%sindex", git_repository_path(repo));
  struct stat st;
  char *text;
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
    text = xasprintf("%s: the git index %s is corrupt (%s); git can rebuild it from HEAD with "
                     "`rm %s && git reset`, which unstages everything",
                     what, path, strstr(why, "no longer exists") ? "too short" : why, path);
  else
    text = xasprintf("%s: %s", what, why);
  free(path);
  free(why);
  return text;
}

/* A merge in progress: the index holds the conflicted files' versions
 * (stages 1-3) and no content to commit for them. Linting the working tree's
 * copy would lint conflict markers, and linting "ours" would check a version
 * that is not the one being committed; git itself refuses to commit until
 * they are resolved, so rtlint refuses too, naming them. */
static char *conflicts_error(git_index *index) {
  git_index_conflict_iterator *it = NULL;
  if (git_index_conflict_iterator_new(&it, index) != 0)
    return xstrdup("the index has unresolved merge conflicts");
  StrBuf sb = {0};
  sb_append(&sb, "the index has unresolved merge conflicts (");
  const git_index_entry *ancestor, *ours, *theirs;
  size_t n = 0;
  while (git_index_conflict_next(&ancestor, &ours, &theirs, it) == 0) {
    const git_index_entry *e = ours ? ours : theirs ? theirs : ancestor;
    if (n < 5)
      sb_appendf(&sb, "%s%s", n ? ", " : "", e->path);
    n++;
  }
  git_index_conflict_iterator_free(it);
  if (n > 5)
    sb_appendf(&sb, " and %zu more", n - 5);
  sb_append(&sb, "); resolve them and `git add` the result, then lint the staged files");
  return sb_take(&sb);
}

static bool open_repo(git_repository **repo, char **workdir, char **err) {
  git_libgit2_init();
  if (git_repository_open_ext(repo, ".", 0, NULL) != 0) {
    *err = git_error_text("not in a git repository");
    return false;
  }
  const char *wd = git_repository_workdir(*repo);
  char abs[PATH_MAX];
  if (!wd || !realpath(wd, abs)) {
    *err = xstrdup("the git repository has no working tree (bare repository)");
    git_repository_free(*repo);
    return false;
  }
  *workdir = xstrdup(abs);
  return true;
}

static git_tree *head_tree(git_repository *repo) {
  git_object *obj = NULL;
  git_tree *tree = NULL;
  if (git_revparse_single(&obj, repo, "HEAD^{tree}") == 0)
    tree = (git_tree *)obj;
  return tree; /* NULL before the first commit: everything in the index is new */
}

bool staged_open(StagedIndex **out, FileList *files, char **workdir, char **err) {
  *out = NULL;
  *err = NULL;
  StagedIndex *s = xcalloc(1, sizeof *s);
  if (!open_repo(&s->repo, &s->workdir, err)) {
    free(s);
    git_libgit2_shutdown();
    return false;
  }
  if (git_repository_index(&s->index, s->repo) != 0) {
    *err = index_error_text(s->repo, "cannot read the git index");
    staged_close(s);
    return false;
  }
  if (git_index_has_conflicts(s->index)) {
    *err = conflicts_error(s->index);
    staged_close(s);
    return false;
  }
  git_tree *tree = head_tree(s->repo);
  git_diff *diff = NULL;
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
  if (git_diff_tree_to_index(&diff, s->repo, tree, s->index, &opts) != 0) {
    *err = git_error_text("cannot compare the index with HEAD");
    git_tree_free(tree);
    staged_close(s);
    return false;
  }
  /* No rename detection: a renamed file is linted under its new path either
   * way, and finding similar files would read every blob in the index. */
  size_t n = git_diff_num_deltas(diff);
  for (size_t i = 0; i < n; i++) {
    const git_diff_delta *d = git_diff_get_delta(diff, i);
    Lang lang;
    if (d->status == GIT_DELTA_DELETED || d->new_file.mode == GIT_FILEMODE_COMMIT ||
        d->new_file.mode == GIT_FILEMODE_LINK || !lang_for_path(d->new_file.path, &lang))
      continue;
    char *abs = xasprintf("%s/%s", s->workdir, d->new_file.path);
    file_list_add(files, abs);
    free(abs);
  }
  git_diff_free(diff);
  git_tree_free(tree);
  file_list_sort_unique(files);
  *workdir = xstrdup(s->workdir);
  *out = s;
  return true;
}

void staged_close(StagedIndex *s) {
  if (!s)
    return;
  if (s->index)
    git_index_free(s->index);
  if (s->repo)
    git_repository_free(s->repo);
  free(s->workdir);
  free(s);
  git_libgit2_shutdown();
}

static const char *below_workdir(const StagedIndex *s, const char *abs) {
  size_t n = strlen(s->workdir);
  if (strncmp(abs, s->workdir, n) == 0 && abs[n] == '/')
    return abs + n + 1;
  return NULL;
}

bool staged_read(void *ctx, const char *abs_path, char **bytes, size_t *len) {
  StagedIndex *s = ctx;
  const char *rel = below_workdir(s, abs_path);
  if (!rel)
    return false;
  const git_index_entry *e = git_index_get_bypath(s->index, rel, 0);
  if (!e)
    return false;
  git_blob *blob = NULL;
  if (git_blob_lookup(&blob, s->repo, &e->id) != 0)
    return false;
  *len = (size_t)git_blob_rawsize(blob);
  *bytes = xmalloc(*len + 1);
  memcpy(*bytes, git_blob_rawcontent(blob), *len);
  git_blob_free(blob);
  return true;
}

char *staged_find_suffix(StagedIndex *s, const char *suffix) {
  size_t n = git_index_entrycount(s->index);
  for (size_t i = 0; i < n; i++) {
    const git_index_entry *e = git_index_get_byindex(s->index, i);
    if (e && GIT_INDEX_ENTRY_STAGE(e) == 0 && str_ends_with(e->path, suffix))
      return xasprintf("%s/%s", s->workdir, e->path);
  }
  return NULL;
}

/* ---- --changed-since ---- */

typedef struct DiffWalk {
  Changed *out;
  const char *workdir;
  ChangedFile *cur;
} DiffWalk;

static ChangedFile *file_for(Changed *c, const char *abs) {
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->files[i].abs_path, abs) == 0)
      return &c->files[i];
  grow_array((void **)&c->files, &c->cap, c->n + 1, sizeof *c->files);
  ChangedFile *f = &c->files[c->n++];
  memset(f, 0, sizeof *f);
  f->abs_path = xstrdup(abs);
  return f;
}

static int on_file(const git_diff_delta *d, float progress, void *payload) {
  (void)progress;
  DiffWalk *w = payload;
  w->cur = NULL;
  if (d->status == GIT_DELTA_DELETED)
    return 0;
  char *abs = xasprintf("%s/%s", w->workdir, d->new_file.path);
  w->cur = file_for(w->out, abs);
  free(abs);
  return 0;
}

static int on_hunk(const git_diff_delta *d, const git_diff_hunk *h, void *payload) {
  (void)d;
  DiffWalk *w = payload;
  if (!w->cur || h->new_lines <= 0)
    return 0;
  uint32_t range[2] = {(uint32_t)h->new_start, (uint32_t)(h->new_start + h->new_lines - 1)};
  grow_array((void **)&w->cur->ranges, &w->cur->cap, w->cur->n + 1, sizeof *w->cur->ranges);
  w->cur->ranges[w->cur->n][0] = range[0];
  w->cur->ranges[w->cur->n][1] = range[1];
  w->cur->n++;
  return 0;
}

bool changed_since(const char *rev, Changed *out, char **err) {
  memset(out, 0, sizeof *out);
  *err = NULL;
  git_repository *repo = NULL;
  char *workdir = NULL;
  if (!open_repo(&repo, &workdir, err)) {
    git_libgit2_shutdown();
    return false;
  }
  bool ok = false;
  git_object *obj = NULL;
  git_object *tree = NULL;
  git_diff *diff = NULL;
  if (git_revparse_single(&obj, repo, rev) != 0 ||
      git_object_peel(&tree, obj, GIT_OBJECT_TREE) != 0) {
    *err = xasprintf("--changed-since: unknown revision '%s'", rev);
    goto done;
  }
  git_index *index = NULL; /* read first: the diff's error for a corrupt one is misleading */
  if (git_repository_index(&index, repo) != 0) {
    *err = index_error_text(repo, "--changed-since: cannot read the git index");
    goto done;
  }
  git_index_free(index);
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.context_lines = 0;
  opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                GIT_DIFF_SHOW_UNTRACKED_CONTENT;
  if (git_diff_tree_to_workdir_with_index(&diff, repo, (git_tree *)tree, &opts) != 0) {
    *err = git_error_text("--changed-since: cannot diff against the working tree");
    goto done;
  }
  DiffWalk w = {out, workdir, NULL};
  if (git_diff_foreach(diff, on_file, NULL, on_hunk, NULL, &w) != 0) {
    *err = git_error_text("--changed-since: cannot read the diff");
    goto done;
  }
  ok = true;
done:
  git_diff_free(diff);
  git_object_free(tree);
  git_object_free(obj);
  git_repository_free(repo);
  free(workdir);
  git_libgit2_shutdown();
  if (!ok)
    changed_free(out);
  return ok;
}

bool changed_has_file(const Changed *c, const char *abs_path) {
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->files[i].abs_path, abs_path) == 0)
      return c->files[i].n > 0;
  return false;
}

bool changed_has_line(const Changed *c, const char *abs_path, uint32_t line) {
  for (size_t i = 0; i < c->n; i++) {
    if (strcmp(c->files[i].abs_path, abs_path) != 0)
      continue;
    for (size_t r = 0; r < c->files[i].n; r++)
      if (line >= c->files[i].ranges[r][0] && line <= c->files[i].ranges[r][1])
        return true;
  }
  return false;
}

void changed_free(Changed *c) {
  for (size_t i = 0; i < c->n; i++) {
    free(c->files[i].abs_path);
    free(c->files[i].ranges);
  }
  free(c->files);
  memset(c, 0, sizeof *c);
}
