/* Both sides of supabase-channel-direct's status logic (rules/channel_status_map.c):
 * which state a provider records a status in, and which component callbacks
 * have a shape that can follow such a state. */
#include "test_helpers.h"

#include "core/util.h"
#include "parse/ast.h"
#include "rules/channel_status_map.h"

#include <string.h>

#define PROVIDER "tests/unit/channel_status_map/provider.tsx"
#define CALLBACKS "tests/unit/channel_status_map/callbacks.ts"

BUILTIN_CATALOG_FIXTURE

static Arena arena;

/* The index of status s in the map, or -1. */
static int mapped(const StatusMap *m, const char *s) {
  for (size_t i = 0; i < m->n; i++)
    if (strcmp(m->status[i], s) == 0)
      return (int)i;
  return -1;
}

static void provider_states_are_read(void **state) {
  (void)state;
  Project proj;
  project_init(&proj, &std);
  const Module *m = project_module(&proj, PROVIDER);
  assert_non_null(m);
  StatusMap map;
  status_map_learn(&arena, m, &map);
  /* setConnected(status === "SUBSCRIBED"): the boolean state is the status;
   * setDown(false) on it says nothing about when `down` holds. */
  int i = mapped(&map, "SUBSCRIBED");
  assert_true(i >= 0);
  assert_string_equal(map.member[i], "connected");
  assert_null(map.value[i]);
  /* if (status === A || status === B) setConnectionStatus("fallback"). */
  i = mapped(&map, "CHANNEL_ERROR");
  assert_true(i >= 0);
  assert_string_equal(map.member[i], "connectionStatus");
  assert_string_equal(map.value[i], "fallback");
  i = mapped(&map, "TIMED_OUT");
  assert_true(i >= 0);
  assert_string_equal(map.member[i], "connectionStatus");
  /* `hidden` is a state the value does not expose. */
  assert_int_equal(mapped(&map, "CLOSED"), -1);
  /* Set two ways in two ifs: dropped. */
  i = mapped(&map, "SYSTEM");
  assert_true(i >= 0);
  assert_null(map.member[i]);
  project_free(&proj);
}

typedef struct Callbacks {
  TSNode fn[16];
  size_t n;
} Callbacks;

static bool collect_arrow(TSNode n, void *data) {
  Callbacks *c = data;
  if (node_is(n, "variable_declarator") && c->n < 16) {
    c->fn[c->n++] = node_field(n, "value");
    return false;
  }
  return true;
}

static void component_callbacks_are_parsed(void **state) {
  (void)state;
  Project proj;
  project_init(&proj, &std);
  const Module *m = project_module(&proj, CALLBACKS);
  assert_non_null(m);
  Callbacks c = {0};
  ast_walk(ts_tree_root_node(m->tree), collect_arrow, &c);
  assert_int_equal(c.n, 8);
  StatusReaction r;
  /* oneIf: both spellings of the comparison, the consequence kept whole. */
  assert_true(status_reaction_parse(&arena, &m->src, c.fn[0], &r));
  assert_int_equal(r.nstatus, 2);
  assert_string_equal(r.status[0], "CHANNEL_ERROR");
  assert_string_equal(r.status[1], "TIMED_OUT");
  assert_true(node_text_eq(&m->src, r.then, "setPolling(true);"));
  /* switchCase: the labels falling through, the statements with their comment, no break. */
  assert_true(status_reaction_parse(&arena, &m->src, c.fn[1], &r));
  assert_int_equal(r.nstatus, 2);
  assert_int_equal(r.nstmts, 3);
  assert_true(node_is(r.stmts[0], "comment"));
  assert_true(node_text_eq(&m->src, r.stmts[2], "poll();"));
  /* tracker: the setter given whether the status is SUBSCRIBED. */
  assert_true(status_reaction_parse(&arena, &m->src, c.fn[2], &r));
  assert_true(node_text_eq(&m->src, r.tracker, "setLive"));
  assert_string_equal(r.status[0], "SUBSCRIBED");
  /* readsStatus, returns, twoCases, withError, hasElse: not this shape. */
  for (size_t i = 3; i < 8; i++)
    assert_false(status_reaction_parse(&arena, &m->src, c.fn[i], &r));
  project_free(&proj);
}

static int teardown_all(void **state) {
  arena_free(&arena);
  return teardown(state);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(provider_states_are_read),
      cmocka_unit_test(component_callbacks_are_parsed),
  };
  return cmocka_run_group_tests(tests, setup, teardown_all);
}
