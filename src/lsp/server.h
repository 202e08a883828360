#ifndef RTLINT_LSP_SERVER_H
#define RTLINT_LSP_SERVER_H
/* `rtlint lsp`: a Language Server Protocol 3.17 server on stdin/stdout
 * (docs/editors.md). Logs go to stderr; stdout carries protocol only (the
 * process's fd 1 is pointed at stderr, the protocol keeps its own copy).
 * Returns the exit status: 0 after shutdown then exit, 1 otherwise. */
int cmd_lsp(void);

#endif
