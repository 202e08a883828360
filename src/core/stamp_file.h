#ifndef RTLINT_CORE_STAMP_FILE_H
#define RTLINT_CORE_STAMP_FILE_H
#include "core/fsio.h"
#include "core/source.h"

#include <stdbool.h>
#include <stdio.h>

/* The text files the cache keeps stamps in (engine/file_index.c,
 * discover/dir_index.c): a magic line, then records that start with a stamp
 * ("<size> <mtime> <ctime> <ino> <dev> "). Written to a temporary file and
 * renamed (core/fsio.h), so a reader sees the old file or the new one, never
 * half; the folder is opened without following a symlink, and a file there
 * that is a symlink or not a regular file is ignored with a warning. */

/* The file, positioned after its magic line; NULL when absent, or foreign
 * (with a warning). */
FILE *stamp_file_open(const char *path, const char *magic);
/* Says on stderr that the file is ignored (for a reader that finds it corrupt
 * further on). */
void stamp_file_warn(const char *path);
/* Reads a stamp at *p and advances past it. */
bool stamp_file_parse(const char **p, FileStamp *out);

typedef struct StampFileWriter {
  FILE *f;
  AtomicFile file;
  int dirfd;
} StampFileWriter;

/* False when the temporary file cannot be created (no cache directory yet). */
bool stamp_file_create(StampFileWriter *w, const char *path, const char *magic);
void stamp_file_write_stamp(StampFileWriter *w, const FileStamp *s);
/* Renames the temporary file into place, or removes it after an error. */
void stamp_file_commit(StampFileWriter *w);

#endif
