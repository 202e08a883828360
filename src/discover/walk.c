#include "discover/walk.h"

#include "core/util.h"
#include "parse/parser.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_WALK_THREADS 8

/* A directory still to read, with the ignore rules of its parents (its own
 * .gitignore is read with it). */
typedef struct DirTask {
  char *dir;
  char *rel; /* relative to the work tree; "" for its root */
  Ignore ignore;
  struct DirTask *next;
} DirTask;

/* Directories waiting to be read; the walk ends when none waits and no
 * thread is reading one (which could add more). */
typedef struct WalkQueue {
  pthread_mutex_t lock;
  pthread_cond_t wake;
  DirTask *top;
  size_t busy;
  bool rules;
  DirIndex *index; /* listings of the last walk, or NULL */
} WalkQueue;

typedef struct WalkThread {
  WalkQueue *q;
  FileList out;
} WalkThread;

static bool skip_dir_name(const char *name) {
  return strcmp(name, "node_modules") == 0 || strcmp(name, ".git") == 0 ||
         strcmp(name, ".rtlint-cache") == 0;
}

/* a + sep + b without printf, which showed in profiles of the walk. */
static char *concat(const char *a, const char *sep, const char *b) {
  size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
  char *s = xmalloc(na + ns + nb + 1);
  memcpy(s, a, na);
  memcpy(s + na, sep, ns);
  memcpy(s + na + ns, b, nb + 1);
  return s;
}

static char *join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0)
    return xstrdup(name);
  size_t n = strlen(dir);
  return concat(dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static char *join_rel(const char *rel, const char *name) {
  return *rel ? concat(rel, "/", name) : xstrdup(name);
}

static void queue_push(WalkQueue *q, DirTask *task) {
  pthread_mutex_lock(&q->lock);
  task->next = q->top;
  q->top = task;
  pthread_cond_signal(&q->wake);
  pthread_mutex_unlock(&q->lock);
}

static void task_free(DirTask *task) {
  ignore_free(&task->ignore);
  free(task->dir);
  free(task->rel);
  free(task);
}

/* DT_DIR, DT_REG, or DT_UNKNOWN for anything the walk leaves alone. */
static unsigned char entry_type(const char *dir, const char *name, unsigned char type) {
  if (type == DT_UNKNOWN) { /* file systems without d_type */
    char *path = join(dir, name);
    struct stat st;
    type = lstat(path, &st) != 0 ? DT_UNKNOWN
           : S_ISDIR(st.st_mode) ? DT_DIR
           : S_ISREG(st.st_mode) ? DT_REG
                                 : DT_UNKNOWN;
    free(path);
  }
  return type == DT_DIR || type == DT_REG ? type : DT_UNKNOWN;
}

/* What a special file is, or NULL for anything else (a symbolic link is
 * not followed, without a word, like git and ripgrep do). */
static const char *special_kind(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0)
    return NULL;
  return S_ISFIFO(st.st_mode)                         ? "a FIFO"
         : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
         : S_ISSOCK(st.st_mode)                       ? "a socket"
                                                      : NULL;
}

/* A FIFO or a device named like a source file is never opened (a FIFO
 * blocks, a device can be endless), but it is named, not skipped silently. */
static void note_special(WalkThread *t, const char *dir, const char *name) {
  char *path = join(dir, name);
  const char *kind = special_kind(path);
  if (kind) {
    char *why = xasprintf("not a regular file (%s); not read", kind);
    notice_add(&t->out.skipped, path, "unreadable", why, 0, 0);
    free(why);
  }
  free(path);
}

static bool list_dir(const char *dir, DirEntry **entries, size_t *n) {
  DIR *d = opendir(dir);
  if (!d)
    return false;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    DirEntry entry = {xstrdup(e->d_name), entry_type(dir, e->d_name, e->d_type)};
    ARRAY_PUSH(*entries, *n, cap, entry);
  }
  closedir(d);
  return true;
}

/* The directory's entries, from the last walk's index when its stamp is
 * unchanged. *owned: the caller frees them. */
static bool dir_entries(WalkQueue *q, const char *dir, const DirEntry **out, size_t *n,
                        bool *owned) {
  FileStamp stamp = {0};
  struct stat st;
  if (q->index && stat(dir, &st) == 0) {
    stamp = file_stamp_of(&st);
    const DirListing *known = dir_index_lookup(q->index, dir, &stamp);
    if (known) {
      dir_index_reused(q->index, known);
      *out = known->entries;
      *n = known->n;
      *owned = false;
      return true;
    }
  }
  DirEntry *entries = NULL;
  *n = 0;
  if (!list_dir(dir, &entries, n))
    return false;
  if (stamp.valid) /* taken before reading: a change while reading shows next time */
    dir_index_record(q->index, dir, &stamp, entries, *n);
  *out = entries;
  *owned = true;
  return true;
}

static void read_dir(WalkThread *t, DirTask *task) {
  const DirEntry *entries;
  size_t n;
  bool owned;
  if (!dir_entries(t->q, task->dir, &entries, &n, &owned)) {
    char *why =
        xasprintf("directory not read (%s); the files in it were not linted", strerror(errno));
    notice_add(&t->out.skipped, task->dir, "unreadable", why, 0, 0);
    free(why);
    return;
  }
  bool has_gitignore = false;
  for (size_t i = 0; i < n && !has_gitignore; i++)
    has_gitignore = strcmp(entries[i].name, ".gitignore") == 0;
  bool rules = t->q->rules;
  /* The listing says whether there is a .gitignore: no open() to find out. */
  if (rules && has_gitignore) {
    char *gitignore = join(task->dir, ".gitignore");
    ignore_push_file(&task->ignore, task->rel, gitignore, true);
    free(gitignore);
  }
  for (size_t i = 0; i < n; i++) {
    const char *name = entries[i].name;
    unsigned char type = entries[i].type;
    Lang lang;
    if (type == DT_UNKNOWN && lang_for_path(name, &lang))
      note_special(t, task->dir, name);
    if (type == DT_UNKNOWN || (type == DT_REG && !lang_for_path(name, &lang)) ||
        (type == DT_DIR && skip_dir_name(name)))
      continue;
    char *path = join(task->dir, name);
    if (type == DT_DIR) {
      char *rel = join_rel(task->rel, name);
      if (!rules || !ignore_match(&task->ignore, rel, true)) {
        DirTask *child = xcalloc(1, sizeof *child);
        child->dir = path;
        child->rel = rel;
        ignore_fork(&child->ignore, &task->ignore);
        queue_push(t->q, child);
        path = rel = NULL;
      }
      free(rel);
    } else {
      char *rel = rules ? join_rel(task->rel, name) : NULL;
      if (!rules || !ignore_match(&task->ignore, rel, false)) {
        ARRAY_PUSH(t->out.paths, t->out.n, t->out.cap, path);
        path = NULL;
      }
      free(rel);
    }
    free(path);
  }
  if (owned) {
    for (size_t i = 0; i < n; i++)
      free(entries[i].name);
    free((DirEntry *)entries);
  }
}

static void *walk_thread(void *arg) {
  WalkThread *t = arg;
  WalkQueue *q = t->q;
  pthread_mutex_lock(&q->lock);
  for (;;) {
    while (!q->top && q->busy > 0)
      pthread_cond_wait(&q->wake, &q->lock);
    if (!q->top)
      break;
    DirTask *task = q->top;
    q->top = task->next;
    q->busy++;
    pthread_mutex_unlock(&q->lock);
    read_dir(t, task);
    task_free(task);
    pthread_mutex_lock(&q->lock);
    q->busy--;
    if (!q->top && q->busy == 0)
      pthread_cond_broadcast(&q->wake);
  }
  pthread_mutex_unlock(&q->lock);
  return NULL;
}

static unsigned walk_threads(void) {
  unsigned n = cpu_count();
  return n > MAX_WALK_THREADS ? MAX_WALK_THREADS : n;
}

void walk_tree(const char *dir, const char *rel, Ignore *ignore, bool rules, DirIndex *index,
               FileList *out) {
  WalkQueue q = {.rules = rules, .index = index};
  pthread_mutex_init(&q.lock, NULL);
  pthread_cond_init(&q.wake, NULL);
  DirTask *root = xcalloc(1, sizeof *root);
  root->dir = xstrdup(dir);
  root->rel = xstrdup(rel);
  root->ignore = *ignore;
  memset(ignore, 0, sizeof *ignore);
  q.top = root;
  unsigned nthreads = walk_threads();
  WalkThread *threads = xcalloc(nthreads, sizeof *threads);
  pthread_t *ids = xcalloc(nthreads, sizeof *ids);
  for (unsigned i = 0; i < nthreads; i++) {
    threads[i].q = &q;
    if (i > 0 && pthread_create(&ids[i], NULL, walk_thread, &threads[i]) != 0)
      threads[i].q = NULL; /* could not start: the others take its share */
  }
  walk_thread(&threads[0]);
  for (unsigned i = 0; i < nthreads; i++) {
    if (i > 0 && threads[i].q)
      pthread_join(ids[i], NULL);
    for (size_t k = 0; k < threads[i].out.n; k++)
      ARRAY_PUSH(out->paths, out->n, out->cap, threads[i].out.paths[k]);
    free(threads[i].out.paths);
    for (size_t k = 0; k < threads[i].out.skipped.n; k++)
      ARRAY_PUSH(out->skipped.items, out->skipped.n, out->skipped.cap,
                 threads[i].out.skipped.items[k]);
    free(threads[i].out.skipped.items);
  }
  free(threads);
  free(ids);
  pthread_cond_destroy(&q.wake);
  pthread_mutex_destroy(&q.lock);
}
