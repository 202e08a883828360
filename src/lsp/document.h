#ifndef RTLINT_LSP_DOCUMENT_H
#define RTLINT_LSP_DOCUMENT_H
/* The documents open in the editor: their text (kept in the overlay the
 * lints read through, so open buffers take precedence over the disk), and
 * the mapping between LSP positions (line, character in UTF-16 code units or
 * UTF-8 bytes, as negotiated) and the byte offsets the linter works in. */
#include "cli/standards_setup.h"
#include "lsp/findings.h"
#include "resolve/overlay.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum PosEncoding { POS_UTF16, POS_UTF8 } PosEncoding;

typedef struct Doc {
  char *uri;
  char *path; /* absolute, normalized */
  long version;
  bool dirty;            /* changed since it was last linted */
  uint32_t *line_starts; /* byte offset of each line of the text */
  size_t nlines;
  Findings findings; /* of the last lint */
  char **deps;       /* files the last lint read (imports, standards, configuration) */
  size_t ndeps;
} Doc;

typedef struct DocStore {
  Overlay overlay; /* path -> text of every open document */
  Doc **docs;
  size_t n, cap;
  PosEncoding enc;
  StandardsMemo std_memo; /* the standards of the last lint, reused while unchanged */
} DocStore;

void docs_init(DocStore *s);
void docs_free(DocStore *s);
/* NULL for a URI that is not a file: URI. */
Doc *docs_open(DocStore *s, const char *uri, long version, const char *text, size_t len);
Doc *docs_find(DocStore *s, const char *uri);
void docs_close(DocStore *s, const char *uri);
const OverlayFile *doc_text(const DocStore *s, const Doc *d);
/* Applies one TextDocumentContentChangeEvent (with a range: incremental;
 * without: the whole text). False when it is malformed. */
bool doc_apply_change(DocStore *s, Doc *d, json_t *change);

/* Byte offset of an LSP position (clamped to the line and the text). */
uint32_t doc_offset(const DocStore *s, const Doc *d, uint32_t line, uint32_t character);
/* {line, character} of a byte offset. */
json_t *doc_position(const DocStore *s, const Doc *d, uint32_t offset);
json_t *doc_range(const DocStore *s, const Doc *d, uint32_t start, uint32_t end);

/* The absolute path of a file: URI (percent-decoded), or NULL. */
char *uri_to_path(const char *uri);
/* The file: URI of an absolute path (percent-encoded). Caller frees. */
char *path_to_uri(const char *abs);

#endif
