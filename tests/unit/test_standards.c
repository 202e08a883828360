/* The catalog and the seed's validation functions, checked against every
 * example the standards document gives and against near misses. */
#include "test_helpers.h"

#include "core/util.h"
#include "standards/standards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

BUILTIN_CATALOG_FIXTURE

static void catalog_has_every_channel_function(void **state) {
  (void)state;
  static const char *const names[] = {"organization",
                                      "conversations",
                                      "agentsPresence",
                                      "notifications",
                                      "activity",
                                      "metrics",
                                      "conversation",
                                      "conversationTyping",
                                      "conversationPresence",
                                      "conversationHandover",
                                      "conversationStatus",
                                      "user",
                                      "userNotifications",
                                      "userPresence",
                                      "userActivity",
                                      "widget",
                                      "widgetVisitor",
                                      "system",
                                      "health",
                                      "performance"};
  assert_int_equal(std.nchannels, sizeof names / sizeof names[0]);
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    assert_non_null(std_channel_by_name(&std, names[i]));
  /* The seed: widget(orgId, convId) === conversation(orgId, convId). */
  assert_string_equal(std_channel_by_name(&std, "widget")->shape,
                      std_channel_by_name(&std, "conversation")->shape);
  assert_string_equal(std_channel_by_name(&std, "conversationTyping")->shape,
                      "org:{0}:conv:{1}:typing");
}

static void catalog_has_every_event(void **state) {
  (void)state;
  assert_int_equal(std.nevents, 44);
  assert_string_equal(std_event_by_key(&std, "READ_RECEIPT")->value, "read:receipt");
  assert_string_equal(std_event_by_key(&std, "TYPING_START")->value, "typing:start");
  assert_string_equal(std_event_by_value(&std, "visitor:page:view")->key, "VISITOR_PAGE_VIEW");
  assert_string_equal(std_event_by_value(&std, "system:health:check")->key, "SYSTEM_HEALTH_CHECK");
}

static void seed_channel_examples_are_valid(void **state) {
  (void)state;
  static const char *const valid[] = {
      "org:abc123:conversations",
      "org:abc123:conv:conv456",
      "org:abc123:conv:conv456:typing",
      "org:abc123:agents:presence",
      "org:abc123:user:user789:notifications",
      "org:abc123",
      "org:abc123:notifications",
      "org:abc123:activity",
      "org:abc123:metrics",
      "org:abc123:conv:c:presence",
      "org:abc123:conv:c:handover",
      "org:abc123:conv:c:status",
      "org:abc123:user:u",
      "org:abc123:user:u:presence",
      "org:abc123:user:u:activity",
      "org:abc123:widget:c",
      "org:abc123:widget:visitor:v",
      "system:announcements",
      "system:health",
      "system:performance",
  };
  for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
    if (!std_valid_channel(&std, valid[i]))
      fail_msg("expected valid: %s", valid[i]);
}

static void near_misses_are_invalid(void **state) {
  (void)state;
  static const char *const invalid[] = {
      "org:abc:conversation:c", /* conv, not conversation */
      "org:abc:conversations:c",
      "conversation:c",
      "typing:c",
      "org::conversations",
      "org:abc:conv:c:typing:extra",
      "org:abc:agents",
      "org:abc:user:u:typing",
      "system:alerts",
      "system:health:x",
      "Org:abc",
      "",
      "org:abc:conv:c:",
  };
  for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
    if (std_valid_channel(&std, invalid[i]))
      fail_msg("expected invalid: '%s'", invalid[i]);
}

static void every_catalog_shape_validates(void **state) {
  (void)state;
  for (size_t i = 0; i < std.nchannels; i++) {
    char buf[256] = "";
    for (const char *s = std.channels[i].shape; *s; s++) {
      if (*s == '{') {
        strcat(buf, "id1");
        s = strchr(s, '}');
      } else {
        strncat(buf, s, 1);
      }
    }
    if (!std_valid_channel(&std, buf))
      fail_msg("catalog shape %s (%s) fails validation", std.channels[i].name, buf);
  }
}

static void extract_functions_follow_the_seed(void **state) {
  (void)state;
  char *s;
  assert_string_equal(s = std_extract_org_id("org:abc123:conv:c1"), "abc123");
  free(s);
  assert_string_equal(s = std_extract_resource_type("org:abc123:conv:c1"), "conv");
  free(s);
  assert_string_equal(s = std_extract_resource_id("org:abc123:conv:c1:typing"), "c1");
  free(s);
  assert_null(std_extract_org_id("system:health"));
  assert_null(std_extract_resource_type("org:abc123"));
  assert_null(std_extract_resource_id("org:abc123:conversations"));
  assert_string_equal(s = std_extract_org_id("org:abc123"), "abc123");
  free(s);
}

static void event_validation_is_exact(void **state) {
  (void)state;
  assert_true(std_valid_event(&std, "typing:start"));
  assert_true(std_valid_event(&std, "message:status:read"));
  assert_false(std_valid_event(&std, "message:status"));
  assert_false(std_valid_event(&std, "typing_indicator"));
  assert_false(std_valid_event(&std, "typing.start"));
  assert_false(std_valid_event(&std, "Typing:Start"));
}

static void migrations_map_old_names(void **state) {
  (void)state;
  const EventMigration *m = std_event_migration(&std, "typing_start");
  assert_non_null(m);
  assert_int_equal(m->nkeys, 1);
  assert_string_equal(m->keys[0], "TYPING_START");
  m = std_event_migration(&std, "typing_indicator");
  assert_non_null(m);
  assert_int_equal(m->nkeys, 2);
  assert_non_null(std_hook(&std, "useTypingIndicator"));
  assert_null(std_hook(&std, "useRealtime"));
  /* Every migration target is a real UNIFIED_EVENTS key. */
  for (size_t i = 0; i < std.nmigrations; i++)
    for (size_t k = 0; k < std.migrations[i].nkeys; k++)
      if (!std_event_by_key(&std, std.migrations[i].keys[k]))
        fail_msg("%s maps to unknown key %s", std.migrations[i].old_name,
                 std.migrations[i].keys[k]);
}

/* rules/migrations.json "event_spellings": other separators, one for one,
 * and other letter case are near misses of exactly one value. */
static void near_miss_spellings(void **state) {
  (void)state;
  const char *const near[] = {"typing.start", "typing-start",        "typing_start", "TYPING:START",
                              "Typing.Start", "message.status.read", "typing/start"};
  for (size_t i = 0; i < sizeof near / sizeof near[0]; i++) {
    const EventDef *def = std_event_near_miss(&std, near[i]);
    if (!def)
      fail_msg("%s is no near miss", near[i]);
    assert_string_equal(def->key, strncmp(near[i], "message", 7) == 0 ? "MESSAGE_STATUS_READ"
                                                                      : "TYPING_START");
  }
  const char *const far[] = {"typing:start", "typingstart",    "typing..start", "typing.begin",
                             "message.new",  "message:status", "typing:start:", ""};
  for (size_t i = 0; i < sizeof far / sizeof far[0]; i++)
    if (std_event_near_miss(&std, far[i]))
      fail_msg("%s is taken for a near miss", far[i]);
  /* Two values spelled alike: which one is meant cannot be told. */
  Standards two = std;
  EventDef both[] = {{"TYPING_START", "typing:start"}, {"TYPING_STARTED", "typing-start"}};
  two.events = both;
  two.nevents = 2;
  assert_null(std_event_near_miss(&two, "typing.start"));
  assert_null(std_event_near_miss(&two, "typing-start"));
  /* Without the data, nothing is a near miss. */
  Standards bare = std;
  bare.event_separators = NULL;
  bare.event_ignore_case = false;
  assert_null(std_event_near_miss(&bare, "typing.start"));
  assert_null(std_event_near_miss(&bare, "TYPING:START"));
}

/* rules/migrations.json "event_synonyms": other words for a catalog value's
 * words, in any order, name exactly that value. */
static void synonyms_name_one_value(void **state) {
  (void)state;
  static const char *const named[][2] = {
      {"typing.began", "TYPING_START"},
      {"typing_started", "TYPING_START"},
      {"TYPING_ENDED", "TYPING_STOP"},
      {"typingStopped", "TYPING_STOP"},
      {"message.new", "MESSAGE_CREATED"},
      {"message.posted", "MESSAGE_CREATED"},
      {"new.message", "MESSAGE_CREATED"},
      {"messageCreated", "MESSAGE_CREATED"},
      {"notification_new", "NOTIFICATION_CREATED"},
      {"notificationSeen", "NOTIFICATION_READ"},
      {"conversation.changed", "CONVERSATION_UPDATED"},
      {"typing.updated", "TYPING_UPDATE"},
      {"presence_joined", "PRESENCE_JOIN"},
      {"visitor.leave", "VISITOR_LEFT"},
      {"message-removed", "MESSAGE_DELETED"},
  };
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
    const EventDef *def = std_event_synonym(&std, named[i][0]);
    if (!def)
      fail_msg("%s names no catalog value", named[i][0]);
    assert_string_equal(def->key, named[i][1]);
  }
  /* A resource the catalog lacks, a word too many or too few, empty words,
   * a catalog value itself. */
  const char *const unnamed[] = {"thread.closed",
                                 "reaction.added",
                                 "typing",
                                 "message.seen",
                                 "typing.began.now",
                                 "typing..began",
                                 "typing.began.",
                                 ".typing.began",
                                 "typing:start",
                                 "message:status",
                                 ""};
  for (size_t i = 0; i < sizeof unnamed / sizeof unnamed[0]; i++)
    if (std_event_synonym(&std, unnamed[i]))
      fail_msg("%s is taken to name a catalog value", unnamed[i]);
  /* No two catalog values have the same words once read through the map:
   * each is named by its own words. */
  for (size_t i = 0; i < std.nevents; i++) {
    char dotted[64];
    snprintf(dotted, sizeof dotted, "%s", std.events[i].value);
    for (char *c = dotted; *c; c++)
      *c = *c == ':' ? '.' : *c;
    const EventDef *def = std_event_synonym(&std, dotted);
    if (!def || def != &std.events[i])
      fail_msg("%s does not name %s alone", dotted, std.events[i].key);
  }
  /* Two values with the same words: which one is meant cannot be told. */
  Standards two = std;
  EventDef both[] = {{"TYPING_START", "typing:start"}, {"TYPING_BEGIN", "typing:begin"}};
  two.events = both;
  two.nevents = 2;
  assert_null(std_event_synonym(&two, "typing.began"));
  /* Yet it resembles an event of the catalog: not one the catalog lacks. */
  assert_true(std_event_resembles(&two, "typing.began"));
  assert_true(std_event_resembles(&std, "typing.began"));
  assert_true(std_event_resembles(&std, "TYPING-START"));
  assert_false(std_event_resembles(&std, "thread.closed"));
  assert_false(std_event_resembles(&std, "upload_started"));
  assert_false(std_event_resembles(&std, "typing:start")); /* a value itself */
  /* Without the map, other words name nothing; case counts when the data
   * says so. */
  Standards bare = std;
  bare.nevent_synonyms = 0;
  assert_null(std_event_synonym(&bare, "typing.began"));
  assert_string_equal(std_event_synonym(&bare, "typing.start")->key, "TYPING_START");
  bare = std;
  bare.event_ignore_case = false;
  assert_null(std_event_synonym(&bare, "TYPING_ENDED"));
}

/* rules/migrations.json "hooks" carry the useRealtime mapping the
 * hook-deprecated suggestion follows. */
static void hook_migrations_carry_their_mapping(void **state) {
  (void)state;
  const HookMigration *t = std_hook(&std, "useTypingIndicator");
  assert_int_equal(t->arguments, HOOK_ARGS_POSITIONAL);
  assert_string_equal(t->type, "widget");
  assert_true(t->nparams >= 2);
  assert_string_equal(t->params[0], "conversationId");
  assert_string_equal(hook_map_lookup(t->options, t->noptions, "organizationId"), "organizationId");
  assert_null(hook_map_lookup(t->options, t->noptions, "userId"));
  const HookMigration *m = std_hook(&std, "useRealTimeMessaging");
  assert_int_equal(m->arguments, HOOK_ARGS_OBJECT);
  assert_string_equal(m->type, "folder");
  assert_string_equal(std.realtime_hook, "useRealtime");
  assert_true(std.nrealtime_modules >= 1);
  assert_string_equal(std.realtime_modules[0], "@/hooks/useRealtime");
  /* Every option key a mapping writes is one useRealtime takes. */
  for (size_t h = 0; h < std.nhooks; h++)
    for (size_t i = 0; i < std.hooks[h].noptions; i++) {
      const char *to = std.hooks[h].options[i].to;
      if (to && strcmp(to, "organizationId") && strcmp(to, "conversationId") && strcmp(to, "type"))
        fail_msg("%s maps %s to unknown option %s", std.hooks[h].hook, std.hooks[h].options[i].from,
                 to);
    }
}

static void learns_from_the_sample_apps_standards_file(void **state) {
  (void)state;
  Standards learned;
  char *err = NULL;
  assert_true(std_load_builtin(&learned, &err));
  assert_true(std_learn_from_file(&learned,
                                  "fixtures/campfire-app/lib/realtime/unified-channel-standards.ts",
                                  "unified-channel-standards.ts", &err));
  assert_true(learned.learned);
  assert_int_equal(learned.nchannels, std.nchannels);
  assert_int_equal(learned.nevents, std.nevents);
  for (size_t i = 0; i < std.nchannels; i++) {
    const ChannelFn *l = std_channel_by_name(&learned, std.channels[i].name);
    assert_non_null(l);
    assert_string_equal(l->shape, std.channels[i].shape);
  }
  std_free(&learned);
}

static void learning_from_a_file_without_standards_fails(void **state) {
  (void)state;
  Standards s;
  char *err = NULL;
  assert_true(std_load_builtin(&s, &err));
  assert_false(std_learn_from_file(&s, "fixtures/campfire-app/hooks/useRealtime.ts", "x.ts", &err));
  assert_non_null(strstr(err, "neither UNIFIED_CHANNELS nor UNIFIED_EVENTS"));
  free(err);
  assert_false(s.learned);
  std_free(&s);
}

/* A function whose body is not a template, then a property that is not a
 * function: the second entry used to free the first one's leftovers again. */
static void learning_skips_unusable_entries_without_freeing_twice(void **state) {
  (void)state;
  static const char text[] = "export const UNIFIED_CHANNELS = {\n"
                             "  conv: (o, c) => `org:${o}:conv:${c}`,\n"
                             "  custom: (o) => build(o),\n"
                             "  VERSION: 2,\n"
                             "  other: (o) => { return helper(o) },\n"
                             "  NAME: 'x',\n"
                             "  room: (o) => `org:${o}:room`,\n"
                             "};\n";
  Standards s;
  char *err = NULL;
  assert_true(std_load_builtin(&s, &err));
  assert_true(
      std_learn_from_memory(&s, text, sizeof text - 1, "standards.ts", "standards.ts", &err));
  assert_null(err);
  assert_int_equal(s.nchannels, 2);
  assert_string_equal(std_channel_by_name(&s, "conv")->shape, "org:{0}:conv:{1}");
  assert_string_equal(std_channel_by_name(&s, "room")->shape, "org:{0}:room");
  assert_null(std_channel_by_name(&s, "custom"));
  std_free(&s);
}

/* The module's own isValidChannelName pattern list replaces the seed's org
 * patterns: a shape the project adds is valid, one it leaves out is not. */
static void learns_the_modules_channel_patterns(void **state) {
  (void)state;
  static const char text[] = "export const UNIFIED_CHANNELS = {\n"
                             "  uploads: (orgId: string) => `org:${orgId}:uploads`,\n"
                             "};\n"
                             "export function isValidChannelName(name: string): boolean {\n"
                             "  if (name.startsWith('org:')) {\n"
                             "    const patterns = [\n"
                             "      /^org:[^:]+$/, // org:orgId\n"
                             "      /^org:[^:]+:uploads$/,\n"
                             "    ];\n"
                             "    return patterns.some((p) => p.test(name));\n"
                             "  }\n"
                             "  return false;\n"
                             "}\n";
  Standards s;
  char *err = NULL;
  assert_true(std_load_builtin(&s, &err));
  assert_false(std_valid_channel(&s, "org:o1:uploads"));
  assert_true(
      std_learn_from_memory(&s, text, sizeof text - 1, "standards.ts", "standards.ts", &err));
  assert_int_equal(s.nchannel_patterns, 2);
  assert_true(std_valid_channel(&s, "org:o1:uploads"));
  assert_true(std_valid_channel(&s, "org:o1"));
  assert_false(std_valid_channel(&s, "org:o1:conversations")); /* the seed's, not the module's */
  assert_true(std_valid_channel(&s, "system:health"));         /* the seed's system pattern */
  std_free(&s);
}

/* A validator rtlint cannot read as one list of org regexes keeps the seed's
 * patterns: one regex, a pattern with flags, one that is no org pattern. */
static void keeps_the_seed_patterns_for_other_validators(void **state) {
  (void)state;
  static const char *const bodies[] = {
      "  return /^org:[^:]+(:uploads)?$/.test(name);\n",
      "  const patterns = [/^org:[^:]+$/i];\n  return patterns.some((p) => p.test(name));\n",
      "  const patterns = [/^org:[^:]+$/, /^team:[^:]+$/];\n"
      "  return patterns.some((p) => p.test(name));\n",
      "  const a = [/^org:[^:]+$/];\n  const b = [/^org:[^:]+:uploads$/];\n"
      "  return [...a, ...b].some((p) => p.test(name));\n",
  };
  for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
    char *text = xasprintf("export const UNIFIED_CHANNELS = {\n"
                           "  uploads: (orgId: string) => `org:${orgId}:uploads`,\n"
                           "};\n"
                           "export function isValidChannelName(name: string): boolean {\n%s}\n",
                           bodies[i]);
    Standards s;
    char *err = NULL;
    assert_true(std_load_builtin(&s, &err));
    assert_true(std_learn_from_memory(&s, text, strlen(text), "standards.ts", "s.ts", &err));
    assert_int_equal(s.nchannel_patterns, 0);
    assert_false(std_valid_channel(&s, "org:o1:uploads"));
    assert_true(std_valid_channel(&s, "org:o1:conversations"));
    std_free(&s);
    free(text);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(catalog_has_every_channel_function),
      cmocka_unit_test(catalog_has_every_event),
      cmocka_unit_test(seed_channel_examples_are_valid),
      cmocka_unit_test(near_misses_are_invalid),
      cmocka_unit_test(every_catalog_shape_validates),
      cmocka_unit_test(extract_functions_follow_the_seed),
      cmocka_unit_test(event_validation_is_exact),
      cmocka_unit_test(migrations_map_old_names),
      cmocka_unit_test(near_miss_spellings),
      cmocka_unit_test(synonyms_name_one_value),
      cmocka_unit_test(hook_migrations_carry_their_mapping),
      cmocka_unit_test(learns_from_the_sample_apps_standards_file),
      cmocka_unit_test(learning_from_a_file_without_standards_fails),
      cmocka_unit_test(learning_skips_unusable_entries_without_freeing_twice),
      cmocka_unit_test(learns_the_modules_channel_patterns),
      cmocka_unit_test(keeps_the_seed_patterns_for_other_validators),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
