/* Value resolution (src/resolve): every case the rules issue lists, on the
 * mini project in tests/unit/resolve/. Each probe(NAME, value) in cases.ts
 * is resolved, looked up by NAME, and printed as its alternatives joined with
 * '|' ("<unknown>" when nothing is known, "+?" when a branch is unknown). */
#include "test_helpers.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/facts.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"
#include "resolve/value.h"
#include "rules/channel_naming.h"

#include <stdlib.h>
#include <string.h>

#define CASES "tests/unit/resolve/cases.ts"

static Standards std;
static Project proj;

static int setup(void **state) {
  (void)state;
  if (test_load_builtin(&std) != 0)
    return -1;
  project_init(&proj, &std);
  proj.standards_path = path_absolute(proj.cwd, "tests/unit/resolve/lib/realtime/"
                                                "unified-channel-standards.ts");
  return 0;
}

static int teardown(void **state) {
  (void)state;
  project_free(&proj);
  std_free(&std);
  return 0;
}

static const char *show(Arena *a, const Value *v) {
  if (v->nalts == 0)
    return "<unknown>";
  StrBuf sb = {0};
  for (uint32_t i = 0; i < v->nalts; i++)
    sb_appendf(&sb, "%s%s", i ? "|" : "", val_alt_display(a, &v->alts[i]));
  if (v->has_unknown)
    sb_append(&sb, "+?");
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

/* Every probe(NAME, value) of cases.ts, resolved. */
typedef struct Probe {
  const char *name;
  const char *shown;
  const Value *value;
} Probe;

static size_t probes(Module *m, Arena *a, Probe *out, size_t max) {
  Facts f;
  facts_collect(&f, m, a);
  Resolver r;
  resolver_init(&r, &proj, a);
  r.self = m;
  size_t n = 0;
  for (size_t i = 0; i < f.ncalls && n < max; i++) {
    uint32_t len;
    const char *name = call_callee_name(&m->src, f.calls[i], &len);
    if (!name || !mem_eq_str(name, len, "probe"))
      continue;
    StrBuf label = {0};
    assert_true(node_string_value(&m->src, call_argument(f.calls[i], 0), &label));
    Value *v = arena_alloc(a, sizeof *v);
    *v = resolve_expr(&r, m, call_argument(f.calls[i], 1));
    out[n].name = arena_strdup(a, sb_cstr(&label));
    out[n].value = v;
    out[n++].shown = show(a, v);
    sb_free(&label);
  }
  resolver_release(&r);
  return n;
}

static const Value *probe_value(const Probe *p, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(p[i].name, name) == 0)
      return p[i].value;
  fail_msg("no probe named '%s' in " CASES, name);
  return NULL;
}

static void every_resolution_case(void **state) {
  (void)state;
  static const struct {
    const char *name, *want;
  } want[] = {
      {"literal", "typing:start"},                 /* string literal */
      {"template", "org:${orgId}:conv:${convId}"}, /* template with holes */
      {"concat", "org:${orgId}:conv:${convId}"},   /* + concatenation, unknown operands as holes */
      {"as-const", "typing:stop"},                 /* parenthesised, as const */
      {"const", "acme"},                           /* const */
      {"let-once", "x:y"},                         /* let never reassigned */
      {"let-reassigned", "<unknown>"},             /* let reassigned */
      {"destructured-default", "typing_start"},    /* destructured default */
      {"object-member", "typing_start"},           /* object constant member: judged by value */
      {"object-arrow-call", "org:${orgId}:conversation:${convId}"}, /* arrow function in an object,
                                                                       arguments substituted */
      {"local-function", "conversation:${convId}"},      /* local function returning a template */
      {"conditional", "typing:start|typing:stop"},       /* conditional: both values */
      {"conditional-unknown", "typing:start+?"},         /* conditional with an unknown branch */
      {"imported-const", "org:acme:conversations"},      /* imported const (relative path) */
      {"imported-template", "org:acme:agents:presence"}, /* imported template of literals */
      {"tsconfig-paths-index",
       "new_message"}, /* tsconfig paths + index.ts, member of an as-const object */
      {"export-from", "typing:update"},     /* export { x } from */
      {"export-star", "read:receipt"},      /* export * from */
      {"default-export", "presence:join"},  /* default export of a const */
      {"reexport-cycle", "<unknown>"},      /* re-export cycle terminates */
      {"parameter", "<unknown>"},           /* parameter */
      {"unresolvable-import", "<unknown>"}, /* unresolvable import: never guess */
      {"unified-events", "typing:start"},   /* UNIFIED_EVENTS from the standards module */
      {"unified-channels", "org:${orgId}:conv:${convId}"}, /* UNIFIED_CHANNELS call */
      {"const-and-standard",
       "acme:typing:start"},                 /* template mixing a const and a standard value */
      {"shadowing-parameter", "<unknown>"},  /* a parameter shadows the const */
      {"this-method", "org:${o}:conv:${c}"}, /* this.method() returning a template */
  };
  size_t nwant = sizeof want / sizeof want[0];
  Module *m = project_module(&proj, CASES);
  assert_non_null(m);
  assert_non_null(m->tree);
  Arena a = {0};
  Probe got[64];
  size_t n = probes(m, &a, got, 64);
  assert_int_equal(n, nwant);
  for (size_t i = 0; i < nwant; i++) {
    const char *shown = show(&a, probe_value(got, n, want[i].name));
    if (strcmp(shown, want[i].want) != 0)
      fail_msg("probe '%s': got '%s', want '%s'", want[i].name, shown, want[i].want);
  }
  /* Provenance: values built by UNIFIED_* are from the standard, hand-built
   * ones carry their building site. */
  assert_true(probe_value(got, n, "unified-events")->alts[0].from_standard);
  assert_true(probe_value(got, n, "unified-channels")->alts[0].from_standard);
  const Value *tpl = probe_value(got, n, "template");
  assert_false(tpl->alts[0].from_standard);
  assert_ptr_equal(tpl->alts[0].site_mod, m);
  const Value *imported = probe_value(got, n, "imported-const");
  assert_false(imported->alts[0].from_standard);
  assert_non_null(imported->alts[0].site_mod);
  assert_true(strstr(imported->alts[0].site_mod->fs_path, "consts.ts") != NULL);
  assert_true(imported->alts[0].via_binding);
  arena_free(&a);
}

/* The scope index (resolve/scope_index.c) gives the answers a scan of every
 * enclosing block gave, at any depth: the first declaration in a block wins,
 * an inner block shadows, a reassigned `let` is unknown, and a const 400
 * functions out is still found (the old ancestor list stopped at 256). */
static void lookups_through_the_scope_index(void **state) {
  (void)state;
  StrBuf code = {0};
  sb_append(&code, "const A = \"first\";\nfunction A2() {}\n"
                   "let B = \"b\";\nB = \"c\";\n"
                   "const C = \"outer\";\n"
                   "export function f() { probe(\"const\", A); probe(\"reassigned\", B);"
                   " { const C = \"inner\"; probe(\"shadowing\", C); } probe(\"outer\", C); }\n"
                   "export const g = ");
  for (int i = 0; i < 400; i++)
    sb_append(&code, "(x) => ");
  sb_append(&code, "probe(\"deep\", `${C}:${x}`);\n");
  Module *m =
      project_add_memory_module(&proj, "tests/unit/resolve/deep_scopes.ts", code.data, code.len);
  sb_free(&code);
  project_parse(m);
  assert_non_null(m->tree);
  Arena a = {0};
  Probe got[8];
  size_t n = probes(m, &a, got, 8);
  static const struct {
    const char *name, *want;
  } want[] = {{"const", "first"},
              {"reassigned", "<unknown>"},
              {"shadowing", "inner"},
              {"outer", "outer"},
              {"deep", "outer:${x}"}};
  assert_int_equal(n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < n; i++) {
    const char *shown = show(&a, probe_value(got, n, want[i].name));
    if (strcmp(shown, want[i].want) != 0)
      fail_msg("probe '%s': got '%s', want '%s'", want[i].name, shown, want[i].want);
  }
  arena_free(&a);
}

/* A constant's value is remembered across its uses, but not when the depth
 * bound cut it short: a chain of 20 constants first read under five nested
 * templates (past the bound) still resolves when read directly. */
static void remembered_constants_are_not_cut_short(void **state) {
  (void)state;
  StrBuf code = {0};
  sb_append(&code, "const C0 = \"x\";\n");
  for (int i = 1; i <= 20; i++)
    sb_appendf(&code, "const C%d = C%d;\n", i, i - 1);
  sb_append(&code, "probe(\"deep-first\", `${`${`${`${`${C20}`}`}`}`}`);\n"
                   "probe(\"shallow\", C20);\nprobe(\"again\", `${C20}`);\n");
  Module *m =
      project_add_memory_module(&proj, "tests/unit/resolve/const_chain.ts", code.data, code.len);
  sb_free(&code);
  project_parse(m);
  assert_non_null(m->tree);
  Arena a = {0};
  Probe got[4];
  size_t n = probes(m, &a, got, 4);
  assert_int_equal(n, 3);
  assert_string_equal(show(&a, probe_value(got, n, "shallow")), "x");
  assert_string_equal(show(&a, probe_value(got, n, "again")), "x");
  assert_string_not_equal(show(&a, probe_value(got, n, "deep-first")), "x");
  arena_free(&a);
}

/* A call's value is narrowed by its literal arguments (resolve/narrow.c):
 * a switch or if over a parameter, or over a property of an object literal
 * argument, takes the matching branches only (the default when none
 * matches); anything not known keeps every branch, and so does a parameter
 * the function may change. */
static void a_call_takes_the_branches_its_literal_arguments_pick(void **state) {
  (void)state;
  static const struct {
    const char *name, *want;
  } want[] = {
      {"switch-literal", "typing:${someId}"},
      {"switch-default", "other:${someId}"},
      {"switch-unknown", "thread:${someId}|typing:${someId}|other:${someId}"},
      {"object-case", "presence:${orgId}"},
      {"object-grouped-case", "ab:${orgId}"},
      {"object-no-case", "none:${orgId}"},
      {"object-unknown", "ab:${orgId}|presence:${orgId}|none:${orgId}"},
      {"object-spread-before", "presence:${orgId}"},
      {"object-spread-after", "ab:${spec.orgId}|presence:${spec.orgId}|none:${spec.orgId}"},
      {"if-absent", "inbox:${orgId}"},
      {"if-literal", "conv:t1"},
      {"if-unknown", "conv:${threadId}|inbox:${orgId}"},
      {"if-eq", "is-x"},
      {"if-neq", "not-y"},
      {"if-else-last", "is-y"},
      {"nested-call", "presence:${orgId}"},
      {"nested-unknown", "ab:${orgId}|presence:${orgId}|none:${orgId}"},
      {"deep-property", "deep-k"},
      {"ternary-unknown", "deep-k|deep-other"},
      {"fallthrough", "from-b"},
      {"fallthrough-none", "end"},
      {"changed-object", "t|y|none"},
      {"handed-on", "t|other"},
      {"reassigned", "t|d"},
      {"after-return", "only-a"},
      {"recursive", "r:b"},   /* each call its own frame */
      {"cycle", "<unknown>"}, /* the depth bound ends it */
  };
  size_t nwant = sizeof want / sizeof want[0];
  Module *m = project_module(&proj, "tests/unit/resolve/narrowing.ts");
  assert_non_null(m);
  assert_non_null(m->tree);
  Arena a = {0};
  Probe got[32];
  size_t n = probes(m, &a, got, 32);
  assert_int_equal(n, nwant);
  for (size_t i = 0; i < nwant; i++) {
    const char *shown = show(&a, probe_value(got, n, want[i].name));
    if (strcmp(shown, want[i].want) != 0)
      fail_msg("probe '%s': got '%s', want '%s'", want[i].name, shown, want[i].want);
  }
  arena_free(&a);
}

/* scope_index_innermost_range answers, for every range, what the innermost
 * scope of the node tree-sitter finds for it is, scope_node_for_range finds
 * that node itself, and scope_node_parent every node's parent: every zero-width position (where
 * fixes insert) and every node's own range, on a file with nested functions, blocks, classes and
 * loops, and on a half-written one whose statements recovery left flat. */
static void innermost_by_range_matches_the_covering_node(void **state) {
  (void)state;
  static const char *const files[] = {
      CASES, "fixtures/campfire-app/hooks/useRealtime.ts",
      "fixtures/campfire-app/contexts/OrganizationRealtimeProvider.tsx",
      "tests/unit/resolve/half-written.ts"};
  size_t compared = 0;
  for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
    Module *m = project_module(&proj, files[f]);
    assert_non_null(m);
    project_parse(m);
    assert_non_null(m->tree);
    Arena a = {0};
    Facts facts;
    facts_collect(&facts, m, &a);
    const ScopeIndex *ix = scope_index_of(m);
    assert_non_null(ix);
    TSNode root = ts_tree_root_node(m->tree);
    if (strstr(files[f], "half-written")) { /* the shape the anchors are for */
      assert_true(ts_node_has_error(root));
      assert_true(ts_node_child_count(root) > 32);
      assert_false(ts_node_is_null(scope_index_anchor_range(ix, m->src.len / 2, m->src.len / 2)));
    }
    for (uint32_t p = 0; p <= m->src.len + 1; p++) {
      TSNode node = ts_node_descendant_for_byte_range(root, p, p);
      if (scope_index_innermost_range(ix, p, p) != scope_index_innermost(ix, node))
        fail_msg("%s: insertion at byte %u: scopes differ", files[f], p);
      if (!ts_node_eq(scope_node_for_range(m, p, p), node))
        fail_msg("%s: insertion at byte %u: nodes differ", files[f], p);
      compared++;
    }
    TSTreeCursor cur = ts_tree_cursor_new(root);
    for (bool more = true; more;) {
      TSNode n = ts_tree_cursor_current_node(&cur);
      uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
      TSNode node = ts_node_descendant_for_byte_range(root, s, e);
      if (scope_index_innermost_range(ix, s, e) != scope_index_innermost(ix, node))
        fail_msg("%s: range %u-%u: scopes differ", files[f], s, e);
      if (!ts_node_eq(scope_node_for_range(m, s, e), node))
        fail_msg("%s: range %u-%u: nodes differ", files[f], s, e);
      if (!ts_node_eq(scope_node_parent(m, n), ts_node_parent(n)))
        fail_msg("%s: node %u-%u (%s): parents differ", files[f], s, e, ts_node_type(n));
      compared++;
      if (ts_tree_cursor_goto_first_child(&cur))
        continue;
      while (!ts_tree_cursor_goto_next_sibling(&cur))
        if (!ts_tree_cursor_goto_parent(&cur)) {
          more = false;
          break;
        }
    }
    ts_tree_cursor_delete(&cur);
    arena_free(&a);
  }
  assert_true(compared > 10000);
}

static void shapes_match_the_catalog(void **state) {
  (void)state;
  Module *m = project_module(&proj, CASES);
  Arena a = {0};
  Probe got[64];
  size_t n = probes(m, &a, got, 64);
  /* The hand-built template names the standard call with its hole text. */
  assert_string_equal(channel_suggest_call(&a, &std, &probe_value(got, n, "template")->alts[0]),
                      "UNIFIED_CHANNELS.conversation(orgId, convId)");
  assert_string_equal(channel_suggest_call(&a, &std, &probe_value(got, n, "concat")->alts[0]),
                      "UNIFIED_CHANNELS.conversation(orgId, convId)");
  /* A literal segment becomes a quoted argument. */
  assert_string_equal(
      channel_suggest_call(&a, &std, &probe_value(got, n, "imported-const")->alts[0]),
      "UNIFIED_CHANNELS.conversations(\"acme\")");
  /* A near miss matches no shape. */
  assert_null(channel_suggest_call(&a, &std, &probe_value(got, n, "object-arrow-call")->alts[0]));
  assert_false(channel_alt_valid(&a, &std, &probe_value(got, n, "object-arrow-call")->alts[0]));
  assert_true(channel_alt_valid(&a, &std, &probe_value(got, n, "template")->alts[0]));
  arena_free(&a);
}

static void expect_absolute(const char *cwd, const char *path, const char *want) {
  char *got = path_absolute(cwd, path);
  assert_string_equal(got, want);
  free(got);
}

static void absolute_paths_are_normalized(void **state) {
  (void)state;
  expect_absolute("/work/app", "src/a.ts", "/work/app/src/a.ts");
  expect_absolute("/work/app", "./src//b/../a.ts", "/work/app/src/a.ts");
  expect_absolute("/work/app", "../../../x.ts", "/x.ts");
  expect_absolute("/work/app", "/abs/./y/../z.ts", "/abs/z.ts");
  expect_absolute("/work/app", ".", "/work/app");
  expect_absolute("/", "a/", "/a");
  expect_absolute("/", "..", "/");
  expect_absolute("/work/app", "..x/.y/...", "/work/app/..x/.y/...");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(absolute_paths_are_normalized),
      cmocka_unit_test(every_resolution_case),
      cmocka_unit_test(lookups_through_the_scope_index),
      cmocka_unit_test(innermost_by_range_matches_the_covering_node),
      cmocka_unit_test(remembered_constants_are_not_cut_short),
      cmocka_unit_test(a_call_takes_the_branches_its_literal_arguments_pick),
      cmocka_unit_test(shapes_match_the_catalog),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
