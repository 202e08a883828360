#ifndef RTLINT_RESOLVE_JSONC_H
#define RTLINT_RESOLVE_JSONC_H
#include <jansson.h>

/* JSON with comments, as tsconfig.json is written: // and block comments,
 * trailing commas and a leading UTF-8 byte order mark are accepted. Returns
 * NULL and sets *err (caller frees) to "LINE:COL: reason" when the text is
 * not such JSON; lines and columns are those of the original text. */
json_t *jsonc_parse(const char *text, size_t len, char **err);
/* jsonc_parse of a file; *err says why it could not be read or parsed. */
json_t *jsonc_load_file(const char *path, char **err);
/* Strips comments and trailing commas, keeping strings intact and every
 * newline (so positions keep their line). Caller frees. */
char *jsonc_strip(const char *text, size_t len);

#endif
