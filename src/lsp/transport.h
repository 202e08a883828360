#ifndef RTLINT_LSP_TRANSPORT_H
#define RTLINT_LSP_TRANSPORT_H
/* LSP base protocol on a pair of file descriptors: messages framed by a
 * `Content-Length: N` header block and N bytes of JSON. Read with our own
 * buffer (not stdio) so the server can ask whether a message is waiting
 * (lsp_in_wait) before it lints: that is how bursts of edits are debounced. */
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct LspIn {
  int fd;
  char *buf;
  size_t len, cap, pos; /* unread bytes are buf[pos, len) */
  bool eof;
} LspIn;

typedef enum LspRead { LSP_READ_OK, LSP_READ_EOF, LSP_READ_BAD_HEADER } LspRead;

void lsp_in_init(LspIn *in, int fd);
void lsp_in_free(LspIn *in);
/* Reads one message body (malloc'd, NUL-terminated). A header block without
 * a usable Content-Length is skipped and reported as LSP_READ_BAD_HEADER. */
LspRead lsp_in_read(LspIn *in, char **body, size_t *len);
/* True when input is buffered or arrives within timeout_ms (0: no wait). */
bool lsp_in_wait(LspIn *in, int timeout_ms);

/* Writes one message to fd (the whole frame, retrying short writes). */
void lsp_out_write(int fd, json_t *msg);

#endif
