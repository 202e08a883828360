/* rtlint merge: one report from the outputs of `--shard I/N` jobs. Shards
 * lint disjoint files with the same rtlint, but a finding located in one
 * shard's file can be reported by several (a channel name built there and
 * used in other shards' files): merging concatenates, sorts, drops the
 * duplicates, and recounts what depends on the whole set (the JSON summary,
 * the occurrence numbers in SARIF fingerprints), so the result equals one
 * unsharded run. Logs from different versions or rule sets are refused. */
#include "cli/commands.h"
#include "core/fsio.h"
#include "core/strmap.h"
#include "core/util.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *load(const char *path) {
  json_error_t err;
  json_t *root = json_load_file(path, 0, &err);
  if (!root)
    fprintf(stderr, "rtlint: %s:%d:%d: %s\n", path, err.line, err.column, err.text);
  return root;
}

static const char *str_at(json_t *o, const char *a, const char *b, const char *c) {
  json_t *v = json_object_get(o, a);
  if (b)
    v = json_object_get(v, b);
  if (c)
    v = json_object_get(v, c);
  return json_string_value(v) ? json_string_value(v) : "";
}

/* The SARIF fingerprint's occurrence number differs between shards for the
 * same finding: set aside when comparing. */
#define FINGERPRINT_KEY "rtlintFingerprint/v1"

/* Last tie-breaker, so that equal items end up next to each other. */
static int cmp_serialized(json_t *a, json_t *b) {
  json_t *ca = json_deep_copy(a), *cb = json_deep_copy(b);
  json_object_del(ca, "partialFingerprints");
  json_object_del(cb, "partialFingerprints");
  char *sa = json_dumps(ca, JSON_COMPACT | JSON_SORT_KEYS);
  char *sb = json_dumps(cb, JSON_COMPACT | JSON_SORT_KEYS);
  int r = strcmp(sa ? sa : "", sb ? sb : "");
  free(sa);
  free(sb);
  json_decref(ca);
  json_decref(cb);
  return r;
}

static int cmp_sarif_result(const void *pa, const void *pb) {
  json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
  json_t *la =
      json_object_get(json_array_get(json_object_get(a, "locations"), 0), "physicalLocation");
  json_t *lb =
      json_object_get(json_array_get(json_object_get(b, "locations"), 0), "physicalLocation");
  int c = strcmp(str_at(la, "artifactLocation", "uri", NULL),
                 str_at(lb, "artifactLocation", "uri", NULL));
  if (c)
    return c;
  json_t *ra = json_object_get(la, "region"), *rb = json_object_get(lb, "region");
  json_int_t d = json_integer_value(json_object_get(ra, "startLine")) -
                 json_integer_value(json_object_get(rb, "startLine"));
  if (!d)
    d = json_integer_value(json_object_get(ra, "startColumn")) -
        json_integer_value(json_object_get(rb, "startColumn"));
  if (d)
    return d < 0 ? -1 : 1;
  int r = strcmp(str_at(a, "ruleId", NULL, NULL), str_at(b, "ruleId", NULL, NULL));
  return r ? r : cmp_serialized(a, b);
}

static int cmp_json_diag(const void *pa, const void *pb) {
  json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
  int c = strcmp(str_at(a, "path", NULL, NULL), str_at(b, "path", NULL, NULL));
  if (c)
    return c;
  json_int_t d = json_integer_value(json_object_get(json_object_get(a, "start"), "byte")) -
                 json_integer_value(json_object_get(json_object_get(b, "start"), "byte"));
  if (d)
    return d < 0 ? -1 : 1;
  int r = strcmp(str_at(a, "rule", NULL, NULL), str_at(b, "rule", NULL, NULL));
  return r ? r : cmp_serialized(a, b);
}

/* Sorts a JSON array in place with qsort over its items and drops the
 * items equal to the one before (cmp says 0). */
static void sort_unique(json_t *arr, int (*cmp)(const void *, const void *)) {
  size_t n = json_array_size(arr);
  json_t **items = xcalloc(n + 1, sizeof *items);
  for (size_t i = 0; i < n; i++)
    items[i] = json_incref(json_array_get(arr, i));
  qsort(items, n, sizeof *items, cmp);
  json_array_clear(arr);
  for (size_t i = 0; i < n; i++)
    if (i == 0 || cmp(&items[i - 1], &items[i]) != 0)
      json_array_append(arr, items[i]);
  for (size_t i = 0; i < n; i++)
    json_decref(items[i]);
  free(items);
}

/* Occurrence numbers count equal fingerprints in result order (see
 * output/fingerprint.c): numbered again over the merged results. */
static void renumber_fingerprints(json_t *results) {
  StrMap seen = {0};
  size_t i;
  json_t *res;
  json_array_foreach(results, i, res) {
    json_t *fps = json_object_get(res, "partialFingerprints");
    const char *fp = json_string_value(json_object_get(fps, FINGERPRINT_KEY));
    const char *colon = fp ? strrchr(fp, ':') : NULL;
    if (!colon)
      continue;
    char *hash = xstrndup(fp, (size_t)(colon - fp));
    uintptr_t n = (uintptr_t)strmap_get(&seen, hash) + 1;
    strmap_put(&seen, hash, (void *)n);
    char *renumbered = xasprintf("%s:%lu", hash, (unsigned long)n);
    json_object_set_new(fps, FINGERPRINT_KEY, json_string(renumbered));
    free(renumbered);
    free(hash);
  }
  strmap_free(&seen, NULL);
}

/* The summary's counts of findings, from the merged diagnostics; "files"
 * (files linted) adds up, shards lint disjoint files. */
static void recount_summary(json_t *root) {
  json_t *sum = json_object_get(root, "summary");
  json_int_t errors = 0, warnings = 0, fixable = 0, suggestions = 0;
  size_t i;
  json_t *d;
  json_array_foreach(json_object_get(root, "diagnostics"), i, d) {
    if (strcmp(str_at(d, "severity", NULL, NULL), "error") == 0)
      errors++;
    else
      warnings++;
    const char *app = str_at(d, "fix", "applicability", NULL);
    fixable += strcmp(app, "safe") == 0;
    suggestions += strcmp(app, "suggestion") == 0;
  }
  json_object_set_new(sum, "errors", json_integer(errors));
  json_object_set_new(sum, "warnings", json_integer(warnings));
  json_object_set_new(sum, "fixable", json_integer(fixable));
  json_object_set_new(sum, "suggestions", json_integer(suggestions));
  json_object_set_new(sum, "notices",
                      json_integer((json_int_t)json_array_size(json_object_get(root, "notices"))));
}

static bool same_rules(json_t *a, json_t *b) {
  json_t *ra = json_object_get(json_object_get(a, "driver"), "rules");
  json_t *rb = json_object_get(json_object_get(b, "driver"), "rules");
  if (json_array_size(ra) != json_array_size(rb))
    return false;
  for (size_t i = 0; i < json_array_size(ra); i++)
    if (strcmp(str_at(json_array_get(ra, i), "id", NULL, NULL),
               str_at(json_array_get(rb, i), "id", NULL, NULL)) != 0)
      return false;
  return true;
}

static bool merge_sarif(json_t *base, json_t *other, const char *path) {
  json_t *run = json_array_get(json_object_get(base, "runs"), 0);
  json_t *orun = json_array_get(json_object_get(other, "runs"), 0);
  if (!run || !orun) {
    fprintf(stderr, "rtlint: %s: a SARIF log without runs\n", path);
    return false;
  }
  json_t *tool = json_object_get(run, "tool"), *otool = json_object_get(orun, "tool");
  if (strcmp(str_at(tool, "driver", "version", NULL), str_at(otool, "driver", "version", NULL)) ||
      !same_rules(tool, otool)) {
    fprintf(stderr, "rtlint: %s: written by another rtlint version or rule set\n", path);
    return false;
  }
  json_array_extend(json_object_get(run, "results"), json_object_get(orun, "results"));
  json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
  json_t *oinv = json_array_get(json_object_get(orun, "invocations"), 0);
  if (inv && oinv) {
    json_t *notes = json_object_get(inv, "toolExecutionNotifications");
    json_t *onotes = json_object_get(oinv, "toolExecutionNotifications");
    if (notes && onotes)
      json_array_extend(notes, onotes);
    else if (onotes)
      json_object_set(inv, "toolExecutionNotifications", onotes);
    bool ok = json_is_true(json_object_get(inv, "executionSuccessful")) &&
              json_is_true(json_object_get(oinv, "executionSuccessful"));
    json_object_set_new(inv, "executionSuccessful", json_boolean(ok));
  }
  return true;
}

static bool merge_json(json_t *base, json_t *other, const char *path) {
  if (strcmp(str_at(base, "tool", "version", NULL), str_at(other, "tool", "version", NULL))) {
    fprintf(stderr, "rtlint: %s: written by another rtlint version\n", path);
    return false;
  }
  json_array_extend(json_object_get(base, "diagnostics"), json_object_get(other, "diagnostics"));
  json_array_extend(json_object_get(base, "suppressed"), json_object_get(other, "suppressed"));
  json_array_extend(json_object_get(base, "notices"), json_object_get(other, "notices"));
  json_t *sum = json_object_get(base, "summary"), *osum = json_object_get(other, "summary");
  json_int_t files = json_integer_value(json_object_get(sum, "files")) +
                     json_integer_value(json_object_get(osum, "files"));
  json_object_set_new(sum, "files", json_integer(files));
  return true;
}

int cmd_merge(const Options *o) {
  json_t *base = load(o->paths[0]);
  if (!base)
    return EXIT_USAGE;
  bool sarif = json_object_get(base, "runs") != NULL;
  if (!sarif && !json_object_get(base, "diagnostics")) {
    fprintf(stderr, "rtlint: %s: neither a SARIF log nor rtlint JSON output\n", o->paths[0]);
    json_decref(base);
    return EXIT_USAGE;
  }
  bool ok = true;
  for (size_t i = 1; ok && i < o->npaths; i++) {
    json_t *other = load(o->paths[i]);
    if (!other) {
      ok = false;
      break;
    }
    if (sarif != (json_object_get(other, "runs") != NULL)) {
      fprintf(stderr, "rtlint: %s: cannot merge SARIF with JSON output\n", o->paths[i]);
      ok = false;
    } else {
      ok = sarif ? merge_sarif(base, other, o->paths[i]) : merge_json(base, other, o->paths[i]);
    }
    json_decref(other);
  }
  if (ok && sarif) {
    json_t *results = json_object_get(json_array_get(json_object_get(base, "runs"), 0), "results");
    sort_unique(results, cmp_sarif_result);
    renumber_fingerprints(results);
  } else if (ok) {
    sort_unique(json_object_get(base, "diagnostics"), cmp_json_diag);
    sort_unique(json_object_get(base, "suppressed"), cmp_json_diag);
    sort_unique(json_object_get(base, "notices"), cmp_json_diag);
    recount_summary(base);
  }
  if (ok) {
    /* Written to a temporary and renamed, or not at all (core/fsio.h). */
    OutputFile out;
    char *err = NULL;
    ok = output_file_open(&out, o->output, &err);
    if (ok) {
      json_dumpf(base, out.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
      fputc('\n', out.f);
      ok = output_file_close(&out, &err);
    }
    if (!ok) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
    }
  }
  json_decref(base);
  return ok ? EXIT_CLEAN : EXIT_USAGE;
}
