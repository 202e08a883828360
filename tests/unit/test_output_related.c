/* A finding's related locations in each format: text notes, JSON "related",
 * SARIF relatedLocations numbered after the trail's, in the order given. */
#include "test_helpers.h"

#include "engine/engine.h"
#include "output/output.h"
#include "rules/registry.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char text[] = "const ch = supabase.channel(name);\nch.on(\"broadcast\", {}, f);\n";

typedef struct Fixture {
  Source src;
  LintResult result;
} Fixture;

static int setup(void **state) {
  Fixture *fx = calloc(1, sizeof *fx);
  char *detail = NULL;
  assert_int_equal(src_from_memory(&fx->src, text, strlen(text), "components/chat.tsx", &detail),
                   SOURCE_OK);
  Diag *d = diag_add(&fx->result.diags, rules_find("supabase-channel-direct"), SEV_ERROR, &fx->src,
                     11, 33, "direct channel", NULL);
  diag_add_step(d, "lib/notify.ts", 4, 3, 3, "notify");
  assert_true(diag_add_related(d, "components/chat.tsx", 2, 1, 1, "chained .on(...) here"));
  assert_true(diag_add_related(d, "app/api/typing/route.ts", 42, 5, 5, "sent here"));
  fx->result.files_scanned = 1;
  *state = fx;
  return 0;
}

static int teardown(void **state) {
  Fixture *fx = *state;
  diag_list_free(&fx->result.diags);
  src_free(&fx->src);
  free(fx);
  return 0;
}

typedef void (*Writer)(FILE *, const LintResult *, const OutputOptions *);

static char *render(Writer w, const LintResult *r) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  OutputOptions opt = {0};
  w(f, r, &opt);
  fclose(f);
  return buf;
}

static void text_notes(void **state) {
  Fixture *fx = *state;
  char *out = render(output_text, &fx->result);
  const char *first = strstr(out, "= note: chained .on(...) here at components/chat.tsx:2:1\n");
  const char *second = strstr(out, "= note: sent here at app/api/typing/route.ts:42:5\n");
  assert_non_null(first);
  assert_non_null(second);
  assert_true(first < second);
  free(out);
}

static void json_related(void **state) {
  Fixture *fx = *state;
  char *out = render(output_json, &fx->result);
  json_error_t err;
  json_t *doc = json_loads(out, 0, &err);
  assert_non_null(doc);
  json_t *related =
      json_object_get(json_array_get(json_object_get(doc, "diagnostics"), 0), "related");
  assert_int_equal(json_array_size(related), 2);
  json_t *second = json_array_get(related, 1);
  assert_string_equal(json_string_value(json_object_get(second, "path")),
                      "app/api/typing/route.ts");
  assert_int_equal(json_integer_value(json_object_get(second, "line")), 42);
  assert_string_equal(json_string_value(json_object_get(second, "label")), "sent here");
  json_decref(doc);
  free(out);
}

static void sarif_related_after_trail(void **state) {
  Fixture *fx = *state;
  char *out = render(output_sarif, &fx->result);
  json_error_t err;
  json_t *doc = json_loads(out, 0, &err);
  assert_non_null(doc);
  json_t *res = json_array_get(
      json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "results"), 0);
  json_t *related = json_object_get(res, "relatedLocations");
  assert_int_equal(json_array_size(related), 3);
  const char *want[] = {"notify", "chained .on(...) here", "sent here"};
  for (size_t i = 0; i < 3; i++) {
    json_t *loc = json_array_get(related, i);
    assert_int_equal(json_integer_value(json_object_get(loc, "id")), (json_int_t)i + 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(loc, "message"), "text")),
                        want[i]);
  }
  /* The code flow is the trail's alone: the finding, then each step. */
  json_t *flow = json_object_get(
      json_array_get(
          json_object_get(json_array_get(json_object_get(res, "codeFlows"), 0), "threadFlows"), 0),
      "locations");
  assert_int_equal(json_array_size(flow), 2);
  json_decref(doc);
  free(out);
}

static void related_capped(void **state) {
  Fixture *fx = *state;
  Diag *d = &fx->result.diags.items[0];
  while (d->nrelated < DIAG_MAX_RELATED)
    assert_true(diag_add_related(d, "a.ts", 1, 1, 1, "x"));
  assert_false(diag_add_related(d, "a.ts", 1, 1, 1, "one too many"));
  assert_int_equal(d->nrelated, DIAG_MAX_RELATED);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(text_notes, setup, teardown),
      cmocka_unit_test_setup_teardown(json_related, setup, teardown),
      cmocka_unit_test_setup_teardown(sarif_related_after_trail, setup, teardown),
      cmocka_unit_test_setup_teardown(related_capped, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
