#ifndef RTLINT_RESOLVE_JSONC_H
#define RTLINT_RESOLVE_JSONC_H
#include <jansson.h>

/* Loads a JSON-with-comments file (tsconfig.json allows // and block comments
 * and trailing commas). Returns NULL when unreadable or invalid. */
json_t *jsonc_load_file(const char *path);
/* Strips comments and trailing commas, keeping strings intact. Caller frees. */
char *jsonc_strip(const char *text, size_t len);

#endif
