#ifndef RTLINT_ENGINE_RECORD_H
#define RTLINT_ENGINE_RECORD_H
#include "core/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The cache's entry encoding: a magic line, then fields in a fixed order,
 * numbers as decimal text ended by a space, strings as `<length>:<bytes>`
 * (any bytes), and a checksum of everything before it. Parsing a warm run's
 * entries as JSON took a quarter of the run; this reads at memory speed, and
 * the checksum turns a truncated or edited entry into a clean miss. */
#define RECORD_MAGIC "rtlint-cache-entry 6\n"

void record_begin(StrBuf *sb);
void record_uint(StrBuf *sb, uint64_t v);
void record_str(StrBuf *sb, const char *s);
/* Appends the checksum; the buffer is then ready to write. */
void record_end(StrBuf *sb);

typedef struct RecordReader {
  const char *p, *end;
  bool ok; /* false once anything did not parse; reads then return 0 / "" */
} RecordReader;

/* False when the magic or the checksum does not match. */
bool record_open(RecordReader *r, const char *data, size_t len);
uint64_t record_read_uint(RecordReader *r);
/* A view into the data (not NUL-terminated). */
const char *record_read_str(RecordReader *r, size_t *len);
/* The string as a malloc'd C string; "" on error. */
char *record_read_strdup(RecordReader *r);
/* True when the string read equals s. */
bool record_read_str_eq(RecordReader *r, const char *s);

#endif
