#ifndef RTLINT_CORE_JSON_TEXT_H
#define RTLINT_CORE_JSON_TEXT_H
#include <jansson.h>

/* A JSON string for text from the repository (a path, a commit subject).
 * JSON holds only UTF-8, and json_string() returns NULL for anything else,
 * which dropped the "path" of a file named in Latin-1 (and the whole issue
 * from json_pack): bytes that are not UTF-8 are written as the text \xHH. */
json_t *json_text(const char *s);

#endif
