#ifndef RTLINT_CORE_FSIO_H
#define RTLINT_CORE_FSIO_H
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

/* How rtlint touches a file system it does not trust (docs/security-fs.md).
 *
 * Reading: a path is stat'ed first and opened only when it is a regular file
 * (a FIFO, device or socket is never opened), with O_NONBLOCK so nothing can
 * block in open(), then fstat'ed again: what was opened is what was checked.
 *
 * Writing: every file rtlint writes goes to a temporary beside it, created
 * with O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name
 * "<name>.rtlint-XXXXXX" (a planted symlink cannot redirect it), written in
 * full, fsync'ed and renamed over the target: a reader sees the old file or
 * the new one, and a failed write leaves the target as it was. */

/* fsio_open_read's result for something that is not a regular file. */
#define FSIO_NOT_REGULAR (-2)
/* Flags for fsio_open_read. */
#define FSIO_NOFOLLOW 1u /* a symlink is refused (ELOOP) instead of followed */

/* A read-only descriptor of name (relative to dirfd, AT_FDCWD for the
 * working folder); st gets its fstat (may be NULL). -1 with errno set, or
 * FSIO_NOT_REGULAR. */
int fsio_open_read(int dirfd, const char *name, unsigned flags, struct stat *st);
/* The message for a failed fsio_open_read (result and errno as it left them). */
const char *fsio_open_error(int result);
/* The whole file in a malloc'd, NUL-terminated buffer; false with *why set
 * (static text; NULL when the file does not exist) otherwise. Files larger
 * than max are refused ("too large"). */
bool fsio_read_file(int dirfd, const char *name, unsigned flags, size_t max, char **bytes,
                    size_t *len, const char **why);
/* A stdio stream over fsio_open_read's descriptor; NULL with errno set (EINVAL
 * for something not a regular file). */
FILE *fsio_fopen_read(const char *path, unsigned flags);

/* A file being written through a temporary. */
typedef struct AtomicFile {
  int dirfd;  /* the folder the names are relative to (not owned) */
  char *name; /* the target */
  char *tmp;  /* the temporary beside it */
  int fd;
  FILE *f;   /* atomic_stream's, once asked for */
  int err;   /* the first write error (errno), 0 when none */
  bool sync; /* fsync before the rename */
} AtomicFile;

/* Flags for atomic_begin. */
#define ATOMIC_NO_FSYNC 1u /* a cache file: a torn one is detected and rebuilt */

/* Creates the temporary for name (relative to dirfd) with mode (less the
 * umask). False with *err ("PATH: reason", malloc'd; err may be NULL) when
 * it cannot. */
bool atomic_begin(AtomicFile *w, int dirfd, const char *name, mode_t mode, unsigned flags,
                  char **err);
/* A buffered stream over the temporary (its errors are found by commit). */
FILE *atomic_stream(AtomicFile *w);
/* Appends bytes; false (remembered for commit) on a write error. */
bool atomic_write(AtomicFile *w, const void *data, size_t len);
/* The temporary's descriptor, e.g. for fchown/fchmod before commit. */
int atomic_fd(const AtomicFile *w);
/* Flushes, fsyncs and renames the temporary over the target; on any failure
 * the temporary is removed, the target is untouched and *err says why
 * (err may be NULL). Releases w either way. */
bool atomic_commit(AtomicFile *w, char **err);
/* Removes the temporary and releases w. */
void atomic_abort(AtomicFile *w);
/* begin + write + commit. */
bool atomic_write_file(int dirfd, const char *name, const void *data, size_t len, mode_t mode,
                       unsigned flags, char **err);

/* Opens (creating it and its parents when create is set) a folder rtlint keeps
 * private state in (the cache): never through a symlink (O_NOFOLLOW |
 * O_DIRECTORY), and only when the user running rtlint owns it. -1 with *why
 * set (malloc'd) when refused; *why stays NULL when it merely does not exist
 * and create is false. */
int fsio_open_private_dir(const char *dir, bool create, char **why);

/* -o FILE: a report written to a temporary and renamed into place when
 * complete, so a failed run leaves no partial or empty file. A symlink is
 * written through to its target; something that is not a regular file (a
 * FIFO, /dev/stdout, a terminal) is written directly. NULL path: stdout. */
typedef struct OutputFile {
  FILE *f; /* where to print */
  AtomicFile atomic;
  bool is_atomic;
  char *path;
} OutputFile;

bool output_file_open(OutputFile *o, const char *path, char **err);
/* Completes the file (rename) or reports why not; always releases o. */
bool output_file_close(OutputFile *o, char **err);
/* Drops a half-written output (the target is left as it was). */
void output_file_abort(OutputFile *o);

/* Reads all of fd (expect: its size, a hint) into a malloc'd buffer with
 * room for a terminating NUL; stops growing past max bytes. */
bool read_fd_all(int fd, size_t expect, size_t max, char **out, size_t *out_len);

#endif
