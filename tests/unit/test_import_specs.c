/* The importers graph finds an importer whose specifier does not spell the
 * imported file's name (tsconfig aliases, ".", ".."), and keeps only the
 * edges the syntax tree shows (tests/unit/importers/). */
#include "test_helpers.h"

#include "resolve/importers.h"
#include "resolve/project.h"

#include <stdio.h>
#include <string.h>

#define ROOT "tests/unit/importers/"

static const char *const linted[] = {
    "app/page.tsx",
    "app/lazy.tsx",
    "ui/panel/Panel.tsx",
    "ui/button/impl.tsx",
    "ui/comp-card.tsx",
    "ui/index.ts",
    "ui/Local.tsx",
    "ui/panel/Sub.tsx",
    "ui/types.ts",
    "ui/commented.tsx",
    "ui/multi.tsx",
    "ui/lazy.tsx",
    NULL,
};

static Project proj;

static Module *mod(const char *rel) {
  char path[512];
  snprintf(path, sizeof path, ROOT "%s", rel);
  Module *m = project_module_source(&proj, path);
  assert_non_null(m);
  return m;
}

static int setup(void **state) {
  (void)state;
  project_init(&proj, NULL);
  for (const char *const *p = linted; *p; p++)
    mod(*p)->linted = true;
  return 0;
}

static int teardown(void **state) {
  (void)state;
  project_free(&proj);
  return 0;
}

/* The importers of target are exactly `want` (NULL: none). */
static void expect(const char *target, const char *want) {
  Module *const *imps;
  size_t n = import_graph_importers(project_import_graph(&proj), mod(target), &imps);
  if (!want) {
    assert_int_equal(n, 0);
    return;
  }
  assert_int_equal(n, 1);
  assert_ptr_equal(imps[0], mod(want));
}

static void test_aliases_that_rename(void **state) {
  (void)state;
  expect("ui/panel/Panel.tsx", "app/page.tsx"); /* "@panel": an exact alias */
  expect("ui/button/impl.tsx", "app/page.tsx"); /* "@ui/<star>": text after the star */
  expect("ui/comp-card.tsx", "app/page.tsx");   /* "#c-<star>": a star inside a name */
}

static void test_dot_specifiers(void **state) {
  (void)state;
  Module *const *imps;
  size_t n = import_graph_importers(project_import_graph(&proj), mod("ui/index.ts"), &imps);
  assert_int_equal(n, 2);
  bool local = false, sub = false;
  for (size_t i = 0; i < n; i++) {
    local = local || imps[i] == mod("ui/Local.tsx");
    sub = sub || imps[i] == mod("ui/panel/Sub.tsx");
  }
  assert_true(local && sub);
}

static void test_only_real_imports(void **state) {
  (void)state;
  expect("ui/types.ts", NULL);            /* import type */
  expect("ui/commented.tsx", NULL);       /* in a comment */
  expect("ui/multi.tsx", "app/page.tsx"); /* `from` and the string on other lines */
  expect("ui/lazy.tsx", "app/lazy.tsx");  /* import() */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_aliases_that_rename),
      cmocka_unit_test(test_dot_specifiers),
      cmocka_unit_test(test_only_real_imports),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
