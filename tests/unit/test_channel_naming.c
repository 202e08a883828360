/* The channel rules' shared judgement: holes as one segment, the near-miss
 * finder and legacy hints of channel_naming.c. */
#include "test_helpers.h"

#include "core/util.h"
#include "rules/channel_naming.h"
#include "rules/channel_new_entry.h"

#include <stdlib.h>
#include <string.h>

static Standards std;
static Arena arena;

static int setup(void **state) {
  (void)state;
  return test_load_builtin(&std);
}

static int teardown(void **state) {
  (void)state;
  std_free(&std);
  arena_free(&arena);
  return 0;
}

/* "org:${orgId}:conv:${convId}" -> parts; `${x}` is a hole named x. */
static ValAlt alt_of(const char *spec) {
  ValAlt alt;
  memset(&alt, 0, sizeof alt);
  alt.parts = arena_calloc(&arena, 16 * sizeof *alt.parts);
  const char *s = spec;
  while (*s) {
    ValPart *p = &alt.parts[alt.nparts++];
    if (strncmp(s, "${", 2) == 0) {
      const char *close = strchr(s, '}');
      p->hole = true;
      p->text = arena_strndup(&arena, s + 2, (size_t)(close - s - 2));
      s = close + 1;
    } else {
      const char *next = strstr(s, "${");
      size_t len = next ? (size_t)(next - s) : strlen(s);
      p->text = arena_strndup(&arena, s, len);
      s += len;
    }
  }
  return alt;
}

static void assert_near_miss(const char *spec, const char *fn, const char *shape,
                             const char *call) {
  ValAlt alt = alt_of(spec);
  ChannelHint h = channel_hint(&arena, &std, &alt);
  assert_int_equal(h.kind, CHANNEL_HINT_NEAR_MISS);
  assert_string_equal(h.fn->name, fn);
  assert_string_equal(h.shape, shape);
  assert_string_equal(h.call, call);
}

static void near_miss_conversation_means_conv(void **state) {
  (void)state;
  assert_near_miss("org:${orgId}:conversation:${convId}", "conversation",
                   "org:{orgId}:conv:{convId}", "UNIFIED_CHANNELS.conversation(orgId, convId)");
  /* Plural too: substituting the keyword beats dropping the id. */
  assert_near_miss("org:${o}:conversations:${c}", "conversation", "org:{orgId}:conv:{convId}",
                   "UNIFIED_CHANNELS.conversation(o, c)");
}

static void near_miss_typos_and_missing_keywords(void **state) {
  (void)state;
  assert_near_miss("org:${o}:conv:${c}:typng", "conversationTyping",
                   "org:{orgId}:conv:{convId}:typing", "UNIFIED_CHANNELS.conversationTyping(o, c)");
  assert_near_miss("org:${o}:conv:${c}:typing_indicator", "conversationTyping",
                   "org:{orgId}:conv:{convId}:typing", "UNIFIED_CHANNELS.conversationTyping(o, c)");
  assert_near_miss("org:${o}:presence", "agentsPresence", "org:{orgId}:agents:presence",
                   "UNIFIED_CHANNELS.agentsPresence(o)");
  assert_near_miss("org:${o}:agents:presense", "agentsPresence", "org:{orgId}:agents:presence",
                   "UNIFIED_CHANNELS.agentsPresence(o)");
  /* A literal id becomes a quoted argument. */
  assert_near_miss("org:acme:users:${u}", "user", "org:{orgId}:user:{userId}",
                   "UNIFIED_CHANNELS.user(\"acme\", u)");
}

/* rules/migrations.json "channel_resources": thread, room, chat -> conversation. */
static void other_words_for_a_resource(void **state) {
  (void)state;
  assert_near_miss("org:${orgId}:thread:${threadId}", "conversation", "org:{orgId}:conv:{convId}",
                   "UNIFIED_CHANNELS.conversation(orgId, threadId)");
  assert_near_miss("org:${o}:Room:${r}:typing", "conversationTyping",
                   "org:{orgId}:conv:{convId}:typing", "UNIFIED_CHANNELS.conversationTyping(o, r)");
  ValAlt alt = alt_of("thread:${threadId}");
  ChannelHint h = channel_hint(&arena, &std, &alt);
  assert_int_equal(h.kind, CHANNEL_HINT_LEGACY);
  assert_string_equal(h.call, "UNIFIED_CHANNELS.conversation(orgId, threadId)");
  /* Only the listed words, and still one keyword off at most. */
  static const char *const far[] = {"org:${o}:threads:${t}:x", "org:${o}:threads",
                                    "org:${o}:thread:${t}:archive", "threads:${t}", NULL};
  for (size_t i = 0; far[i]; i++) {
    alt = alt_of(far[i]);
    assert_int_equal(channel_hint(&arena, &std, &alt).kind, CHANNEL_HINT_NONE);
  }
}

static void far_names_get_no_hint(void **state) {
  (void)state;
  static const char *const specs[] = {"org:${o}:billing:${c}",
                                      "org:${o}:typing:${c}",
                                      "room-${id}",
                                      "org:${o}:billing",
                                      "org:${o}:conv:${c}:typing:indicator",
                                      "org:${o}:conv:${c}:typing:extra:more",
                                      NULL};
  for (size_t i = 0; specs[i]; i++) {
    ValAlt alt = alt_of(specs[i]);
    ChannelHint h = channel_hint(&arena, &std, &alt);
    assert_int_equal(h.kind, CHANNEL_HINT_NONE);
  }
}

static void legacy_shapes_name_the_replacement(void **state) {
  (void)state;
  ValAlt alt = alt_of("conversation:${conversationId}");
  ChannelHint h = channel_hint(&arena, &std, &alt);
  assert_int_equal(h.kind, CHANNEL_HINT_LEGACY);
  assert_string_equal(h.fn->name, "conversation");
  assert_string_equal(h.call, "UNIFIED_CHANNELS.conversation(orgId, conversationId)");
  alt = alt_of("typing:${id}");
  h = channel_hint(&arena, &std, &alt);
  assert_int_equal(h.kind, CHANNEL_HINT_LEGACY);
  assert_string_equal(h.call, "UNIFIED_CHANNELS.conversationTyping(orgId, id)");
  alt = alt_of("notifications:${userId}");
  h = channel_hint(&arena, &std, &alt);
  assert_string_equal(h.call, "UNIFIED_CHANNELS.userNotifications(orgId, userId)");
  /* A prefix that is not in migrations.json is not legacy. */
  alt = alt_of("ticket:${id}");
  assert_int_equal(channel_hint(&arena, &std, &alt).kind, CHANNEL_HINT_NONE);
  /* An organization id where the conversation's belongs: an org-wide
   * channel, not conversationPresence(orgId, orgId); no function of the org
   * id alone is near `org:{}:typing` or `org:{}:user`. */
  const char *org_ids[] = {"typing:${organizationId}", "user:${organization_id}",
                           "typing:${config.orgId}"};
  for (size_t i = 0; i < sizeof org_ids / sizeof *org_ids; i++) {
    alt = alt_of(org_ids[i]);
    assert_int_equal(channel_hint(&arena, &std, &alt).kind, CHANNEL_HINT_NONE);
  }
  /* Names that merely contain "org" are ids like any other. */
  alt = alt_of("presence:${orgConversationId}");
  assert_int_equal(channel_hint(&arena, &std, &alt).kind, CHANNEL_HINT_LEGACY);
  alt = alt_of("presence:${user.id}");
  assert_int_equal(channel_hint(&arena, &std, &alt).kind, CHANNEL_HINT_LEGACY);
}

static void assert_legacy_org(const ValAlt *alt, const char *fn, const char *call) {
  ChannelHint h = channel_hint(&arena, &std, alt);
  assert_int_equal(h.kind, CHANNEL_HINT_LEGACY_ORG);
  assert_string_equal(h.fn->name, fn);
  assert_string_equal(h.call, call);
  assert_non_null(h.args[0]); /* the name's own org id: nothing taken from the scope */
}

/* A template's value starts with an empty literal piece. */
static ValAlt template_of(const char *spec) {
  ValAlt alt = alt_of(spec);
  ValPart *parts = arena_calloc(&arena, (alt.nparts + 1) * sizeof *parts);
  parts[0].text = "";
  memcpy(parts + 1, alt.parts, alt.nparts * sizeof *parts);
  alt.parts = parts;
  alt.nparts++;
  return alt;
}

static void org_wide_legacy_names_take_the_org_function(void **state) {
  (void)state;
  ValAlt alt = alt_of("metrics:${orgId}");
  assert_legacy_org(&alt, "metrics", "UNIFIED_CHANNELS.metrics(orgId)");
  alt = template_of("metrics-${organizationId}");
  assert_legacy_org(&alt, "metrics", "UNIFIED_CHANNELS.metrics(organizationId)");
  alt = alt_of("notifications:${org.id}");
  assert_legacy_org(&alt, "notifications", "UNIFIED_CHANNELS.notifications(org.id)");
  /* A legacy prefix of a conversation channel with an org id in it; the
   * catalog's near miss (one keyword missing) names agents:presence. */
  alt = alt_of("presence:${config.orgId}");
  assert_legacy_org(&alt, "agentsPresence", "UNIFIED_CHANNELS.agentsPresence(config.orgId)");
  alt = alt_of("activty:${orgId}"); /* a typo of the resource */
  assert_legacy_org(&alt, "activity", "UNIFIED_CHANNELS.activity(orgId)");
  /* Not this shape: a resource the catalog lacks, an id that is not the
   * organization's, more after the hole, text inside the segment, two holes. */
  /* Another word for the resource reads as it (`thread` as `conversation`,
   * whose organization-wide channel is conversations), as its spelling does. */
  alt = alt_of("thread:${orgId}");
  assert_legacy_org(&alt, "conversations", "UNIFIED_CHANNELS.conversations(orgId)");
  alt = alt_of("conversation:${orgId}");
  assert_legacy_org(&alt, "conversations", "UNIFIED_CHANNELS.conversations(orgId)");
  const char *none[] = {"uploads:${orgId}",          "threads:${orgId}",
                        "metrics:${conversationId}", "metrics:${orgId}:daily",
                        "metrics:v2-${orgId}",       "metrics:${orgId}${suffix}",
                        "metrics_${orgId}",          "${kind}:${orgId}"};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
    alt = alt_of(none[i]);
    assert_int_equal(channel_hint(&arena, &std, &alt).kind, CHANNEL_HINT_NONE);
  }
}

/* Two functions of the org id equally near: a guess, so no hint. */
static void org_wide_legacy_tie_gets_no_hint(void **state) {
  (void)state;
  Standards two = std;
  ChannelFn fns[2] = {{"agentsPresence", (char *[]){"orgId"}, 1, "org:{0}:agents:presence"},
                      {"visitorsPresence", (char *[]){"orgId"}, 1, "org:{0}:visitors:presence"}};
  two.channels = fns;
  two.nchannels = 2;
  ValAlt alt = alt_of("presence:${orgId}");
  assert_int_equal(channel_hint(&arena, &two, &alt).kind, CHANNEL_HINT_NONE);
  /* One of them alone is the hint. */
  two.nchannels = 1;
  assert_int_equal(channel_hint(&arena, &two, &alt).kind, CHANNEL_HINT_LEGACY_ORG);
}

static void holes_stand_for_one_segment(void **state) {
  (void)state;
  ValAlt alt = alt_of("org:${o}:conv:${c}");
  assert_true(channel_alt_judgeable(&alt));
  assert_true(channel_alt_may_be_valid(&arena, &std, &alt));
  /* A hole in a keyword position may be any keyword. */
  alt = alt_of("org:${o}:${resource}");
  assert_true(channel_alt_may_be_valid(&arena, &std, &alt));
  alt = alt_of("org:${o}:conv:${c}:${action}");
  assert_true(channel_alt_may_be_valid(&arena, &std, &alt));
  /* No keyword makes these valid. */
  alt = alt_of("org:${o}:conversation:${c}");
  assert_false(channel_alt_may_be_valid(&arena, &std, &alt));
  alt = alt_of("org:${o}:${kind}:${c}:typing:extra");
  assert_false(channel_alt_may_be_valid(&arena, &std, &alt));
  alt = alt_of("typing:${c}");
  assert_false(channel_alt_may_be_valid(&arena, &std, &alt));
  /* A hole inside a segment fills with an id, never a keyword. */
  alt = alt_of("org:${o}:conv-${c}");
  assert_false(channel_alt_may_be_valid(&arena, &std, &alt));
  /* A leading hole may hide several segments: not judged. */
  alt = alt_of("${prefix}:conv:${c}");
  assert_false(channel_alt_judgeable(&alt));
  alt = alt_of("${prefix}");
  assert_false(channel_alt_judgeable(&alt));
  /* A template's literal start comes after an empty piece: still judged. */
  alt = template_of("widget-${id}");
  assert_true(channel_alt_judgeable(&alt));
  assert_false(channel_alt_may_be_valid(&arena, &std, &alt));
  alt = template_of("or${x}:conv:${c}");
  assert_false(channel_alt_judgeable(&alt));
}

static void every_catalog_shape_may_be_valid(void **state) {
  (void)state;
  for (size_t i = 0; i < std.nchannels; i++) {
    StrBuf sb = {0};
    for (const char *c = std.channels[i].shape; *c; c++) {
      if (*c == '{') {
        sb_append(&sb, "${id}");
        c = strchr(c, '}');
      } else {
        sb_putc(&sb, *c);
      }
    }
    ValAlt alt = alt_of(sb_cstr(&sb));
    assert_true(channel_alt_judgeable(&alt));
    assert_true(channel_alt_may_be_valid(&arena, &std, &alt));
    sb_free(&sb);
  }
}

static void keyword_similarity(void **state) {
  (void)state;
  assert_true(channel_keyword_similar("conversation", "conv"));
  assert_true(channel_keyword_similar("Conv", "conv"));
  assert_true(channel_keyword_similar("presense", "presence"));
  assert_true(channel_keyword_similar("typng", "typing"));
  assert_false(channel_keyword_similar("billing", "conv"));
  assert_false(channel_keyword_similar("typing", "status"));
  assert_false(channel_keyword_similar("", "conv"));
}

static const char *entry_name(const char *k1, const char *k2, bool one) {
  const char *k[] = {k1, k2};
  return channel_entry_name(&arena, k, k2 ? 2 : 1, one);
}

/* The catalog's own names: keywords camelCased, ids left out; a keyword
 * followed by an id names one item. */
static void new_entry_names_follow_the_catalog(void **state) {
  (void)state;
  assert_string_equal(entry_name("agents", "presence", false), "agentsPresence");
  assert_string_equal(entry_name("user", "notifications", true), "userNotifications");
  assert_string_equal(entry_name("conversations", NULL, false), "conversations");
  assert_string_equal(entry_name("uploads", NULL, false), "uploads");
  assert_string_equal(entry_name("assignments", NULL, true), "assignment");
  assert_string_equal(entry_name("activities", NULL, true), "activity");
  assert_string_equal(entry_name("boxes", NULL, true), "box");
  assert_string_equal(entry_name("classes", NULL, true), "class");
  assert_string_equal(entry_name("status", NULL, true), "status");
  assert_string_equal(entry_name("thread", "typing", true), "threadTyping");
  assert_string_equal(entry_name("tickets", "notes", true), "ticketNotes");
  assert_string_equal(entry_name("sla-breaches", "alerts", false), "slaBreachesAlerts");
  assert_string_equal(entry_name("read_receipts", NULL, true), "readReceipt");
  assert_null(entry_name("Uploads", NULL, false));
  assert_null(entry_name("9lives", NULL, false));
  assert_null(entry_name("a--b", NULL, false));
  assert_null(entry_name("uploads", "x.y", false));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(near_miss_conversation_means_conv),
      cmocka_unit_test(near_miss_typos_and_missing_keywords),
      cmocka_unit_test(other_words_for_a_resource),
      cmocka_unit_test(far_names_get_no_hint),
      cmocka_unit_test(legacy_shapes_name_the_replacement),
      cmocka_unit_test(org_wide_legacy_names_take_the_org_function),
      cmocka_unit_test(org_wide_legacy_tie_gets_no_hint),
      cmocka_unit_test(holes_stand_for_one_segment),
      cmocka_unit_test(every_catalog_shape_may_be_valid),
      cmocka_unit_test(keyword_similarity),
      cmocka_unit_test(new_entry_names_follow_the_catalog),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
