/* `rtlint report --format json`: schema documented in docs/report.md. */
#include "report/report.h"

#include "core/json_text.h"
#include <jansson.h>

#define JI(x) json_integer((json_int_t)(x))

static json_t *pct(int tenths) {
  return json_real(tenths / 10.0);
}

static json_t *phase_json(const PhaseStats *p) {
  json_t *o = json_object();
  if (p->phase >= 0) {
    json_object_set_new(o, "phase", JI(p->phase));
    json_object_set_new(o, "title", json_string(report_phase_title(p->phase)));
  }
  json_object_set_new(o, "rules", JI(p->rules));
  json_object_set_new(o, "findings", JI(p->findings));
  json_object_set_new(o, "errors", JI(p->errors));
  json_object_set_new(o, "warnings", JI(p->warnings));
  json_object_set_new(o, "files", JI(p->files));
  json_object_set_new(o, "fixable", JI(p->fixable));
  json_object_set_new(o, "suggestions", JI(p->suggestions));
  json_object_set_new(o, "fixable_with_suggestions", JI(p->fixable + p->suggestions));
  json_object_set_new(o, "needs_human", JI(p->needs_human));
  json_object_set_new(o, "sites", JI(p->sites));
  json_object_set_new(o, "sites_pending", JI(p->sites_pending));
  json_object_set_new(o, "unplaced", JI(p->unplaced));
  json_object_set_new(o, "percent_done", pct(p->pct_tenths));
  return o;
}

static json_t *group_json(const GroupStats *g, const char *key, bool with_files) {
  json_t *o = json_object();
  json_object_set_new(o, key, json_text(g->name));
  if (with_files)
    json_object_set_new(o, "files", JI(g->files));
  json_object_set_new(o, "findings", JI(g->findings));
  json_object_set_new(o, "errors", JI(g->errors));
  json_object_set_new(o, "fixable", JI(g->fixable));
  json_object_set_new(o, "needs_human", JI(g->needs_human));
  return o;
}

static json_t *totals_json(const Snapshot *s) {
  json_t *o = json_object();
  json_object_set_new(o, "files", JI(s->files));
  json_object_set_new(o, "files_with_findings", JI(s->files_with_findings));
  json_object_set_new(o, "findings", JI(s->findings));
  json_object_set_new(o, "errors", JI(s->errors));
  json_object_set_new(o, "warnings", JI(s->warnings));
  json_object_set_new(o, "fixable", JI(s->fixable));
  json_object_set_new(o, "suggestions", JI(s->suggestions));
  json_object_set_new(o, "fixable_with_suggestions", JI(s->fixable + s->suggestions));
  json_object_set_new(o, "needs_human", JI(s->needs_human));
  json_object_set_new(o, "notices", JI(s->notices));
  json_object_set_new(o, "sites", JI(s->total.sites));
  json_object_set_new(o, "sites_pending", JI(s->total.sites_pending));
  json_object_set_new(o, "unplaced", JI(s->total.unplaced));
  json_object_set_new(o, "percent_done", pct(s->total.pct_tenths));
  return o;
}

static json_t *standards_json(const Snapshot *s) {
  return json_pack("{s:o, s:b}", "source", json_text(s->standards_source), "learned",
                   s->standards_learned);
}

static json_t *history_json(const HistoryPoint *h) {
  json_t *o = json_object();
  json_object_set_new(o, "commit", json_string(h->oid));
  json_object_set_new(o, "date", json_string(h->date));
  json_object_set_new(o, "subject", json_text(h->subject ? h->subject : ""));
  json_object_set_new(o, "standards", standards_json(&h->snap));
  json_object_set_new(o, "totals", totals_json(&h->snap));
  json_t *phases = json_array();
  for (int p = 0; p < REPORT_PHASES; p++) {
    const PhaseStats *ps = &h->snap.phases[p];
    json_array_append_new(
        phases, json_pack("{s:i, s:I, s:I, s:I, s:I, s:o}", "phase", p, "findings",
                          (json_int_t)ps->findings, "files", (json_int_t)ps->files, "fixable",
                          (json_int_t)ps->fixable, "suggestions", (json_int_t)ps->suggestions,
                          "percent_done", pct(ps->pct_tenths)));
  }
  json_object_set_new(o, "phases", phases);
  json_object_set_new(o, "files_linted", JI(h->passes_linted));
  json_object_set_new(o, "files_reused", JI(h->passes_reused));
  return o;
}

static json_t *compare_json(const Report *r) {
  const PrevReport *p = &r->prev;
  const Snapshot *s = &r->now;
  json_t *o = json_object();
  json_object_set_new(o, "previous", json_string(r->compare_path ? r->compare_path : ""));
  json_object_set_new(o, "findings", JI((long long)s->findings - (long long)p->findings));
  json_object_set_new(o, "fixable", JI((long long)s->fixable - (long long)p->fixable));
  json_object_set_new(o, "needs_human", JI((long long)s->needs_human - (long long)p->needs_human));
  json_object_set_new(o, "files_with_findings",
                      JI((long long)s->files_with_findings - (long long)p->files_with_findings));
  json_object_set_new(o, "percent_done", pct(s->total.pct_tenths - p->pct_tenths));
  json_t *phases = json_array();
  for (int i = 0; i < REPORT_PHASES; i++) {
    if (!p->has_phase[i])
      continue;
    json_array_append_new(
        phases,
        json_pack("{s:i, s:I, s:o}", "phase", i, "findings",
                  (json_int_t)((long long)s->phases[i].findings - (long long)p->phase_findings[i]),
                  "percent_done", pct(s->phases[i].pct_tenths - p->phase_pct_tenths[i])));
  }
  json_object_set_new(o, "phases", phases);
  return o;
}

void report_write_json(FILE *f, const Report *r) {
  const Snapshot *s = &r->now;
  json_t *root = json_object();
  json_object_set_new(root, "schema_version", json_integer(1));
  json_object_set_new(root, "kind", json_string("rtlint-report"));
  json_object_set_new(root, "tool",
                      json_pack("{s:s, s:s}", "name", "rtlint", "version", RTLINT_VERSION));
  json_object_set_new(root, "standards", standards_json(s));
  json_object_set_new(root, "totals", totals_json(s));
  json_t *phases = json_array();
  for (int p = 0; p < REPORT_PHASES; p++)
    json_array_append_new(phases, phase_json(&s->phases[p]));
  json_object_set_new(root, "phases", phases);
  json_t *rules = json_array();
  for (size_t i = 0; i < s->nrules; i++) {
    const RuleStats *rs = &s->rules[i];
    json_array_append_new(
        rules,
        json_pack("{s:s, s:i, s:b, s:I, s:I, s:I, s:I, s:I}", "id", rs->rule->id, "phase",
                  rs->rule->phase, "enabled", rs->enabled, "findings", (json_int_t)rs->findings,
                  "files", (json_int_t)rs->files, "fixable", (json_int_t)rs->fixable, "suggestions",
                  (json_int_t)rs->suggestions, "needs_human", (json_int_t)rs->needs_human));
  }
  json_object_set_new(root, "rules", rules);
  json_t *dirs = json_array();
  for (size_t i = 0; i < s->ndirs; i++)
    json_array_append_new(dirs, group_json(&s->dirs[i], "directory", true));
  json_object_set_new(root, "directories",
                      json_pack("{s:i, s:o}", "depth", s->dir_depth, "items", dirs));
  json_t *top = json_array();
  for (size_t i = 0; i < s->ntop; i++)
    json_array_append_new(top, group_json(&s->top_files[i], "path", false));
  json_object_set_new(root, "top_files", top);
  json_t *fixfiles = json_array();
  for (size_t i = 0; i < s->nfix_files; i++)
    json_array_append_new(fixfiles, json_pack("{s:o, s:I}", "path", json_text(s->fix_files[i].name),
                                              "fixes", (json_int_t)s->fix_files[i].fixable));
  json_object_set_new(root, "fix_now",
                      json_pack("{s:I, s:I, s:o}", "fixes", (json_int_t)s->fixable, "files",
                                (json_int_t)s->nfix_files, "by_file", fixfiles));
  if (r->history_requested) {
    json_t *hist = json_array();
    for (size_t i = 0; i < r->nhistory; i++)
      json_array_append_new(hist, history_json(&r->history[i]));
    json_object_set_new(root, "history", hist);
    if (r->history_stop)
      json_object_set_new(root, "history_stop", json_string(r->history_stop));
  } else {
    json_object_set_new(root, "history", json_null());
  }
  json_object_set_new(root, "compare", r->prev.present ? compare_json(r) : json_null());
  json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  fputc('\n', f);
  json_decref(root);
}
