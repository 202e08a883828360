#include "core/source.h"

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

static const LineIndex *line_index(const Source *src) {
  Source *mut = (Source *)src; /* the index is a cache of the bytes, which do not change */
  LineIndex *ix = atomic_load_explicit(&mut->lines, memory_order_acquire);
  if (ix)
    return ix;
  uint32_t n = 1;
  for (const char *p = src->bytes, *end = src->bytes + src->len;
       (p = memchr(p, '\n', (size_t)(end - p))); p++)
    n++;
  LineIndex *built = xmalloc(sizeof *built + n * sizeof built->starts[0]);
  built->n = n;
  built->starts[0] = 0;
  uint32_t k = 1;
  for (const char *p = src->bytes, *end = src->bytes + src->len;
       (p = memchr(p, '\n', (size_t)(end - p))); p++)
    built->starts[k++] = (uint32_t)(p - src->bytes) + 1;
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

bool read_fd_all(int fd, size_t expect, size_t max, char **out, size_t *out_len) {
  size_t cap = expect + 1, len = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      free(buf);
      return false;
    }
    if (n == 0)
      break;
    len += (size_t)n;
    if (len == cap) {
      if (cap > max)
        break;
      cap *= 2;
      buf = xrealloc(buf, cap);
    }
  }
  if (len == cap)
    buf = xrealloc(buf, cap + 1);
  *out = buf;
  *out_len = len;
  return true;
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
  int fd = open(fs_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *detail = xasprintf("cannot read file: %s", strerror(errno));
    return SOURCE_UNREADABLE;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    *detail = xstrdup("cannot read file: not a regular file");
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
  SrcPos pos = {.line = lo + 1, .col = 1, .col_utf16 = 1, .col_byte = 1};
  const unsigned char *p = (const unsigned char *)src->bytes;
  for (uint32_t i = ix->starts[lo]; i < byte; i++) {
    pos.col_byte++;
    if ((p[i] & 0xC0) == 0x80)
      continue; /* continuation byte: counted with its lead byte */
    pos.col++;
    pos.col_utf16 += (p[i] >= 0xF0) ? 2 : 1; /* non-BMP: a surrogate pair */
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
