#ifndef RTLINT_CLI_YAML_TEXT_H
#define RTLINT_CLI_YAML_TEXT_H
#include <stdio.h>

/* s as a YAML double-quoted scalar: safe for any text (globs starting with
 * '*', paths with ':' or '#', which a plain scalar would misread). */
void yaml_put_quoted(FILE *f, const char *s);

#endif
