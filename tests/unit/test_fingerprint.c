/* Fingerprints must survive unrelated edits above a finding (so code scanning
 * and the baseline do not reopen it) and tell identical findings apart. */
#include "test_helpers.h"

#include "output/fingerprint.h"
#include "rules/registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const RuleMeta rule_a = {.id = "rule-a", .summary = "a"};
static const RuleMeta rule_b = {.id = "rule-b", .summary = "b"};

static void load(Source *src, const char *text, const char *path) {
  char *detail = NULL;
  assert_int_equal(src_from_memory(src, text, strlen(text), path, &detail), SOURCE_OK);
  free(detail);
}

/* A diagnostic covering the n-th occurrence (0-based) of needle in src. */
static Diag diag_at(const Source *src, const RuleMeta *rule, const char *needle, int nth) {
  const char *p = src->bytes;
  for (int i = 0; i <= nth; i++) {
    p = strstr(i ? p + 1 : p, needle);
    assert_non_null(p);
  }
  Diag d = {.rule = rule, .severity = SEV_ERROR, .src = src};
  d.start = (uint32_t)(p - src->bytes);
  d.end = d.start + (uint32_t)strlen(needle);
  return d;
}

static char *fp_of(const Diag *d) {
  Fingerprinter fp;
  fingerprint_init(&fp);
  char out[FINGERPRINT_SIZE];
  char *s = strdup(fingerprint_diag(&fp, d, out));
  fingerprint_free(&fp);
  return s;
}

static void test_normalize(void **state) {
  const char *in = "  a \n\t  b(\r\n c )  \n";
  char *s = fingerprint_normalize(in, strlen(in));
  assert_string_equal(s, "a b( c )");
  free(s);
  s = fingerprint_normalize(" \n\t ", 4);
  assert_string_equal(s, "");
  free(s);
}

static void test_format(void **state) {
  Fingerprinter fp;
  fingerprint_init(&fp);
  char out[FINGERPRINT_SIZE];
  fingerprint_next(&fp, "r", "p.ts", "x", 1, out);
  /* 16 lowercase hex digits, ':', occurrence */
  assert_int_equal(strlen(out), 18);
  assert_string_equal(out + 16, ":1");
  for (int i = 0; i < 16; i++)
    assert_non_null(strchr("0123456789abcdef", out[i]));
  fingerprint_free(&fp);
}

static void test_stable_when_lines_added_above(void **state) {
  const char *body = "function f(o, c) {\n"
                     "  const ch = supabase.channel(`org:${o}:conv:${c}`);\n"
                     "}\n";
  char *shifted = malloc(strlen(body) + 64);
  strcpy(shifted, "import { x } from \"y\";\n\n// an unrelated comment\n");
  strcat(shifted, body);
  Source a, b;
  load(&a, body, "src/chat.ts");
  load(&b, shifted, "src/chat.ts");
  Diag da = diag_at(&a, &rule_a, "`org:${o}:conv:${c}`", 0);
  Diag db = diag_at(&b, &rule_a, "`org:${o}:conv:${c}`", 0);
  assert_int_not_equal(src_pos(&a, da.start).line, src_pos(&b, db.start).line);
  char *fa = fp_of(&da), *fb = fp_of(&db);
  assert_string_equal(fa, fb);
  free(fa);
  free(fb);
  src_free(&a);
  src_free(&b);
  free(shifted);
}

static void test_stable_when_reindented(void **state) {
  Source a, b;
  load(&a, "x(\"org:\" + o +\n  \":conv\");\n", "f.ts");
  load(&b, "    x(\"org:\" +   o +\n\t\t\":conv\");\n", "f.ts");
  Diag da = {.rule = &rule_a, .src = &a, .start = 2, .end = 24};
  Diag db = diag_at(&b, &rule_a, "\"org:\" +   o +\n\t\t\":conv\"", 0);
  assert_memory_equal(a.bytes + da.start, "\"org:\" + o +\n  \":conv\"", da.end - da.start);
  char *fa = fp_of(&da), *fb = fp_of(&db);
  assert_string_equal(fa, fb);
  free(fa);
  free(fb);
  src_free(&a);
  src_free(&b);
}

static void test_occurrence_counter(void **state) {
  Source a, other;
  const char *text = "ch(`a:${x}`);\nch(`b:${x}`);\nch(`a:${x}`);\n";
  load(&a, text, "src/a.ts");
  load(&other, text, "src/other.ts");
  Fingerprinter fp;
  fingerprint_init(&fp);
  char f1[FINGERPRINT_SIZE], f2[FINGERPRINT_SIZE], f3[FINGERPRINT_SIZE], f4[FINGERPRINT_SIZE],
      f5[FINGERPRINT_SIZE];
  Diag first = diag_at(&a, &rule_a, "`a:${x}`", 0);
  Diag second = diag_at(&a, &rule_a, "`a:${x}`", 1);
  Diag b_text = diag_at(&a, &rule_a, "`b:${x}`", 0);
  Diag other_rule = diag_at(&a, &rule_b, "`a:${x}`", 0);
  Diag other_file = diag_at(&other, &rule_a, "`a:${x}`", 0);
  fingerprint_diag(&fp, &first, f1);
  fingerprint_diag(&fp, &b_text, f3);
  fingerprint_diag(&fp, &second, f2);
  fingerprint_diag(&fp, &other_rule, f4);
  fingerprint_diag(&fp, &other_file, f5);
  /* Same triple: same hash, occurrences 1 and 2. */
  assert_memory_equal(f1, f2, 16);
  assert_string_equal(f1 + 16, ":1");
  assert_string_equal(f2 + 16, ":2");
  /* Different text, rule or path: a different hash, counted from 1. */
  assert_memory_not_equal(f1, f3, 16);
  assert_memory_not_equal(f1, f4, 16);
  assert_memory_not_equal(f1, f5, 16);
  assert_string_equal(f3 + 16, ":1");
  assert_string_equal(f4 + 16, ":1");
  assert_string_equal(f5 + 16, ":1");
  /* A fresh run gives the same values: nothing depends on addresses. */
  Fingerprinter again;
  fingerprint_init(&again);
  char g1[FINGERPRINT_SIZE];
  assert_string_equal(fingerprint_diag(&again, &first, g1), f1);
  fingerprint_free(&again);
  fingerprint_free(&fp);
  src_free(&a);
  src_free(&other);
}

static void test_many_distinct_keys(void **state) {
  /* Exercises the table growth: each key is still counted separately. */
  Fingerprinter fp;
  fingerprint_init(&fp);
  char out[FINGERPRINT_SIZE], text[16];
  for (int round = 1; round <= 2; round++)
    for (int i = 0; i < 500; i++) {
      int n = snprintf(text, sizeof text, "v%d", i);
      fingerprint_next(&fp, "r", "p", text, (size_t)n, out);
      char want[8];
      snprintf(want, sizeof want, ":%d", round);
      assert_string_equal(out + 16, want);
    }
  fingerprint_free(&fp);
}

static void test_empty_range_uses_line(void **state) {
  Source a, b;
  load(&a, "a();\nuseThing();\n", "f.ts");
  load(&b, "\n\na();\n  useThing();\n", "f.ts");
  Diag da = diag_at(&a, &rule_a, "useThing", 0);
  Diag db = diag_at(&b, &rule_a, "useThing", 0);
  da.end = da.start;
  db.end = db.start;
  char *fa = fp_of(&da), *fb = fp_of(&db);
  assert_string_equal(fa, fb);
  Diag other = diag_at(&a, &rule_a, "a()", 0);
  other.end = other.start;
  char *fo = fp_of(&other);
  assert_memory_not_equal(fa, fo, 16);
  free(fa);
  free(fb);
  free(fo);
  src_free(&a);
  src_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_normalize),
      cmocka_unit_test(test_format),
      cmocka_unit_test(test_stable_when_lines_added_above),
      cmocka_unit_test(test_stable_when_reindented),
      cmocka_unit_test(test_occurrence_counter),
      cmocka_unit_test(test_many_distinct_keys),
      cmocka_unit_test(test_empty_range_uses_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
