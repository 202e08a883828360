/* Path classification for the provider rules (rules/app_paths.h). */
#include "test_helpers.h"

#include "rules/app_paths.h"

static void test_has_dirs_matches_whole_segments(void **state) {
  (void)state;
  assert_true(path_has_dirs("components/A.tsx", "components"));
  assert_true(path_has_dirs("fixtures/rules/x/components/A.tsx", "components"));
  assert_true(path_has_dirs("src/app/api/route.ts", "app/api"));
  assert_true(path_has_dirs("app/api/", "app/api")); /* trailing separator in dirs ignored */
  assert_true(path_has_dirs("a\\app\\api\\route.ts", "app/api"));
  /* Segments, not substrings. */
  assert_false(path_has_dirs("mycomponents/A.tsx", "components"));
  assert_false(path_has_dirs("components-old/A.tsx", "components"));
  assert_false(path_has_dirs("webapp/api/route.ts", "app/api"));
  assert_false(path_has_dirs("app/apis/route.ts", "app/api"));
  /* The file name is not a folder. */
  assert_false(path_has_dirs("lib/components", "components"));
  assert_false(path_has_dirs("app/api.ts", "app/api"));
  assert_false(path_has_dirs("", "app"));
  assert_false(path_has_dirs("app/page.tsx", ""));
}

static void test_component_code(void **state) {
  (void)state;
  assert_true(path_is_component_code("components/inbox/Feed.tsx"));
  assert_true(path_is_component_code("hooks/useTyping.ts"));
  assert_true(path_is_component_code("app/widget/page.tsx"));
  assert_true(path_is_component_code("app/dashboard/inbox/page.tsx"));
  assert_true(path_is_component_code("src/components/Widget.tsx"));
  assert_true(path_is_component_code("src/app/dashboard/page.tsx"));
  assert_true(path_is_component_code("fixtures/rules/x/components/A.tsx"));
  assert_true(path_is_component_code("/abs/project/hooks/useX.mts"));
  /* Infrastructure and API routes are exempt, even inside component folders. */
  assert_false(path_is_component_code("app/api/typing/route.ts"));
  assert_false(path_is_component_code("src/app/api/typing/route.ts"));
  assert_false(path_is_component_code("lib/realtime/channel-manager.ts"));
  assert_false(path_is_component_code("components/lib/realtime/bridge.ts"));
  /* Other folders and other file kinds. */
  assert_false(path_is_component_code("contexts/OrganizationRealtimeProvider.tsx"));
  assert_false(path_is_component_code("lib/services/broadcast.ts"));
  assert_false(path_is_component_code("components.tsx"));
  assert_false(path_is_component_code("components/types.d.ts"));
  assert_false(path_is_component_code("components/styles.css"));
  assert_false(path_is_component_code("components/legacy.js"));
}

static void test_dashboard(void **state) {
  (void)state;
  assert_true(path_is_dashboard("app/dashboard/layout.tsx"));
  assert_true(path_is_dashboard("app/dashboard/inbox/page.tsx"));
  assert_true(path_is_dashboard("src/app/dashboard/settings/page.tsx"));
  assert_false(path_is_dashboard("app/widget/page.tsx"));
  assert_false(path_is_dashboard("components/dashboard/Panel.tsx"));
  assert_false(path_is_dashboard("app/dashboard.tsx"));
  assert_false(path_is_dashboard("app/dashboards/page.tsx"));
}

static void test_route_files(void **state) {
  (void)state;
  assert_true(path_is_route_file("app/layout.tsx"));
  assert_true(path_is_route_file("app/widget/page.tsx"));
  assert_true(path_is_route_file("src/app/(marketing)/about/page.tsx"));
  assert_true(path_is_route_file("app/widget/template.tsx"));
  assert_true(path_is_route_file("app/widget/not-found.tsx"));
  assert_true(path_is_route_file("app/global-error.tsx"));
  assert_true(path_is_route_file("pages/legacy.tsx"));
  assert_true(path_is_route_file("src/pages/_app.tsx"));
  assert_false(path_is_route_file("pages/api/hello.ts"));
  assert_false(path_is_route_file("app/widget/WidgetChat.tsx"));
  assert_false(path_is_route_file("app/widget/pages.tsx"));
  assert_false(path_is_route_file("components/page.tsx"));
  assert_false(path_is_route_file("page.tsx"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_has_dirs_matches_whole_segments),
      cmocka_unit_test(test_component_code),
      cmocka_unit_test(test_dashboard),
      cmocka_unit_test(test_route_files),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
