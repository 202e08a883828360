#include "lsp/transport.h"

#include "core/util.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* A header block larger than this is not LSP: drop it. */
#define MAX_HEADER 8192
#define MAX_BODY (64u * 1024u * 1024u)

void lsp_in_init(LspIn *in, int fd) {
  memset(in, 0, sizeof *in);
  in->fd = fd;
}

void lsp_in_free(LspIn *in) {
  free(in->buf);
  memset(in, 0, sizeof *in);
}

/* Reads more bytes; false at end of input. */
static bool fill(LspIn *in) {
  if (in->eof)
    return false;
  if (in->pos > 0 && in->pos == in->len)
    in->pos = in->len = 0;
  if (in->cap - in->len < 65536) {
    if (in->pos > 0) { /* compact before growing */
      memmove(in->buf, in->buf + in->pos, in->len - in->pos);
      in->len -= in->pos;
      in->pos = 0;
    }
    if (in->cap - in->len < 65536) {
      in->cap = in->cap ? in->cap * 2 : 131072;
      in->buf = xrealloc(in->buf, in->cap);
    }
  }
  for (;;) {
    ssize_t n = read(in->fd, in->buf + in->len, in->cap - in->len);
    if (n > 0) {
      in->len += (size_t)n;
      return true;
    }
    if (n < 0 && errno == EINTR)
      continue;
    in->eof = true;
    return false;
  }
}

static const char *find_blank_line(const char *p, size_t n) {
  for (size_t i = 0; i + 3 < n; i++)
    if (p[i] == '\r' && p[i + 1] == '\n' && p[i + 2] == '\r' && p[i + 3] == '\n')
      return p + i;
  return NULL;
}

/* Content-Length's value in the header block [p, end), or -1. */
static long content_length(const char *p, const char *end) {
  while (p < end) {
    const char *eol = memchr(p, '\r', (size_t)(end - p));
    if (!eol)
      eol = end;
    static const char name[] = "Content-Length:";
    size_t nl = sizeof name - 1;
    if ((size_t)(eol - p) > nl && strncasecmp(p, name, nl) == 0) {
      char num[32];
      size_t k = (size_t)(eol - p) - nl;
      if (k >= sizeof num)
        return -1;
      memcpy(num, p + nl, k);
      num[k] = '\0';
      char *stop;
      long v = strtol(num, &stop, 10);
      while (*stop == ' ')
        stop++;
      return *stop || v < 0 || v > (long)MAX_BODY ? -1 : v;
    }
    p = eol + 2;
  }
  return -1;
}

LspRead lsp_in_read(LspIn *in, char **body, size_t *len) {
  const char *blank;
  while (!(blank = find_blank_line(in->buf + in->pos, in->len - in->pos))) {
    if (in->len - in->pos > MAX_HEADER) {
      in->pos = in->len; /* not a header: drop what came */
      return LSP_READ_BAD_HEADER;
    }
    if (!fill(in))
      return LSP_READ_EOF;
  }
  long n = content_length(in->buf + in->pos, blank);
  size_t header_end = (size_t)(blank - in->buf) + 4;
  in->pos = header_end;
  if (n < 0)
    return LSP_READ_BAD_HEADER;
  while (in->len - in->pos < (size_t)n)
    if (!fill(in))
      return LSP_READ_EOF;
  *body = xmalloc((size_t)n + 1);
  memcpy(*body, in->buf + in->pos, (size_t)n);
  (*body)[n] = '\0';
  *len = (size_t)n;
  in->pos += (size_t)n;
  return LSP_READ_OK;
}

bool lsp_in_wait(LspIn *in, int timeout_ms) {
  if (in->pos < in->len || in->eof)
    return true;
  struct pollfd p = {.fd = in->fd, .events = POLLIN};
  int r;
  while ((r = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR)
    ;
  return r > 0;
}

void lsp_out_write(int fd, json_t *msg) {
  char *text = json_dumps(msg, JSON_COMPACT);
  if (!text)
    return;
  size_t n = strlen(text);
  char *frame = xasprintf("Content-Length: %zu\r\n\r\n%s", n, text);
  size_t total = strlen(frame), off = 0;
  while (off < total) {
    ssize_t w = write(fd, frame + off, total - off);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    off += (size_t)w;
  }
  free(frame);
  free(text);
}
