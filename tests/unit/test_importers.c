/* The importers graph over linted modules (resolve/importers.h), on the
 * provider-context-outside fixture tree. */
#include "test_helpers.h"

#include "resolve/importers.h"
#include "resolve/project.h"

#include <stdio.h>
#include <string.h>

#define ROOT "fixtures/rules/provider-context-outside/"

static const char *const linted[] = {
    "app/dashboard/inbox/page.tsx",
    "app/widget/page.tsx",
    "app/marketing/page.tsx",
    "components/inbox/index.ts",
    "components/inbox/Thread.tsx",
    "components/inbox/TypedOnly.tsx",
    "components/marketing/LiveBadge.tsx",
    "components/cycle/CycleA.tsx",
    "components/cycle/CycleB.tsx",
    "contexts/OrganizationRealtimeProvider.tsx",
    NULL,
};

static Project proj;

static Module *mod(const char *rel) {
  char path[512];
  snprintf(path, sizeof path, ROOT "%s", rel);
  Module *m = project_module(&proj, path);
  assert_non_null(m);
  assert_non_null(m->tree);
  return m;
}

static int setup(void **state) {
  (void)state;
  project_init(&proj, NULL);
  for (const char *const *p = linted; *p; p++)
    mod(*p)->linted = true;
  /* Loaded (as an import target would be) but not linted. */
  mod("components/widget/WidgetChat.tsx");
  return 0;
}

static int teardown(void **state) {
  (void)state;
  project_free(&proj);
  return 0;
}

/* True when the importers of `rel` are exactly the given files. */
static void expect_importers(const char *rel, const char *const *want, size_t nwant) {
  const ImportGraph *g = project_import_graph(&proj);
  Module *const *imps;
  size_t n = import_graph_importers(g, mod(rel), &imps);
  assert_int_equal(n, nwant);
  for (size_t i = 0; i < nwant; i++) {
    Module *w = mod(want[i]);
    bool found = false;
    for (size_t k = 0; k < n; k++)
      found = found || imps[k] == w;
    assert_true(found);
  }
}

static void test_static_imports(void **state) {
  (void)state;
  const char *const dash[] = {"app/dashboard/inbox/page.tsx"};
  expect_importers("components/inbox/index.ts", dash, 1);
}

static void test_reexport_is_an_edge(void **state) {
  (void)state;
  const char *const barrel[] = {"components/inbox/index.ts"};
  expect_importers("components/inbox/Thread.tsx", barrel, 1);
}

static void test_type_only_import_is_not_an_edge(void **state) {
  (void)state;
  /* app/widget/page.tsx has `import type { TypedOnlyProps }` from it. */
  const char *const dash[] = {"app/dashboard/inbox/page.tsx"};
  expect_importers("components/inbox/TypedOnly.tsx", dash, 1);
}

static void test_dynamic_import_is_an_edge(void **state) {
  (void)state;
  const char *const page[] = {"app/marketing/page.tsx"};
  expect_importers("components/marketing/LiveBadge.tsx", page, 1);
}

static void test_cycles_and_multiple_importers(void **state) {
  (void)state;
  const char *const a[] = {"components/cycle/CycleA.tsx"};
  expect_importers("components/cycle/CycleB.tsx", a, 1);
  const char *const b[] = {"components/cycle/CycleB.tsx", "app/dashboard/inbox/page.tsx"};
  expect_importers("components/cycle/CycleA.tsx", b, 2);
  const char *const provider[] = {
      "app/dashboard/inbox/page.tsx",       "app/widget/page.tsx",
      "components/inbox/Thread.tsx",        "components/inbox/TypedOnly.tsx",
      "components/marketing/LiveBadge.tsx", "components/cycle/CycleB.tsx"};
  expect_importers("contexts/OrganizationRealtimeProvider.tsx", provider, 6);
}

static void test_roots_and_unlinted(void **state) {
  (void)state;
  expect_importers("app/widget/page.tsx", NULL, 0);
  /* Not linted: not in the graph, even though app/widget/page.tsx imports it. */
  expect_importers("components/widget/WidgetChat.tsx", NULL, 0);
}

static void test_graph_is_cached(void **state) {
  (void)state;
  const ImportGraph *g = project_import_graph(&proj);
  assert_non_null(g);
  assert_ptr_equal(g, project_import_graph(&proj));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_static_imports),
      cmocka_unit_test(test_reexport_is_an_edge),
      cmocka_unit_test(test_type_only_import_is_not_an_edge),
      cmocka_unit_test(test_dynamic_import_is_an_edge),
      cmocka_unit_test(test_cycles_and_multiple_importers),
      cmocka_unit_test(test_roots_and_unlinted),
      cmocka_unit_test(test_graph_is_cached),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
