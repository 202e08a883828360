#include "baseline/baseline.h"

#include "core/fsio.h"
#include "core/util.h"
#include "output/fingerprint.h"
#include "rules/registry.h"

#include "core/json_text.h"
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void baseline_add(Baseline *b, const char *fingerprint, const char *rule, const char *path,
                  const char *message) {
  BaselineEntry e = {xstrdup(fingerprint), xstrdup(rule), xstrdup(path),
                     xstrdup(message ? message : ""), false};
  ARRAY_PUSH(b->items, b->n, b->cap, e);
}

void baseline_free(Baseline *b) {
  for (size_t i = 0; i < b->n; i++) {
    free(b->items[i].fingerprint);
    free(b->items[i].rule);
    free(b->items[i].path);
    free(b->items[i].message);
  }
  free(b->items);
  memset(b, 0, sizeof *b);
}

/* The checks shared by the file and the buffer readers; takes root. */
static bool baseline_from_json(Baseline *b, json_t *root, const char *file, char **err) {
  json_t *findings = json_object_get(root, "findings");
  if (json_integer_value(json_object_get(root, "version")) != 1 || !json_is_array(findings)) {
    *err = xasprintf("baseline %s: not an rtlint baseline (version 1 with a findings list)", file);
    json_decref(root);
    return false;
  }
  size_t i;
  json_t *f;
  json_array_foreach(findings, i, f) {
    const char *fp = json_string_value(json_object_get(f, "fingerprint"));
    const char *rule = json_string_value(json_object_get(f, "rule"));
    const char *path = json_string_value(json_object_get(f, "path"));
    const char *msg = json_string_value(json_object_get(f, "message"));
    if (!fp || !rule || !path) {
      *err = xasprintf("baseline %s: finding %zu lacks fingerprint, rule or path", file, i + 1);
      json_decref(root);
      baseline_free(b);
      return false;
    }
    baseline_add(b, fp, rule, path, msg);
  }
  json_decref(root);
  return true;
}

bool baseline_load(Baseline *b, const char *file, char **err) {
  memset(b, 0, sizeof *b);
  char *bytes;
  size_t len;
  const char *why = NULL;
  if (!fsio_read_file(AT_FDCWD, file, 0, SIZE_MAX / 4, &bytes, &len, &why)) {
    *err = xasprintf("baseline %s: %s (create it with `rtlint baseline`)", file,
                     why ? why : "No such file or directory");
    return false;
  }
  bool ok = baseline_parse(b, bytes, len, file, err);
  free(bytes);
  return ok;
}

bool baseline_parse(Baseline *b, const char *text, size_t len, const char *file, char **err) {
  memset(b, 0, sizeof *b);
  json_error_t jerr;
  json_t *root = json_loadb(text, len, 0, &jerr);
  if (!root) {
    *err = xasprintf("baseline %s:%d:%d: %s", file, jerr.line, jerr.column, jerr.text);
    return false;
  }
  return baseline_from_json(b, root, file, err);
}

static int entry_cmp(const void *a, const void *b) {
  const BaselineEntry *x = a, *y = b;
  int c = strcmp(x->path, y->path);
  if (!c)
    c = strcmp(x->rule, y->rule);
  if (!c)
    c = strcmp(x->fingerprint, y->fingerprint);
  return c;
}

bool baseline_write(Baseline *b, const char *file, char **err) {
  if (b->n > 1)
    qsort(b->items, b->n, sizeof *b->items, entry_cmp);
  json_t *root = json_object();
  json_object_set_new(root, "version", json_integer(1));
  json_object_set_new(root, "tool", json_string("rtlint"));
  json_object_set_new(root, "about",
                      json_string("Findings accepted when rtlint was adopted. `rtlint --baseline "
                                  "FILE` reports only findings not listed here; `rtlint baseline "
                                  "--update` drops the fixed ones."));
  json_t *arr = json_array();
  for (size_t i = 0; i < b->n; i++)
    json_array_append_new(arr,
                          json_pack("{s:o, s:s, s:s, s:s}", "path", json_text(b->items[i].path),
                                    "rule", b->items[i].rule, "fingerprint",
                                    b->items[i].fingerprint, "message", b->items[i].message));
  json_object_set_new(root, "findings", arr);
  /* A temporary beside it, renamed into place (core/fsio.h): a predictable
   * temporary name could be planted as a symlink by the repository. */
  OutputFile out;
  bool ok = output_file_open(&out, file, err);
  if (ok) {
    json_dumpf(root, out.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out.f);
    ok = output_file_close(&out, err);
  }
  json_decref(root);
  return ok;
}

char **baseline_fingerprints(const LintResult *r) {
  char **fps = xcalloc(r->diags.n ? r->diags.n : 1, sizeof *fps);
  Fingerprinter fp;
  fingerprint_init(&fp);
  for (size_t i = 0; i < r->diags.n; i++) {
    char buf[FINGERPRINT_SIZE];
    fps[i] = xstrdup(fingerprint_diag(&fp, &r->diags.items[i], buf));
  }
  fingerprint_free(&fp);
  return fps;
}

void baseline_fingerprints_free(char **fps, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(fps[i]);
  free(fps);
}

size_t baseline_mark(Baseline *b, LintResult *r, bool (*linted)(void *ctx, const char *path),
                     void *ctx) {
  char **fps = baseline_fingerprints(r);
  for (size_t i = 0; i < r->diags.n; i++) {
    Diag *d = &r->diags.items[i];
    if (d->suppressed)
      continue;
    d->baseline_state = BASELINE_NEW;
    for (size_t k = 0; k < b->n; k++)
      if (!b->items[k].matched && strcmp(b->items[k].fingerprint, fps[i]) == 0 &&
          strcmp(b->items[k].rule, d->rule->id) == 0) {
        b->items[k].matched = true;
        d->baseline_state = BASELINE_UNCHANGED;
        break;
      }
  }
  baseline_fingerprints_free(fps, r->diags.n);
  size_t fixed = 0;
  for (size_t k = 0; k < b->n; k++)
    if (!b->items[k].matched && linted(ctx, b->items[k].path))
      fixed++;
  return fixed;
}
