#include "lsp/lint.h"

#include "cli/session.h"
#include "core/util.h"
#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>

static Module *module_at(Project *p, const char *abs) {
  for (size_t i = 0; i < p->nmodules; i++)
    if (strcmp(p->modules[i]->fs_path, abs) == 0)
      return p->modules[i];
  return NULL;
}

/* 0-based line and character of byte `at` of src in the client's encoding. */
static void foreign_pos(const Source *src, uint32_t at, PosEncoding enc, uint32_t *line,
                        uint32_t *ch) {
  SrcPos p = src_pos(src, at);
  *line = p.line - 1;
  *ch = (enc == POS_UTF8 ? p.col_byte : p.col_utf16) - 1;
}

static void keep_fix(Finding *f, const Diag *d, PosEncoding enc) {
  f->fix_title = xstrdup(d->fix.title ? d->fix.title : "Apply rtlint's fix");
  f->edits = xcalloc(d->fix.nedits, sizeof *f->edits);
  for (size_t k = 0; k < d->fix.nedits; k++) {
    const Edit *e = &d->fix.edits[k];
    if (!e->src) {
      f->edits[f->nedits++] = (Edit){e->start, e->end, xstrdup(e->text), NULL};
      continue;
    }
    ForeignEdit fe = {.uri = path_to_uri(module_of_source(e->src)->fs_path),
                      .text = xstrdup(e->text)};
    foreign_pos(e->src, e->start, enc, &fe.start_line, &fe.start_char);
    foreign_pos(e->src, e->end, enc, &fe.end_line, &fe.end_char);
    f->foreign = xrealloc(f->foreign, (f->nforeign + 1) * sizeof *f->foreign);
    f->foreign[f->nforeign++] = fe;
  }
}

static void keep_finding(Findings *out, const Diag *d, const char *root, PosEncoding enc) {
  Finding f = {.rule = d->rule->id,
               .severity = d->severity,
               .start = d->start,
               .end = d->end,
               .message = xstrdup(d->message),
               .fix = d->fix.nedits ? d->fix.applicability : FIX_NONE};
  if (f.fix != FIX_NONE)
    keep_fix(&f, d, enc);
  if (d->ntrail + d->nrelated) {
    f.related = xcalloc(d->ntrail + d->nrelated, sizeof *f.related);
    for (size_t k = 0; k < d->ntrail + d->nrelated; k++) {
      const DiagStep *st = k < d->ntrail ? &d->trail[k] : &d->related[k - d->ntrail];
      char *abs =
          st->path[0] == '/' || !root ? xstrdup(st->path) : xasprintf("%s/%s", root, st->path);
      f.related[f.nrelated++] = (Related){path_to_uri(abs), st->line, st->col, st->col_utf16,
                                          xstrdup(st->label ? st->label : "")};
      free(abs);
    }
  }
  ARRAY_PUSH(out->items, out->n, out->cap, f);
}

/* A notice about the document (a line that could not be parsed): shown as
 * an information diagnostic at its line and column (1-based code points). */
static void keep_notice(Findings *out, const DocStore *s, const Doc *d, const Notice *n) {
  const OverlayFile *t = doc_text(s, d);
  uint32_t at = 0;
  if (n->line >= 1 && n->line <= d->nlines) {
    at = d->line_starts[n->line - 1];
    for (uint32_t c = 1; c < n->col && at < t->len && t->bytes[at] != '\n'; c++) {
      at++;
      while (at < t->len && ((unsigned char)t->bytes[at] & 0xC0) == 0x80)
        at++;
    }
  }
  Finding f = {
      .rule = n->kind, .severity = SEV_OFF, .start = at, .end = at, .message = xstrdup(n->message)};
  ARRAY_PUSH(out->items, out->n, out->cap, f);
}

static void add_dep(Doc *d, const char *abs) {
  d->deps = xrealloc(d->deps, (d->ndeps + 1) * sizeof *d->deps);
  d->deps[d->ndeps++] = xstrdup(abs);
}
/* The next lint after an edit re-parses incrementally from the buffer's tree,
 * copied while the lint holds it (the engine drops trees after linting) and
 * handed to the overlay once the lint is over: during the lint the overlay's
 * tree is the one the parse started from. */
typedef struct KeepTree {
  const char *path;
  TSTree *tree;
} KeepTree;

static void keep_tree(void *ctx, const Project *proj, Module *m, const struct Facts *facts) {
  (void)proj;
  (void)facts;
  KeepTree *k = ctx;
  if (!m->tree || strcmp(m->fs_path, k->path) != 0)
    return;
  if (k->tree)
    ts_tree_delete(k->tree);
  k->tree = ts_tree_copy(m->tree);
}

json_t *lsp_lint(DocStore *s, Doc *d) {
  findings_free(&d->findings);
  for (size_t i = 0; i < d->ndeps; i++)
    free(d->deps[i]);
  d->ndeps = 0;
  char *paths[1] = {d->path};
  Options o;
  memset(&o, 0, sizeof o);
  o.command = CMD_CHECK;
  o.max_warnings = -1;
  o.file_budget = -1;
  o.no_cache = true;
  o.jobs = 1;
  o.paths = paths;
  o.npaths = 1;
  o.stdin_filename = d->path;
  Session ses;
  KeepTree keep = {d->path, NULL};
  LintFileHook hook = {.linted = keep_tree, .ctx = &keep};
  int st = session_open(&ses, &o,
                        (SessionNeeds){.overlay = overlay_fs(&s->overlay),
                                       .hook = &hook,
                                       .std_memo = &s->std_memo,
                                       .fix_unlinted = true});
  if (st < 0) {
    Module *m = module_at(&ses.proj, d->path);
    const DiagList *dl = &ses.result.diags;
    for (size_t i = 0; m && i < dl->n; i++) {
      const Diag *x = &dl->items[i];
      if (x->src == &m->src && !x->suppressed)
        keep_finding(&d->findings, x, ses.proj.root, s->enc);
    }
    for (size_t i = 0; i < ses.result.notices.n; i++) {
      const Notice *n = &ses.result.notices.items[i];
      if (m && n->path && m->src.path && strcmp(n->path, m->src.path) == 0)
        keep_notice(&d->findings, s, d, n);
    }
    for (size_t i = 0; i < ses.proj.nmodules; i++)
      if (strcmp(ses.proj.modules[i]->fs_path, d->path) != 0)
        add_dep(d, ses.proj.modules[i]->fs_path);
    if (ses.proj.standards_path)
      add_dep(d, ses.proj.standards_path);
  }
  session_close(&ses);
  if (keep.tree) {
    overlay_keep_tree(&s->overlay, d->path, keep.tree);
    ts_tree_delete(keep.tree);
  }
  d->dirty = false;
  return lsp_diagnostics(s, d);
}

json_t *lsp_diagnostic(const DocStore *s, const Doc *d, const Finding *f) {
  json_t *diag = json_object();
  json_object_set_new(diag, "range", doc_range(s, d, f->start, f->end));
  const RuleMeta *r = f->severity != SEV_OFF ? rules_find(f->rule) : NULL;
  /* LSP severities: 1 error, 2 warning, 3 information (notices). */
  json_object_set_new(diag, "severity", json_integer(!r ? 3 : f->severity == SEV_ERROR ? 1 : 2));
  json_object_set_new(diag, "code", json_string(f->rule));
  if (r) {
    char url[256];
    json_object_set_new(diag, "codeDescription",
                        json_pack("{s:s}", "href", rules_doc_url(r, url, sizeof url)));
  }
  json_object_set_new(diag, "source", json_string("rtlint"));
  json_object_set_new(diag, "message", json_string(f->message));
  if (f->fix != FIX_NONE)
    json_object_set_new(diag, "data", json_pack("{s:s}", "fix", fix_applicability_name(f->fix)));
  if (f->nrelated) {
    /* The trail: each wrapper call the name passed through on its way to the
     * sink. The step's column counts UTF-16 units or (UTF-8 negotiated) code
     * points: exact for ASCII lines, which is what a trail step points at. */
    json_t *related = json_array();
    for (size_t i = 0; i < f->nrelated; i++) {
      const Related *step = &f->related[i];
      json_int_t line = step->line ? (json_int_t)step->line - 1 : 0;
      uint32_t col = s->enc == POS_UTF16 ? step->col_utf16 : step->col;
      json_int_t ch = col ? (json_int_t)col - 1 : 0;
      json_t *pos = json_pack("{s:I, s:I}", "line", line, "character", ch);
      json_array_append_new(related,
                            json_pack("{s:{s:s, s:{s:O, s:o}}, s:s}", "location", "uri", step->uri,
                                      "range", "start", pos, "end", pos, "message", step->label));
    }
    json_object_set_new(diag, "relatedInformation", related);
  }
  return diag;
}

json_t *lsp_diagnostics(const DocStore *s, const Doc *d) {
  json_t *arr = json_array();
  for (size_t i = 0; i < d->findings.n; i++)
    json_array_append_new(arr, lsp_diagnostic(s, d, &d->findings.items[i]));
  return arr;
}
