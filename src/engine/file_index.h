#ifndef RTLINT_ENGINE_FILE_INDEX_H
#define RTLINT_ENGINE_FILE_INDEX_H
#include "core/source.h"
#include "core/strmap.h"

#include <stdbool.h>
#include <stdint.h>

/* The files of the last run that held none of the prefilter's needles, with
 * their stamps (size, times, inode). A file whose stamp is unchanged is not
 * read again: most of a project never mentions realtime code, and reading
 * and checking it dominated a warm run. Kept in the cache directory, one
 * file per key (rtlint version, standards and the needle list), written to a
 * temporary file and renamed. Like git's index, a stamp is recorded only
 * when the file was last modified well before it was read, so a change
 * within the file system's timestamp granularity cannot go unseen. */
typedef struct FileIndex {
  char *path;    /* the index file */
  StrMap stamps; /* absolute path -> FileStamp */
  size_t loaded; /* entries read from the file */
} FileIndex;

/* Loads the index for key from cache_dir; an absent, foreign or corrupt file
 * gives an empty index (rebuilt by the run). */
void file_index_load(FileIndex *ix, const char *cache_dir, uint64_t key);
/* The recorded stamp of abs_path when the file still has it, else NULL. path
 * names the same file, possibly shorter (relative to the working directory):
 * it is what gets stat'ed. */
const FileStamp *file_index_unchanged(const FileIndex *ix, const char *abs_path, const char *path);
/* Replaces the index file with these files (stamps[i].valid false: leave
 * paths[i] out); stamps too recent to trust (see above) are left out too.
 * unchanged: how many of them were found unchanged in this index; when that
 * is all of it and nothing is added, the file is left as it is. */
void file_index_save(const FileIndex *ix, char *const *abs_paths, const FileStamp *stamps, size_t n,
                     size_t unchanged);
void file_index_free(FileIndex *ix);

#endif
