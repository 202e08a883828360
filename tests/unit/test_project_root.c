/* The project root (src/cli/project_root.c), tsconfig text
 * (src/resolve/jsonc.c) and the resolution bound (src/resolve/project.c). */
#include "test_helpers.h"

#include "cli/project_root.h"
#include "core/util.h"
#include "resolve/jsonc.h"
#include "resolve/project.h"

#include <stdlib.h>
#include <string.h>

static void expect_common(char *const *paths, size_t n, const char *want) {
  /* Paths that do not exist count as files: their folder is taken. */
  char *got = paths_common_dir("/nowhere/cwd", paths, n);
  assert_string_equal(got, want);
  free(got);
}

static void common_dir_of_paths(void **state) {
  (void)state;
  char *one[] = {"src/a.ts"};
  expect_common(one, 1, "/nowhere/cwd/src");
  char *two[] = {"src/a/x.ts", "src/ab/y.ts"};
  expect_common(two, 2, "/nowhere/cwd/src");
  char *apart[] = {"/a/b/x.ts", "/c/y.ts"};
  expect_common(apart, 2, "/");
  char *up[] = {"../lib/x.ts", "components/y.ts"};
  expect_common(up, 2, "/nowhere");
  expect_common(NULL, 0, "/nowhere/cwd");
}

static void root_is_the_configuration_folder_when_it_holds_the_paths(void **state) {
  (void)state;
  char *root = project_root_find("/nowhere/app/rtlint.yaml", "/nowhere/app/components");
  assert_string_equal(root, "/nowhere/app");
  free(root);
  /* --config kept elsewhere: no git around /nowhere, so the common folder. */
  root = project_root_find("/etc/shared/rtlint.yaml", "/nowhere/app/components");
  assert_string_equal(root, "/nowhere/app/components");
  free(root);
  assert_true(path_at_or_below("/a", "/a"));
  assert_true(path_at_or_below("/a", "/a/b"));
  assert_false(path_at_or_below("/a", "/ab"));
  assert_true(path_at_or_below("/", "/x"));
}

static void jsonc_keeps_positions_and_accepts_a_bom(void **state) {
  (void)state;
  char *err = NULL;
  const char bom[] = "\xEF\xBB\xBF{\"a\": 1, /* x */ \"b\": [1,],}";
  json_t *v = jsonc_parse(bom, sizeof bom - 1, &err);
  assert_non_null(v);
  assert_null(err);
  assert_int_equal(json_integer_value(json_object_get(v, "a")), 1);
  json_decref(v);
  /* The block comment spans two lines: the error is still on line 4. */
  const char bad[] = "{\n  /* one\n  two */\n  \"a\": 1 \"b\": 2\n}";
  v = jsonc_parse(bad, sizeof bad - 1, &err);
  assert_null(v);
  assert_non_null(err);
  assert_true(str_starts_with(err, "4:"));
  free(err);
  v = jsonc_parse("[1]", 3, &err);
  assert_null(v);
  assert_non_null(err);
  free(err);
}

/* From tests/unit/resolve/inner.ts, ../importers/ui/types.ts exists but lies
 * outside a root at tests/unit/resolve. */
static void imports_stay_inside_the_root(void **state) {
  (void)state;
  Project p;
  project_init(&p, NULL);
  char *root = path_absolute(p.cwd, "tests/unit/resolve");
  char *outside = path_absolute(p.cwd, "tests/unit/importers/ui/types.ts");
  Module *m = project_module_source(&p, "tests/unit/resolve/inner.ts");
  assert_non_null(m);
  char *out = NULL;
  /* Without a root (unit tests, library use), nothing is bounded. */
  assert_true(project_resolve_import(&p, m, "../importers/ui/types", &out));
  assert_string_equal(out, outside);
  free(out);
  project_free(&p);

  project_init(&p, NULL);
  project_set_root(&p, root, NULL, 0);
  m = project_module_source(&p, "tests/unit/resolve/inner.ts");
  assert_true(project_resolve_import(&p, m, "./consts", &out));
  free(out);
  assert_false(project_resolve_import(&p, m, "../importers/ui/types", &out));
  assert_null(out);
  /* Display paths are relative to the root. */
  assert_string_equal(m->src.path, "inner.ts");
  project_free(&p);

  /* resolve.allow_outside: the folder may be read. */
  project_init(&p, NULL);
  char *allow[] = {path_absolute(p.cwd, "tests/unit/importers")};
  project_set_root(&p, root, allow, 1);
  m = project_module_source(&p, "tests/unit/resolve/inner.ts");
  assert_true(project_resolve_import(&p, m, "../importers/ui/types", &out));
  assert_string_equal(out, outside);
  free(out);
  free(allow[0]);
  free(root);
  free(outside);
  project_free(&p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(common_dir_of_paths),
      cmocka_unit_test(root_is_the_configuration_folder_when_it_holds_the_paths),
      cmocka_unit_test(jsonc_keeps_positions_and_accepts_a_bom),
      cmocka_unit_test(imports_stay_inside_the_root),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
