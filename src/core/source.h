#ifndef RTLINT_CORE_SOURCE_H
#define RTLINT_CORE_SOURCE_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Files above this size are reported and skipped: generated bundles, not code
 * someone wrote by hand. */
#define SOURCE_MAX_BYTES (4u * 1024u * 1024u)

typedef enum SourceStatus {
  SOURCE_OK = 0,
  SOURCE_UNREADABLE,
  SOURCE_TOO_LARGE,
  SOURCE_BINARY,
  SOURCE_INVALID_UTF8,
  SOURCE_PARSE_TIMEOUT, /* loaded, but parsing ran out of its budget (parse/parser.h) */
} SourceStatus;

/* The byte offset of each line's first byte, and every LINE_INDEX_STEP bytes
 * the code points and UTF-16 units before that byte: a column is then counted
 * from the nearest checkpoint, not from the line's start, which in a minified
 * file is the start of the file. */
#define LINE_INDEX_STEP 1024u
typedef struct LineIndex {
  uint32_t n;
  uint32_t *points, *units; /* at byte k * LINE_INDEX_STEP; in the same allocation */
  uint32_t starts[];
} LineIndex;

/* What the file system said about a file just before it was read: equal
 * stamps later mean unchanged contents (modulo timestamp granularity, which
 * users of the stamp must allow for). valid is false for contents that did
 * not come from the file system. */
typedef struct FileStamp {
  uint64_t size, mtime_ns, ctime_ns, ino, dev;
  bool valid;
} FileStamp;

FileStamp file_stamp_of(const void *stat_buf); /* from a struct stat */
bool file_stamp_equal(const FileStamp *a, const FileStamp *b);
/* File systems stamp times coarsely (a jiffy on Linux, 2 s on FAT): a file
 * modified this recently before it was read may change again without its
 * stamp changing, so indexes keyed by stamps leave it out until it settles. */
#define FILE_STAMP_RACY_NS (2ull * 1000000000ull)
/* Now less the racy margin; then whether a stamp is older than that. */
uint64_t file_stamp_settled_before(void);
bool file_stamp_settled(const FileStamp *s, uint64_t settled_before);

/* One file's bytes and its line index. Byte offsets are the currency of the
 * whole linter; lines and columns are derived only for output, so the index
 * is built on first use (most files never need it), by whichever thread asks
 * first. A Source is not copied by value. */
typedef struct Source {
  char *path;  /* display path (relative, '/'-separated) */
  char *bytes; /* NUL-terminated copy of the file */
  uint32_t len;
  FileStamp stamp;
  _Atomic(LineIndex *) lines;
} Source;

typedef struct SrcPos {
  uint32_t line;      /* 1-based */
  uint32_t col;       /* 1-based, in Unicode code points */
  uint32_t col_utf16; /* 1-based, in UTF-16 code units (SARIF's default) */
  uint32_t col_byte;  /* 1-based, in bytes */
} SrcPos;

/* Reads fs_path. On failure returns the status and, in *detail, a message
 * (caller frees); src is left empty. */
SourceStatus src_load(Source *src, const char *fs_path, const char *display_path, char **detail);
/* Copies len bytes (need not be NUL-terminated); the caller keeps bytes. */
SourceStatus src_from_memory(Source *src, const char *bytes, size_t len, const char *display_path,
                             char **detail);
void src_free(Source *src);

/* Offset of the first invalid UTF-8 byte, or -1 when the text is valid. */
long src_first_invalid_utf8(const char *s, size_t len);

SrcPos src_pos(const Source *src, uint32_t byte);
/* The line containing byte (without its newline). */
const char *src_line(const Source *src, uint32_t line, uint32_t *len);

const char *src_status_name(SourceStatus st);

#endif
