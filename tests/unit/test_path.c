/* Paths as typed name one file whatever the spelling: `rtlint src ./src`
 * must not lint (and count) every file twice. */
#include "test_helpers.h"

#include "core/path.h"

#include <stdlib.h>

static void check(const char *in, const char *want) {
  char *got = path_clean(in);
  assert_string_equal(got, want);
  free(got);
}

static void test_dot_segments_and_repeated_slashes_go(void **state) {
  (void)state;
  check("./src/a.ts", "src/a.ts");
  check("src//a.ts", "src/a.ts");
  check("src/./a.ts", "src/a.ts");
  check("./././src/", "src");
  check("src", "src");
}

static void test_what_stays(void **state) {
  (void)state;
  check(".", ".");
  check("./", ".");
  check("", ".");
  check("/", "/");
  check("/abs/./x.ts", "/abs/x.ts");
  check("../up/x.ts", "../up/x.ts"); /* ".." is the file system's business */
  check("a/../b.ts", "a/../b.ts");
  check(".hidden/x.ts", ".hidden/x.ts");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dot_segments_and_repeated_slashes_go),
      cmocka_unit_test(test_what_stays),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
