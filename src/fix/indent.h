#ifndef RTLINT_FIX_INDENT_H
#define RTLINT_FIX_INDENT_H
#include "core/arena.h"
#include "core/source.h"

#include <stdint.h>

/* The leading blanks (spaces and tabs) of the line holding byte `at`, up to
 * `at`: what a fix that writes new lines there indents them with. */
const char *fix_line_indent(Arena *a, const Source *src, uint32_t at);
/* The blanks before byte `at` when only blanks precede it on its line (it
 * starts the line's code); NULL otherwise. */
const char *fix_indent_before(Arena *a, const Source *src, uint32_t at);

#endif
