/* String and template literal text decoded as JavaScript decodes it: an
 * event name written "typing\u003Astart" is "typing:start", the standard
 * name, and must not be reported as the custom name "typingu003Astart". */
#include "test_helpers.h"

#include "parse/ast.h"

#include <string.h>

static void check(const char *raw, const char *want) {
  StrBuf sb = {0};
  js_unescape(raw, strlen(raw), &sb);
  assert_string_equal(sb.data ? sb_cstr(&sb) : "", want);
  sb_free(&sb);
}

static void test_single_character_escapes(void **state) {
  (void)state;
  check("a\\nb\\tc\\rd", "a\nb\tc\rd");
  check("\\b\\f\\v", "\b\f\v");
  check("it\\'s \\\"q\\\" \\\\ \\` \\$", "it's \"q\" \\ ` $");
  check("\\q\\é", "qé"); /* any other character stands for itself, whole */
  check("plain", "plain");
  check("", "");
}

static void test_hex_and_unicode_escapes(void **state) {
  (void)state;
  check("typing\\u003Astart", "typing:start");
  check("typing\\x3astop", "typing:stop");
  check("message\\u{3A}created", "message:created");
  check("caf\\u00e9", "café");
  check("\\u{1F600}", "\xf0\x9f\x98\x80");
  check("\\uD83D\\uDE00", "\xf0\x9f\x98\x80"); /* a surrogate pair is one character */
  check("\\uD83D!", "\xef\xbf\xbd!");          /* a lone surrogate: U+FFFD */
}

static void test_malformed_escapes_keep_their_letter(void **state) {
  (void)state;
  check("\\xZZ", "xZZ");
  check("\\u12", "u12");
  check("\\u{}", "u{}");
  check("\\u{110000}", "u{110000}");
  check("end\\", "end\\");
}

static void test_line_continuations_vanish(void **state) {
  (void)state;
  check("typ\\\ning", "typing");
  check("typ\\\r\ning", "typing");
  check("typ\\\xe2\x80\xa8ing", "typing");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_single_character_escapes),
      cmocka_unit_test(test_hex_and_unicode_escapes),
      cmocka_unit_test(test_malformed_escapes_keep_their_letter),
      cmocka_unit_test(test_line_continuations_vanish),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
