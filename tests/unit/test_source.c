/* Byte <-> line/column conversion and input validation. */
#include "test_helpers.h"

#include "core/source.h"
#include "core/util.h"

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

/* Long lines (minified code) are counted from checkpoints every
 * LINE_INDEX_STEP bytes: the columns must equal a count from the line start,
 * with multi-byte characters straddling the checkpoints. */
static void long_line_columns_match_a_plain_count(void **state) {
  (void)state;
  StrBuf sb = {0};
  sb_append(&sb, "first line\n");
  uint32_t line_start = (uint32_t)sb.len;
  for (int i = 0; i < 3000; i++)
    sb_append(&sb, i % 7 == 0 ? "\xf0\x9f\x9a\x80" : i % 5 == 0 ? "\xc3\xa9" : "ab");
  sb_append(&sb, "\nlast\n");
  Source s = load(sb_cstr(&sb));
  const unsigned char *b = (const unsigned char *)s.bytes;
  uint32_t points = 0, units = 0;
  for (uint32_t at = line_start; b[at] != '\n'; at++) {
    if ((b[at] & 0xC0) != 0x80) {
      SrcPos p = src_pos(&s, at);
      assert_int_equal(p.line, 2);
      assert_int_equal(p.col_byte, at - line_start + 1);
      assert_int_equal(p.col, points + 1);
      assert_int_equal(p.col_utf16, units + 1);
      points++;
      units += b[at] >= 0xF0 ? 2 : 1;
    }
  }
  assert_int_equal(src_pos(&s, s.len).line, 4);
  src_free(&s);
  sb_free(&sb);
}

/* Every byte of a file of many lines, some longer than LINE_INDEX_STEP, with
 * multi-byte characters, against a count from the start: once with "\n"
 * only (the index's memchr path), once with "\r\n" and lone "\r". */
static void every_position_matches_a_plain_count(void **state) {
  (void)state;
  for (int with_cr = 0; with_cr < 2; with_cr++) {
    StrBuf sb = {0};
    for (int line = 0; line < 60; line++) {
      for (int i = 0; i < line * 37; i++)
        sb_append(&sb, i % 11 == 0 ? "\xf0\x9f\x9a\x80" : i % 13 == 0 ? "\xc3\xa9" : "x");
      sb_append(&sb, !with_cr ? "\n" : line % 3 == 0 ? "\r" : "\r\n");
    }
    Source s = load(sb_cstr(&sb));
    const unsigned char *b = (const unsigned char *)s.bytes;
    uint32_t line = 1, points = 0, units = 0, col_byte = 0;
    for (uint32_t at = 0; at < s.len; at++) {
      if ((b[at] & 0xC0) != 0x80) {
        SrcPos p = src_pos(&s, at);
        if (p.line != line || p.col_byte != col_byte + 1 || p.col != points + 1 ||
            p.col_utf16 != units + 1)
          fail_msg("byte %u (cr %d): got %u:%u/%u/%u, want %u:%u/%u/%u", at, with_cr, p.line,
                   p.col_byte, p.col, p.col_utf16, line, col_byte + 1, points + 1, units + 1);
      }
      bool ends = b[at] == '\n' || (b[at] == '\r' && (at + 1 == s.len || b[at + 1] != '\n'));
      if (ends) {
        line++;
        points = units = col_byte = 0;
        continue;
      }
      col_byte++;
      if ((b[at] & 0xC0) != 0x80) {
        points++;
        units += b[at] >= 0xF0 ? 2 : 1;
      }
    }
    assert_int_equal(line, 61);
    src_free(&s);
    sb_free(&sb);
  }
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

/* A lone CR ends a line (old Mac files), as editors and TypeScript count;
 * CRLF is one line end, not two. */
static void lone_cr_ends_a_line(void **state) {
  (void)state;
  Source s = load("one\rtwo\r\nthree\rfour");
  assert_int_equal(src_pos(&s, 4).line, 2);  /* "two" */
  assert_int_equal(src_pos(&s, 9).line, 3);  /* "three" */
  assert_int_equal(src_pos(&s, 15).line, 4); /* "four" */
  assert_int_equal(src_pos(&s, 15).col, 1);
  uint32_t len;
  const char *line = src_line(&s, 2, &len);
  assert_int_equal(len, 3);
  assert_memory_equal(line, "two", 3);
  src_free(&s);
}

/* The BOM is no column; byte offsets keep it. */
static void bom_is_not_a_column(void **state) {
  (void)state;
  Source s = load("\xef\xbb\xbf"
                  "ab");
  assert_int_equal(src_pos(&s, 3).col, 1);
  assert_int_equal(src_pos(&s, 4).col, 2);
  assert_int_equal(src_pos(&s, 4).col_utf16, 2);
  assert_int_equal(src_pos(&s, 4).col_byte, 5);
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
      cmocka_unit_test(long_line_columns_match_a_plain_count),
      cmocka_unit_test(every_position_matches_a_plain_count),
      cmocka_unit_test(crlf_lines_are_trimmed),
      cmocka_unit_test(lone_cr_ends_a_line),
      cmocka_unit_test(bom_is_not_a_column),
      cmocka_unit_test(rejects_invalid_utf8_binary_and_huge),
      cmocka_unit_test(unreadable_file_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
