/* A fix writes only names bound where it lands (src/fix/bound.c): the code's
 * own parameter names pass, a caller's or the standards' names do not. */
#include "test_helpers.h"

#include "core/util.h"
#include "fix/bound.h"
#include "fix/org_id.h"

#include <string.h>

#define CASES "tests/unit/fix_bound/cases.ts"
#define ORG_IDS "tests/unit/fix_bound/org_ids.ts"

BUILTIN_CATALOG_FIXTURE

/* The byte range of the first occurrence of `needle` in m. */
static void range_of(const Module *m, const char *needle, uint32_t *start, uint32_t *end) {
  const char *at = strstr(m->src.bytes, needle);
  assert_non_null(at);
  *start = (uint32_t)(at - m->src.bytes);
  *end = *start + (uint32_t)strlen(needle);
}

static bool bound(const Module *m, const char *site, const char *text) {
  uint32_t start, end;
  range_of(m, site, &start, &end);
  return fix_names_bound(m, start, end, text, "UNIFIED_CHANNELS");
}

static void names_must_be_bound_at_the_edit(void **state) {
  (void)state;
  Project proj;
  project_init(&proj, &std);
  Module *m = project_module(&proj, CASES);
  assert_non_null(m);
  assert_non_null(m->tree);
  const char *room = "`org:${orgId}:conv:${conv.id}`";
  assert_true(bound(m, room, "UNIFIED_CHANNELS.conversation(orgId, conv.id)"));
  /* A caller's argument, and the standards' own parameter name. */
  assert_false(bound(m, room, "UNIFIED_CHANNELS.conversation(organizationId, conv.id)"));
  assert_false(bound(m, room, "UNIFIED_CHANNELS.conversation(orgId, convId)"));
  /* Property names and string literals are not names. */
  assert_true(bound(m, room, "UNIFIED_CHANNELS.conversation(orgId, \"conversationId\")"));
  assert_true(bound(m, room, "UNIFIED_CHANNELS.conversation(orgId, conv . id)"));
  const char *handover = "`org:${org}:conv:${id}:handover`";
  assert_true(bound(m, handover, "UNIFIED_CHANNELS.conversationHandover(org, id)"));
  assert_false(bound(m, handover, "UNIFIED_CHANNELS.conversationHandover(org, conversationId)"));
  /* A local of the imported name's spelling: the import would not reach. */
  assert_false(bound(m, "`org:${orgId}:conversations`", "UNIFIED_CHANNELS.conversations(orgId)"));
  /* A global written in the replaced text stays as bound as it was. */
  assert_true(bound(m, "`org:${window.orgId}:conversations`",
                    "UNIFIED_CHANNELS.conversations(window.orgId)"));
  /* An import the file already has counts as bound. */
  assert_true(bound(m, room, "UNIFIED_EVENTS.TYPING_START"));
  /* A name in a parameter's type annotation binds nothing. */
  assert_false(bound(m, "`conversation:${conversationId}:eight`",
                     "UNIFIED_CHANNELS.conversation(organizationId, conversationId)"));
  assert_true(bound(m, "`conversation:${conversationId}:eight`",
                    "UNIFIED_CHANNELS.conversation(\"o\", conversationId)"));
  /* An unterminated string is not a name list we can trust. */
  assert_false(bound(m, room, "f(\"orgId)"));
  project_free(&proj);
}

/* How many names of the organization-id role are bound at `site`; the
 * first in *first. */
static size_t org_ids(Arena *a, const Module *m, const char *site, const char **first) {
  uint32_t start, end;
  range_of(m, site, &start, &end);
  *first = NULL;
  return fix_org_ids_bound(a, m, start, end, first, 1);
}

/* The organization id a fix may write: the role's names bound and declared
 * before the edit, all of them counted so a fix can refuse to choose. */
static void org_id_names_are_counted(void **state) {
  (void)state;
  Project proj;
  project_init(&proj, &std);
  Module *m = project_module(&proj, ORG_IDS);
  assert_non_null(m);
  assert_non_null(m->tree);
  Arena a = {0};
  const char *first;
  assert_int_equal(org_ids(&a, m, "site_one", &first), 1);
  assert_string_equal(first, "orgId");
  /* Both counted, the most specific first. */
  assert_int_equal(org_ids(&a, m, "site_two", &first), 2);
  assert_string_equal(first, "organizationId");
  assert_int_equal(org_ids(&a, m, "site_none", &first), 0);
  assert_null(first);
  assert_int_equal(org_ids(&a, m, "site_object", &first), 1);
  assert_string_equal(first, "org.id");
  /* Declared after the edit: in its temporal dead zone there. */
  assert_int_equal(org_ids(&a, m, "site_tdz", &first), 0);
  assert_int_equal(org_ids(&a, m, "site_destructured", &first), 1);
  assert_string_equal(first, "organization_id");
  arena_free(&a);
  project_free(&proj);
}

static bool same(const Module *m, const char *a, const char *b, const char *text) {
  uint32_t as, ae, bs, be;
  range_of(m, a, &as, &ae);
  range_of(m, b, &bs, &be);
  return fix_names_mean_same(m, as, ae, bs, be, text);
}

/* An expression written at two places denotes one value only when each of
 * its names has the same declaration at both. */
static void names_mean_the_same_at_both_places(void **state) {
  (void)state;
  Project proj;
  project_init(&proj, &std);
  Module *m = project_module(&proj, CASES);
  assert_non_null(m);
  /* The same parameter, in a nested function that does not shadow it. */
  assert_true(same(m, "`org:${orgId}:one`", "`org:${orgId}:three`", "f(orgId)"));
  /* A nested parameter of the same spelling is another value. */
  assert_false(same(m, "`org:${orgId}:one`", "`org:${orgId}:two`", "f(orgId)"));
  /* Another function's parameter. */
  assert_false(same(m, "`org:${orgId}:one`", "`org:${orgId}:four`", "f(orgId)"));
  /* Names destructured in parameters: told apart by their function. */
  assert_true(same(m, "`org:${orgId}:five`", "`org:${orgId}:seven`", "f(orgId)"));
  assert_false(same(m, "`org:${orgId}:five`", "`org:${orgId}:six`", "f(orgId)"));
  /* Globals, properties and strings are the same everywhere. */
  assert_true(same(m, "`org:${orgId}:one`", "`org:${orgId}:four`", "window.x(\"orgId\")"));
  project_free(&proj);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(names_must_be_bound_at_the_edit),
                                     cmocka_unit_test(org_id_names_are_counted),
                                     cmocka_unit_test(names_mean_the_same_at_both_places)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
