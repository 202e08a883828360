#ifndef RTLINT_CORE_PRINTABLE_H
#define RTLINT_CORE_PRINTABLE_H
/* Text from the repository (file names, string constants in messages, source
 * lines) shown on a terminal: control characters, C1 controls, bidirectional
 * overrides and bytes that are not UTF-8 are shown as escapes (\x1b, \n,
 * \u009b, \u202e) so a file name cannot move the cursor, recolour or hide
 * the output. */
#include "core/util.h"

#include <stddef.h>
#include <stdio.h>

#define PRINTABLE_BUF 12

/* One character of s (n > 0 bytes left): returns the bytes consumed and sets
 * *shown and *shown_len to what to print for them (s itself, or an escape
 * written to buf). */
size_t printable_step(const char *s, size_t n, char buf[PRINTABLE_BUF], const char **shown,
                      size_t *shown_len);
/* True when the bytes at s (n > 0 left) may be the start of a UTF-8
 * character cut off by the end of the buffer. */
bool printable_incomplete(const char *s, size_t n);
void printable_append(StrBuf *sb, const char *s, size_t n);
/* s escaped; the caller frees. */
char *printable(const char *s);
/* s escaped, written to f (plain ASCII text, the usual case, as it is). */
void printable_fputs(FILE *f, const char *s);
/* Writes c as HTML text or attribute content: & < > " ' as entities. */
void html_putc(FILE *f, char c);
/* s with only the bytes that are not UTF-8 escaped (\xHH), for formats that
 * escape control characters themselves (JSON); the caller frees. */
char *printable_utf8(const char *s);

/* From here on, what is written to stderr goes through printable_step, except
 * newlines and tabs, which end and align rtlint's own messages: every
 * message that quotes a path or an error text is covered at once. */
void printable_stderr(void);
/* The same for stdout, for commands whose whole output is text for a
 * terminal (`rtlint standards` prints names learned from the repository). */
void printable_stdout(void);

#endif
