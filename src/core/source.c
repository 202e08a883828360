#include "core/source.h"

#include "core/fsio.h"
#include "core/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static size_t utf8_seq_len(const unsigned char *s, size_t avail) {
  unsigned char c = s[0];
  if (c < 0x80)
    return 1;
  size_t n;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (n > avail)
    return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

long src_first_invalid_utf8(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    uint64_t word;
    if (i + sizeof word <= len) { /* source code is mostly ASCII: 8 bytes at a time */
      memcpy(&word, p + i, sizeof word);
      if (!(word & 0x8080808080808080u)) {
        i += sizeof word;
        continue;
      }
    }
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    size_t n = utf8_seq_len(p + i, len - i);
    if (n == 0)
      return (long)i;
    i += n;
  }
  return -1;
}

/* A continuation byte is counted with its lead byte; a 4-byte sequence is
 * a surrogate pair in UTF-16. */
static inline void count_char(unsigned char c, uint32_t *points, uint32_t *units) {
  if ((c & 0xC0) == 0x80)
    return;
  *points += 1;
  *units += c >= 0xF0 ? 2 : 1;
}

/* A line ends at "\n", at "\r\n", or at a lone "\r" (old Mac files), as
 * editors and the TypeScript compiler count lines. */
static bool ends_line(const char *b, uint32_t i, uint32_t len) {
  return b[i] == '\n' || (b[i] == '\r' && (i + 1 == len || b[i + 1] != '\n'));
}

/* Adds the code points and UTF-16 units of bytes [from, to) of b: eight
 * ASCII bytes at a time, a column a byte. */
static void count_span(const unsigned char *b, uint32_t from, uint32_t to, uint32_t *points,
                       uint32_t *units) {
  uint32_t i = from;
  for (uint64_t word; i + sizeof word <= to; i += sizeof word) {
    memcpy(&word, b + i, sizeof word);
    if (word & 0x8080808080808080u) {
      for (uint32_t j = 0; j < sizeof word; j++)
        count_char(b[i + j], points, units);
    } else {
      *points += sizeof word;
      *units += sizeof word;
    }
  }
  for (; i < to; i++)
    count_char(b[i], points, units);
}

/* The number of lines; with starts, where each begins. A file without "\r"
 * (nearly all) is split with memchr. */
static uint32_t line_ends(const Source *src, uint32_t *starts) {
  const char *b = src->bytes;
  uint32_t n = 1;
  if (!memchr(b, '\r', src->len)) {
    for (const char *p = b, *end = b + src->len; (p = memchr(p, '\n', (size_t)(end - p))); p++) {
      if (starts)
        starts[n] = (uint32_t)(p - b) + 1;
      n++;
    }
    return n;
  }
  for (uint32_t i = 0; i < src->len; i++)
    if (ends_line(b, i, src->len)) {
      if (starts)
        starts[n] = i + 1;
      n++;
    }
  return n;
}

static const LineIndex *line_index(const Source *src) {
  Source *mut = (Source *)src; /* the index is a cache of the bytes, which do not change */
  LineIndex *ix = atomic_load_explicit(&mut->lines, memory_order_acquire);
  if (ix)
    return ix;
  uint32_t n = line_ends(src, NULL);
  uint32_t nchecks = src->len / LINE_INDEX_STEP + 1;
  LineIndex *built = xmalloc(sizeof *built + (n + 2 * (size_t)nchecks) * sizeof built->starts[0]);
  built->n = n;
  built->points = built->starts + n;
  built->units = built->points + nchecks;
  built->starts[0] = 0;
  line_ends(src, built->starts);
  const unsigned char *b = (const unsigned char *)src->bytes;
  uint32_t points = 0, units = 0;
  for (uint32_t k = 0; k < nchecks; k++) {
    built->points[k] = points;
    built->units[k] = units;
    uint32_t from = k * LINE_INDEX_STEP;
    count_span(b, from, from + LINE_INDEX_STEP < src->len ? from + LINE_INDEX_STEP : src->len,
               &points, &units);
  }
  if (atomic_compare_exchange_strong_explicit(&mut->lines, &ix, built, memory_order_acq_rel,
                                              memory_order_acquire))
    return built;
  free(built); /* another thread was first */
  return ix;
}

/* Takes ownership of buf (len bytes plus a NUL); frees it on failure. */
static SourceStatus src_adopt(Source *src, char *buf, size_t len, const char *display_path,
                              char **detail) {
  memset(src, 0, sizeof *src);
  *detail = NULL;
  SourceStatus status = SOURCE_OK;
  long bad;
  if (len > SOURCE_MAX_BYTES) {
    *detail = xasprintf("file is %zu bytes, larger than the %u-byte limit; skipped", len,
                        SOURCE_MAX_BYTES);
    status = SOURCE_TOO_LARGE;
  } else if (memchr(buf, '\0', len)) {
    *detail = xstrdup("file contains NUL bytes (binary?); skipped");
    status = SOURCE_BINARY;
  } else if ((bad = src_first_invalid_utf8(buf, len)) >= 0) {
    *detail = xasprintf("invalid UTF-8 at byte %ld; skipped", bad);
    status = SOURCE_INVALID_UTF8;
  }
  if (status != SOURCE_OK) {
    free(buf);
    return status;
  }
  buf[len] = '\0';
  src->path = xstrdup(display_path);
  src->bytes = buf;
  src->len = (uint32_t)len;
  return SOURCE_OK;
}

SourceStatus src_from_memory(Source *src, const char *bytes, size_t len, const char *display_path,
                             char **detail) {
  if (len > SOURCE_MAX_BYTES) { /* do not copy what will be refused */
    memset(src, 0, sizeof *src);
    *detail = xasprintf("file is %zu bytes, larger than the %u-byte limit; skipped", len,
                        SOURCE_MAX_BYTES);
    return SOURCE_TOO_LARGE;
  }
  char *buf = xmalloc(len + 1);
  memcpy(buf, bytes, len);
  return src_adopt(src, buf, len, display_path, detail);
}

FileStamp file_stamp_of(const void *stat_buf) {
  const struct stat *st = stat_buf;
  FileStamp s = {
      .size = (uint64_t)st->st_size,
      .mtime_ns = (uint64_t)st->st_mtim.tv_sec * 1000000000u + (uint64_t)st->st_mtim.tv_nsec,
      .ctime_ns = (uint64_t)st->st_ctim.tv_sec * 1000000000u + (uint64_t)st->st_ctim.tv_nsec,
      .ino = (uint64_t)st->st_ino,
      .dev = (uint64_t)st->st_dev,
      .valid = true,
  };
  return s;
}

bool file_stamp_equal(const FileStamp *a, const FileStamp *b) {
  return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns &&
         a->ino == b->ino && a->dev == b->dev;
}

uint64_t file_stamp_settled_before(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec - FILE_STAMP_RACY_NS;
}

bool file_stamp_settled(const FileStamp *s, uint64_t settled_before) {
  return s->valid && s->mtime_ns <= settled_before && s->ctime_ns <= settled_before;
}

SourceStatus src_load(Source *src, const char *fs_path, const char *display_path, char **detail) {
  memset(src, 0, sizeof *src);
  *detail = NULL;
  /* A FIFO or device named on the command line is never opened: it could
   * block forever (core/fsio.h). */
  struct stat st;
  int fd = fsio_open_read(AT_FDCWD, fs_path, 0, &st);
  if (fd < 0) {
    *detail = xasprintf("cannot read file: %s", fsio_open_error(fd));
    return SOURCE_UNREADABLE;
  }
  if ((uint64_t)st.st_size > SOURCE_MAX_BYTES) {
    close(fd);
    *detail = xasprintf("file is %lld bytes, larger than the %u-byte limit; skipped",
                        (long long)st.st_size, SOURCE_MAX_BYTES);
    return SOURCE_TOO_LARGE;
  }
  char *buf;
  size_t len;
  bool ok = read_fd_all(fd, (size_t)st.st_size, SOURCE_MAX_BYTES, &buf, &len);
  close(fd);
  if (!ok) {
    *detail = xstrdup("cannot read file: I/O error");
    return SOURCE_UNREADABLE;
  }
  SourceStatus status = src_adopt(src, buf, len, display_path, detail);
  if (status == SOURCE_OK)
    src->stamp = file_stamp_of(&st);
  return status;
}

void src_free(Source *src) {
  free(src->path);
  free(src->bytes);
  free(atomic_load(&src->lines));
  src->path = NULL;
  src->bytes = NULL;
  src->len = 0;
  atomic_store(&src->lines, NULL);
}

/* Code points and UTF-16 units in bytes [0, byte). */
static void counts_before(const Source *src, const LineIndex *ix, uint32_t byte, uint32_t *points,
                          uint32_t *units) {
  uint32_t k = byte / LINE_INDEX_STEP;
  *points = ix->points[k];
  *units = ix->units[k];
  count_span((const unsigned char *)src->bytes, k * LINE_INDEX_STEP, byte, points, units);
}

SrcPos src_pos(const Source *src, uint32_t byte) {
  if (byte > src->len)
    byte = src->len;
  const LineIndex *ix = line_index(src);
  uint32_t lo = 0, hi = ix->n;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ix->starts[mid] <= byte)
      lo = mid;
    else
      hi = mid;
  }
  uint32_t line_start = ix->starts[lo];
  SrcPos pos = {.line = lo + 1, .col_byte = byte - line_start + 1};
  uint32_t points_at_byte = 0, units_at_byte = 0, points_at_line = 0, units_at_line = 0;
  if (byte - line_start <= LINE_INDEX_STEP) {
    /* A short way into the line: count from its start. */
    const unsigned char *b = (const unsigned char *)src->bytes;
    for (uint32_t i = line_start; i < byte; i++)
      count_char(b[i], &points_at_byte, &units_at_byte);
  } else {
    counts_before(src, ix, byte, &points_at_byte, &units_at_byte);
    counts_before(src, ix, line_start, &points_at_line, &units_at_line);
  }
  pos.col = points_at_byte - points_at_line + 1;
  pos.col_utf16 = units_at_byte - units_at_line + 1;
  /* A byte order mark is no column (editors and TypeScript do not show it). */
  if (lo == 0 && byte >= 3 && src->len >= 3 && memcmp(src->bytes, "\xef\xbb\xbf", 3) == 0) {
    pos.col--;
    pos.col_utf16--;
  }
  return pos;
}

const char *src_line(const Source *src, uint32_t line, uint32_t *len) {
  const LineIndex *ix = src->bytes ? line_index(src) : NULL;
  if (!ix || line == 0 || line > ix->n) {
    *len = 0;
    return "";
  }
  uint32_t start = ix->starts[line - 1];
  uint32_t end = line < ix->n ? ix->starts[line] : src->len;
  while (end > start && (src->bytes[end - 1] == '\n' || src->bytes[end - 1] == '\r'))
    end--;
  *len = end - start;
  return src->bytes + start;
}

const char *src_status_name(SourceStatus st) {
  switch (st) {
  case SOURCE_OK:
    return "ok";
  case SOURCE_UNREADABLE:
    return "unreadable";
  case SOURCE_TOO_LARGE:
    return "too-large";
  case SOURCE_BINARY:
    return "binary";
  case SOURCE_INVALID_UTF8:
    return "invalid-utf8";
  case SOURCE_PARSE_TIMEOUT:
    return "parse-timeout";
  }
  return "unknown";
}
