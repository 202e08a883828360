#include "output/output.h"

#include "rules/registry.h"

#include "core/json_stream.h"
#include "core/json_text.h"

static void position(JsonStream *js, const char *key, const Source *src, uint32_t byte) {
  SrcPos p = src_pos(src, byte);
  json_stream_object(js, key);
  json_stream_int(js, "byte", byte);
  json_stream_int(js, "line", p.line);
  json_stream_int(js, "column", p.col);
  json_stream_int(js, "column_utf16", p.col_utf16);
  json_stream_close(js, '}');
}

static void fix_json(JsonStream *js, const Diag *d) {
  const Fix *fix = &d->fix;
  if (fix->applicability == FIX_NONE) {
    json_stream_null(js, "fix");
    return;
  }
  json_stream_object(js, "fix");
  json_stream_string(js, "applicability", fix_applicability_name(fix->applicability));
  json_stream_string(js, "title", fix->title ? fix->title : "");
  json_stream_array(js, "edits");
  for (size_t i = 0; i < fix->nedits; i++) {
    json_stream_object(js, NULL);
    /* The file the edit changes: the finding's, or another one of the run. */
    json_stream_string(js, "path", edit_source(d, &fix->edits[i])->path);
    json_stream_int(js, "start", fix->edits[i].start);
    json_stream_int(js, "end", fix->edits[i].end);
    json_stream_string(js, "text", fix->edits[i].text);
    json_stream_close(js, '}');
  }
  json_stream_close(js, ']');
  json_stream_close(js, '}');
}

/* A trail or the related locations; left out when empty. */
static void steps_json(JsonStream *js, const char *key, const DiagStep *steps, size_t n) {
  if (n == 0)
    return;
  json_stream_array(js, key);
  for (size_t i = 0; i < n; i++) {
    json_stream_object(js, NULL);
    json_stream_string(js, "path", steps[i].path);
    json_stream_int(js, "line", steps[i].line);
    json_stream_int(js, "column", steps[i].col);
    json_stream_int(js, "column_utf16", steps[i].col_utf16);
    json_stream_string(js, "label", steps[i].label);
    json_stream_close(js, '}');
  }
  json_stream_close(js, ']');
}

/* One finding; a suppressed one also carries its comment's reason. */
static void diag_json(JsonStream *js, const Diag *d) {
  json_stream_object(js, NULL);
  json_stream_string(js, "rule", d->rule->id);
  json_stream_string(js, "severity", severity_name(d->severity));
  json_stream_int(js, "phase", d->rule->phase);
  json_stream_string(js, "message", d->message);
  json_stream_string(js, "path", d->src->path);
  position(js, "start", d->src, d->start);
  position(js, "end", d->src, d->end);
  json_stream_string(js, "help", d->help);
  fix_json(js, d);
  steps_json(js, "trail", d->trail, d->ntrail);
  steps_json(js, "related", d->related, d->nrelated);
  if (d->suppressed)
    json_stream_string(js, "justification", d->suppress_reason);
  json_stream_close(js, '}');
}

void output_json(FILE *f, const LintResult *r, const OutputOptions *opt) {
  JsonStream js;
  json_stream_init(&js, f);
  json_stream_object(&js, NULL);
  json_stream_int(&js, "schema_version", 1);
  json_stream_value(&js, "tool",
                    json_pack("{s:s, s:s}", "name", "rtlint", "version", RTLINT_VERSION));
  json_stream_array(&js, "diagnostics");
  for (size_t i = 0; i < r->diags.n; i++)
    if (output_shown(&r->diags.items[i], opt))
      diag_json(&js, &r->diags.items[i]);
  json_stream_close(&js, ']');
  /* Findings silenced by an inline rtlint-disable comment, with the comment's
   * reason: kept out of `diagnostics` and the summary, listed for audits. */
  json_stream_array(&js, "suppressed");
  for (size_t i = 0; i < r->diags.n; i++)
    if (r->diags.items[i].suppressed)
      diag_json(&js, &r->diags.items[i]);
  json_stream_close(&js, ']');
  json_stream_array(&js, "notices");
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++) {
    const Notice *n = &r->notices.items[i];
    json_stream_value(&js, NULL,
                      json_pack("{s:o, s:s, s:o, s:i, s:i}", "path", json_text(n->path), "kind",
                                n->kind, "message", json_text(n->message), "line",
                                (json_int_t)n->line, "column", (json_int_t)n->col));
  }
  json_stream_close(&js, ']');
  Summary s = output_summary(r, opt);
  json_stream_value(&js, "summary",
                    json_pack("{s:i, s:i, s:i, s:i, s:i, s:i}", "files",
                              (json_int_t)r->files_scanned, "errors", (json_int_t)s.errors,
                              "warnings", (json_int_t)s.warnings, "fixable",
                              (json_int_t)s.fixable_safe, "suggestions",
                              (json_int_t)s.fixable_suggestion, "notices", (json_int_t)s.notices));
  json_stream_close(&js, '}');
}
