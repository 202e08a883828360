#ifndef RTLINT_LSP_FINDINGS_H
#define RTLINT_LSP_FINDINGS_H
/* What one lint found in a document, kept after the lint's session is gone
 * for code actions: byte ranges into the text that was linted. */
#include "core/diag.h"

/* A step of a finding's trail (the wrapper calls that carry a name to its
 * sink): relatedInformation. Columns are 1-based, as DiagStep's. */
typedef struct Related {
  char *uri;
  uint32_t line, col, col_utf16;
  char *label;
} Related;

/* An edit a finding's fix makes in another file than the document (a
 * channel name built there): its range already in the client's position
 * encoding, 0-based, since that file's text is not kept. */
typedef struct ForeignEdit {
  char *uri;
  uint32_t start_line, start_char, end_line, end_char;
  char *text;
} ForeignEdit;

typedef struct Finding {
  /* The rule's id, or for a notice about the file (severity SEV_OFF) its
   * kind; static strings either way. */
  const char *rule;
  Severity severity;
  uint32_t start, end;
  char *message;
  FixApplicability fix; /* FIX_NONE: no fix */
  char *fix_title;
  Edit *edits; /* in the document */
  size_t nedits;
  ForeignEdit *foreign; /* in other files: one workspace edit with the document's */
  size_t nforeign;
  Related *related;
  size_t nrelated;
} Finding;

typedef struct Findings {
  Finding *items;
  size_t n, cap;
  char *fix_all; /* the text with every safe fix applied, or NULL */
  size_t fix_all_len;
} Findings;

void findings_free(Findings *f);

#endif
