#ifndef RTLINT_CLI_STDIN_BUFFER_H
#define RTLINT_CLI_STDIN_BUFFER_H
/* `rtlint check --stdin-filename PATH`: an editor plugin pipes the buffer
 * it shows; rtlint lints it as the text of PATH (resolve/overlay.h) and,
 * with --fix, prints the fixed text instead of writing the file. */
#include "cli/session.h"
#include "resolve/overlay.h"

#include <stdio.h>

/* Reads standard input whole into ov as the text of path (relative to the
 * working folder). Prints why and returns false when it cannot. */
bool stdin_buffer_read(Overlay *ov, const char *path);

/* Applies the fixes at or above level found in the buffer's file, in
 * passes until none applies (the session is linted again after each), and
 * writes the resulting text (the buffer unchanged when nothing applied, so
 * a plugin that replaces its buffer with the output loses nothing) to out;
 * the fixed text replaces the buffer in ov, and the session's result is
 * that of the fixed text. Returns the fixes applied. */
size_t stdin_buffer_fix(Session *s, Overlay *ov, const char *path, FixApplicability level,
                        FILE *out);

#endif
