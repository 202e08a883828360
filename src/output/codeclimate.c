/* GitLab Code Quality report: the Code Climate issue format, as a JSON array.
 * Severity: error -> "major", warning -> "minor" (GitLab's scale is info,
 * minor, major, critical, blocker; rtlint's errors break realtime delivery,
 * which is serious but not "blocker"). Files rtlint could not fully check
 * (notices) are reported as "info" issues with check_name "rtlint/<kind>"
 * so they show up in the merge request too: no finding, and no rule id. Every issue is in the "Bug
 * Risk" category: each rule reports a way realtime delivery breaks or drifts. */
#include "output/output.h"

#include "output/fingerprint.h"
#include "rules/registry.h"

#include "core/json_text.h"
#include <jansson.h>

static json_t *issue(const char *check, const char *description, const char *category,
                     const char *fingerprint, const char *severity, const char *path,
                     uint32_t begin, uint32_t end) {
  return json_pack("{s:s, s:s, s:s, s:[s], s:s, s:s, s:{s:o, s:{s:i, s:i}}}", "type", "issue",
                   "check_name", check, "description", description, "categories", category,
                   "fingerprint", fingerprint, "severity", severity, "location", "path",
                   json_text(path), "lines", "begin", (json_int_t)begin, "end", (json_int_t)end);
}

void output_codeclimate(FILE *f, const LintResult *r, const OutputOptions *opt) {
  json_t *arr = json_array();
  Fingerprinter fp;
  fingerprint_init(&fp);
  char fingerprint[FINGERPRINT_SIZE];
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++) {
    const Notice *n = &r->notices.items[i];
    char check[96];
    snprintf(check, sizeof check, "rtlint/%s", n->kind);
    /* Not the message: it names the line, and a notice must keep its
     * fingerprint when lines above it move. */
    fingerprint_next(&fp, check, n->path, "", 0, fingerprint);
    uint32_t line = n->line ? n->line : 1;
    json_array_append_new(
        arr, issue(check, n->message, "Bug Risk", fingerprint, "info", n->path, line, line));
  }
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    if (!output_shown(d, opt))
      continue;
    fingerprint_diag(&fp, d, fingerprint);
    json_array_append_new(arr, issue(d->rule->id, d->message, "Bug Risk", fingerprint,
                                     d->severity == SEV_ERROR ? "major" : "minor", d->src->path,
                                     src_pos(d->src, d->start).line, src_pos(d->src, d->end).line));
  }
  fingerprint_free(&fp);
  json_dumpf(arr, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', f);
  json_decref(arr);
}
