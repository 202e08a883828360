#include "engine/file_index.h"

#include "core/stamp_file.h"
#include "core/util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INDEX_MAGIC "rtlint-file-index 1"

void file_index_load(FileIndex *ix, const char *cache_dir, uint64_t key) {
  memset(ix, 0, sizeof *ix);
  ix->path = xasprintf("%s/files-%016" PRIx64 ".idx", cache_dir, key);
  FILE *f = stamp_file_open(ix->path, INDEX_MAGIC);
  if (!f)
    return;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  bool ok = true;
  while (ok && (len = getline(&line, &cap, f)) > 0) {
    if (line[len - 1] != '\n')
      break; /* a half-written last line: ignore it */
    line[len - 1] = '\0';
    FileStamp s;
    const char *p = line;
    ok = stamp_file_parse(&p, &s) && *p == '/';
    if (!ok)
      break;
    FileStamp *copy = xmalloc(sizeof *copy);
    *copy = s;
    free(strmap_get(&ix->stamps, p));
    strmap_put(&ix->stamps, p, copy);
    ix->loaded++;
  }
  ok = ok && !ferror(f);
  free(line);
  fclose(f);
  if (!ok) { /* corrupt: start over */
    stamp_file_warn(ix->path);
    strmap_free(&ix->stamps, free);
    memset(&ix->stamps, 0, sizeof ix->stamps);
    ix->loaded = 0;
  }
}

const FileStamp *file_index_unchanged(const FileIndex *ix, const char *abs_path, const char *path) {
  const FileStamp *known = strmap_get(&ix->stamps, abs_path);
  struct stat st;
  if (!known || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return NULL;
  FileStamp now = file_stamp_of(&st);
  return file_stamp_equal(known, &now) ? known : NULL;
}

static bool trusted(const FileStamp *s, const char *path, uint64_t settled) {
  return file_stamp_settled(s, settled) && !strchr(path, '\n');
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
  uint64_t settled = file_stamp_settled_before();
  if (unchanged == ix->loaded && unchanged == count_trusted(abs_paths, stamps, n, settled))
    return; /* the same entries as on disk, in the same order: nothing to write */
  StampFileWriter w;
  if (!stamp_file_create(&w, ix->path, INDEX_MAGIC))
    return;
  for (size_t i = 0; i < n; i++) {
    if (!trusted(&stamps[i], abs_paths[i], settled))
      continue;
    stamp_file_write_stamp(&w, &stamps[i]);
    fprintf(w.f, "%s\n", abs_paths[i]);
  }
  stamp_file_commit(&w);
}

void file_index_free(FileIndex *ix) {
  strmap_free(&ix->stamps, free);
  free(ix->path);
  memset(ix, 0, sizeof *ix);
}
