/* Escaping for GitHub workflow commands and URI references in SARIF. */
#include "test_helpers.h"

#include "output/output.h"

#include <stdlib.h>
#include <string.h>

static void check(char *got, const char *want) {
  assert_string_equal(got, want);
  free(got);
}

static void test_github_data(void **state) {
  /* The runner's escapeData: %, CR, LF; ':' and ',' stay as they are. */
  check(output_github_escape_data("100% done"), "100%25 done");
  check(output_github_escape_data("line one\nline two\r\n"), "line one%0Aline two%0D%0A");
  check(output_github_escape_data("a: b, c"), "a: b, c");
  check(output_github_escape_data("%0A"), "%250A");
  check(output_github_escape_data(""), "");
  check(output_github_escape_data("🔥 `x`"), "🔥 `x`");
  /* Other control characters would reach the log viewer, which renders ANSI. */
  check(output_github_escape_data("escape\x1b[31mred\tx\x7f"), "escape\\x1b[31mred\\tx\\x7f");
  check(output_github_escape_data("\xc2\x9b"
                                  "2J \xe2\x80\xae"),
        "\\u009b2J \\u202e");
}

static void test_github_property(void **state) {
  /* escapeProperty: also ':' and ',' (they separate properties). */
  check(output_github_escape_property("src/a,b:c.ts"), "src/a%2Cb%3Ac.ts");
  check(output_github_escape_property("50%\n"), "50%25%0A");
  check(output_github_escape_property("channel-hand-built"), "channel-hand-built");
  check(output_github_escape_property("::error"), "%3A%3Aerror");
  check(output_github_escape_property("a\x1b[2J.ts"), "a\\x1b[2J.ts");
}

static void test_path_uri(void **state) {
  check(output_path_uri("src/chat.ts"), "src/chat.ts");
  check(output_path_uri("src/emoji chat.ts"), "src/emoji%20chat.ts");
  check(output_path_uri("app/[id]/page #1.tsx"), "app/%5Bid%5D/page%20%231.tsx");
  check(output_path_uri("a%b"), "a%25b");
  /* UTF-8 bytes are encoded one by one. */
  check(output_path_uri("café.ts"), "caf%C3%A9.ts");
  /* Absolute paths (outside the working directory) become file URIs. */
  check(output_path_uri("/tmp/x y/z.ts"), "file:///tmp/x%20y/z.ts");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_github_data),
      cmocka_unit_test(test_github_property),
      cmocka_unit_test(test_path_uri),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
