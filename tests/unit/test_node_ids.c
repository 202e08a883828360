/* node_is / node_field compare tree-sitter ids cached per literal: they must
 * answer exactly what ts_node_type and ts_node_child_by_field_name answer,
 * ERROR nodes included. */
#include "test_helpers.h"

#include "parse/ast.h"
#include "parse/parser.h"

#include <string.h>

static TSTree *parse(const char *text, Lang lang, Source *src) {
  memset(src, 0, sizeof *src);
  src->bytes = (char *)text;
  src->len = (uint32_t)strlen(text);
  return parse_source(src, lang);
}

static bool type_is(TSNode n, const char *type) {
  return strcmp(ts_node_type(n), type) == 0;
}

typedef struct Counts {
  size_t nodes, errors;
} Counts;

/* Every node: node_is agrees with ts_node_type for the types the rules use. */
static bool agree(TSNode n, void *data) {
  Counts *c = data;
  c->nodes++;
  c->errors += type_is(n, "ERROR");
  assert_int_equal(node_is(n, "call_expression"), type_is(n, "call_expression"));
  assert_int_equal(node_is(n, "identifier"), type_is(n, "identifier"));
  assert_int_equal(node_is(n, "function"), type_is(n, "function"));
  assert_int_equal(node_is(n, "string"), type_is(n, "string"));
  assert_int_equal(node_is(n, "property_identifier"), type_is(n, "property_identifier"));
  assert_int_equal(node_is(n, "no_such_type"), false);
  return true;
}

static void check_tree(const char *text, Lang lang, size_t min_errors) {
  Source src;
  TSTree *tree = parse(text, lang, &src);
  Counts c = {0, 0};
  ast_walk(ts_tree_root_node(tree), agree, &c);
  assert_true(c.nodes > 10);
  assert_true(c.errors >= min_errors);
  ts_tree_delete(tree);
}

static void test_types_agree_with_strings(void **state) {
  (void)state;
  check_tree("const f = function () { return g(x.y, 'a'); };\n", LANG_TS, 0);
  check_tree("export const C = () => <div onClick={() => h(1)}>{x}</div>;\n", LANG_TSX, 0);
}

static void test_error_nodes_are_no_other_type(void **state) {
  (void)state;
  check_tree("foo(; const = ; bar(1, 2\n}}} baz(", LANG_TS, 1);
}

static void test_fields(void **state) {
  (void)state;
  Source src;
  TSTree *tree = parse("obj.method(arg);\n", LANG_TS, &src);
  TSNode call = ts_node_named_child(ts_node_named_child(ts_tree_root_node(tree), 0), 0);
  assert_true(node_is(call, "call_expression"));
  TSNode fn = node_field(call, "function");
  assert_true(ts_node_eq(fn, ts_node_child_by_field_name(call, "function", 8)));
  assert_true(node_is(node_field(fn, "property"), "property_identifier"));
  assert_true(ts_node_is_null(node_field(call, "no_such_field")));
  ts_tree_delete(tree);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_types_agree_with_strings),
      cmocka_unit_test(test_error_nodes_are_no_other_type),
      cmocka_unit_test(test_fields),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  parse_thread_cleanup();
  return rc;
}
