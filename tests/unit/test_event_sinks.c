/* Event sinks collected by facts.c for the event rules (realtime subscribe,
 * comparisons inside broadcast handlers) and the helpers in
 * rules/event_naming.c. */
#include "test_helpers.h"

#include "parse/ast.h"
#include "parse/parser.h"
#include "resolve/facts.h"
#include "resolve/scope_index.h"
#include "rules/event_naming.h"

#include <stdlib.h>
#include <string.h>

typedef struct Parsed {
  Module m;
  Arena arena;
  Facts facts;
} Parsed;

static Parsed *parse_ts(const char *code) {
  Parsed *p = calloc(1, sizeof *p);
  char *detail = NULL;
  assert_int_equal(src_from_memory(&p->m.src, code, strlen(code), "test.tsx", &detail), SOURCE_OK);
  p->m.fs_path = strdup("/tmp/test.tsx");
  p->m.lang = LANG_TSX;
  p->m.tree = parse_source(&p->m.src, LANG_TSX);
  p->m.linted = true;
  assert_non_null(p->m.tree);
  facts_collect(&p->facts, &p->m, &p->arena);
  return p;
}

static void parsed_free(Parsed *p) {
  arena_free(&p->arena);
  scope_index_free(atomic_load(&p->m.scopes)); /* the name-lookup index lives with the tree */
  ts_tree_delete(p->m.tree);
  src_free(&p->m.src);
  free(p->m.fs_path);
  free(p);
}

static const char *text_of(Parsed *p, TSNode n) {
  uint32_t len;
  const char *t = node_text(&p->m.src, n, &len);
  return arena_strndup(&p->arena, t, len);
}

static size_t count_kind(const Parsed *p, EventSinkKind kind) {
  size_t n = 0;
  for (size_t i = 0; i < p->facts.nevents; i++)
    n += p->facts.events[i].kind == kind;
  return n;
}

/* The args of every site of one kind, joined with '|'. */
static const char *args_of(Parsed *p, EventSinkKind kind) {
  StrBuf sb = {0};
  for (size_t i = 0; i < p->facts.nevents; i++) {
    if (p->facts.events[i].kind != kind)
      continue;
    if (sb.len)
      sb_putc(&sb, '|');
    sb_append(&sb, text_of(p, p->facts.events[i].arg));
  }
  const char *out = arena_strdup(&p->arena, sb.len ? sb_cstr(&sb) : "");
  sb_free(&sb);
  return out;
}

static void test_subscribe_from_realtime_hooks(void **state) {
  (void)state;
  Parsed *p = parse_ts("function C() {\n"
                       "  const { subscribe } = useRealtime({ type: 'widget' });\n"
                       "  const { subscribe: listen } = useOrganizationRealtimeContext();\n"
                       "  const rt = useRealTimeMessaging(cfg);\n"
                       "  subscribe('a', () => {});\n"
                       "  listen('b', onB);\n"
                       "  rt.subscribe('c', onC);\n"
                       "  useRealtime({}).subscribe('d', onD);\n"
                       "  const [state, actions] = useRealtime({});\n"
                       "  actions.subscribe('e', onE);\n"
                       "  state.subscribe('f', onF); /* any element of the tuple */\n"
                       "}\n");
  assert_int_equal(count_kind(p, EVENT_SINK_SUBSCRIBE), 6);
  assert_string_equal(args_of(p, EVENT_SINK_SUBSCRIBE), "'a'|'b'|'c'|'d'|'e'|'f'");
  parsed_free(p);
}

static void test_other_subscribes_are_not_sinks(void **state) {
  (void)state;
  Parsed *p = parse_ts("function C() {\n"
                       "  const { subscribe } = useRealtime({});\n"
                       "  const { other } = useRealtime({});\n"
                       "  const store = createStore();\n"
                       "  channel.subscribe((status) => status);\n"
                       "  store.subscribe('x', () => {});\n"
                       "  other('y', () => {});\n"
                       "  subscribe({ onTypingStart: () => {} });\n"
                       "  subscribe(() => {}, () => {});\n"
                       "  subscribe('only-one-arg');\n"
                       "}\n"
                       "function D(subscribe) { subscribe('z', () => {}); }\n");
  assert_int_equal(count_kind(p, EVENT_SINK_SUBSCRIBE), 0);
  parsed_free(p);
}

static void test_realtime_subscribe_predicate(void **state) {
  (void)state;
  Parsed *p = parse_ts("function C() {\n"
                       "  const { subscribe } = useOrganizationRealtimeContext();\n"
                       "  subscribe({ onTypingStart: f });\n"
                       "  channel.subscribe();\n"
                       "}\n");
  size_t yes = 0, no = 0;
  for (size_t i = 0; i < p->facts.ncalls; i++) {
    uint32_t len;
    const char *t = call_callee_name(&p->m.src, p->facts.calls[i], &len);
    if (!t || !mem_eq_str(t, len, "subscribe"))
      continue;
    if (facts_realtime_subscribe(&p->m, p->facts.calls[i]))
      yes++;
    else
      no++;
  }
  assert_int_equal(yes, 1);
  assert_int_equal(no, 1);
  parsed_free(p);
}

static void test_comparisons_in_broadcast_handlers(void **state) {
  (void)state;
  Parsed *p = parse_ts("ch.on('broadcast', { event: '*' }, (msg) => {\n"
                       "  if (msg.event === 'a') {}\n"
                       "  if ('b' == msg.event) {}\n"
                       "  if (msg.type !== 'c') {}\n"
                       "  if (msg.type === 'broadcast') {}\n"
                       "  const evt = msg.event;\n"
                       "  if (evt != 'd') {}\n"
                       "  if (msg.payload.event === 'not-the-event') {}\n"
                       "  if (msg.event > 'not-equality') {}\n"
                       "});\n"
                       "ch.on('broadcast', { event: '*' }, ({ event: name }) => {\n"
                       "  switch (name) { case 'e': break; case 'f': break; default: break; }\n"
                       "  [1].forEach((name) => name === 'shadowed');\n"
                       "});\n"
                       "ch.on('presence', { event: 'sync' }, (msg) => msg.event === 'presence');\n"
                       "emitter.on('data', (msg) => msg.event === 'emitter');\n"
                       "const msg = { event: 'x' };\n"
                       "if (msg.event === 'outside') {}\n");
  assert_string_equal(args_of(p, EVENT_SINK_COMPARE), "'a'|'b'|'c'|'d'|'e'|'f'");
  parsed_free(p);
}

static void test_handler_by_reference(void **state) {
  (void)state;
  Parsed *p = parse_ts("function C() {\n"
                       "  const onAny = useCallback(({ event }) => event === 'cb', []);\n"
                       "  function named(m) { return m.event === 'fn'; }\n"
                       "  const { subscribe } = useRealtime({});\n"
                       "  ch.on('broadcast', { event: '*' }, onAny);\n"
                       "  ch.on('broadcast', { event: '*' }, named);\n"
                       "  ch.on('broadcast', { event: '*' }, named);\n"
                       "  subscribe('*', (p) => p.event === 'sub' || p.type === 'payload-field');\n"
                       "}\n");
  /* `named` is registered twice but scanned once; `.type` in a subscribe
   * handler is a payload field. */
  assert_string_equal(args_of(p, EVENT_SINK_COMPARE), "'cb'|'fn'|'sub'");
  parsed_free(p);
}

static void test_event_branches(void **state) {
  (void)state;
  Parsed *p = parse_ts("x = a ? 'p' : (b ? ('q' as const) : r);\ny = EVENTS.X;\n");
  TSNode root = ts_tree_root_node(p->m.tree);
  TSNode first = node_field(ts_node_named_child(ts_node_named_child(root, 0), 0), "right");
  TSNode out[EVENT_MAX_BRANCHES];
  size_t n = event_branches(first, out, EVENT_MAX_BRANCHES);
  assert_int_equal(n, 3);
  assert_string_equal(text_of(p, out[0]), "'p'");
  assert_string_equal(text_of(p, out[1]), "'q'");
  assert_string_equal(text_of(p, out[2]), "r");
  assert_int_equal(event_branches(first, out, 2), 2);
  TSNode second = node_field(ts_node_named_child(ts_node_named_child(root, 1), 0), "right");
  assert_int_equal(event_branches(second, out, EVENT_MAX_BRANCHES), 1);
  assert_string_equal(text_of(p, out[0]), "EVENTS.X");
  parsed_free(p);
}

static void test_keys_phrase(void **state) {
  (void)state;
  Arena a = {0};
  char *keys[] = {"A", "B", "C"};
  assert_string_equal(event_keys_phrase(&a, keys, 1), "UNIFIED_EVENTS.A");
  assert_string_equal(event_keys_phrase(&a, keys, 2), "UNIFIED_EVENTS.A or UNIFIED_EVENTS.B");
  assert_string_equal(event_keys_phrase(&a, keys, 3),
                      "UNIFIED_EVENTS.A, UNIFIED_EVENTS.B or UNIFIED_EVENTS.C");
  arena_free(&a);
}

static void test_catalog_spelling(void **state) {
  (void)state;
  Arena a = {0};
  static const char *const spelt[][3] = {
      {"upload_started", "UPLOAD_STARTED", "upload:started"},
      {"thread.seen", "THREAD_SEEN", "thread:seen"},
      {"agent_status_changed", "AGENT_STATUS_CHANGED", "agent:status:changed"},
      {"message:status", "MESSAGE_STATUS", "message:status"},
      {"draft-saved", "DRAFT_SAVED", "draft:saved"},
      {"ai__2nd_try", "AI_2ND_TRY", "ai:2nd:try"},
  };
  for (size_t i = 0; i < sizeof spelt / sizeof *spelt; i++) {
    const char *key = NULL, *value = NULL;
    assert_true(event_catalog_spelling(&a, spelt[i][0], &key, &value));
    assert_string_equal(key, spelt[i][1]);
    assert_string_equal(value, spelt[i][2]);
  }
  /* One word, capitals, other characters, a leading digit or separator, a
   * trailing separator: no spelling. */
  static const char *const unspelt[] = {"nudge",  "draftSaved", "Upload_started", "upload started",
                                        "2_fast", "_upload_x",  "upload_",        "upload/started",
                                        "",       "a_b$"};
  for (size_t i = 0; i < sizeof unspelt / sizeof *unspelt; i++) {
    const char *key = NULL, *value = NULL;
    if (event_catalog_spelling(&a, unspelt[i], &key, &value))
      fail_msg("\"%s\" was spelt %s", unspelt[i], key);
  }
  arena_free(&a);
}

static const EventSite *site_with_arg(Parsed *p, const char *arg) {
  for (size_t i = 0; i < p->facts.nevents; i++)
    if (strcmp(text_of(p, p->facts.events[i].arg), arg) == 0)
      return &p->facts.events[i];
  fail_msg("no event site with arg %s", arg);
  return NULL;
}

static void test_send_is_typing_and_listens(void **state) {
  (void)state;
  Parsed *p =
      parse_ts("ch.send({ type: 'broadcast', event: 'a', payload: { is_typing: on && x } });\n"
               "ch.send({ type: 'broadcast', event: 'b', payload: { isTyping } });\n"
               "ch.send({ type: 'broadcast', event: 'c', payload: body });\n"
               "broadcastToChannel(n, 'd', { is_typing: flag });\n"
               "subscribeToChannel(n, 'e', { is_typing: flag });\n"
               "ch.on('broadcast', { event: 'f' }, h);\n");
  Arena *a = &p->arena;
  assert_string_equal(event_send_is_typing(a, &p->m, site_with_arg(p, "'a'")), "on && x");
  assert_string_equal(event_send_is_typing(a, &p->m, site_with_arg(p, "'b'")), "isTyping");
  assert_null(event_send_is_typing(a, &p->m, site_with_arg(p, "'c'")));
  assert_string_equal(event_send_is_typing(a, &p->m, site_with_arg(p, "'d'")), "flag");
  assert_null(event_send_is_typing(a, &p->m, site_with_arg(p, "'e'")));
  assert_false(event_site_listens(&p->m, site_with_arg(p, "'a'")));
  assert_false(event_site_listens(&p->m, site_with_arg(p, "'d'")));
  assert_true(event_site_listens(&p->m, site_with_arg(p, "'e'")));
  assert_true(event_site_listens(&p->m, site_with_arg(p, "'f'")));
  parsed_free(p);
}

static void test_unified_key(void **state) {
  (void)state;
  Standards std;
  char *err = NULL;
  assert_true(std_load_builtin(&std, &err));
  assert_string_equal(event_unified_key(&std, "typing:start"), "TYPING_START");
  assert_string_equal(event_unified_key(&std, "message:status:read"), "MESSAGE_STATUS_READ");
  assert_null(event_unified_key(&std, "message:status"));
  assert_null(event_unified_key(&std, "typing_start"));
  assert_null(event_unified_key(&std, NULL));
  std_free(&std);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_subscribe_from_realtime_hooks),
      cmocka_unit_test(test_other_subscribes_are_not_sinks),
      cmocka_unit_test(test_realtime_subscribe_predicate),
      cmocka_unit_test(test_comparisons_in_broadcast_handlers),
      cmocka_unit_test(test_handler_by_reference),
      cmocka_unit_test(test_event_branches),
      cmocka_unit_test(test_keys_phrase),
      cmocka_unit_test(test_catalog_spelling),
      cmocka_unit_test(test_send_is_typing_and_listens),
      cmocka_unit_test(test_unified_key),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  parse_thread_cleanup();
  return rc;
}
