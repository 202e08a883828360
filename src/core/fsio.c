#include "core/fsio.h"

#include "core/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

int fsio_open_read(int dirfd, const char *name, unsigned flags, struct stat *st) {
  bool nofollow = flags & FSIO_NOFOLLOW;
  struct stat before, after;
  /* Looked at before it is opened: a FIFO or a device is never opened. */
  if (fstatat(dirfd, name, &before, nofollow ? AT_SYMLINK_NOFOLLOW : 0) != 0)
    return -1;
  if (S_ISLNK(before.st_mode)) {
    errno = ELOOP;
    return -1;
  }
  if (!S_ISREG(before.st_mode))
    return FSIO_NOT_REGULAR;
  /* O_NONBLOCK: should it have been swapped for a FIFO since, open() still
   * returns, and the fstat below refuses it. */
  int fd = openat(dirfd, name,
                  O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (nofollow ? O_NOFOLLOW : 0));
  if (fd < 0)
    return -1;
  if (fstat(fd, &after) != 0) {
    int e = errno;
    close(fd);
    errno = e;
    return -1;
  }
  if (!S_ISREG(after.st_mode)) {
    close(fd);
    return FSIO_NOT_REGULAR;
  }
  if (st)
    *st = after;
  return fd;
}

const char *fsio_open_error(int result) {
  if (result == FSIO_NOT_REGULAR)
    return "not a regular file";
  return errno == ELOOP ? "a symbolic link, not followed" : strerror(errno);
}

bool fsio_read_file(int dirfd, const char *name, unsigned flags, size_t max, char **bytes,
                    size_t *len, const char **why) {
  struct stat st;
  int fd = fsio_open_read(dirfd, name, flags, &st);
  if (fd < 0) {
    *why = fd == -1 && errno == ENOENT ? NULL : fsio_open_error(fd);
    return false;
  }
  bool ok = false;
  if ((uint64_t)st.st_size > max)
    *why = "too large";
  else if (!(ok = read_fd_all(fd, (size_t)st.st_size, max, bytes, len)))
    *why = "read error";
  else if (*len > max) {
    free(*bytes);
    ok = false;
    *why = "too large";
  }
  close(fd);
  return ok;
}

FILE *fsio_fopen_read(const char *path, unsigned flags) {
  int fd = fsio_open_read(AT_FDCWD, path, flags, NULL);
  if (fd == FSIO_NOT_REGULAR)
    errno = EINVAL;
  if (fd < 0)
    return NULL;
  FILE *f = fdopen(fd, "r");
  if (!f)
    close(fd);
  return f;
}

/* Six characters from the kernel's random pool: a name nobody can plant a
 * symlink at in advance (O_EXCL refuses one anyway). */
static void random_suffix(char out[7]) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char r[6];
  if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
    static _Atomic unsigned long counter;
    unsigned long x = (unsigned long)getpid() * 2654435761u + ++counter;
    for (size_t i = 0; i < sizeof r; i++, x /= 61)
      r[i] = (unsigned char)x;
  }
  for (size_t i = 0; i < sizeof r; i++)
    out[i] = alphabet[r[i] % (sizeof alphabet - 1)];
  out[6] = '\0';
}

bool atomic_begin(AtomicFile *w, int dirfd, const char *name, mode_t mode, unsigned flags,
                  char **err) {
  memset(w, 0, sizeof *w);
  w->fd = -1;
  for (int attempt = 0; attempt < 100; attempt++) {
    char suffix[7];
    random_suffix(suffix);
    char *tmp = xasprintf("%s.rtlint-%s", name, suffix);
    int fd =
        openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode);
    if (fd >= 0) {
      w->dirfd = dirfd;
      w->name = xstrdup(name);
      w->tmp = tmp;
      w->fd = fd;
      w->sync = !(flags & ATOMIC_NO_FSYNC);
      return true;
    }
    int e = errno;
    free(tmp);
    if (e != EEXIST) {
      if (err)
        *err = xasprintf("%s: cannot create a temporary file beside it: %s", name, strerror(e));
      return false;
    }
  }
  if (err)
    *err = xasprintf("%s: cannot create a temporary file beside it", name);
  return false;
}

FILE *atomic_stream(AtomicFile *w) {
  if (!w->f) {
    w->f = fdopen(w->fd, "w");
    if (!w->f) /* no memory for a stream: fatal by policy, like xmalloc */
      abort();
  }
  return w->f;
}

int atomic_fd(const AtomicFile *w) {
  return w->fd;
}

bool atomic_write(AtomicFile *w, const void *data, size_t len) {
  if (w->f)
    return fwrite(data, 1, len, w->f) == len;
  const char *p = data;
  while (len && !w->err) {
    ssize_t n = write(w->fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      w->err = n < 0 ? errno : EIO;
    else
      p += n, len -= (size_t)n;
  }
  return !w->err;
}

static void release(AtomicFile *w) {
  free(w->name);
  free(w->tmp);
  memset(w, 0, sizeof *w);
  w->fd = -1;
}

bool atomic_commit(AtomicFile *w, char **err) {
  int e = w->err;
  if (w->f) {
    if (fflush(w->f) != 0 && !e)
      e = errno ? errno : EIO;
    if (ferror(w->f) && !e)
      e = EIO;
  }
  if (!e && w->sync && fsync(w->fd) != 0)
    e = errno;
  int closed = w->f ? fclose(w->f) : close(w->fd);
  if (closed != 0 && !e)
    e = errno;
  if (!e && renameat(w->dirfd, w->tmp, w->dirfd, w->name) != 0)
    e = errno;
  if (e) {
    unlinkat(w->dirfd, w->tmp, 0);
    if (err)
      *err = xasprintf("%s: %s", w->name, strerror(e));
  }
  release(w);
  return !e;
}

void atomic_abort(AtomicFile *w) {
  if (w->f)
    fclose(w->f);
  else if (w->fd >= 0)
    close(w->fd);
  if (w->tmp)
    unlinkat(w->dirfd, w->tmp, 0);
  release(w);
}

bool atomic_write_file(int dirfd, const char *name, const void *data, size_t len, mode_t mode,
                       unsigned flags, char **err) {
  AtomicFile w;
  if (!atomic_begin(&w, dirfd, name, mode, flags, err))
    return false;
  atomic_write(&w, data, len);
  return atomic_commit(&w, err);
}

static bool mkdirs(char *d) {
  for (char *p = d + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    bool ok = mkdir(d, 0777) == 0 || errno == EEXIST;
    *p = '/';
    if (!ok)
      return false;
  }
  return mkdir(d, 0777) == 0 || errno == EEXIST;
}

int fsio_open_private_dir(const char *dir, bool create, char **why) {
  *why = NULL;
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/')
    n--; /* a trailing slash would make the last link be followed */
  char *d = xstrndup(dir, n);
  if (create && !mkdirs(d)) {
    *why = xasprintf("cannot create %s: %s", d, strerror(errno));
    free(d);
    return -1;
  }
  int fd = open(d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (fd < 0) {
    int e = errno;
    struct stat lst;
    bool is_link = lstat(d, &lst) == 0 && S_ISLNK(lst.st_mode);
    if (is_link || e == ELOOP)
      *why = xasprintf("%s is a symbolic link", d);
    else if (e == ENOTDIR)
      *why = xasprintf("%s is not a directory", d);
    else if (e != ENOENT || create)
      *why = xasprintf("cannot open %s: %s", d, strerror(e));
  } else if (fstat(fd, &st) != 0 || st.st_uid != geteuid()) {
    *why = xasprintf("%s is owned by another user", d);
    close(fd);
    fd = -1;
  }
  free(d);
  return fd;
}

bool output_file_open(OutputFile *o, const char *path, char **err) {
  memset(o, 0, sizeof *o);
  *err = NULL;
  if (!path) {
    o->f = stdout;
    return true;
  }
  o->path = xstrdup(path);
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    /* /dev/stdout, a FIFO, a terminal: nothing to rename over. */
    o->f = fopen(path, "w");
    if (!o->f) {
      *err = xasprintf("cannot write %s: %s", path, strerror(errno));
      free(o->path);
      return false;
    }
    return true;
  }
  /* A symlink stays a symlink: the file it names is replaced. */
  char *target = NULL;
  struct stat lst;
  if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && !(target = realpath(path, NULL))) {
    *err = xasprintf("cannot write %s: it is a symbolic link to nowhere", path);
    free(o->path);
    return false;
  }
  char *why = NULL;
  if (!atomic_begin(&o->atomic, AT_FDCWD, target ? target : path, 0666, 0, &why)) {
    *err = xasprintf("cannot write %s", why);
    free(why);
    free(target);
    free(o->path);
    return false;
  }
  free(target);
  if (exists)
    (void)fchmod(atomic_fd(&o->atomic), st.st_mode & 07777);
  o->is_atomic = true;
  o->f = atomic_stream(&o->atomic);
  return true;
}

bool output_file_close(OutputFile *o, char **err) {
  bool ok;
  char *why = NULL;
  *err = NULL;
  if (o->is_atomic)
    ok = atomic_commit(&o->atomic, &why);
  else if (o->f == stdout)
    ok = true; /* stdout's errors are its reader's business, as before */
  else if (!(ok = fclose(o->f) == 0))
    why = xasprintf("%s: %s", o->path, strerror(errno));
  if (!ok)
    *err = why ? xasprintf("cannot write %s", why) : xstrdup("cannot write the output");
  free(why);
  free(o->path);
  memset(o, 0, sizeof *o);
  return ok;
}

void output_file_abort(OutputFile *o) {
  if (o->is_atomic)
    atomic_abort(&o->atomic);
  else if (o->f && o->f != stdout)
    fclose(o->f);
  free(o->path);
  memset(o, 0, sizeof *o);
}

bool read_fd_all(int fd, size_t expect, size_t max, char **out, size_t *out_len) {
  size_t cap = expect + 1, len = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      free(buf);
      return false;
    }
    if (n == 0)
      break;
    len += (size_t)n;
    if (len == cap) {
      if (cap > max)
        break;
      cap *= 2;
      buf = xrealloc(buf, cap);
    }
  }
  if (len == cap)
    buf = xrealloc(buf, cap + 1);
  *out = buf;
  *out_len = len;
  return true;
}
