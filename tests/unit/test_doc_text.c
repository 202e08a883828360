/* Rule pages for viewers outside the repository (SARIF help): relative links
 * made absolute against the docs folder's URL, and a plain-text rendering
 * that keeps code readable and drops Markdown's marks. */
#include "test_helpers.h"

#include "output/doc_text.h"

#include <stdlib.h>
#include <string.h>

#define DOCS "https://example.test/org/rtlint/blob/main/docs"
#define PAGE "rules/some-rule.md"

static void expect_link(const char *target, const char *want) {
  char *got = doc_link_absolute(target, DOCS, PAGE);
  assert_string_equal(got, want);
  free(got);
}

static void links_resolve_against_the_page(void **state) {
  (void)state;
  expect_link("../suppressions.md", DOCS "/suppressions.md");
  expect_link("other-rule.md", DOCS "/rules/other-rule.md");
  expect_link("./other-rule.md#options", DOCS "/rules/other-rule.md#options");
  expect_link("#fix", DOCS "/rules/some-rule.md#fix");
  expect_link("../../README.md", "https://example.test/org/rtlint/blob/main/README.md");
  expect_link("https://pre-commit.com/", "https://pre-commit.com/");
  expect_link("mailto:a@b.test", "mailto:a@b.test");
}

static void markdown_keeps_code_and_rewrites_links(void **state) {
  (void)state;
  const char *md = "# r\n\nSee [the `x` page](../x.md) and `[not](a-link.md)`,\n"
                   "a span `over\n[two](lines.md)`.\n```ts\nconst a = [b](c);\n```\n";
  char *got = doc_markdown_absolute(md, DOCS, PAGE);
  assert_string_equal(got, "# r\n\nSee [the `x` page](" DOCS "/x.md) and `[not](a-link.md)`,\n"
                           "a span `over\n[two](lines.md)`.\n```ts\nconst a = [b](c);\n```\n");
  free(got);
}

static void plain_text_drops_the_marks(void **state) {
  (void)state;
  const char *md = "# some-rule\n\n| phase | fix |\n|---|---|\n| 1 | `safe` |\n\n"
                   "A **bold** claim about `code`, `` `ticks` `` and [docs](../d.md), a span\n"
                   "`over two` lines, \\*escaped\\*.\n\n## Example\n```tsx\nf(x);\n\nf(y);\n```\n"
                   "```ts\ng();\n```\n";
  char *got = doc_plain_text(md, DOCS, PAGE);
  assert_string_equal(got, "some-rule\n\nphase: 1\nfix: safe\n\n"
                           "A bold claim about code, `ticks` and docs (" DOCS "/d.md), a span\n"
                           "over two lines, *escaped*.\n\nExample\n    f(x);\n\n    f(y);\n"
                           "\n    g();\n");
  free(got);
}

static void plain_text_tables_with_several_rows(void **state) {
  (void)state;
  char *got = doc_plain_text("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n", DOCS, PAGE);
  assert_string_equal(got, "a: 1\nb: 2\n\na: 3\nb: 4\n");
  free(got);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(links_resolve_against_the_page),
      cmocka_unit_test(markdown_keeps_code_and_rewrites_links),
      cmocka_unit_test(plain_text_drops_the_marks),
      cmocka_unit_test(plain_text_tables_with_several_rows),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
