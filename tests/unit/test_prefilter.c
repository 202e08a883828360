/* The prefilter's per-rule decisions: needles, the deprecated hooks of the
 * standards, and a rule's own text refinement (may_fire). */
#include "test_helpers.h"

#include "engine/prefilter.h"

BUILTIN_CATALOG_FIXTURE

static bool wants(const RuleMeta *rule, const char *text) {
  RuleSelection sel;
  selection_defaults(&sel);
  Prefilter pf;
  prefilter_init(&pf, &sel, &std);
  bool yes = prefilter_rule_wants(&pf, rule, &std, text);
  prefilter_free(&pf);
  return yes;
}

static void test_needles(void **state) {
  (void)state;
  assert_true(wants(&rule_supabase_channel_direct, "supabase.channel(name)"));
  assert_false(wants(&rule_supabase_channel_direct, "export const answer = 42;"));
  assert_true(wants(&rule_hook_deprecated, "useRealTimeMessaging(orgId)"));
  assert_false(wants(&rule_hook_deprecated, "useRealtime({ type: 'x' })"));
}

static void test_messages_table_refinement(void **state) {
  (void)state;
  const RuleMeta *r = &rule_message_missing_organization_id;
  assert_false(wants(r, "await db.from(\"tickets\").insert({ title });"));
  assert_false(wants(r, "db.from('tickets').insert(a); db.from(`notes`).upsert(b);"));
  assert_true(wants(r, "db.from(\"messages\").insert({ content });"));
  assert_true(wants(r, "db.from( 'messages' ).insert({ content });"));
  assert_true(wants(r, "db.from('tickets').insert(a); db.from(\"messages\").insert(b);"));
  assert_true(wants(r, "db.from(TABLES.messages).insert({ content });"));
  assert_true(wants(r, "db.from(`mess${suffix}`).insert({ content });"));
  assert_true(wants(r, "db.from('mess\\u0061ges').insert({ content });"));
  assert_true(wants(r, "db.insert(x); db.from('unterminated"));
  assert_false(wants(r, "db.from('messages').select('*');"));
}

static void test_disabled_prefilter_wants_everything(void **state) {
  (void)state;
  RuleSelection sel;
  selection_defaults(&sel);
  Prefilter pf;
  prefilter_init(&pf, &sel, &std);
  pf.always = true;
  assert_true(prefilter_rule_wants(&pf, &rule_message_missing_organization_id, &std,
                                   "db.from('tickets').insert(a);"));
  assert_true(prefilter_rule_wants(NULL, &rule_supabase_channel_direct, &std, "nothing"));
  prefilter_free(&pf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_needles),
      cmocka_unit_test(test_messages_table_refinement),
      cmocka_unit_test(test_disabled_prefilter_wants_everything),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
