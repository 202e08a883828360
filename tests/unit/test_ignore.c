/* .gitignore rules as git applies them (expectations checked against
 * `git check-ignore`). */
#include "test_helpers.h"

#include "discover/ignore.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Whether path is ignored by a root .gitignore holding text. */
static bool root_rule(const char *text, const char *path, bool is_dir, bool icase) {
  Ignore ig;
  ignore_init(&ig, icase);
  ignore_push_text(&ig, "", text, strlen(text));
  bool r = ignore_match(&ig, path, is_dir);
  ignore_free(&ig);
  return r;
}

#define IGNORED(text, path) assert_true(root_rule(text, path, false, false))
#define KEPT(text, path) assert_false(root_rule(text, path, false, false))
#define DIR_IGNORED(text, path) assert_true(root_rule(text, path, true, false))
#define DIR_KEPT(text, path) assert_false(root_rule(text, path, true, false))

static void blank_lines_comments_and_escapes(void **state) {
  (void)state;
  KEPT("\n\n# a.ts\n", "# a.ts");
  KEPT("#a.ts\n", "#a.ts");
  IGNORED("\\#a.ts\n", "#a.ts");
  KEPT("  # not a comment\n", "# not a comment");
  IGNORED("  # not a comment\n", "  # not a comment");
  /* `!` negates; `\!` is a literal `!`. */
  KEPT("!keep.ts\n", "!keep.ts");
  IGNORED("\\!keep.ts\n", "!keep.ts");
  KEPT("\\!keep.ts\n", "keep.ts");
  /* A lone `!` or `/` and a blank line are patterns that match nothing. */
  KEPT("!\n/\n   \n", "x.ts");
}

static void trailing_spaces_unless_escaped(void **state) {
  (void)state;
  IGNORED("a.ts   \n", "a.ts");
  KEPT("a.ts   \n", "a.ts ");
  IGNORED("b.ts\\ \n", "b.ts ");
  KEPT("b.ts\\ \n", "b.ts");
  IGNORED("c.ts\\  \n", "c.ts ");
  KEPT("c.ts\\  \n", "c.ts  ");
  /* Only spaces are trimmed, not tabs. */
  IGNORED("d.ts\t\n", "d.ts\t");
  KEPT("d.ts\t\n", "d.ts");
}

static void line_endings_bom_and_last_line(void **state) {
  (void)state;
  IGNORED("a.ts\r\nb.ts\r\n", "a.ts");
  IGNORED("a.ts\r\nb.ts", "b.ts");
  IGNORED("\xEF\xBB\xBF"
          "a.ts\n",
          "a.ts");
  IGNORED("x\ny.ts", "y.ts");
}

static void negation_last_match_wins(void **state) {
  (void)state;
  const char *text = "*.ts\n!keep.ts\n";
  IGNORED(text, "drop.ts");
  KEPT(text, "keep.ts");
  KEPT(text, "deep/er/keep.ts");
  IGNORED("!keep.ts\n*.ts\n", "keep.ts");
  /* Re-ignored after the negation. */
  IGNORED("*.ts\n!keep.ts\nkeep.ts\n", "keep.ts");
  /* A negation can un-ignore a directory itself. */
  DIR_KEPT("gen*/\n!generated-ok/\n", "generated-ok");
  DIR_IGNORED("gen*/\n!generated-ok/\n", "generated");
}

static void anchoring(void **state) {
  (void)state;
  /* No slash: the basename, at any depth. */
  IGNORED("x.ts\n", "x.ts");
  IGNORED("x.ts\n", "a/b/x.ts");
  IGNORED("x*\n", "a/xyz.ts");
  /* A leading or middle slash anchors to the .gitignore's directory. */
  IGNORED("/top.ts\n", "top.ts");
  KEPT("/top.ts\n", "a/top.ts");
  IGNORED("a/b.ts\n", "a/b.ts");
  KEPT("a/b.ts\n", "x/a/b.ts");
  IGNORED("a/*.ts\n", "a/c.ts");
  KEPT("a/*.ts\n", "a/c/d.ts");
  KEPT("a/?.ts\n", "a/c/d.ts");
  /* Only one leading slash is dropped. */
  KEPT("//top.ts\n", "top.ts");
}

static void directory_only(void **state) {
  (void)state;
  DIR_IGNORED("build/\n", "build");
  KEPT("build/\n", "build");
  DIR_IGNORED("build/\n", "a/build");
  DIR_IGNORED("a/build/\n", "a/build");
  DIR_KEPT("a/build/\n", "x/a/build");
  DIR_IGNORED("*/\n", "anything");
  KEPT("*/\n", "anything.ts");
  DIR_IGNORED("/out/\n", "out");
  DIR_KEPT("/out/\n", "a/out");
}

static void double_star(void **state) {
  (void)state;
  IGNORED("**/gen.ts\n", "gen.ts");
  IGNORED("**/gen.ts\n", "a/b/gen.ts");
  IGNORED("**/foo/bar.ts\n", "foo/bar.ts");
  IGNORED("**/foo/bar.ts\n", "x/y/foo/bar.ts");
  KEPT("**/foo/bar.ts\n", "x/foo/y/bar.ts");
  IGNORED("abc/**\n", "abc/x.ts");
  IGNORED("abc/**\n", "abc/x/y.ts");
  DIR_IGNORED("abc/**\n", "abc/x");
  DIR_KEPT("abc/**\n", "abc");
  IGNORED("a/**/b.ts\n", "a/b.ts");
  IGNORED("a/**/b.ts\n", "a/x/b.ts");
  IGNORED("a/**/b.ts\n", "a/x/y/b.ts");
  KEPT("a/**/b.ts\n", "ab.ts");
  /* Not a whole component: one component, like `*`. */
  IGNORED("a/**b.ts\n", "a/xb.ts");
  KEPT("a/**b.ts\n", "a/x/b.ts");
  /* git compares the literal prefix first and wildmatches the rest, so a
   * `**` right after it starts the rest and spans directories. */
  IGNORED("a**/b.ts\n", "ax/y/b.ts");
  KEPT("a*/b.ts\n", "ax/y/b.ts");
  /* Without a slash `**` is a basename glob. */
  IGNORED("foo**\n", "x/foobar.ts");
}

static void character_classes(void **state) {
  (void)state;
  IGNORED("[abc].ts\n", "a.ts");
  KEPT("[abc].ts\n", "d.ts");
  IGNORED("[a-c]x.ts\n", "bx.ts");
  KEPT("[!a-c]x.ts\n", "bx.ts");
  IGNORED("[!a-c]x.ts\n", "dx.ts");
  IGNORED("[^a]x.ts\n", "bx.ts");
  IGNORED("[]]x.ts\n", "]x.ts");
  IGNORED("[[:digit:]]x.ts\n", "7x.ts");
  KEPT("[[:digit:]]x.ts\n", "ax.ts");
  IGNORED("?.ts\n", "a.ts");
  KEPT("?.ts\n", "ab.ts");
  /* An unterminated bracket matches nothing. */
  KEPT("[ab.ts\n", "[ab.ts");
  KEPT("a[/]b.ts\n", "a/b.ts");
}

static void case_insensitive_with_core_ignorecase(void **state) {
  (void)state;
  assert_true(root_rule("*.TS\n", "a.ts", false, true));
  assert_false(root_rule("*.TS\n", "a.ts", false, false));
  assert_true(root_rule("Build/\n", "build", true, true));
  assert_true(root_rule("/Top.ts\n", "top.ts", false, true));
  assert_true(root_rule("Lib/*.TS\n", "lib/x.ts", false, true));
  assert_true(root_rule("Lib/G*.ts\n", "lib/gen.ts", false, true));
  assert_true(root_rule("x.ts\n", "X.TS", false, true));
  /* git's quirk: escaped and bracketed single letters are not folded. */
  assert_false(root_rule("[A]x.ts\n", "Ax.ts", false, true));
  assert_true(root_rule("[A]x.ts\n", "Ax.ts", false, false));
}

static void deeper_files_win_and_anchor_to_their_directory(void **state) {
  (void)state;
  Ignore ig;
  ignore_init(&ig, false);
  const char *global = "*.gen.ts\n*.log.ts\n";
  const char *info = "!keep.log.ts\n";
  const char *root = "/x.ts\n!*.gen.ts\nsecret.ts\n";
  const char *sub = "*.gen.ts\n/local.ts\n!secret.ts\n";
  ignore_push_text(&ig, "", global, strlen(global));
  ignore_push_text(&ig, "", info, strlen(info));
  ignore_push_text(&ig, "", root, strlen(root));
  assert_true(ignore_match(&ig, "a.log.ts", false));
  assert_false(ignore_match(&ig, "keep.log.ts", false)); /* info/exclude over excludesFile */
  assert_false(ignore_match(&ig, "a.gen.ts", false));    /* .gitignore over both */
  assert_true(ignore_match(&ig, "x.ts", false));
  assert_true(ignore_match(&ig, "sub/secret.ts", false));
  ignore_push_text(&ig, "sub", sub, strlen(sub));
  assert_true(ignore_match(&ig, "sub/a.gen.ts", false));
  assert_true(ignore_match(&ig, "sub/deep/a.gen.ts", false));
  assert_false(ignore_match(&ig, "sub/x.ts", false)); /* /x.ts is the root's */
  assert_true(ignore_match(&ig, "sub/local.ts", false));
  assert_false(ignore_match(&ig, "sub/deep/local.ts", false));
  assert_false(ignore_match(&ig, "sub/secret.ts", false));
  ignore_pop(&ig);
  assert_true(ignore_match(&ig, "sub/secret.ts", false));
  assert_false(ignore_match(&ig, "sub/a.gen.ts", false));
  ignore_free(&ig);
}

static void files_are_read_once_and_unreadable_ones_are_empty(void **state) {
  (void)state;
  char dir[] = "/tmp/rtlint-ignore-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[sizeof dir + 32], link[sizeof dir + 32];
  snprintf(path, sizeof path, "%s/.gitignore", dir);
  snprintf(link, sizeof link, "%s/link", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("*.gen.ts\n", f);
  fclose(f);
  assert_int_equal(symlink(path, link), 0);
  Ignore ig;
  ignore_init(&ig, false);
  ignore_push_file(&ig, "", path, true);
  ignore_push_file(&ig, "", "/nonexistent/.gitignore", true);
  ignore_push_file(&ig, "", dir, true); /* a directory */
  assert_true(ignore_match(&ig, "a.gen.ts", false));
  ignore_free(&ig);
  /* In the work tree git does not follow a symbolic link to a .gitignore. */
  ignore_init(&ig, false);
  ignore_push_file(&ig, "", link, true);
  assert_false(ignore_match(&ig, "a.gen.ts", false));
  ignore_push_file(&ig, "", link, false);
  assert_true(ignore_match(&ig, "a.gen.ts", false));
  ignore_free(&ig);
  unlink(link);
  unlink(path);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(blank_lines_comments_and_escapes),
      cmocka_unit_test(trailing_spaces_unless_escaped),
      cmocka_unit_test(line_endings_bom_and_last_line),
      cmocka_unit_test(negation_last_match_wins),
      cmocka_unit_test(anchoring),
      cmocka_unit_test(directory_only),
      cmocka_unit_test(double_star),
      cmocka_unit_test(character_classes),
      cmocka_unit_test(case_insensitive_with_core_ignorecase),
      cmocka_unit_test(deeper_files_win_and_anchor_to_their_directory),
      cmocka_unit_test(files_are_read_once_and_unreadable_ones_are_empty),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
