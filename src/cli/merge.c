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
#include "output/output.h"

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

/* One item of a merged array with what orders it, computed once: comparing
 * serialized JSON on every qsort comparison made 2 x 20k duplicates take
 * 12 s. */
typedef struct Item {
  json_t *value;
  const char *path, *rule, *message, *help;
  json_int_t line, col, end_line, end_col;
  int severity, fix;
  char *key; /* the item serialized without its fingerprints: equal items, equal keys */
} Item;

static char *item_key(json_t *v) {
  json_t *copy = json_deep_copy(v);
  json_object_del(copy, "partialFingerprints");
  char *key = json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref(copy);
  return key ? key : xstrdup("");
}

static int cmp_int(json_int_t a, json_int_t b) {
  return (a > b) - (a < b);
}

/* The order the engine gives findings (engine/order.c): place, rule, message,
 * severity, help, then everything else; a merge must not reorder findings
 * that share a place. */
static int cmp_item(const void *pa, const void *pb) {
  const Item *a = pa, *b = pb;
  int c = strcmp(a->path, b->path);
  if (!c)
    c = cmp_int(a->line, b->line);
  if (!c)
    c = cmp_int(a->col, b->col);
  if (!c)
    c = cmp_int(a->end_line, b->end_line);
  if (!c)
    c = cmp_int(a->end_col, b->end_col);
  if (!c)
    c = strcmp(a->rule, b->rule);
  if (!c)
    c = strcmp(a->message, b->message);
  if (!c)
    c = cmp_int(a->severity, b->severity);
  if (!c)
    c = strcmp(a->help, b->help);
  if (!c)
    c = cmp_int(a->fix, b->fix);
  return c ? c : strcmp(a->key, b->key);
}

/* Severities and fix applicabilities in the engine's order: warnings before
 * errors; no fix, then a suggestion, then a safe fix. */
static int severity_rank(const char *name) {
  return strcmp(name, "error") == 0 ? 2 : strcmp(name, "warning") == 0 ? 1 : 0;
}

static int fix_rank(const char *applicability) {
  return strcmp(applicability, "safe") == 0 ? 2 : strcmp(applicability, "suggestion") == 0 ? 1 : 0;
}

static void sarif_item(json_t *v, Item *it) {
  json_t *loc =
      json_object_get(json_array_get(json_object_get(v, "locations"), 0), "physicalLocation");
  json_t *region = json_object_get(loc, "region");
  it->path = str_at(loc, "artifactLocation", "uri", NULL);
  it->line = json_integer_value(json_object_get(region, "startLine"));
  it->col = json_integer_value(json_object_get(region, "startColumn"));
  it->end_line = json_integer_value(json_object_get(region, "endLine"));
  it->end_col = json_integer_value(json_object_get(region, "endColumn"));
  it->rule = str_at(v, "ruleId", NULL, NULL);
  it->message = str_at(v, "message", "text", NULL);
  it->severity = severity_rank(str_at(v, "level", NULL, NULL));
  it->help = str_at(v, "properties", "help", NULL);
  json_t *fix = json_array_get(json_object_get(v, "fixes"), 0);
  it->fix = fix_rank(str_at(fix, "properties", "applicability", NULL));
}

static void json_diag_item(json_t *v, Item *it) {
  it->path = str_at(v, "path", NULL, NULL);
  it->line = json_integer_value(json_object_get(json_object_get(v, "start"), "byte"));
  it->end_line = json_integer_value(json_object_get(json_object_get(v, "end"), "byte"));
  it->rule = str_at(v, "rule", NULL, NULL);
  it->message = str_at(v, "message", NULL, NULL);
  it->severity = severity_rank(str_at(v, "severity", NULL, NULL));
  it->help = str_at(v, "help", NULL, NULL);
  it->fix = fix_rank(str_at(v, "fix", "applicability", NULL));
}

/* Drops the items equal to an earlier one (by a hash set of their keys),
 * then sorts what is left: duplicates cost a lookup each. */
static void sort_unique(json_t *arr, void (*describe)(json_t *, Item *)) {
  size_t n = json_array_size(arr), kept = 0;
  Item *items = xcalloc(n + 1, sizeof *items);
  StrMap seen = {0};
  for (size_t i = 0; i < n; i++) {
    Item it = {.value = json_incref(json_array_get(arr, i))};
    it.key = item_key(it.value);
    if (strmap_get(&seen, it.key)) {
      json_decref(it.value);
      free(it.key);
      continue;
    }
    strmap_put(&seen, it.key, it.value);
    describe(it.value, &it);
    items[kept++] = it;
  }
  strmap_free(&seen, NULL);
  qsort(items, kept, sizeof *items, cmp_item);
  json_array_clear(arr);
  for (size_t i = 0; i < kept; i++) {
    json_array_append_new(arr, items[i].value);
    free(items[i].key);
  }
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

/* The summary of the merged diagnostics, counted by output_summary as a
 * check counts its own: the findings become a LintResult (each path one
 * Source, sorted as the shards wrote them) with the severity and fix each
 * one carries. "files" (files linted) adds up: shards lint disjoint files. */
static void recount_summary(json_t *root) {
  json_t *sum = json_object_get(root, "summary");
  if (!sum) {
    sum = json_object();
    json_object_set_new(root, "summary", sum);
  }
  json_t *diags = json_object_get(root, "diagnostics");
  size_t n = json_array_size(diags);
  LintResult r;
  memset(&r, 0, sizeof r);
  r.diags.items = xcalloc(n + 1, sizeof *r.diags.items);
  r.diags.n = n;
  Source *srcs = xcalloc(n + 1, sizeof *srcs);
  for (size_t i = 0; i < n; i++) {
    json_t *d = json_array_get(diags, i);
    const char *path = str_at(d, "path", NULL, NULL);
    const Source *last = i > 0 ? r.diags.items[i - 1].src : NULL;
    const Source *src = last && strcmp(last->path, path) == 0 ? last : &srcs[i];
    srcs[i].path = (char *)path;
    const char *app = str_at(d, "fix", "applicability", NULL);
    r.diags.items[i] =
        (Diag){.severity = strcmp(str_at(d, "severity", NULL, NULL), "error") == 0 ? SEV_ERROR
                                                                                   : SEV_WARNING,
               .src = src,
               .fix.applicability = strcmp(app, "safe") == 0         ? FIX_SAFE
                                    : strcmp(app, "suggestion") == 0 ? FIX_SUGGESTION
                                                                     : FIX_NONE};
  }
  r.notices.n = json_array_size(json_object_get(root, "notices"));
  OutputOptions opt = {0};
  Summary total = output_summary(&r, &opt);
  free(r.diags.items);
  free(srcs);
  json_object_set_new(sum, "errors", json_integer((json_int_t)total.errors));
  json_object_set_new(sum, "warnings", json_integer((json_int_t)total.warnings));
  json_object_set_new(sum, "fixable", json_integer((json_int_t)total.fixable_safe));
  json_object_set_new(sum, "suggestions", json_integer((json_int_t)total.fixable_suggestion));
  json_object_set_new(sum, "notices", json_integer((json_int_t)total.notices));
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

typedef enum LogKind { LOG_INVALID, LOG_SARIF, LOG_JSON } LogKind;

/* A member that must be an array when present; with want, it must be there. */
static bool array_member(json_t *o, const char *key, bool want, const char *path,
                         const char *where) {
  json_t *v = json_object_get(o, key);
  if ((v || want) && !json_is_array(v)) {
    static const char *const kinds[] = {
        [JSON_OBJECT] = "an object", [JSON_STRING] = "a string", [JSON_INTEGER] = "a number",
        [JSON_REAL] = "a number",    [JSON_TRUE] = "true",       [JSON_FALSE] = "false",
        [JSON_NULL] = "null"};
    fprintf(stderr, "rtlint: %s: \"%s%s\" is %s, not an array\n", path, where, key,
            v ? kinds[json_typeof(v)] : "missing");
    return false;
  }
  return true;
}

/* What kind of output the file holds, after checking the shape merging
 * relies on: a shard whose diagnostics are not an array would otherwise be
 * dropped without a word. Errors name the file at fault. */
static LogKind log_kind(json_t *root, const char *path) {
  json_t *runs = json_object_get(root, "runs");
  if (runs) {
    json_t *run = json_array_get(runs, 0);
    if (!json_is_object(run)) {
      fprintf(stderr, "rtlint: %s: a SARIF log without runs\n", path);
      return LOG_INVALID;
    }
    json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
    if (!array_member(run, "results", true, path, "runs[0].") ||
        !array_member(inv, "toolExecutionNotifications", false, path, "runs[0].invocations[0]."))
      return LOG_INVALID;
    return LOG_SARIF;
  }
  if (!json_is_object(root) || !json_object_get(root, "diagnostics")) {
    fprintf(stderr, "rtlint: %s: neither a SARIF log nor rtlint JSON output\n", path);
    return LOG_INVALID;
  }
  if (!array_member(root, "diagnostics", true, path, "") ||
      !array_member(root, "suppressed", false, path, "") ||
      !array_member(root, "notices", false, path, ""))
    return LOG_INVALID;
  json_t *sum = json_object_get(root, "summary");
  json_t *files = json_object_get(sum, "files");
  if ((sum && !json_is_object(sum)) || (files && !json_is_integer(files)) ||
      json_integer_value(files) < 0) {
    fprintf(stderr, "rtlint: %s: \"summary\" is not an object with a count of \"files\"\n", path);
    return LOG_INVALID;
  }
  return LOG_JSON;
}

static bool merge_sarif(json_t *base, json_t *other, const char *base_path, const char *path) {
  json_t *run = json_array_get(json_object_get(base, "runs"), 0);
  json_t *orun = json_array_get(json_object_get(other, "runs"), 0);
  json_t *tool = json_object_get(run, "tool"), *otool = json_object_get(orun, "tool");
  if (strcmp(str_at(tool, "driver", "version", NULL), str_at(otool, "driver", "version", NULL)) ||
      !same_rules(tool, otool)) {
    fprintf(stderr, "rtlint: %s: written by another rtlint version or rule set than %s\n", path,
            base_path);
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

/* Appends other's array under key to base's, creating base's when missing. */
static void extend_member(json_t *base, json_t *other, const char *key) {
  json_t *more = json_object_get(other, key);
  if (!more)
    return;
  if (!json_object_get(base, key))
    json_object_set_new(base, key, json_array());
  json_array_extend(json_object_get(base, key), more);
}

static bool merge_json(json_t *base, json_t *other, const char *base_path, const char *path) {
  if (strcmp(str_at(base, "tool", "version", NULL), str_at(other, "tool", "version", NULL))) {
    fprintf(stderr, "rtlint: %s: written by another rtlint version than %s\n", path, base_path);
    return false;
  }
  json_t *sum = json_object_get(base, "summary"), *osum = json_object_get(other, "summary");
  json_int_t files;
  if (__builtin_add_overflow(json_integer_value(json_object_get(sum, "files")),
                             json_integer_value(json_object_get(osum, "files")), &files)) {
    fprintf(stderr, "rtlint: %s: the count of files linted is out of range\n", path);
    return false;
  }
  extend_member(base, other, "diagnostics");
  extend_member(base, other, "suppressed");
  extend_member(base, other, "notices");
  if (!sum) {
    sum = json_object();
    json_object_set_new(base, "summary", sum);
  }
  json_object_set_new(sum, "files", json_integer(files));
  return true;
}

/* The merged run keeps at most SARIF_MAX_RESULTS results, like one run, and
 * one truncation notification that also counts what shards left out
 * (their own notifications are replaced by it). */
static void cap_merged(json_t *run) {
  json_t *results = json_object_get(run, "results");
  json_t *notes = json_object_get(json_array_get(json_object_get(run, "invocations"), 0),
                                  "toolExecutionNotifications");
  size_t shards_left = 0;
  for (size_t i = json_array_size(notes); i-- > 0;) {
    json_t *n = json_array_get(notes, i);
    const char *id = json_string_value(json_object_get(json_object_get(n, "descriptor"), "id"));
    if (!id || strcmp(id, SARIF_TRUNCATED_ID) != 0)
      continue;
    json_int_t left =
        json_integer_value(json_object_get(json_object_get(n, "properties"), "leftOut"));
    if (left > 0 && left < 1000000000)
      shards_left += (size_t)left;
    json_array_remove(notes, i);
  }
  size_t total = json_array_size(results) + shards_left;
  size_t left = output_sarif_cap(results) + shards_left;
  if (left && notes)
    json_array_insert_new(notes, 0, output_sarif_truncation_notice(left, total));
}

int cmd_merge(const Options *o) {
  json_t *base = load(o->paths[0]);
  if (!base)
    return EXIT_USAGE;
  LogKind kind = log_kind(base, o->paths[0]);
  if (kind == LOG_INVALID) {
    json_decref(base);
    return EXIT_USAGE;
  }
  bool sarif = kind == LOG_SARIF;
  bool ok = true;
  for (size_t i = 1; ok && i < o->npaths; i++) {
    json_t *other = load(o->paths[i]);
    if (!other) {
      ok = false;
      break;
    }
    LogKind okind = log_kind(other, o->paths[i]);
    if (okind == LOG_INVALID) {
      ok = false;
    } else if (okind != kind) {
      fprintf(stderr, "rtlint: %s: cannot merge %s with the %s output of %s\n", o->paths[i],
              sarif ? "JSON output" : "a SARIF log", sarif ? "SARIF" : "JSON", o->paths[0]);
      ok = false;
    } else {
      ok = sarif ? merge_sarif(base, other, o->paths[0], o->paths[i])
                 : merge_json(base, other, o->paths[0], o->paths[i]);
    }
    json_decref(other);
  }
  if (ok && sarif) {
    json_t *results = json_object_get(json_array_get(json_object_get(base, "runs"), 0), "results");
    sort_unique(results, sarif_item);
    renumber_fingerprints(results);
    cap_merged(json_array_get(json_object_get(base, "runs"), 0));
  } else if (ok) {
    sort_unique(json_object_get(base, "diagnostics"), json_diag_item);
    sort_unique(json_object_get(base, "suppressed"), json_diag_item);
    sort_unique(json_object_get(base, "notices"), json_diag_item);
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
