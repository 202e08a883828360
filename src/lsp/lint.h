#ifndef RTLINT_LSP_LINT_H
#define RTLINT_LSP_LINT_H
/* Lints one open document: a lint session (cli/session.h) for its path
 * alone, reading every open document from memory and the rest from disk,
 * with the project root, configuration and standards found from the path as
 * `rtlint check --stdin-filename` finds them. The whole buffer is parsed
 * again on each lint (no incremental re-parse: the engine builds each
 * session's trees afresh). */
#include "lsp/document.h"

/* Replaces d->findings and d->deps; clears d->dirty. Returns the LSP
 * Diagnostic[] for the document (caller owns). */
json_t *lsp_lint(DocStore *s, Doc *d);
/* The Diagnostic[] of the document's last lint. */
json_t *lsp_diagnostics(const DocStore *s, const Doc *d);
json_t *lsp_diagnostic(const DocStore *s, const Doc *d, const Finding *f);

#endif
