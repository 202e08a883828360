#ifndef RTLINT_DISCOVER_DISCOVER_H
#define RTLINT_DISCOVER_DISCOVER_H
#include "core/diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct FileList {
  char **paths;
  size_t n, cap;
  /* What discovery could not read (a directory without read permission):
   * added to the run's notices, so a skipped folder is never silent. */
  NoticeList skipped;
} FileList;

/* Expands command-line paths into the TS/TSX files to lint: directories are
 * walked (skipping node_modules, .git and what .gitignore ignores), files
 * named explicitly are taken as they are. Returns false and sets *err (caller
 * frees) when a path does not exist. The list is sorted and unique.
 * cache_dir (NULL: none) keeps the directory listings for the next walk
 * (dir_index.h). */
bool discover_files(char *const *args, size_t nargs, const char *cache_dir, FileList *out,
                    char **err);
void file_list_free(FileList *list);
/* Adds list->skipped to notices, keeping them sorted. */
void file_list_report_skipped(const FileList *list, NoticeList *notices);
/* Keeps the files of shard index (1-based) of count: assignment by a hash of
 * the path, so every CI job computes the same split. The other shards' files
 * move to others. */
void file_list_shard(FileList *list, unsigned index, unsigned count, FileList *others);
void file_list_add(FileList *list, const char *path);
void file_list_sort_unique(FileList *list);

#endif
