#include "output/output.h"

#include "rules/registry.h"

#include "core/json_text.h"
#include <jansson.h>

static json_t *position(const Source *src, uint32_t byte) {
  SrcPos p = src_pos(src, byte);
  return json_pack("{s:i, s:i, s:i, s:i}", "byte", (json_int_t)byte, "line", (json_int_t)p.line,
                   "column", (json_int_t)p.col, "column_utf16", (json_int_t)p.col_utf16);
}

static json_t *fix_json(const Fix *fix) {
  if (fix->applicability == FIX_NONE)
    return json_null();
  json_t *edits = json_array();
  for (size_t i = 0; i < fix->nedits; i++)
    json_array_append_new(
        edits, json_pack("{s:i, s:i, s:s}", "start", (json_int_t)fix->edits[i].start, "end",
                         (json_int_t)fix->edits[i].end, "text", fix->edits[i].text));
  return json_pack("{s:s, s:s, s:o}", "applicability", fix_applicability_name(fix->applicability),
                   "title", fix->title ? fix->title : "", "edits", edits);
}

static json_t *diag_json(const Diag *d) {
  json_t *o = json_object();
  json_object_set_new(o, "rule", json_string(d->rule->id));
  json_object_set_new(o, "severity", json_string(severity_name(d->severity)));
  json_object_set_new(o, "phase", json_integer(d->rule->phase));
  json_object_set_new(o, "message", json_text(d->message));
  json_object_set_new(o, "path", json_text(d->src->path));
  json_object_set_new(o, "start", position(d->src, d->start));
  json_object_set_new(o, "end", position(d->src, d->end));
  json_object_set_new(o, "help", d->help ? json_text(d->help) : json_null());
  json_object_set_new(o, "fix", fix_json(&d->fix));
  if (d->ntrail) {
    json_t *trail = json_array();
    for (size_t i = 0; i < d->ntrail; i++) {
      const DiagStep *s = &d->trail[i];
      json_array_append_new(
          trail, json_pack("{s:o, s:i, s:i, s:i, s:o}", "path", json_text(s->path), "line",
                           (json_int_t)s->line, "column", (json_int_t)s->col, "column_utf16",
                           (json_int_t)s->col_utf16, "label", json_text(s->label)));
    }
    json_object_set_new(o, "trail", trail);
  }
  return o;
}

void output_json(FILE *f, const LintResult *r, const OutputOptions *opt) {
  json_t *root = json_object();
  json_object_set_new(root, "schema_version", json_integer(1));
  json_object_set_new(root, "tool",
                      json_pack("{s:s, s:s}", "name", "rtlint", "version", RTLINT_VERSION));
  json_t *diags = json_array();
  for (size_t i = 0; i < r->diags.n; i++)
    if (output_shown(&r->diags.items[i], opt))
      json_array_append_new(diags, diag_json(&r->diags.items[i]));
  json_object_set_new(root, "diagnostics", diags);
  /* Findings silenced by an inline rtlint-disable comment, with the comment's
   * reason: kept out of `diagnostics` and the summary, listed for audits. */
  json_t *suppressed = json_array();
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    if (!d->suppressed)
      continue;
    json_t *o = diag_json(d);
    json_object_set_new(o, "justification",
                        d->suppress_reason ? json_string(d->suppress_reason) : json_null());
    json_array_append_new(suppressed, o);
  }
  json_object_set_new(root, "suppressed", suppressed);
  json_t *notices = json_array();
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++) {
    const Notice *n = &r->notices.items[i];
    json_array_append_new(notices,
                          json_pack("{s:o, s:s, s:o, s:i, s:i}", "path", json_text(n->path), "kind",
                                    n->kind, "message", json_text(n->message), "line",
                                    (json_int_t)n->line, "column", (json_int_t)n->col));
  }
  json_object_set_new(root, "notices", notices);
  Summary s = output_summary(r, opt);
  json_object_set_new(
      root, "summary",
      json_pack("{s:i, s:i, s:i, s:i, s:i, s:i}", "files", (json_int_t)r->files_scanned, "errors",
                (json_int_t)s.errors, "warnings", (json_int_t)s.warnings, "fixable",
                (json_int_t)s.fixable_safe, "suggestions", (json_int_t)s.fixable_suggestion,
                "notices", (json_int_t)s.notices));
  json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
  fputc('\n', f);
  json_decref(root);
}
