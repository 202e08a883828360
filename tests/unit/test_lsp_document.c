/* rtlint lsp's document store: LSP positions (UTF-16 units or UTF-8 bytes)
 * to byte offsets and back, incremental changes, file: URIs. */
#include "test_helpers.h"

#include "core/util.h"
#include "lsp/document.h"

#include <stdlib.h>
#include <string.h>

static const char *URI = "file:///tmp/rtlint%20test/a.ts";

static json_t *change(int l1, int c1, int l2, int c2, const char *text) {
  return json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}", "range", "start", "line", l1,
                   "character", c1, "end", "line", l2, "character", c2, "text", text);
}

static void positions_count_utf16_units_or_bytes(void **state) {
  (void)state;
  DocStore s;
  docs_init(&s);
  /* 🚀 is 4 bytes and 2 UTF-16 units; é is 2 bytes and 1 unit. */
  const char *text = "ab\r\nx🚀é = 1;\nlast";
  Doc *d = docs_open(&s, URI, 1, text, strlen(text));
  assert_non_null(d);
  assert_string_equal(d->path, "/tmp/rtlint test/a.ts");
  uint32_t eq = (uint32_t)(strstr(text, " =") - text);
  assert_int_equal(doc_offset(&s, d, 1, 4), eq); /* x, 🚀 (2), é */
  json_t *p = doc_position(&s, d, eq);
  assert_int_equal(json_integer_value(json_object_get(p, "line")), 1);
  assert_int_equal(json_integer_value(json_object_get(p, "character")), 4);
  json_decref(p);
  /* Past the end of a line: its end, before \r\n. */
  assert_int_equal(doc_offset(&s, d, 0, 99), 2);
  assert_int_equal(doc_offset(&s, d, 9, 0), strlen(text));
  s.enc = POS_UTF8;
  assert_int_equal(doc_offset(&s, d, 1, 7), eq); /* x, 🚀 (4), é (2) */
  p = doc_position(&s, d, eq);
  assert_int_equal(json_integer_value(json_object_get(p, "character")), 7);
  json_decref(p);
  docs_free(&s);
}

static void incremental_changes_edit_the_text(void **state) {
  (void)state;
  DocStore s;
  docs_init(&s);
  Doc *d = docs_open(&s, URI, 1, "x🚀é = 1;\n", strlen("x🚀é = 1;\n"));
  json_t *c = change(0, 3, 0, 4, "ü\nnew"); /* é -> ü, newline, "new" */
  assert_true(doc_apply_change(&s, d, c));
  json_decref(c);
  assert_string_equal(doc_text(&s, d)->bytes, "x🚀ü\nnew = 1;\n");
  assert_int_equal(d->nlines, 3);
  c = change(0, 0, 1, 3, "");
  assert_true(doc_apply_change(&s, d, c));
  json_decref(c);
  assert_string_equal(doc_text(&s, d)->bytes, " = 1;\n");
  c = json_pack("{s:s}", "text", "whole");
  assert_true(doc_apply_change(&s, d, c));
  json_decref(c);
  assert_string_equal(doc_text(&s, d)->bytes, "whole");
  c = json_pack("{s:{s:{s:i}}, s:s}", "range", "start", "line", -1, "text", "x");
  assert_false(doc_apply_change(&s, d, c)); /* malformed: refused, text kept */
  json_decref(c);
  assert_string_equal(doc_text(&s, d)->bytes, "whole");
  docs_close(&s, URI);
  assert_null(docs_find(&s, URI));
  assert_null(overlay_get(&s.overlay, "/tmp/rtlint test/a.ts"));
  docs_free(&s);
}

static void only_local_file_uris_are_documents(void **state) {
  (void)state;
  char *p = uri_to_path("file:///a/b/../c.ts");
  assert_string_equal(p, "/a/c.ts");
  free(p);
  assert_null(uri_to_path("untitled:Untitled-1"));
  assert_null(uri_to_path("file://host/share/a.ts"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(positions_count_utf16_units_or_bytes),
      cmocka_unit_test(incremental_changes_edit_the_text),
      cmocka_unit_test(only_local_file_uris_are_documents),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
