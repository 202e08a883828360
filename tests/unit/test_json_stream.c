/* The streamed JSON document is byte for byte what jansson writes for the
 * same tree (the JSON output's goldens and every JSON consumer rely on it),
 * including when it is longer than the stream's own buffer and when one
 * string alone is. */
#include "test_helpers.h"

#include "core/json_stream.h"
#include "core/json_text.h"

#include <stdlib.h>
#include <string.h>

/* What `write` streams into a memory file. */
static char *streamed(void (*write)(JsonStream *)) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  JsonStream js;
  json_stream_init(&js, f);
  write(&js);
  fclose(f);
  return buf;
}

/* What jansson writes for `tree` (taken), with the stream's final newline. */
static char *dumped(json_t *tree) {
  char *text = json_dumps(tree, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
  json_decref(tree);
  size_t n = strlen(text);
  char *out = malloc(n + 2);
  memcpy(out, text, n);
  memcpy(out + n, "\n", 2);
  free(text);
  return out;
}

static void assert_same(void (*write)(JsonStream *), json_t *tree) {
  char *got = streamed(write), *want = dumped(tree);
  assert_string_equal(got, want);
  free(got);
  free(want);
}

static const char *const awkward[] = {"plain",
                                      "",
                                      "quote \" and backslash \\",
                                      "controls \b\f\n\r\t\x01\x1f end",
                                      "caf\xc3\xa9 \xf0\x9f\x94\xa5",
                                      "latin1 \xe9 cut \xe2\x82"};
#define NAWKWARD (sizeof awkward / sizeof *awkward)

static void write_awkward(JsonStream *js) {
  json_stream_object(js, NULL);
  json_stream_array(js, "strings");
  for (size_t i = 0; i < NAWKWARD; i++)
    json_stream_string(js, NULL, awkward[i]);
  json_stream_close(js, ']');
  json_stream_array(js, "empty");
  json_stream_close(js, ']');
  json_stream_object(js, "none");
  json_stream_close(js, '}');
  json_stream_int(js, "negative", -1234567890123LL);
  json_stream_int(js, "zero", 0);
  json_stream_null(js, "nothing");
  json_stream_string(js, "null_text", NULL);
  json_stream_value(js, "value", json_pack("{s:[i, {s:s}], s:{}}", "a", 1, "b", "c\nd", "e"));
  json_stream_close(js, '}');
}

static void test_every_kind_of_value_matches_jansson(void **state) {
  (void)state;
  json_t *strings = json_array();
  for (size_t i = 0; i < NAWKWARD; i++)
    json_array_append_new(strings, json_text(awkward[i]));
  json_t *tree = json_object();
  json_object_set_new(tree, "strings", strings);
  json_object_set_new(tree, "empty", json_array());
  json_object_set_new(tree, "none", json_object());
  json_object_set_new(tree, "negative", json_integer(-1234567890123LL));
  json_object_set_new(tree, "zero", json_integer(0));
  json_object_set_new(tree, "nothing", json_null());
  json_object_set_new(tree, "null_text", json_null());
  json_object_set_new(tree, "value", json_pack("{s:[i, {s:s}], s:{}}", "a", 1, "b", "c\nd", "e"));
  assert_same(write_awkward, tree);
}

#define NITEMS 3000
#define LONG_TEXT 70000

static char *long_text(void) {
  char *s = malloc(LONG_TEXT + 1);
  for (size_t i = 0; i < LONG_TEXT; i++)
    s[i] = i % 97 == 0 ? '"' : (char)('a' + i % 26);
  s[LONG_TEXT] = '\0';
  return s;
}

static void write_long(JsonStream *js) {
  char *text = long_text();
  json_stream_array(js, NULL);
  for (int i = 0; i < NITEMS; i++) {
    json_stream_object(js, NULL);
    json_stream_int(js, "i", i);
    json_stream_string(js, "s", "item");
    json_stream_close(js, '}');
  }
  json_stream_string(js, NULL, text);
  json_stream_value(js, NULL, json_pack("{s:s}", "again", text));
  json_stream_close(js, ']');
  free(text);
}

static void test_documents_longer_than_the_buffer_match_jansson(void **state) {
  (void)state;
  char *text = long_text();
  json_t *tree = json_array();
  for (int i = 0; i < NITEMS; i++)
    json_array_append_new(tree, json_pack("{s:i, s:s}", "i", i, "s", "item"));
  json_array_append_new(tree, json_string(text));
  json_array_append_new(tree, json_pack("{s:s}", "again", text));
  free(text);
  assert_same(write_long, tree);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_kind_of_value_matches_jansson),
      cmocka_unit_test(test_documents_longer_than_the_buffer_match_jansson),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
