/* `rtlint report --format html`: one self-contained page. No network, no
 * external assets: inline CSS, inline SVG charts, a few lines of inline JS
 * to sort tables. */
#include "report/report.h"

#include "core/printable.h"
#include "graph/views.h"

#include <string.h>

static const char *const phase_colors[REPORT_PHASES] = {"#6b7280", "#2563eb", "#16a34a", "#d97706",
                                                        "#9333ea"};

/* Text from the repository (names, commit subjects) in HTML: markup escaped,
 * and control characters, bidirectional overrides and bytes that are not
 * UTF-8 shown as escapes as in every other format (core/printable.h);
 * newlines and tabs are kept. */
static void esc(FILE *f, const char *s) {
  char buf[PRINTABLE_BUF];
  for (size_t n = s ? strlen(s) : 0; n > 0;) {
    const char *shown = s;
    size_t len = 1, used = 1;
    if (*s != '\n' && *s != '\t')
      used = printable_step(s, n, buf, &shown, &len);
    for (size_t i = 0; i < len; i++)
      html_putc(f, shown[i]);
    s += used;
    n -= used;
  }
}

static void num(FILE *f, size_t v) {
  fprintf(f, "<td class=\"n\" data-v=\"%zu\">%zu</td>", v, v);
}

static void pct_cell(FILE *f, int tenths) {
  char buf[32];
  report_pct(tenths, buf, sizeof buf);
  fprintf(f,
          "<td class=\"n\" data-v=\"%s\"><span class=\"bar\"><span style=\"width:%d%%\">"
          "</span></span> %s%%</td>",
          buf, tenths / 10, buf);
}

static const char style[] =
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#111827;"
    "background:#f9fafb}main{max-width:1100px;margin:0 auto;padding:24px}"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}"
    "section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;"
    "margin:12px 0}.kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{flex:1;min-width:140px;"
    "background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px}"
    ".kpi b{display:block;font-size:22px}table{border-collapse:collapse;width:100%}"
    "th,td{padding:5px 8px;border-bottom:1px solid #f3f4f6;text-align:left;vertical-align:top}"
    "th{cursor:pointer;user-select:none;background:#f9fafb}th[aria-sort=ascending]::after"
    "{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}"
    "td.n,th.n{text-align:right;white-space:nowrap}tfoot td{font-weight:600}"
    ".bar{display:inline-block;width:60px;height:8px;background:#e5e7eb;border-radius:4px;"
    "vertical-align:middle}.bar span{display:block;height:8px;background:#16a34a;"
    "border-radius:4px}.muted{color:#6b7280}code{font-size:12px}svg text{font-size:11px;"
    "fill:#374151}dl dt{font-weight:600;margin-top:8px}dl dd{margin:2px 0 0 0}"
    ".legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;"
    "width:10px;height:10px;margin-right:4px;border-radius:2px}";

static const char script[] =
    "document.body.setAttribute('data-sortable','ready');"
    "document.querySelectorAll('table.sortable th').forEach(function(th){"
    "th.addEventListener('click',function(){var t=th.closest('table'),b=t.tBodies[0];"
    "var i=Array.prototype.indexOf.call(th.parentNode.children,th);"
    "var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(th.parentNode.children,function(h){"
    "h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){"
    "var a=x.cells[i].getAttribute('data-v'),c=y.cells[i].getAttribute('data-v');"
    "var r=(a!==null&&c!==null)?parseFloat(a)-parseFloat(c):"
    "x.cells[i].textContent.localeCompare(y.cells[i].textContent);return asc?r:-r;});"
    "rows.forEach(function(r){b.appendChild(r);});});});";

static void phase_table(FILE *f, const Snapshot *s) {
  fputs("<table id=\"phase-table\" class=\"sortable\"><thead><tr><th>Phase</th>"
        "<th class=\"n\">Rules</th><th class=\"n\">Findings</th><th class=\"n\">Files</th>"
        "<th class=\"n\">Fixable</th><th class=\"n\">With suggestions</th>"
        "<th class=\"n\">Needs a human</th><th class=\"n\">Sites</th><th "
        "class=\"n\">Done</th></tr></thead><tbody>\n",
        f);
  for (int p = 0; p <= REPORT_PHASES; p++) {
    const PhaseStats *ps = p < REPORT_PHASES ? &s->phases[p] : &s->total;
    if (p == REPORT_PHASES)
      fputs("</tbody><tfoot>", f);
    fprintf(f, "<tr data-phase=\"%s\"><td>", p < REPORT_PHASES ? (char[]){'0' + p, 0} : "total");
    if (p < REPORT_PHASES)
      fprintf(f,
              "<i style=\"display:inline-block;width:10px;height:10px;background:%s;"
              "margin-right:6px;border-radius:2px\"></i>",
              phase_colors[p]);
    esc(f, report_phase_title(ps->phase));
    fputs("</td>", f);
    num(f, ps->rules);
    num(f, ps->findings);
    num(f, ps->files);
    num(f, ps->fixable);
    num(f, ps->fixable + ps->suggestions);
    num(f, ps->needs_human);
    fprintf(f, "<td class=\"n\" data-v=\"%zu\">%zu of %zu</td>", ps->sites_pending,
            ps->sites_pending, ps->sites);
    pct_cell(f, ps->pct_tenths);
    fputs("</tr>\n", f);
  }
  fputs("</tfoot></table>\n<p class=\"muted\" id=\"done-definition\">Sites: the phase's places "
        "of work with a finding of the phase, of all of them. ",
        f);
  esc(f, report_fix_sentence);
  fputc(' ', f);
  esc(f, report_done_sentence);
  fputs(" (docs/report.md)</p>\n", f);
}

static void burndown(FILE *f, const Report *r) {
  fputs("<section id=\"burndown\"><h2>Burndown</h2>\n", f);
  if (!r->history_requested) {
    fputs("<p class=\"muted\">No history in this report: run <code>rtlint report --history "
          "N</code> (or <code>--since DATE --every N</code>) to draw findings over time.</p>"
          "</section>\n",
          f);
    return;
  }
  if (r->history_stop) {
    fputs("<p class=\"muted\" id=\"history-stop\">", f);
    esc(f, r->history_stop);
    fputs(".</p>\n", f);
  }
  if (r->nhistory == 0) {
    fputs("<p class=\"muted\">No commits were sampled.</p></section>\n", f);
    return;
  }
  const int W = 1000, H = 300, L = 50, R = 20, T = 16, B = 44;
  size_t maxv = 1;
  for (size_t i = 0; i < r->nhistory; i++) {
    if (r->history[i].snap.findings > maxv)
      maxv = r->history[i].snap.findings;
  }
  fprintf(f,
          "<svg id=\"burndown-chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
          "aria-label=\"Findings per phase by commit\">\n",
          W, H);
  int pw = W - L - R, ph = H - T - B;
  for (int g = 0; g <= 4; g++) {
    int y = T + ph - ph * g / 4;
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e7eb\"/>", L, y, W - R,
            y);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%zu</text>\n", L - 6, y + 4,
            (size_t)(maxv * (size_t)g / 4));
  }
  size_t n = r->nhistory;
#define XPOS(i) (L + (n > 1 ? (int)((long)pw * (long)(i) / (long)(n - 1)) : pw / 2))
#define YPOS(v) (T + ph - (int)((long)ph * (long)(v) / (long)maxv))
  for (size_t i = 0; i < n; i++) {
    size_t step = n > 12 ? (n + 11) / 12 : 1;
    if (i % step && i != n - 1)
      continue;
    const char *anchor = n > 1 && i == 0 ? "start" : n > 1 && i == n - 1 ? "end" : "middle";
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%.7s</text>", XPOS(i), H - B + 16,
            anchor, r->history[i].oid);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"muted\">%.10s</text>\n", XPOS(i),
            H - B + 30, anchor, r->history[i].date);
  }
  /* The total, then one line per phase. */
  for (int p = -1; p < REPORT_PHASES; p++) {
    const char *color = p < 0 ? "#111827" : phase_colors[p];
    fprintf(f,
            "<polyline class=\"series\" data-phase=\"%s\" fill=\"none\" stroke=\"%s\" "
            "stroke-width=\"%s\"%s points=\"",
            p < 0 ? "total" : (char[]){'0' + p, 0}, color, p < 0 ? "2.5" : "2",
            p < 0 ? " stroke-dasharray=\"6 4\"" : "");
    for (size_t i = 0; i < n; i++) {
      const Snapshot *s = &r->history[i].snap;
      size_t v = p < 0 ? s->findings : s->phases[p].findings;
      fprintf(f, "%s%d,%d", i ? " " : "", XPOS(i), YPOS(v));
    }
    fputs("\"/>\n", f);
    for (size_t i = 0; i < n; i++) {
      const Snapshot *s = &r->history[i].snap;
      size_t v = p < 0 ? s->findings : s->phases[p].findings;
      fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"><title>", XPOS(i), YPOS(v),
              color);
      fprintf(f, "%.7s %s: %zu findings</title></circle>", r->history[i].oid,
              p < 0 ? "total" : report_phase_title(p), v);
    }
    fputc('\n', f);
  }
#undef XPOS
#undef YPOS
  fputs("</svg>\n<p class=\"legend\"><span><i style=\"background:#111827\"></i>Total</span>", f);
  for (int p = 0; p < REPORT_PHASES; p++) {
    fprintf(f, "<span><i style=\"background:%s\"></i>", phase_colors[p]);
    esc(f, report_phase_title(p));
    fputs("</span>", f);
  }
  fputs("</p>\n<table id=\"history-table\" class=\"sortable\"><thead><tr><th>Commit</th>"
        "<th>Date</th><th>Subject</th><th>Standards</th><th class=\"n\">Findings</th>"
        "<th class=\"n\">Fixable</th><th class=\"n\">Done</th><th class=\"n\">Files linted</th>"
        "<th class=\"n\">Reused</th></tr></thead><tbody>\n",
        f);
  for (size_t i = 0; i < n; i++) {
    const HistoryPoint *h = &r->history[i];
    fprintf(f, "<tr><td><code>%.10s</code></td><td data-v=\"%lld\">%.10s</td><td>", h->oid,
            (long long)h->time, h->date);
    esc(f, h->subject);
    fputs("</td><td>", f);
    esc(f, h->snap.standards_source);
    fputs("</td>", f);
    num(f, h->snap.findings);
    num(f, h->snap.fixable);
    pct_cell(f, h->snap.total.pct_tenths);
    num(f, h->passes_linted);
    num(f, h->passes_reused);
    fputs("</tr>\n", f);
  }
  fputs("</tbody></table></section>\n", f);
}

static void dir_chart(FILE *f, const Snapshot *s) {
  fprintf(f, "<section id=\"directories\"><h2>By directory (depth %d)</h2>\n", s->dir_depth);
  size_t shown = s->ndirs < 30 ? s->ndirs : 30, maxv = 1;
  for (size_t i = 0; i < shown; i++)
    if (s->dirs[i].findings > maxv)
      maxv = s->dirs[i].findings;
  const int W = 1000, row = 22, L = 260, R = 60;
  int H = (int)shown * row + 10;
  fprintf(f,
          "<svg id=\"directory-chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
          "aria-label=\"Findings per directory\">\n",
          W, H < 30 ? 30 : H);
  for (size_t i = 0; i < shown; i++) {
    const GroupStats *g = &s->dirs[i];
    int y = 5 + (int)i * row;
    int wfix = (int)((long)(W - L - R) * (long)g->fixable / (long)maxv);
    int whum = (int)((long)(W - L - R) * (long)g->needs_human / (long)maxv);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", L - 8, y + 14);
    esc(f, g->name);
    fprintf(f,
            "</text><rect class=\"bar-fixable\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" "
            "fill=\"#16a34a\"><title>%zu fixable</title></rect>",
            L, y + 2, wfix, g->fixable);
    fprintf(f,
            "<rect class=\"bar-human\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" "
            "fill=\"#ea580c\"><title>%zu need a human</title></rect>",
            L + wfix, y + 2, whum, g->needs_human);
    fprintf(f, "<text x=\"%d\" y=\"%d\">%zu</text>\n", L + wfix + whum + 6, y + 14, g->findings);
  }
  fputs("</svg>\n<p class=\"legend\"><span><i style=\"background:#16a34a\"></i>fixable with "
        "<code>rtlint --fix</code></span><span><i style=\"background:#ea580c\"></i>needs a "
        "human</span></p>\n",
        f);
  fputs("<table id=\"directory-table\" class=\"sortable\"><thead><tr><th>Directory</th>"
        "<th class=\"n\">Files</th><th class=\"n\">Findings</th><th class=\"n\">Fixable</th>"
        "<th class=\"n\">Needs a human</th></tr></thead><tbody>\n",
        f);
  for (size_t i = 0; i < s->ndirs; i++) {
    const GroupStats *g = &s->dirs[i];
    fputs("<tr><td>", f);
    esc(f, g->name);
    fputs("</td>", f);
    num(f, g->files);
    num(f, g->findings);
    num(f, g->fixable);
    num(f, g->needs_human);
    fputs("</tr>\n", f);
  }
  fputs("</tbody></table></section>\n", f);
}

static void rules_table(FILE *f, const Snapshot *s) {
  fputs("<section id=\"rules\"><h2>By rule</h2><table id=\"rule-table\" class=\"sortable\">"
        "<thead><tr><th>Rule</th><th class=\"n\">Phase</th><th class=\"n\">Findings</th>"
        "<th class=\"n\">Files</th><th class=\"n\">Fixable</th><th class=\"n\">Needs a "
        "human</th></tr></thead><tbody>\n",
        f);
  for (size_t i = 0; i < s->nrules; i++) {
    const RuleStats *rs = &s->rules[i];
    fprintf(f, "<tr data-rule=\"%s\"><td><code>%s</code>%s</td>", rs->rule->id, rs->rule->id,
            rs->enabled ? "" : " <span class=\"muted\">(not run)</span>");
    fprintf(f, "<td class=\"n\" data-v=\"%d\">%s</td>", rs->rule->phase,
            rules_phase_name(rs->rule->phase));
    num(f, rs->findings);
    num(f, rs->files);
    num(f, rs->fixable);
    num(f, rs->needs_human);
    fputs("</tr>\n", f);
  }
  fputs("</tbody></table></section>\n", f);
}

static void top_files(FILE *f, const Snapshot *s) {
  fprintf(f,
          "<section id=\"top-files\"><h2>Files with the most findings (top %d)</h2>"
          "<table id=\"top-files-table\" class=\"sortable\"><thead><tr><th>File</th>"
          "<th class=\"n\">Findings</th><th class=\"n\">Errors</th><th class=\"n\">Fixable</th>"
          "<th class=\"n\">Needs a human</th></tr></thead><tbody>\n",
          REPORT_TOP_FILES);
  for (size_t i = 0; i < s->ntop; i++) {
    const GroupStats *g = &s->top_files[i];
    fputs("<tr><td><code>", f);
    esc(f, g->name);
    fputs("</code></td>", f);
    num(f, g->findings);
    num(f, g->errors);
    num(f, g->fixable);
    num(f, g->needs_human);
    fputs("</tr>\n", f);
  }
  fputs("</tbody></table></section>\n", f);
}

static void fix_now(FILE *f, const Snapshot *s) {
  fprintf(f,
          "<section id=\"fix-now\"><h2>What <code>rtlint --fix</code> would do now</h2>"
          "<p><b id=\"fix-count\">%zu</b> safe %s in <b id=\"fix-files\">%zu</b> %s.</p>\n",
          s->fixable, s->fixable == 1 ? "fix" : "fixes", s->nfix_files,
          s->nfix_files == 1 ? "file" : "files");
  if (s->nfix_files) {
    fputs("<table id=\"fix-table\" class=\"sortable\"><thead><tr><th>File</th>"
          "<th class=\"n\">Fixes</th></tr></thead><tbody>\n",
          f);
    for (size_t i = 0; i < s->nfix_files; i++) {
      fputs("<tr><td><code>", f);
      esc(f, s->fix_files[i].name);
      fputs("</code></td>", f);
      num(f, s->fix_files[i].fixable);
      fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
  }
  fputs("</section>\n", f);
}

void report_write_html(FILE *f, const Report *r) {
  const Snapshot *s = &r->now;
  char pct[32];
  report_pct(s->total.pct_tenths, pct, sizeof pct);
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>rtlint migration report</title>\n<style>",
        f);
  fputs(style, f);
  fputs("</style></head><body><main>\n", f);
  fprintf(f,
          "<header id=\"summary\"><h1>Realtime standards migration: <span id=\"percent-done\">"
          "%s%%</span> done</h1>\n",
          pct);
  fprintf(f, "<p class=\"muted\">rtlint %s &middot; standards: <span id=\"standards-source\">",
          RTLINT_VERSION);
  esc(f, s->standards_source);
  fprintf(f, "</span>%s</p>\n<div class=\"kpis\">", s->standards_learned ? " (learned)" : "");
  fprintf(f,
          "<div class=\"kpi\">Findings<b id=\"kpi-findings\">%zu</b></div>"
          "<div class=\"kpi\">Files affected<b id=\"kpi-files\">%zu</b>of %zu</div>"
          "<div class=\"kpi\">Fixable automatically<b id=\"kpi-fixable\">%zu</b></div>"
          "<div class=\"kpi\">Needs a human<b id=\"kpi-human\">%zu</b></div>"
          "<div class=\"kpi\">Realtime sites<b id=\"kpi-sites\">%zu</b></div>",
          s->findings, s->files_with_findings, s->files, s->fixable, s->needs_human, s->sites);
  fputs("</div></header>\n", f);
  if (r->prev.present) {
    const PrevReport *p = &r->prev;
    char a[32];
    report_pct(p->pct_tenths, a, sizeof a);
    fprintf(f,
            "<section id=\"compare\"><h2>Since the previous report</h2><p>Findings %zu &rarr; "
            "%zu, fixable %zu &rarr; %zu, done %s%% &rarr; %s%%.</p></section>\n",
            p->findings, s->findings, p->fixable, s->fixable, a, pct);
  }
  fputs("<section id=\"phases\"><h2>By phase</h2>\n", f);
  phase_table(f, s);
  fputs("</section>\n", f);
  burndown(f, r);
  dir_chart(f, s);
  rules_table(f, s);
  top_files(f, s);
  fix_now(f, s);
  graph_summary_html(f, r->graph);
  fputs("<section id=\"standards\"><h2>Standards in use</h2><p>", f);
  esc(f, s->standards_source);
  fputs(s->standards_learned
            ? ": <code>UNIFIED_CHANNELS</code> and <code>UNIFIED_EVENTS</code> were read from "
              "the codebase's own standards module.</p>"
            : ": no standards module in the tree, so rtlint's built-in catalog (from the seed "
              "document) applies.</p>",
        f);
  fputs("</section>\n<section id=\"definitions\"><h2>The migration phases</h2><dl>\n", f);
  for (int p = 0; p < REPORT_PHASES; p++) {
    fputs("<dt>", f);
    esc(f, report_phase_title(p));
    fputs("</dt><dd>", f);
    esc(f, report_phase_definition(p));
    fputs("</dd>\n", f);
  }
  fputs("</dl><p class=\"muted\"><b>Percent done</b>: ", f);
  esc(f, report_done_sentence);
  fputs(" It reaches 100% exactly when the phase has no findings left.</p></section>\n", f);
  fputs("</main><script>", f);
  fputs(script, f);
  fputs("</script></body></html>\n", f);
}
