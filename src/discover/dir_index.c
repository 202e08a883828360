#include "discover/dir_index.h"

#include "core/stamp_file.h"
#include "core/util.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INDEX_MAGIC "rtlint-dir-index 2"
/* Larger listings are not kept (and a longer count means a corrupt file). */
#define MAX_ENTRIES 1000000

static void listing_free(DirListing *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->entries[i].name);
  free(l->entries);
  free(l->path);
  free(l);
}

static void listing_free_any(void *l) {
  listing_free(l);
}

static char type_char(unsigned char type) {
  return type == DT_DIR ? 'd' : type == DT_REG ? 'f' : '-';
}

static unsigned char char_type(char c) {
  return c == 'd' ? DT_DIR : c == 'f' ? DT_REG : DT_UNKNOWN;
}

/* "<stamp> <n> <path>" then n lines "<type><name>". */
static DirListing *read_listing(FILE *f, char **line, size_t *cap) {
  ssize_t len = getline(line, cap, f);
  if (len <= 0 || (*line)[len - 1] != '\n')
    return NULL;
  (*line)[len - 1] = '\0';
  FileStamp s;
  uint64_t n = 0;
  const char *p = *line;
  if (!stamp_file_parse(&p, &s) || !parse_u64(&p, NULL, ' ', &n) || !*p || n > MAX_ENTRIES)
    return NULL;
  DirListing *l = xcalloc(1, sizeof *l);
  l->path = xstrdup(p);
  l->stamp = s;
  l->entries = xcalloc(n ? n : 1, sizeof *l->entries);
  for (; l->n < n; l->n++) {
    len = getline(line, cap, f);
    if (len < 3 || (*line)[len - 1] != '\n') {
      listing_free(l);
      return NULL;
    }
    l->entries[l->n].type = char_type((*line)[0]);
    l->entries[l->n].name = xstrndup(*line + 1, (size_t)len - 2);
  }
  return l;
}

void dir_index_load(DirIndex *ix, const char *cache_dir, const char *root) {
  memset(ix, 0, sizeof *ix);
  pthread_mutex_init(&ix->lock, NULL);
  if (!cache_dir)
    return;
  char *abs = realpath(root, NULL);
  const char *key = abs ? abs : root;
  ix->file = xasprintf("%s/dirs-%016" PRIx64 ".idx", cache_dir,
                       hash_fnv1a(key, strlen(key), HASH_FNV_SEED));
  free(abs);
  FILE *f = stamp_file_open(ix->file, INDEX_MAGIC);
  if (!f)
    return;
  char *line = NULL;
  size_t cap = 0;
  bool ok = true;
  while (!feof(f)) {
    DirListing *l = read_listing(f, &line, &cap);
    if (!l) {
      ok = feof(f) && !ferror(f);
      break;
    }
    DirListing *old = strmap_get(&ix->listings, l->path);
    if (old)
      listing_free(old);
    strmap_put(&ix->listings, l->path, l);
    ix->loaded++;
  }
  free(line);
  fclose(f);
  if (!ok) { /* corrupt: start over */
    stamp_file_warn(ix->file);
    strmap_free(&ix->listings, listing_free_any);
    memset(&ix->listings, 0, sizeof ix->listings);
    ix->loaded = 0;
  }
}

const DirListing *dir_index_lookup(const DirIndex *ix, const char *dir, const FileStamp *stamp) {
  if (!ix->file)
    return NULL;
  const DirListing *l = strmap_get(&ix->listings, dir);
  return l && file_stamp_equal(&l->stamp, stamp) ? l : NULL;
}

void dir_index_reused(DirIndex *ix, const DirListing *l) {
  pthread_mutex_lock(&ix->lock);
  ARRAY_PUSH(ix->seen, ix->nseen, ix->cap, (DirListing *)l);
  pthread_mutex_unlock(&ix->lock);
}

void dir_index_record(DirIndex *ix, const char *dir, const FileStamp *stamp,
                      const DirEntry *entries, size_t n) {
  if (!ix->file)
    return;
  DirListing *l = xcalloc(1, sizeof *l);
  l->fresh = true;
  l->path = xstrdup(dir);
  l->stamp = *stamp;
  l->entries = xcalloc(n ? n : 1, sizeof *l->entries);
  for (l->n = 0; l->n < n; l->n++) {
    l->entries[l->n].name = xstrdup(entries[l->n].name);
    l->entries[l->n].type = entries[l->n].type;
  }
  pthread_mutex_lock(&ix->lock);
  ARRAY_PUSH(ix->seen, ix->nseen, ix->cap, l);
  ix->changed = true;
  pthread_mutex_unlock(&ix->lock);
}

static bool recordable(const DirListing *l, uint64_t settled) {
  if (!file_stamp_settled(&l->stamp, settled) || strchr(l->path, '\n') || l->n > MAX_ENTRIES)
    return false;
  for (size_t i = 0; i < l->n; i++)
    if (strchr(l->entries[i].name, '\n'))
      return false;
  return true;
}

void dir_index_save(DirIndex *ix) {
  if (!ix->file || (!ix->changed && ix->nseen == ix->loaded))
    return;
  uint64_t settled = file_stamp_settled_before();
  StampFileWriter w;
  if (!stamp_file_create(&w, ix->file, INDEX_MAGIC))
    return; /* no cache directory yet: the next run writes it */
  for (size_t i = 0; i < ix->nseen; i++) {
    const DirListing *l = ix->seen[i];
    if (!recordable(l, settled))
      continue;
    stamp_file_write_stamp(&w, &l->stamp);
    fprintf(w.f, "%zu %s\n", l->n, l->path);
    for (size_t k = 0; k < l->n; k++)
      fprintf(w.f, "%c%s\n", type_char(l->entries[k].type), l->entries[k].name);
  }
  stamp_file_commit(&w);
}

void dir_index_free(DirIndex *ix) {
  for (size_t i = 0; i < ix->nseen; i++) /* before the loaded ones some point to */
    if (ix->seen[i]->fresh)
      listing_free(ix->seen[i]);
  free(ix->seen);
  strmap_free(&ix->listings, listing_free_any);
  free(ix->file);
  pthread_mutex_destroy(&ix->lock);
  memset(ix, 0, sizeof *ix);
}
