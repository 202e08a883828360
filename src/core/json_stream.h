#ifndef RTLINT_CORE_JSON_STREAM_H
#define RTLINT_CORE_JSON_STREAM_H
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

/* Writes a JSON document value by value, in exactly the bytes
 * json_dumpf(JSON_INDENT(2) | JSON_PRESERVE_ORDER) gives for the same tree:
 * a file's 40,000 findings never exist as one jansson tree, whose building,
 * key ordering and freeing cost more than the lint of a minified file.
 *
 * `key` names a member of the innermost open object (an ASCII name written
 * as is) and is NULL for an item of an array or the document itself. Text
 * that is not UTF-8 is written as json_text() writes it (\xHH). */
typedef struct {
  FILE *f;
  int depth;  /* open containers */
  bool first; /* nothing written yet in the innermost container */
  /* Bytes not yet handed to `f`: one fwrite per buffer instead of a locked
   * stdio call per token (the lint threads make glibc's stdio lock). */
  size_t len;
  char buf[16384];
} JsonStream;

void json_stream_init(JsonStream *s, FILE *f);
void json_stream_object(JsonStream *s, const char *key);
void json_stream_array(JsonStream *s, const char *key);
/* Closes the innermost container; at depth 0 the document ends with a
 * newline and everything is handed to the FILE. */
void json_stream_close(JsonStream *s, char bracket);
void json_stream_string(JsonStream *s, const char *key, const char *text); /* NULL: null */
void json_stream_int(JsonStream *s, const char *key, long long v);
void json_stream_null(JsonStream *s, const char *key);
/* Any jansson value (for the document's small parts); takes the reference. */
void json_stream_value(JsonStream *s, const char *key, json_t *v);

#endif
