#ifndef RTLINT_DISCOVER_DIR_INDEX_H
#define RTLINT_DISCOVER_DIR_INDEX_H
#include "core/source.h"
#include "core/strmap.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* The listings of the directories walked last time, with their stamps. POSIX
 * marks a directory modified whenever an entry is created, removed or
 * renamed in it, so an unchanged stamp means an unchanged listing, and a
 * warm run stats a directory instead of reading it (reading thousands of
 * small directories was a third of a warm run). As for files, a directory
 * modified less than 2 s before it was read is not recorded. Only names and
 * types are kept: .gitignore contents are read every time. */
typedef struct DirEntry {
  char *name;
  unsigned char type; /* DT_DIR, DT_REG or DT_UNKNOWN (anything else) */
} DirEntry;

typedef struct DirListing {
  char *path;
  FileStamp stamp;
  DirEntry *entries;
  size_t n;
  bool fresh; /* read by this walk (not loaded) */
} DirListing;

typedef struct DirIndex {
  char *file;      /* where it is kept; NULL: no index */
  StrMap listings; /* path -> DirListing, as loaded */
  size_t loaded;
  /* What this walk saw, for the next one. */
  pthread_mutex_t lock;
  DirListing **seen;
  size_t nseen, cap;
  bool changed; /* a listing was read, not reused */
} DirIndex;

/* Loads the index kept in cache_dir for the walk of root; file NULL when
 * cache_dir is NULL. A missing or corrupt index is empty. */
void dir_index_load(DirIndex *ix, const char *cache_dir, const char *root);
/* The listing of dir (whose stamp is given) when it is unchanged, else NULL;
 * thread-safe. */
const DirListing *dir_index_lookup(const DirIndex *ix, const char *dir, const FileStamp *stamp);
/* Records a listing the walk read (entries are copied) or reused from the
 * index, for the next walk; thread-safe. */
void dir_index_record(DirIndex *ix, const char *dir, const FileStamp *stamp,
                      const DirEntry *entries, size_t n);
void dir_index_reused(DirIndex *ix, const DirListing *l);
/* Writes the index when the walk saw anything new. */
void dir_index_save(DirIndex *ix);
void dir_index_free(DirIndex *ix);

#endif
