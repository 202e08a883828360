/* Applying fixes safely (src/fix/apply.c): overlapping edits, re-parse
 * refusal, a file changed under us, atomic writes that keep the mode, and
 * the unified diff. */
#include "test_helpers.h"

#include "core/util.h"
#include "fix/apply.h"
#include "rules/registry.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static Source make_source(const char *text) {
  Source s;
  char *detail = NULL;
  assert_int_equal(src_from_memory(&s, text, strlen(text), "t.ts", &detail), SOURCE_OK);
  return s;
}

static Diag *fixable(DiagList *dl, const Source *src, uint32_t start, uint32_t end,
                     const char *text, FixApplicability app) {
  Diag *d = diag_add(dl, rules_all[0], SEV_ERROR, src, start, end, "m", NULL);
  diag_add_edit(d, start, end, text);
  diag_set_fix(d, app, "t");
  return d;
}

static void applies_in_order_and_defers_overlaps(void **state) {
  (void)state;
  Source s = make_source("const a = \"x\";\nconst b = \"y\";\n");
  DiagList dl = {0};
  fixable(&dl, &s, 10, 13, "A", FIX_SAFE);
  fixable(&dl, &s, 11, 12, "B", FIX_SAFE); /* inside the first: deferred */
  fixable(&dl, &s, 25, 28, "C", FIX_SAFE);
  fixable(&dl, &s, 0, 0, "// header\n", FIX_SUGGESTION); /* below --fix's level */
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_non_null(r.fixed);
  assert_string_equal(r.fixed, "const a = A;\nconst b = C;\n");
  assert_int_equal(r.applied, 2);
  assert_int_equal(r.deferred, 1);
  fix_result_free(&r);
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SUGGESTION);
  assert_string_equal(r.fixed, "// header\nconst a = A;\nconst b = C;\n");
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
}

static void identical_insertions_go_in_once(void **state) {
  (void)state;
  Source s = make_source("f(1);\nf(2);\n");
  DiagList dl = {0};
  Diag *d1 = fixable(&dl, &s, 2, 3, "ONE", FIX_SAFE);
  diag_add_edit(d1, 0, 0, "import { X } from \"x\";\n");
  Diag *d2 = fixable(&dl, &s, 8, 9, "TWO", FIX_SAFE);
  diag_add_edit(d2, 0, 0, "import { X } from \"x\";\n");
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_string_equal(r.fixed, "import { X } from \"x\";\nf(ONE);\nf(TWO);\n");
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
}

static void new_imports_from_one_module_merge(void **state) {
  (void)state;
  Source s = make_source("import x from \"y\";\nf(1);\ng(2);\n");
  DiagList dl = {0};
  Diag *d1 = fixable(&dl, &s, 21, 22, "C.a", FIX_SAFE);
  diag_add_edit(d1, 18, 18, "\nimport { C } from \"@/std\";");
  Diag *d2 = fixable(&dl, &s, 27, 28, "E.b", FIX_SAFE);
  diag_add_edit(d2, 18, 18, "\nimport { E } from \"@/std\";");
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_string_equal(r.fixed,
                      "import x from \"y\";\nimport { C, E } from \"@/std\";\nf(C.a);\ng(E.b);\n");
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
}

static void refuses_a_fix_that_breaks_the_syntax(void **state) {
  (void)state;
  Source s = make_source("const a = f(\"x\");\n");
  DiagList dl = {0};
  fixable(&dl, &s, 12, 15, "g(", FIX_SAFE);
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_null(r.fixed);
  assert_non_null(r.refused);
  assert_non_null(strstr(r.refused, "would not parse"));
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
}

/* The test links with -Wl,--wrap=renameat: the rename that makes a fixed
 * file visible fails once `renames_before_failure` more have succeeded
 * (-1: never), as it may when the disk is full or the folder's permissions
 * change under rtlint. */
static int renames_before_failure = -1;
int __real_renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);
int __wrap_renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);
int __wrap_renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
  if (renames_before_failure == 0) {
    renames_before_failure = -1;
    errno = ENOSPC;
    return -1;
  }
  if (renames_before_failure > 0)
    renames_before_failure--;
  return __real_renameat(olddirfd, oldpath, newdirfd, newpath);
}

static char *temp_file(const char *text, mode_t mode) {
  char *path = xstrdup("/tmp/rtlint-fix-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  chmod(path, mode);
  return path;
}

static char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  return xstrndup(buf, n);
}

/* Edits outside the text, or overlapping another edit of the same fix (a
 * tampered cache entry), are never applied. */
static void skips_fixes_with_edits_outside_the_text(void **state) {
  (void)state;
  Source s = make_source("const a = 1;\n");
  DiagList dl = {0};
  fixable(&dl, &s, 6, 7, "b", FIX_SAFE);
  fixable(&dl, &s, 10, 60000, "2", FIX_SAFE); /* ends past the text */
  Diag *reversed = diag_add(&dl, rules_all[0], SEV_ERROR, &s, 0, 0, "m", NULL);
  diag_add_edit(reversed, 11, 10, "3");
  diag_set_fix(reversed, FIX_SAFE, "t");
  Diag *self_overlap = fixable(&dl, &s, 10, 11, "4", FIX_SAFE);
  diag_add_edit(self_overlap, 9, 12, "5"); /* around its own first edit */
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_string_equal(r.fixed, "const b = 1;\n");
  assert_int_equal(r.applied, 1);
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
}

static void writes_atomically_keeping_the_mode(void **state) {
  (void)state;
  const char *text = "const a = \"x\";\n";
  char *path = temp_file(text, 0640);
  Source s = make_source(text);
  DiagList dl = {0};
  fixable(&dl, &s, 10, 13, "A", FIX_SAFE);
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_true(fix_write(&r, path));
  char *now = read_all(path);
  assert_string_equal(now, "const a = A;\n");
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 07777, 0640);
  free(now);
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
  unlink(path);
  free(path);
}

static void leaves_a_file_that_changed_under_it(void **state) {
  (void)state;
  const char *text = "const a = \"x\";\n";
  char *path = temp_file(text, 0644);
  Source s = make_source(text);
  DiagList dl = {0};
  fixable(&dl, &s, 10, 13, "A", FIX_SAFE);
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  /* Someone saves the file between rtlint reading and writing it. */
  FILE *f = fopen(path, "w");
  fputs("const a = \"edited\";\n", f);
  fclose(f);
  assert_false(fix_write(&r, path));
  assert_non_null(strstr(r.refused, "changed since it was read"));
  char *now = read_all(path);
  assert_string_equal(now, "const a = \"edited\";\n");
  free(now);
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
  unlink(path);
  free(path);
}

/* Same bytes, another file: an editor that saves by rename replaced it after
 * rtlint read it; writing over it could drop what the new file stands for
 * (another owner, links), so the fix is refused. */
static void leaves_a_file_replaced_under_it(void **state) {
  (void)state;
  const char *text = "const a = \"x\";\n";
  char *path = temp_file(text, 0644);
  Source s;
  char *detail = NULL;
  assert_int_equal(src_load(&s, path, "t.ts", &detail), SOURCE_OK);
  char *other = temp_file(text, 0644);
  assert_int_equal(rename(other, path), 0);
  DiagList dl = {0};
  fixable(&dl, &s, 10, 13, "A", FIX_SAFE);
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  assert_false(fix_write(&r, path));
  assert_non_null(strstr(r.refused, "replaced since it was read"));
  char *now = read_all(path);
  assert_string_equal(now, text);
  free(now);
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
  unlink(path);
  free(path);
  free(other);
}

static void diff_is_a_unified_diff(void **state) {
  (void)state;
  Source s = make_source("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
  DiagList dl = {0};
  fixable(&dl, &s, 2, 3, "B", FIX_SAFE);   /* line 2 */
  fixable(&dl, &s, 18, 19, "J", FIX_SAFE); /* line 10: a second hunk */
  FileFixResult r;
  fix_build(&r, &s, LANG_TS, dl.items, dl.n, FIX_SAFE);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  fix_print_diff(f, &r);
  fclose(f);
  assert_string_equal(buf, "--- a/t.ts\n+++ b/t.ts\n"
                           "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
                           "@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n");
  free(buf);
  fix_result_free(&r);
  diag_list_free(&dl);
  src_free(&s);
}

/* Multi-file fixes (core/diag.h, Edit.src). */
static Lang ts_lang(const Source *src, void *ctx) {
  (void)src;
  (void)ctx;
  return LANG_TS;
}

static const FileFixResult *set_file(const FixSet *set, const Source *src) {
  for (size_t i = 0; i < set->nfiles; i++)
    if (set->files[i].src == src)
      return &set->files[i];
  return NULL;
}

/* Two uses of one name built in a third file both carry the site's edit: it
 * goes in once, and the site's file is linked to neither use's (their own
 * files are not changed). */
static void a_shared_edit_in_another_file_goes_in_once(void **state) {
  (void)state;
  Source a = make_source("use(NAME);\n"), b = make_source("use(NAME);\n");
  Source site = make_source("export const NAME = \"x\";\n");
  DiagList dl = {0};
  Diag *d1 = diag_add(&dl, rules_all[0], SEV_ERROR, &a, 4, 8, "m", NULL);
  diag_add_edit_in(d1, &site, 20, 23, "X()");
  diag_set_fix(d1, FIX_SAFE, "t");
  Diag *d2 = diag_add(&dl, rules_all[0], SEV_ERROR, &b, 4, 8, "m", NULL);
  diag_add_edit_in(d2, &site, 20, 23, "X()");
  diag_set_fix(d2, FIX_SAFE, "t");
  assert_ptr_equal(d1->fix.edits[0].src, &site); /* kept as another file's */
  FixSet set;
  fix_build_all(&set, dl.items, dl.n, FIX_SAFE, NULL, ts_lang, NULL);
  const FileFixResult *r = set_file(&set, &site);
  assert_non_null(r);
  assert_string_equal(r->fixed, "export const NAME = X();\n");
  assert_int_equal(set_file(&set, &a)->applied, 1);
  assert_null(set_file(&set, &a)->fixed);
  assert_int_equal(set_file(&set, &b)->applied, 1);
  fix_set_free(&set);
  /* One file's fix-all (the LSP, --stdin-filename) leaves them out. */
  FileFixResult one;
  fix_build(&one, &a, LANG_TS, dl.items, 1, FIX_SAFE);
  assert_null(one.fixed);
  assert_int_equal(one.applied, 0);
  fix_result_free(&one);
  diag_list_free(&dl);
  src_free(&a);
  src_free(&b);
  src_free(&site);
}

/* A fix that changes two files waits whole when one of its edits overlaps a
 * fix taken before in the other file: none of its edits goes in. */
static void a_fix_spanning_files_waits_whole(void **state) {
  (void)state;
  Source a = make_source("const a = \"x\";\n"), b = make_source("const b = \"y\";\n");
  DiagList dl = {0};
  fixable(&dl, &a, 10, 13, "A", FIX_SAFE);
  Diag *d = diag_add(&dl, rules_all[0], SEV_ERROR, &b, 10, 13, "m", NULL);
  diag_add_edit(d, 10, 13, "B");
  diag_add_edit_in(d, &a, 11, 12, "clash");
  diag_set_fix(d, FIX_SAFE, "t");
  FixSet set;
  fix_build_all(&set, dl.items, dl.n, FIX_SAFE, NULL, ts_lang, NULL);
  assert_string_equal(set_file(&set, &a)->fixed, "const a = A;\n");
  assert_null(set_file(&set, &b)->fixed);
  assert_int_equal(set_file(&set, &b)->deferred, 1);
  assert_int_equal(set.nlinks, 0);
  fix_set_free(&set);
  diag_list_free(&dl);
  src_free(&a);
  src_free(&b);
}

/* One file of a spanning fix would not parse: the fix is taken out of the
 * other file too, whose own fix still goes in; taken, the files are linked. */
static void a_refused_file_takes_its_spanning_fix_out_of_the_others(void **state) {
  (void)state;
  Source a = make_source("const a = \"x\";\nconst c = 1;\n"), b = make_source("const b = 1;\n");
  DiagList dl = {0};
  Diag *d = diag_add(&dl, rules_all[0], SEV_ERROR, &a, 10, 13, "m", NULL);
  diag_add_edit(d, 10, 13, "A");
  diag_add_edit_in(d, &b, 10, 11, "(((");
  diag_set_fix(d, FIX_SAFE, "t");
  fixable(&dl, &a, 25, 26, "2", FIX_SAFE);
  FixSet set;
  fix_build_all(&set, dl.items, dl.n, FIX_SAFE, NULL, ts_lang, NULL);
  assert_non_null(set_file(&set, &b)->refused);
  assert_string_equal(set_file(&set, &a)->fixed, "const a = \"x\";\nconst c = 2;\n");
  assert_int_equal(set.nlinks, 0);
  fix_set_free(&set);
  diag_list_free(&dl);
  /* The same fix with an edit that parses: both files change, linked. */
  d = diag_add(&dl, rules_all[0], SEV_ERROR, &a, 10, 13, "m", NULL);
  diag_add_edit(d, 10, 13, "A");
  diag_add_edit_in(d, &b, 10, 11, "2");
  diag_set_fix(d, FIX_SAFE, "t");
  fix_build_all(&set, dl.items, dl.n, FIX_SAFE, NULL, ts_lang, NULL);
  assert_string_equal(set_file(&set, &b)->fixed, "const b = 2;\n");
  assert_string_equal(set_file(&set, &a)->fixed, "const a = A;\nconst c = 1;\n");
  assert_int_equal(set.nlinks, 1);
  fix_set_free(&set);
  diag_list_free(&dl);
  src_free(&a);
  src_free(&b);
}

/* Files one fix changes are written together: the second changed on the
 * disk after rtlint read it, so neither is written. */
static void files_of_one_fix_are_written_together_or_not_at_all(void **state) {
  (void)state;
  const char *ta = "const a = \"x\";\n", *tb = "const b = \"y\";\n";
  char *pa = temp_file(ta, 0644), *pb = temp_file(tb, 0644);
  Source a = make_source(ta), b = make_source(tb);
  FileFixResult ra = {.src = &a, .fixed = xstrdup("const a = A;\n"), .fixed_len = 13};
  FileFixResult rb = {.src = &b, .fixed = xstrdup("const b = B;\n"), .fixed_len = 13};
  FILE *f = fopen(pb, "w");
  fputs("const b = \"edited\";\n", f);
  fclose(f);
  FileFixResult *outs[] = {&ra, &rb};
  const char *paths[] = {pa, pb};
  assert_false(fix_write_all(outs, paths, 2));
  assert_non_null(strstr(rb.refused, "changed since it was read"));
  assert_non_null(strstr(ra.refused, "cannot be written"));
  char *now_a = read_all(pa), *now_b = read_all(pb);
  assert_string_equal(now_a, ta);
  assert_string_equal(now_b, "const b = \"edited\";\n");
  free(now_a);
  free(now_b);
  fix_result_free(&ra);
  fix_result_free(&rb);
  /* Both unchanged: both written. */
  f = fopen(pb, "w");
  fputs(tb, f);
  fclose(f);
  ra = (FileFixResult){.src = &a, .fixed = xstrdup("const a = A;\n"), .fixed_len = 13};
  rb = (FileFixResult){.src = &b, .fixed = xstrdup("const b = B;\n"), .fixed_len = 13};
  assert_true(fix_write_all(outs, paths, 2));
  now_a = read_all(pa);
  now_b = read_all(pb);
  assert_string_equal(now_a, "const a = A;\n");
  assert_string_equal(now_b, "const b = B;\n");
  free(now_a);
  free(now_b);
  fix_result_free(&ra);
  fix_result_free(&rb);
  src_free(&a);
  src_free(&b);
  unlink(pa);
  unlink(pb);
  free(pa);
  free(pb);
}

static char *file_in(const char *dir, const char *name, const char *text) {
  char *path = xasprintf("%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return path;
}

static size_t entries_in(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  closedir(d);
  return n;
}

/* The second of three renames fails: the first file, already replaced, gets
 * its text back, the third is not replaced, and no temporary stays. */
static void a_failed_rename_puts_the_group_back(void **state) {
  (void)state;
  char dir[] = "/tmp/rtlint-group-XXXXXX";
  assert_non_null(mkdtemp(dir));
  const char *text[] = {"const a = 1;\n", "const b = 2;\n", "const c = 3;\n"};
  const char *names[] = {"a.ts", "b.ts", "c.ts"};
  Source src[3];
  FileFixResult res[3];
  FileFixResult *outs[3];
  char *paths[3];
  for (int i = 0; i < 3; i++) {
    paths[i] = file_in(dir, names[i], text[i]);
    src[i] = make_source(text[i]);
    free(src[i].path);
    src[i].path = xstrdup(names[i]);
    res[i] = (FileFixResult){.src = &src[i], .fixed = xstrdup("const x = 0;\n"), .fixed_len = 13};
    outs[i] = &res[i];
  }
  renames_before_failure = 1;
  assert_false(fix_write_all(outs, (const char *const *)paths, 3));
  assert_non_null(strstr(res[0].refused, "text was put back"));
  assert_non_null(strstr(res[0].refused, "b.ts"));
  assert_non_null(strstr(res[1].refused, "No space left on device"));
  assert_non_null(strstr(res[2].refused, "cannot be written"));
  for (int i = 0; i < 3; i++) {
    char *now = read_all(paths[i]);
    assert_string_equal(now, text[i]);
    free(now);
  }
  assert_int_equal(entries_in(dir), 3);
  for (int i = 0; i < 3; i++) {
    fix_result_free(&res[i]);
    src_free(&src[i]);
    unlink(paths[i]);
    free(paths[i]);
  }
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(applies_in_order_and_defers_overlaps),
      cmocka_unit_test(a_failed_rename_puts_the_group_back),
      cmocka_unit_test(identical_insertions_go_in_once),
      cmocka_unit_test(new_imports_from_one_module_merge),
      cmocka_unit_test(refuses_a_fix_that_breaks_the_syntax),
      cmocka_unit_test(skips_fixes_with_edits_outside_the_text),
      cmocka_unit_test(writes_atomically_keeping_the_mode),
      cmocka_unit_test(leaves_a_file_that_changed_under_it),
      cmocka_unit_test(leaves_a_file_replaced_under_it),
      cmocka_unit_test(diff_is_a_unified_diff),
      cmocka_unit_test(a_shared_edit_in_another_file_goes_in_once),
      cmocka_unit_test(a_fix_spanning_files_waits_whole),
      cmocka_unit_test(a_refused_file_takes_its_spanning_fix_out_of_the_others),
      cmocka_unit_test(files_of_one_fix_are_written_together_or_not_at_all),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
