/* Byte <-> line/column conversion and input validation. */
#include "test_helpers.h"

#include "core/source.h"

#include <stdlib.h>
#include <string.h>

static Source load(const char *text) {
  Source s;
  char *detail = NULL;
  assert_int_equal(src_from_memory(&s, text, strlen(text), "t.ts", &detail), SOURCE_OK);
  return s;
}

static void columns_count_code_points_and_utf16_units(void **state) {
  (void)state;
  /* 🚀 is 4 bytes in UTF-8, 2 UTF-16 units, 1 code point; é is 2/1/1. */
  const char *text = "a\nx = \"🚀é\"; ch(\"org\")\n";
  Source s = load(text);
  uint32_t at = (uint32_t)(strstr(text, "ch(") - text);
  SrcPos p = src_pos(&s, at);
  assert_int_equal(p.line, 2);
  assert_int_equal(p.col_byte, 15);
  assert_int_equal(p.col, 11);
  assert_int_equal(p.col_utf16, 12);
  src_free(&s);
}

static void first_and_last_positions(void **state) {
  (void)state;
  Source s = load("ab\ncd");
  SrcPos p = src_pos(&s, 0);
  assert_int_equal(p.line, 1);
  assert_int_equal(p.col, 1);
  p = src_pos(&s, 5);
  assert_int_equal(p.line, 2);
  assert_int_equal(p.col, 3);
  uint32_t len;
  const char *line = src_line(&s, 2, &len);
  assert_int_equal(len, 2);
  assert_memory_equal(line, "cd", 2);
  src_free(&s);
}

static void crlf_lines_are_trimmed(void **state) {
  (void)state;
  Source s = load("one\r\ntwo\r\n");
  uint32_t len;
  const char *line = src_line(&s, 1, &len);
  assert_int_equal(len, 3);
  assert_memory_equal(line, "one", 3);
  src_free(&s);
}

static void rejects_invalid_utf8_binary_and_huge(void **state) {
  (void)state;
  Source s;
  char *detail = NULL;
  const char bad[] = "ok \xC3\x28 bad";
  assert_int_equal(src_from_memory(&s, bad, sizeof bad - 1, "t.ts", &detail), SOURCE_INVALID_UTF8);
  assert_non_null(strstr(detail, "byte 3"));
  free(detail);
  const char bin[] = "a\0b";
  assert_int_equal(src_from_memory(&s, bin, 3, "t.ts", &detail), SOURCE_BINARY);
  free(detail);
  /* An overlong encoding and a UTF-16 surrogate are not valid UTF-8. */
  assert_int_equal(src_first_invalid_utf8("\xC0\xAF", 2), 0);
  assert_int_equal(src_first_invalid_utf8("x\xED\xA0\x80", 4), 1);
  assert_int_equal(src_first_invalid_utf8("🚀", 4), -1);
  size_t big = SOURCE_MAX_BYTES + 1;
  char *huge = malloc(big);
  memset(huge, 'a', big);
  assert_int_equal(src_from_memory(&s, huge, big, "t.ts", &detail), SOURCE_TOO_LARGE);
  free(detail);
  free(huge);
}

static void unreadable_file_is_reported(void **state) {
  (void)state;
  Source s;
  char *detail = NULL;
  assert_int_equal(src_load(&s, "/nonexistent/x.ts", "x.ts", &detail), SOURCE_UNREADABLE);
  assert_non_null(strstr(detail, "No such file"));
  free(detail);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(columns_count_code_points_and_utf16_units),
      cmocka_unit_test(first_and_last_positions),
      cmocka_unit_test(crlf_lines_are_trimmed),
      cmocka_unit_test(rejects_invalid_utf8_binary_and_huge),
      cmocka_unit_test(unreadable_file_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
