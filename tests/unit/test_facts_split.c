/* A large file's facts collected with the walk and the sinks split over two
 * threads (facts_collect_split) are the facts of one thread: the same calls,
 * channel and event sites in the same order, the same scope index, the same
 * budget charged; and a remembered scope lookup charges what the lookup did. */
#include "test_helpers.h"

#include "parse/ast.h"
#include "parse/parser.h"
#include "resolve/facts.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Parsed {
  Module m;
  Arena arena;
  Facts facts;
  uint64_t spent; /* the budget the collection charged */
} Parsed;

static Parsed *collect(const char *code, bool split) {
  Parsed *p = calloc(1, sizeof *p);
  char *detail = NULL;
  assert_int_equal(src_from_memory(&p->m.src, code, strlen(code), "big.ts", &detail), SOURCE_OK);
  p->m.fs_path = strdup("/tmp/big.ts");
  p->m.lang = LANG_TS;
  p->m.tree = parse_source(&p->m.src, LANG_TS);
  p->m.linted = true;
  assert_non_null(p->m.tree);
  budget_start(0);
  facts_collect_split(&p->facts, &p->m, &p->arena, split);
  p->spent = budget_spent();
  return p;
}

static void parsed_free(Parsed *p) {
  arena_free(&p->arena);
  scope_index_free(atomic_load(&p->m.scopes));
  ts_tree_delete(p->m.tree);
  src_free(&p->m.src);
  free(p->m.fs_path);
  free(p);
}

/* Some 300 KiB: imports, constants, a wrapper of `.channel` used from both
 * halves, listeners comparing the incoming event, senders, nested scopes. */
static char *big_file(void) {
  StrBuf sb = {0};
  sb_append(&sb, "import { createClient } from \"@supabase/supabase-js\";\n"
                 "const supabase = createClient(\"u\", \"k\");\n"
                 "function open(name: string) { return supabase.channel(name); }\n");
  for (int k = 0; k < 50; k++) {
    char line[128];
    snprintf(line, sizeof line, "const ROOM_%d = `org:${o}:room%d`;\n", k, k);
    sb_append(&sb, line);
  }
  for (int i = 0; i < 1500; i++) {
    char fn[1024];
    snprintf(
        fn, sizeof fn,
        "export function sub%d(x: number) {\n"
        "  const y = x * %d;\n"
        "  if (y > 3) { let z = y; z += 1; console.log(z); }\n"
        "  open(ROOM_%d);\n"
        "  supabase.channel(ROOM_%d).on(\"broadcast\", { event: \"e%d\" }, (msg) => {\n"
        "    if (msg.event === \"typing\") { return y; }\n"
        "  }).subscribe();\n"
        "  return supabase.channel(`org:${x}`).send({ type: \"broadcast\", event: \"s%d\" });\n"
        "}\n",
        i, i, i % 50, (i + 7) % 50, i, i);
    sb_append(&sb, fn);
  }
  return sb.data;
}

static void assert_same_nodes(TSNode a, TSNode b) {
  assert_int_equal(ts_node_start_byte(a), ts_node_start_byte(b));
  assert_int_equal(ts_node_end_byte(a), ts_node_end_byte(b));
  assert_int_equal(ts_node_symbol(a), ts_node_symbol(b));
}

static void test_split_collects_the_same_facts(void **state) {
  (void)state;
  char *code = big_file();
  Parsed *one = collect(code, false), *two = collect(code, true);
  assert_true(one->facts.ncalls > 9000);
  assert_int_equal(one->facts.ncalls, two->facts.ncalls);
  for (size_t i = 0; i < one->facts.ncalls; i++)
    assert_same_nodes(one->facts.calls[i], two->facts.calls[i]);
  assert_true(one->facts.nchannels > 3000);
  assert_int_equal(one->facts.nchannels, two->facts.nchannels);
  for (size_t i = 0; i < one->facts.nchannels; i++) {
    assert_int_equal(one->facts.channels[i].kind, two->facts.channels[i].kind);
    assert_same_nodes(one->facts.channels[i].call, two->facts.channels[i].call);
    assert_same_nodes(one->facts.channels[i].arg, two->facts.channels[i].arg);
  }
  assert_true(one->facts.nevents > 3000);
  assert_int_equal(one->facts.nevents, two->facts.nevents);
  for (size_t i = 0; i < one->facts.nevents; i++) {
    assert_int_equal(one->facts.events[i].kind, two->facts.events[i].kind);
    assert_same_nodes(one->facts.events[i].call, two->facts.events[i].call);
    assert_same_nodes(one->facts.events[i].arg, two->facts.events[i].arg);
  }
  assert_int_equal(one->spent, two->spent);
  parsed_free(one);
  parsed_free(two);
  free(code);
}

/* Every call's innermost scope and its callee object's binding (the names
 * declared in both halves, and in blocks of each) are found alike. */
static void test_split_builds_the_same_scope_index(void **state) {
  (void)state;
  char *code = big_file();
  Parsed *one = collect(code, false), *two = collect(code, true);
  const ScopeIndex *a = scope_index_of(&one->m), *b = scope_index_of(&two->m);
  assert_non_null(a);
  assert_non_null(b);
  size_t imports_a = 0, imports_b = 0;
  scope_index_imports(a, &imports_a);
  scope_index_imports(b, &imports_b);
  assert_int_equal(imports_a, imports_b);
  for (size_t i = 0; i < one->facts.ncalls; i++) {
    TSNode ca = one->facts.calls[i], cb = two->facts.calls[i];
    int32_t ia = scope_index_innermost(a, ca), ib = scope_index_innermost(b, cb);
    assert_int_equal(ia, ib);
    assert_same_nodes(scope_index_node(a, ia), scope_index_node(b, ib));
    assert_int_equal(scope_index_parent(a, ia), scope_index_parent(b, ib));
    TSNode oa = node_unwrap(call_callee_object(ca)), ob = node_unwrap(call_callee_object(cb));
    if (!node_is(oa, "identifier"))
      continue;
    char *name = node_text_dup(&one->m.src, oa);
    Binding ba = scope_lookup(&one->m, oa, name), bb = scope_lookup(&two->m, ob, name);
    assert_int_equal(ba.kind, bb.kind);
    if (!ts_node_is_null(ba.decl))
      assert_same_nodes(ba.decl, bb.decl);
    free(name);
  }
  parsed_free(one);
  parsed_free(two);
  free(code);
}

/* The second round of the same lookups is answered from memory and charges
 * the budget exactly what the first did. */
static void test_remembered_lookup_charges_the_same(void **state) {
  (void)state;
  char *code = big_file();
  Parsed *p = collect(code, false);
  uint64_t rounds[2];
  for (int r = 0; r < 2; r++) {
    budget_start(0);
    for (size_t i = 0; i < p->facts.nchannels; i++) {
      TSNode arg = node_unwrap(p->facts.channels[i].arg);
      if (!node_is(arg, "identifier"))
        continue;
      char *name = node_text_dup(&p->m.src, arg);
      Binding b = scope_lookup(&p->m, arg, name);
      assert_int_not_equal(b.kind, BIND_NONE);
      free(name);
    }
    rounds[r] = budget_spent();
  }
  assert_true(rounds[0] > 0);
  assert_int_equal(rounds[0], rounds[1]);
  parsed_free(p);
  free(code);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_split_collects_the_same_facts),
      cmocka_unit_test(test_split_builds_the_same_scope_index),
      cmocka_unit_test(test_remembered_lookup_charges_the_same),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
