#include "core/stamp_file.h"

#include "core/util.h"

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

FILE *stamp_file_open(const char *path, const char *magic) {
  FILE *f = fopen(path, "r");
  if (!f)
    return NULL;
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
  w->path = path;
  w->tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
  w->f = fopen(w->tmp, "w");
  if (!w->f) {
    free(w->tmp);
    w->tmp = NULL;
    return false;
  }
  fprintf(w->f, "%s\n", magic);
  return true;
}

void stamp_file_write_stamp(StampFileWriter *w, const FileStamp *s) {
  fprintf(w->f, "%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " ", s->size,
          s->mtime_ns, s->ctime_ns, s->ino, s->dev);
}

void stamp_file_commit(StampFileWriter *w) {
  bool write_error = ferror(w->f) != 0;
  if (fclose(w->f) != 0 || write_error || rename(w->tmp, w->path) != 0)
    unlink(w->tmp);
  free(w->tmp);
  memset(w, 0, sizeof *w);
}
