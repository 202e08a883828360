/* The pure parts of issue 19's command line: the colour decision, what
 * `rtlint init` derives from a file list, --timing's top-N table and
 * --statistics' counts. */
#include "test_helpers.h"

#include "cli/init_plan.h"
#include "cli/options.h"
#include "core/timing.h"
#include "output/output.h"
#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>

static void colour_order(void **state) {
  (void)state;
  /* The command line wins over everything. */
  assert_true(options_color(COLOR_ALWAYS, "0", "1", false));
  assert_false(options_color(COLOR_NEVER, "1", NULL, true));
  /* Then FORCE_COLOR: on unless "0" or "false"; it beats NO_COLOR. */
  assert_true(options_color(COLOR_AUTO, "1", "1", false));
  assert_true(options_color(COLOR_AUTO, "3", NULL, false));
  assert_false(options_color(COLOR_AUTO, "0", NULL, true));
  assert_false(options_color(COLOR_AUTO, "false", NULL, true));
  /* Empty means unset, for both. */
  assert_true(options_color(COLOR_AUTO, "", "", true));
  /* Then NO_COLOR, then the terminal. */
  assert_false(options_color(COLOR_AUTO, NULL, "1", true));
  assert_true(options_color(COLOR_AUTO, NULL, NULL, true));
  assert_false(options_color(COLOR_AUTO, NULL, NULL, false));
}

static void expect_glob(const char *path, const char *want) {
  char *got = init_component_glob(path);
  if (!want) {
    assert_null(got);
    return;
  }
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

static void component_globs(void **state) {
  (void)state;
  expect_glob("components/chat/Box.tsx", "components");
  expect_glob("src/hooks/useX.ts", "src/hooks");
  expect_glob("app/dashboard/inbox/page.tsx", "app/dashboard");
  expect_glob("src/app/page.tsx", "src/app/*.tsx");
  /* The first of the folders decides: app/x/components is under app/x. */
  expect_glob("app/settings/components/Form.tsx", "app/settings");
  /* Not component code by the built-in judgement. */
  expect_glob("app/api/typing/route.ts", NULL);
  expect_glob("lib/realtime/client.ts", NULL);
  expect_glob("components/lib/realtime/x.ts", NULL);
  expect_glob("lib/services/broadcast.ts", NULL);
  expect_glob("components/Box.d.ts", NULL);
  /* Characters globs read specially are escaped. */
  expect_glob("app/[orgId]/page.tsx", "app/\\[orgId\\]");
  expect_glob("app/(marketing)/page.tsx", "app/(marketing)");
}

static bool has(char *const *items, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(items[i], s) == 0)
      return true;
  return false;
}

static void plan_from_files(void **state) {
  (void)state;
  char *files[] = {
      "app/api/route.ts",
      "app/page.tsx",
      "components/app/api/handler.ts", /* app/api below components: not component code */
      "components/Box.tsx",
      "dist/bundle.ts",
      "lib/generated/client.ts",
      "lib/realtime/unified-channel-standards.ts",
      "src/build/tool.ts", /* build/ below the top is code */
  };
  InitPlan plan;
  init_plan_make(&plan, files, sizeof files / sizeof *files,
                 "lib/realtime/unified-channel-standards.ts");
  assert_string_equal(plan.standards, "lib/realtime/unified-channel-standards.ts");
  assert_int_equal(plan.ncomponent_dirs, 2);
  assert_true(has(plan.component_dirs, plan.ncomponent_dirs, "app/*.tsx"));
  assert_true(has(plan.component_dirs, plan.ncomponent_dirs, "components"));
  assert_int_equal(plan.ninfrastructure_dirs, 2);
  assert_true(has(plan.infrastructure_dirs, plan.ninfrastructure_dirs, "lib/realtime"));
  assert_true(has(plan.infrastructure_dirs, plan.ninfrastructure_dirs, "components/app/api"));
  assert_int_equal(plan.nexcludes, 2);
  assert_true(has(plan.excludes, plan.nexcludes, "dist"));
  assert_true(has(plan.excludes, plan.nexcludes, "lib/generated"));
  init_plan_free(&plan);
  /* A standards module is matched by whole folder names. */
  char *other[] = {"mylib/realtime/unified-channel-standards.ts"};
  init_plan_make(&plan, other, 1, "lib/realtime/unified-channel-standards.ts");
  assert_null(plan.standards);
  init_plan_free(&plan);
}

static void top_table(void **state) {
  (void)state;
  TimingTop top[3];
  size_t n = 0;
  timing_top_offer(top, &n, 3, "a", 5);
  timing_top_offer(top, &n, 3, "b", 9);
  timing_top_offer(top, &n, 3, "c", 5);
  assert_int_equal(n, 3);
  assert_string_equal(top[0].name, "b");
  assert_string_equal(top[1].name, "a"); /* ties: the earlier first */
  assert_string_equal(top[2].name, "c");
  timing_top_offer(top, &n, 3, "d", 1); /* too small: not kept */
  timing_top_offer(top, &n, 3, "e", 7);
  assert_int_equal(n, 3);
  assert_string_equal(top[0].name, "b");
  assert_string_equal(top[1].name, "e");
  assert_string_equal(top[2].name, "a");
}

static void rule_counts(void **state) {
  (void)state;
  Source src = {0};
  const RuleMeta *hand = rules_find("channel-hand-built");
  const RuleMeta *hook = rules_find("hook-deprecated");
  Diag items[5] = {
      {.rule = hook, .severity = SEV_WARNING, .src = &src},
      {.rule = hand, .severity = SEV_ERROR, .src = &src, .fix = {.applicability = FIX_SAFE}},
      {.rule = hand, .severity = SEV_WARNING, .src = &src},
      {.rule = hand, .severity = SEV_ERROR, .src = &src, .suppressed = true},
      {.rule = hook, .severity = SEV_WARNING, .src = &src, .baseline_state = BASELINE_UNCHANGED},
  };
  LintResult r = {.diags = {items, 5, 5}};
  RuleCount counts[RULES_MAX];
  OutputOptions opt = {0};
  size_t n = output_rule_counts(&r, &opt, counts);
  assert_int_equal(n, 2);
  assert_ptr_equal(counts[0].rule, hand); /* most findings first */
  assert_int_equal(counts[0].errors, 1);
  assert_int_equal(counts[0].warnings, 1);
  assert_int_equal(counts[0].fixable, 1);
  assert_ptr_equal(counts[1].rule, hook);
  assert_int_equal(counts[1].warnings, 1);
  /* --quiet: warnings are not shown, so not counted. */
  opt.quiet = true;
  n = output_rule_counts(&r, &opt, counts);
  assert_int_equal(n, 1);
  assert_int_equal(counts[0].errors, 1);
  assert_int_equal(counts[0].warnings, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(colour_order),    cmocka_unit_test(component_globs),
      cmocka_unit_test(plan_from_files), cmocka_unit_test(top_table),
      cmocka_unit_test(rule_counts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
