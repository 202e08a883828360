#ifndef RTLINT_LSP_ACTIONS_H
#define RTLINT_LSP_ACTIONS_H
/* textDocument/codeAction from the document's last lint: a `quickfix` per
 * fix or suggestion of a finding on the lines of the range, "Disable RULE for this line"
 * (an `rtlint-disable-next-line RULE -- ` comment above it, ending in the
 * reason slot), and `source.fixAll.rtlint` (every safe fix of the file). */
#include "lsp/document.h"

json_t *lsp_code_actions(const DocStore *s, const Doc *d, json_t *params);

#endif
