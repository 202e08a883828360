/* The cache entry encoding: round trips any bytes, and refuses anything that
 * was cut short or changed. */
#include "test_helpers.h"

#include "engine/record.h"

#include <string.h>

static void encode(StrBuf *sb) {
  record_begin(sb);
  record_str(sb, "org:${orgId}:chat\nsecond line 12:34 ");
  record_uint(sb, 0);
  record_uint(sb, UINT64_MAX);
  record_str(sb, "");
  record_uint(sb, 42);
  record_end(sb);
}

static void test_round_trip(void **state) {
  (void)state;
  StrBuf sb = {0};
  encode(&sb);
  RecordReader r;
  assert_true(record_open(&r, sb.data, sb.len));
  char *s = record_read_strdup(&r);
  assert_string_equal(s, "org:${orgId}:chat\nsecond line 12:34 ");
  free(s);
  assert_int_equal(record_read_uint(&r), 0);
  assert_true(record_read_uint(&r) == UINT64_MAX);
  assert_true(record_read_str_eq(&r, ""));
  assert_int_equal(record_read_uint(&r), 42);
  assert_true(r.ok);
  assert_true(r.p == r.end);
  sb_free(&sb);
}

static void test_changes_are_refused(void **state) {
  (void)state;
  StrBuf sb = {0};
  encode(&sb);
  RecordReader r;
  assert_false(record_open(&r, sb.data, sb.len - 1));
  assert_false(record_open(&r, sb.data, 10));
  sb.data[30] ^= 1;
  assert_false(record_open(&r, sb.data, sb.len));
  sb.data[30] ^= 1;
  sb.data[0] = 'R';
  assert_false(record_open(&r, sb.data, sb.len));
  sb_free(&sb);
}

static void test_reading_past_the_fields_fails(void **state) {
  (void)state;
  StrBuf sb = {0};
  record_begin(&sb);
  record_uint(&sb, 7);
  record_end(&sb);
  RecordReader r;
  assert_true(record_open(&r, sb.data, sb.len));
  size_t len;
  record_read_str(&r, &len); /* a number where a string is */
  assert_false(r.ok);
  assert_int_equal(record_read_uint(&r), 0);
  sb_free(&sb);
}

static void test_lengths_beyond_the_data_fail(void **state) {
  (void)state;
  StrBuf sb = {0};
  record_begin(&sb);
  sb_append(&sb, "999:abc");
  record_end(&sb);
  RecordReader r;
  assert_true(record_open(&r, sb.data, sb.len));
  size_t len;
  record_read_str(&r, &len);
  assert_false(r.ok);
  assert_int_equal(len, 0);
  sb_free(&sb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_changes_are_refused),
      cmocka_unit_test(test_reading_past_the_fields_fails),
      cmocka_unit_test(test_lengths_beyond_the_data_fail),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
