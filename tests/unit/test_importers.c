/* The importers graph over linted modules (resolve/importers.h): on the
 * provider-context-outside fixture tree, and on specifiers that do not spell
 * their target's name. */
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
static LazyImportGraph proj_graph;

/* root/rel in project p, loaded (and parsed when want_tree). */
static Module *module_in(Project *p, const char *root, const char *rel, bool want_tree) {
  char path[512];
  snprintf(path, sizeof path, "%s%s", root, rel);
  Module *m = want_tree ? project_module(p, path) : project_module_source(p, path);
  assert_non_null(m);
  if (want_tree)
    assert_non_null(m->tree);
  return m;
}

static Module *mod(const char *rel) {
  return module_in(&proj, ROOT, rel, true);
}

static int setup(void **state) {
  (void)state;
  project_init(&proj, NULL);
  for (const char *const *p = linted; *p; p++)
    mod(*p)->linted = true;
  /* Loaded (as an import target would be) but not linted. */
  mod("components/widget/WidgetChat.tsx");
  lazy_import_graph_init(&proj_graph, &proj);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  lazy_import_graph_free(&proj_graph);
  project_free(&proj);
  return 0;
}

/* True when the importers of `rel` are exactly the given files. */
static void expect_importers(const char *rel, const char *const *want, size_t nwant) {
  const ImportGraph *g = lazy_import_graph_get(&proj_graph);
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
  const ImportGraph *g = lazy_import_graph_get(&proj_graph);
  assert_non_null(g);
  assert_ptr_equal(g, lazy_import_graph_get(&proj_graph));
}

/* Importers whose specifier does not spell the imported file's name
 * (tsconfig aliases, ".", ".."), and only the edges the syntax tree shows
 * (tests/unit/importers/). */
#define SPECS_ROOT "tests/unit/importers/"

static const char *const specs_linted[] = {
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

static Project specs;
static LazyImportGraph specs_graph;

static Module *smod(const char *rel) {
  return module_in(&specs, SPECS_ROOT, rel, false);
}

static int specs_setup(void **state) {
  (void)state;
  project_init(&specs, NULL);
  for (const char *const *p = specs_linted; *p; p++)
    smod(*p)->linted = true;
  lazy_import_graph_init(&specs_graph, &specs);
  return 0;
}

static int specs_teardown(void **state) {
  (void)state;
  lazy_import_graph_free(&specs_graph);
  project_free(&specs);
  return 0;
}

/* The importers of target are exactly `want` (NULL: none). */
static void expect_only(const char *target, const char *want) {
  Module *const *imps;
  size_t n = import_graph_importers(lazy_import_graph_get(&specs_graph), smod(target), &imps);
  if (!want) {
    assert_int_equal(n, 0);
    return;
  }
  assert_int_equal(n, 1);
  assert_ptr_equal(imps[0], smod(want));
}

static void test_aliases_that_rename(void **state) {
  (void)state;
  expect_only("ui/panel/Panel.tsx", "app/page.tsx"); /* "@panel": an exact alias */
  expect_only("ui/button/impl.tsx", "app/page.tsx"); /* "@ui/<star>": text after the star */
  expect_only("ui/comp-card.tsx", "app/page.tsx");   /* "#c-<star>": a star inside a name */
}

static void test_dot_specifiers(void **state) {
  (void)state;
  Module *const *imps;
  size_t n =
      import_graph_importers(lazy_import_graph_get(&specs_graph), smod("ui/index.ts"), &imps);
  assert_int_equal(n, 2);
  bool local = false, sub = false;
  for (size_t i = 0; i < n; i++) {
    local = local || imps[i] == smod("ui/Local.tsx");
    sub = sub || imps[i] == smod("ui/panel/Sub.tsx");
  }
  assert_true(local && sub);
}

static void test_only_real_imports(void **state) {
  (void)state;
  expect_only("ui/types.ts", NULL);            /* import type */
  expect_only("ui/commented.tsx", NULL);       /* in a comment */
  expect_only("ui/multi.tsx", "app/page.tsx"); /* `from` and the string on other lines */
  expect_only("ui/lazy.tsx", "app/lazy.tsx");  /* import() */
}

int main(void) {
  const struct CMUnitTest graph[] = {
      cmocka_unit_test(test_static_imports),
      cmocka_unit_test(test_reexport_is_an_edge),
      cmocka_unit_test(test_type_only_import_is_not_an_edge),
      cmocka_unit_test(test_dynamic_import_is_an_edge),
      cmocka_unit_test(test_cycles_and_multiple_importers),
      cmocka_unit_test(test_roots_and_unlinted),
      cmocka_unit_test(test_graph_is_cached),
  };
  const struct CMUnitTest specifiers[] = {
      cmocka_unit_test(test_aliases_that_rename),
      cmocka_unit_test(test_dot_specifiers),
      cmocka_unit_test(test_only_real_imports),
  };
  int failed = cmocka_run_group_tests(graph, setup, teardown);
  return failed + cmocka_run_group_tests(specifiers, specs_setup, specs_teardown);
}
