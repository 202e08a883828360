/* git's wildmatch: expectations from git's own t3070-wildmatch cases. */
#include "test_helpers.h"

#include "discover/wildmatch.h"

typedef struct Case {
  const char *pattern, *text;
  bool pathname; /* expected with WM_PATHNAME */
  bool plain;    /* expected without it */
} Case;

static void check_cases(const Case *cases, size_t n, unsigned extra_flags) {
  for (size_t i = 0; i < n; i++) {
    const Case *c = &cases[i];
    if (wildmatch(c->pattern, c->text, WM_PATHNAME | extra_flags) != c->pathname ||
        wildmatch(c->pattern, c->text, extra_flags) != c->plain)
      fail_msg("'%s' against '%s': expected %d with WM_PATHNAME, %d without", c->pattern, c->text,
               c->pathname, c->plain);
  }
}

#define CHECK(cases, flags) check_cases(cases, sizeof cases / sizeof *cases, flags)

static void literals_question_marks_and_escapes(void **state) {
  (void)state;
  static const Case cases[] = {
      {"foo", "foo", true, true},
      {"bar", "foo", false, false},
      {"", "", true, true},
      {"???", "foo", true, true},
      {"??", "foo", false, false},
      {"foo\\*", "foo*", true, true},
      {"foo\\*bar", "foobar", false, false},
      {"f\\\\oo", "f\\oo", true, true},
      {"foo?bar", "foo/bar", false, true},
      {"foo\\", "foo\\", false, false},
      {"\\#x", "#x", true, true},
      {"\\!x", "!x", true, true},
  };
  CHECK(cases, 0);
}

static void single_star_stops_at_slash_with_pathname(void **state) {
  (void)state;
  static const Case cases[] = {
      {"*", "foo", true, true},
      {"f*", "foo", true, true},
      {"*f", "foo", false, false},
      {"*foo*", "foo", true, true},
      {"*ob*a*r*", "foobar", true, true},
      {"*ab", "aaaaaaabababab", true, true},
      {"foo*bar", "foo/baz/bar", false, true},
      {"foo**bar", "foo/baz/bar", false, true},
      {"*/foo", "bar/baz/foo", false, true},
      {"*/*/*", "foo/bba/arr", true, true},
      {"*/*/*", "foo/bb/aa/rr", false, true},
      {"*X*i", "abcXdefXghi", true, true},
      {"*/*X*/*/*i", "ab/cXd/efXg/hi", true, true},
      {"-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1",
       true, true},
      {"XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*",
       "XXX/adobe/courier/bold/o/normal//12/120/75/75/m/70/iso8859/1", true, true},
  };
  CHECK(cases, 0);
}

static void double_star_spans_directories_only_as_a_component(void **state) {
  (void)state;
  static const Case cases[] = {
      {"foo/**/bar", "foo/baz/bar", true, true},
      {"foo/**/bar", "foo/b/a/z/bar", true, true},
      {"foo/**/bar", "foo/bar", true, false},
      {"foo/**/**/bar", "foo/bar", true, false},
      {"**/foo", "foo", true, false},
      {"**/foo", "XXX/foo", true, true},
      {"**/foo", "bar/baz/foo", true, true},
      {"**/bar*", "foo/bar/baz", false, true},
      {"**/bar/*", "deep/foo/bar/baz", true, true},
      {"**/bar/*", "deep/foo/bar/baz/", false, true},
      {"**/bar/**", "deep/foo/bar/baz/", true, true},
      {"**/bar/*", "deep/foo/bar", false, false},
      {"**/bar/**", "deep/foo/bar/", true, true},
      {"**/bar**", "foo/bar/baz", false, true},
      {"*/bar/**", "foo/bar/baz/x", true, true},
      {"*/bar/**", "deep/foo/bar/baz/x", false, true},
      {"**/bar/*/*", "deep/foo/bar/baz/x", true, true},
      {"**/**/**", "foo/bb/aa/rr", true, true},
      {"**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txt", true, true},
      {"**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txtz", false, false},
      {"**/*X*/**/*i", "ab/cXd/efXg/hi", true, true},
      {"abc/**", "abc/x/y", true, true},
      {"abc/**", "abc", false, false},
      {"a/**b", "a/x/b", false, true},
  };
  CHECK(cases, 0);
}

static void bracket_expressions(void **state) {
  (void)state;
  static const Case cases[] = {
      {"*[al]?", "ball", true, true},
      {"[ten]", "ten", false, false},
      {"**[!te]", "ten", true, true},
      {"**[!ten]", "ten", false, false},
      {"t[a-g]n", "ten", true, true},
      {"t[!a-g]n", "ten", false, false},
      {"t[!a-g]n", "ton", true, true},
      {"t[^a-g]n", "ton", true, true},
      {"a[]]b", "a]b", true, true},
      {"a[]-]b", "a-b", true, true},
      {"a[]-]b", "a]b", true, true},
      {"a[]-]b", "aab", false, false},
      {"a[]a-]b", "aab", true, true},
      {"]", "]", true, true},
      {"foo[/]bar", "foo/bar", false, true},
      {"foo[^a-z]bar", "foo/bar", false, true},
      {"f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo-bar", true, true},
      {"[\\\\-^]", "]", true, true},
      {"[\\\\-^]", "[", false, false},
      {"[\\-_]", "-", true, true},
      {"[\\]]", "]", true, true},
      {"[\\]]", "\\]", false, false},
      {"[!]-]", "]", false, false},
      {"[!]-]", "a", true, true},
      {"[a-", "a", false, false},
      {"[", "[", false, false},
      {"[a-c[:digit:]x-z]", "5", true, true},
      {"[a-c[:digit:]x-z]", "b", true, true},
      {"[a-c[:digit:]x-z]", "y", true, true},
      {"[a-c[:digit:]x-z]", "q", false, false},
      {"[[:alpha:]][[:digit:]][[:upper:]]", "a1B", true, true},
      {"[[:digit:][:upper:][:space:]]", "a", false, false},
      {"[[:digit:][:upper:][:space:]]", "A", true, true},
      {"[[:digit:][:upper:][:space:]]", " ", true, true},
      {"[[:digit:][:upper:][:spaci:]]", "1", false, false},
      {"[[:space:]]", "\v", false, false},
      {"[[:xdigit:]]", "D", true, true},
      {"[[:punct:]]", "_", true, true},
      {"[[:punct:]]", "a", false, false},
      {"[^[:alnum:][:alpha:][:blank:][:cntrl:][:digit:][:lower:][:space:][:upper:][:xdigit:]]", ".",
       true, true},
      {"[[:alpha:]]", "\xc3\xa9", false, false},
      {"[[:x]", "x", true, true},
      {"[[:x]", ":", true, true},
  };
  CHECK(cases, 0);
}

static void casefold_folds_text_and_plain_pattern_letters(void **state) {
  (void)state;
  static const Case cases[] = {
      {"FOO", "foo", true, true},
      {"*.TS", "a.ts", true, true},
      {"[A-Z]", "a", true, true},
      {"[a-z]", "A", true, true},
      {"[[:upper:]]", "a", true, true},
      {"[[:lower:]]", "A", true, true},
      {"[B-Za]", "A", true, true},
      {"[B-a]", "A", true, true},
      {"[Z-y]", "z", true, true},
      {"*A", "xa", true, true},
      /* git compares escaped and bracketed single letters unfolded. */
      {"\\A", "A", false, false},
      {"[A]", "A", false, false},
      {"[A]", "a", false, false},
      {"[a]", "A", true, true},
  };
  CHECK(cases, WM_CASEFOLD);
  static const Case exact[] = {
      {"[A-Z]", "a", false, false},
      {"FOO", "foo", false, false},
      {"[A]", "A", true, true},
  };
  CHECK(exact, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(literals_question_marks_and_escapes),
      cmocka_unit_test(single_star_stops_at_slash_with_pathname),
      cmocka_unit_test(double_star_spans_directories_only_as_a_component),
      cmocka_unit_test(bracket_expressions),
      cmocka_unit_test(casefold_folds_text_and_plain_pattern_letters),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
