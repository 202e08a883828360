/* Repository text shown on a terminal: control characters, C1 controls,
 * bidirectional overrides and non-UTF-8 bytes become visible escapes;
 * everything else, including non-ASCII text, is shown as it is. */
#include "test_helpers.h"

#include "core/printable.h"

#include <stdlib.h>
#include <string.h>

static void check(const char *in, const char *want) {
  char *got = printable(in);
  assert_string_equal(got, want);
  free(got);
}

static void test_controls_are_escaped(void **state) {
  (void)state;
  check("escape\x1b[31mred.ts", "escape\\x1b[31mred.ts");
  check("a\nb\rc\td", "a\\nb\\rc\\td");
  check("bell\a del\x7f", "bell\\x07 del\\x7f");
  check("", "");
}

static void test_unicode_is_kept_but_hidden_code_points_are_not(void **state) {
  (void)state;
  check("café 🔥 日本.ts", "café 🔥 日本.ts");
  check("csi\xc2\x9b"
        "2J",
        "csi\\u009b2J");
  check("evil\xe2\x80\xaesj.ts", "evil\\u202esj.ts");
  check("iso\xe2\x81\xa6x", "iso\\u2066x");
}

static void test_bytes_that_are_not_utf8_are_escaped(void **state) {
  (void)state;
  check("latin1\xe9.ts", "latin1\\xe9.ts");
  check("cut\xe2\x82", "cut\\xe2\\x82");
  check("overlong\xc0\xaf", "overlong\\xc0\\xaf");
  check("surrogate\xed\xa0\x80", "surrogate\\xed\\xa0\\x80");
  check("\x9b", "\\x9b");
}

/* For JSON, which escapes control characters itself: only what JSON cannot
 * hold (bytes that are not UTF-8) is rewritten. */
static void test_utf8_only_escapes_what_is_not_utf8(void **state) {
  (void)state;
  char *got = printable_utf8("latin\xe9 caf\xc3\xa9 esc\x1b nl\n \xe2\x80\xae");
  assert_string_equal(got, "latin\\xe9 caf\xc3\xa9 esc\x1b nl\n \xe2\x80\xae");
  free(got);
}

static void test_incomplete_sequences_are_recognised(void **state) {
  (void)state;
  assert_true(printable_incomplete("\xe2\x82", 2));
  assert_true(printable_incomplete("\xf0", 1));
  assert_false(printable_incomplete("\xe2\x82\xac", 3));
  assert_false(printable_incomplete("\xe2x", 2));
  assert_false(printable_incomplete("a", 1));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_controls_are_escaped),
      cmocka_unit_test(test_unicode_is_kept_but_hidden_code_points_are_not),
      cmocka_unit_test(test_bytes_that_are_not_utf8_are_escaped),
      cmocka_unit_test(test_utf8_only_escapes_what_is_not_utf8),
      cmocka_unit_test(test_incomplete_sequences_are_recognised),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
