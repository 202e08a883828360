#include "engine/record.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <xxhash.h>

/* "#<16 hex digits>\n" */
#define CHECKSUM_LEN 18

void record_begin(StrBuf *sb) {
  sb_append(sb, RECORD_MAGIC);
}

void record_uint(StrBuf *sb, uint64_t v) {
  char buf[24];
  int n = snprintf(buf, sizeof buf, "%" PRIu64 " ", v);
  sb_append_n(sb, buf, (size_t)n);
}

void record_str(StrBuf *sb, const char *s) {
  size_t n = strlen(s);
  char buf[24];
  int k = snprintf(buf, sizeof buf, "%zu:", n);
  sb_append_n(sb, buf, (size_t)k);
  sb_append_n(sb, s, n);
}

static uint64_t checksum(const char *data, size_t len) {
  return XXH3_64bits(data, len);
}

void record_end(StrBuf *sb) {
  char buf[CHECKSUM_LEN + 1];
  snprintf(buf, sizeof buf, "#%016" PRIx64 "\n", checksum(sb->data, sb->len));
  sb_append_n(sb, buf, CHECKSUM_LEN);
}

bool record_open(RecordReader *r, const char *data, size_t len) {
  size_t magic = sizeof RECORD_MAGIC - 1;
  r->ok = false;
  r->p = r->end = data;
  if (len < magic + CHECKSUM_LEN || memcmp(data, RECORD_MAGIC, magic) != 0)
    return false;
  const char *sum = data + len - CHECKSUM_LEN;
  char want[CHECKSUM_LEN + 1];
  snprintf(want, sizeof want, "#%016" PRIx64 "\n", checksum(data, (size_t)(sum - data)));
  if (memcmp(sum, want, CHECKSUM_LEN) != 0)
    return false;
  r->p = data + magic;
  r->end = sum;
  r->ok = true;
  return true;
}

uint64_t record_read_uint(RecordReader *r) {
  uint64_t v = 0;
  if (r->ok && !parse_u64(&r->p, r->end, ' ', &v))
    r->ok = false;
  return r->ok ? v : 0;
}

const char *record_read_str(RecordReader *r, size_t *len) {
  uint64_t n = 0;
  *len = 0;
  if (!r->ok || !parse_u64(&r->p, r->end, ':', &n) || n > (uint64_t)(r->end - r->p)) {
    r->ok = false;
    return "";
  }
  const char *s = r->p;
  r->p += n;
  *len = (size_t)n;
  return s;
}

char *record_read_strdup(RecordReader *r) {
  size_t len;
  const char *s = record_read_str(r, &len);
  return xstrndup(s, len);
}

bool record_read_str_eq(RecordReader *r, const char *s) {
  size_t len;
  const char *t = record_read_str(r, &len);
  return r->ok && mem_eq_str(t, len, s);
}
