/* The inline suppression parser: directive words, rule lists, reasons, and
 * what is not a directive at all. */
#include "test_helpers.h"

#include "engine/suppress.h"

#include <string.h>

static DirectiveParse parse(const char *text, Directive *d, const char **why) {
  return suppress_parse_comment(text, strlen(text), d, why);
}

static void next_line_with_rules_and_reason(void **state) {
  (void)state;
  Directive d;
  const char *why;
  assert_int_equal(parse("// rtlint-disable-next-line channel-hand-built, hook-deprecated -- "
                         "legacy screen",
                         &d, &why),
                   DIRECTIVE_OK);
  assert_int_equal(d.kind, DIRECTIVE_NEXT_LINE);
  assert_int_equal(d.nrules, 2);
  assert_string_equal(d.rules[0], "channel-hand-built");
  assert_string_equal(d.rules[1], "hook-deprecated");
  assert_string_equal(d.reason, "legacy screen");
  directive_free(&d);
}

static void block_forms_and_jsx(void **state) {
  (void)state;
  Directive d;
  const char *why;
  assert_int_equal(parse("/* rtlint-disable channel-hand-built */", &d, &why), DIRECTIVE_OK);
  assert_int_equal(d.kind, DIRECTIVE_DISABLE);
  assert_null(d.reason);
  directive_free(&d);
  assert_int_equal(parse("/* rtlint-enable channel-hand-built */", &d, &why), DIRECTIVE_OK);
  assert_int_equal(d.kind, DIRECTIVE_ENABLE);
  directive_free(&d);
  assert_int_equal(parse("/* rtlint-disable-file a b,c -- generated */", &d, &why), DIRECTIVE_OK);
  assert_int_equal(d.kind, DIRECTIVE_FILE);
  assert_int_equal(d.nrules, 3);
  assert_string_equal(d.rules[2], "c");
  assert_string_equal(d.reason, "generated");
  directive_free(&d);
  /* The comment node inside JSX's {...} is a plain block comment. */
  assert_int_equal(parse("/* rtlint-disable-line x -- y */", &d, &why), DIRECTIVE_OK);
  assert_int_equal(d.kind, DIRECTIVE_LINE);
  assert_string_equal(d.reason, "y");
  directive_free(&d);
  /* A JSDoc-style leading star is allowed. */
  assert_int_equal(parse("/**\n * rtlint-disable-next-line x -- multi\n * line\n */", &d, &why),
                   DIRECTIVE_OK);
  assert_string_equal(d.rules[0], "x");
  assert_string_equal(d.reason, "multi\n * line");
  directive_free(&d);
}

static void empty_reason_is_no_reason(void **state) {
  (void)state;
  Directive d;
  const char *why;
  assert_int_equal(parse("// rtlint-disable-line x --   ", &d, &why), DIRECTIVE_OK);
  assert_null(d.reason);
  directive_free(&d);
  /* "--" glued to a rule id is part of the id, not a reason separator. */
  assert_int_equal(parse("// rtlint-disable-line x--y", &d, &why), DIRECTIVE_OK);
  assert_int_equal(d.nrules, 1);
  assert_string_equal(d.rules[0], "x--y");
  assert_null(d.reason);
  directive_free(&d);
}

static void not_directives(void **state) {
  (void)state;
  Directive d;
  const char *why;
  assert_int_equal(parse("// just a comment about rtlint-disable", &d, &why), DIRECTIVE_NONE);
  assert_int_equal(parse("// eslint-disable-next-line no-console", &d, &why), DIRECTIVE_NONE);
  assert_int_equal(parse("#!/usr/bin/env node", &d, &why), DIRECTIVE_NONE);
}

static void malformed(void **state) {
  (void)state;
  Directive d;
  const char *why;
  assert_int_equal(parse("// rtlint-disable-nextline x", &d, &why), DIRECTIVE_BAD);
  assert_non_null(strstr(why, "unknown directive"));
  assert_int_equal(parse("// rtlint-disable-next-line -- only a reason", &d, &why), DIRECTIVE_BAD);
  assert_non_null(strstr(why, "name the rules"));
  assert_int_equal(parse("/* rtlint-disable */", &d, &why), DIRECTIVE_BAD);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(next_line_with_rules_and_reason),
      cmocka_unit_test(block_forms_and_jsx),
      cmocka_unit_test(empty_reason_is_no_reason),
      cmocka_unit_test(not_directives),
      cmocka_unit_test(malformed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
