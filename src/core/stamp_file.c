#include "core/stamp_file.h"

#include "core/fsio.h"
#include "core/util.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stamp_file_warn(const char *path) {
  fprintf(stderr,
          "rtlint: warning: ignoring cache file %s (corrupt, or written by another "
          "version); it is rebuilt\n",
          path);
}

/* The cache folder holding path, opened safely (fsio_open_private_dir);
 * *name points at path's last component. -1 when there is none or it is
 * refused (cache_open says why). */
static int open_folder(const char *path, const char **name, bool create) {
  const char *slash = strrchr(path, '/');
  *name = slash ? slash + 1 : path;
  char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
  char *why = NULL;
  int fd = fsio_open_private_dir(*dir ? dir : "/", create, &why);
  free(why);
  free(dir);
  return fd;
}

FILE *stamp_file_open(const char *path, const char *magic) {
  const char *name;
  int dirfd = open_folder(path, &name, false);
  if (dirfd < 0)
    return NULL;
  int fd = fsio_open_read(dirfd, name, FSIO_NOFOLLOW, NULL);
  int e = errno;
  close(dirfd);
  if (fd < 0) {
    errno = e;
    if (fd == FSIO_NOT_REGULAR || errno != ENOENT)
      fprintf(stderr, "rtlint: warning: ignoring cache file %s (%s)\n", path, fsio_open_error(fd));
    return NULL;
  }
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return NULL;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len = getline(&line, &cap, f);
  size_t n = strlen(magic);
  bool ok = len == (ssize_t)n + 1 && strncmp(line, magic, n) == 0 && line[n] == '\n';
  free(line);
  if (!ok) {
    fclose(f);
    stamp_file_warn(path);
    return NULL;
  }
  return f;
}

bool stamp_file_parse(const char **p, FileStamp *out) {
  FileStamp s = {.valid = true};
  uint64_t *fields[] = {&s.size, &s.mtime_ns, &s.ctime_ns, &s.ino, &s.dev};
  for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
    if (!parse_u64(p, NULL, ' ', fields[k]))
      return false;
  *out = s;
  return true;
}

bool stamp_file_create(StampFileWriter *w, const char *path, const char *magic) {
  const char *name;
  w->dirfd = open_folder(path, &name, false);
  if (w->dirfd < 0)
    return false;
  if (!atomic_begin(&w->file, w->dirfd, name, 0666, ATOMIC_NO_FSYNC, NULL)) {
    close(w->dirfd);
    w->dirfd = -1;
    return false;
  }
  w->f = atomic_stream(&w->file);
  fprintf(w->f, "%s\n", magic);
  return true;
}

void stamp_file_write_stamp(StampFileWriter *w, const FileStamp *s) {
  fprintf(w->f, "%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " ", s->size,
          s->mtime_ns, s->ctime_ns, s->ino, s->dev);
}

void stamp_file_commit(StampFileWriter *w) {
  atomic_commit(&w->file, NULL);
  close(w->dirfd);
  memset(w, 0, sizeof *w);
}
