#include "engine/file_index.h"

#include "core/util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define INDEX_MAGIC "rtlint-file-index 1"
/* File systems stamp times coarsely (a jiffy on Linux, 2 s on FAT): a file
 * modified this recently before the run may change again without its stamp
 * changing, so it is read every time until it settles. */
#define RACY_NS (2ull * 1000000000ull)

void file_index_load(FileIndex *ix, const char *cache_dir, uint64_t key) {
  memset(ix, 0, sizeof *ix);
  ix->path = xasprintf("%s/files-%016" PRIx64 ".idx", cache_dir, key);
  FILE *f = fopen(ix->path, "r");
  if (!f)
    return;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len = getline(&line, &cap, f);
  bool ok = len > 0 && strncmp(line, INDEX_MAGIC "\n", (size_t)len) == 0;
  while (ok && (len = getline(&line, &cap, f)) > 0) {
    if (line[len - 1] != '\n')
      break; /* a half-written last line: ignore it */
    line[len - 1] = '\0';
    FileStamp s = {.valid = true};
    uint64_t *fields[] = {&s.size, &s.mtime_ns, &s.ctime_ns, &s.ino, &s.dev};
    const char *p = line;
    for (size_t k = 0; ok && k < sizeof fields / sizeof *fields; k++)
      ok = parse_u64(&p, NULL, ' ', fields[k]);
    if (!ok || *p != '/')
      break;
    FileStamp *copy = xmalloc(sizeof *copy);
    *copy = s;
    free(strmap_get(&ix->stamps, p));
    strmap_put(&ix->stamps, p, copy);
    ix->loaded++;
  }
  ok = ok && len < 0;
  free(line);
  fclose(f);
  if (!ok) { /* foreign or corrupt: start over */
    strmap_free(&ix->stamps, free);
    memset(&ix->stamps, 0, sizeof ix->stamps);
    ix->loaded = 0;
  }
}

static bool same_stamp(const FileStamp *a, const FileStamp *b) {
  return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns &&
         a->ino == b->ino && a->dev == b->dev;
}

const FileStamp *file_index_unchanged(const FileIndex *ix, const char *abs_path, const char *path) {
  const FileStamp *known = strmap_get(&ix->stamps, abs_path);
  struct stat st;
  if (!known || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return NULL;
  FileStamp now = file_stamp_of(&st);
  return same_stamp(known, &now) ? known : NULL;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool trusted(const FileStamp *s, const char *path, uint64_t settled) {
  return s->valid && s->mtime_ns <= settled && s->ctime_ns <= settled && !strchr(path, '\n');
}

static size_t count_trusted(char *const *paths, const FileStamp *stamps, size_t n,
                            uint64_t settled) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += trusted(&stamps[i], paths[i], settled);
  return k;
}

void file_index_save(const FileIndex *ix, char *const *abs_paths, const FileStamp *stamps, size_t n,
                     size_t unchanged) {
  uint64_t settled = now_ns() - RACY_NS;
  if (unchanged == ix->loaded && unchanged == count_trusted(abs_paths, stamps, n, settled))
    return; /* the same entries as on disk, in the same order: nothing to write */
  char *tmp = xasprintf("%s.%ld.tmp", ix->path, (long)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f) {
    free(tmp);
    return;
  }
  fputs(INDEX_MAGIC "\n", f);
  for (size_t i = 0; i < n; i++) {
    const FileStamp *s = &stamps[i];
    if (!trusted(s, abs_paths[i], settled))
      continue;
    fprintf(f, "%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %s\n", s->size,
            s->mtime_ns, s->ctime_ns, s->ino, s->dev, abs_paths[i]);
  }
  bool write_error = ferror(f) != 0;
  if (fclose(f) != 0 || write_error || rename(tmp, ix->path) != 0)
    unlink(tmp);
  free(tmp);
}

void file_index_free(FileIndex *ix) {
  strmap_free(&ix->stamps, free);
  free(ix->path);
  memset(ix, 0, sizeof *ix);
}
