#include "lsp/actions.h"

#include "core/util.h"
#include "fix/apply.h"
#include "lsp/lint.h"
#include "rules/registry.h"

#include <string.h>

static json_t *edit_of(const Doc *d, json_t *text_edits) {
  json_t *changes = json_object();
  json_object_set_new(changes, d->uri, text_edits);
  return json_pack("{s:o}", "changes", changes);
}

static json_t *text_edit(const DocStore *s, const Doc *d, uint32_t start, uint32_t end,
                         const char *text) {
  return json_pack("{s:o, s:s}", "range", doc_range(s, d, start, end), "newText", text);
}

/* Whether `only` (absent: everything) asks for actions of kind. */
static bool wanted(json_t *only, const char *kind) {
  if (!json_is_array(only))
    return true;
  size_t i;
  json_t *k;
  json_array_foreach(only, i, k) {
    const char *base = json_string_value(k);
    size_t n = base ? strlen(base) : 0;
    if (base && strncmp(kind, base, n) == 0 && (kind[n] == '\0' || kind[n] == '.'))
      return true;
  }
  return false;
}

/* The fix's edits in the document and in every other file it changes: one
 * workspace edit, applied whole by the client. */
static json_t *fix_edit(const DocStore *s, const Doc *d, const Finding *f) {
  json_t *edits = json_array();
  for (size_t k = 0; k < f->nedits; k++)
    json_array_append_new(edits,
                          text_edit(s, d, f->edits[k].start, f->edits[k].end, f->edits[k].text));
  json_t *workspace = edit_of(d, edits);
  json_t *changes = json_object_get(workspace, "changes");
  for (size_t k = 0; k < f->nforeign; k++) {
    const ForeignEdit *e = &f->foreign[k];
    json_t *in = json_object_get(changes, e->uri);
    if (!in) {
      in = json_array();
      json_object_set_new(changes, e->uri, in);
    }
    json_array_append_new(in, json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}", "range", "start",
                                        "line", (json_int_t)e->start_line, "character",
                                        (json_int_t)e->start_char, "end", "line",
                                        (json_int_t)e->end_line, "character",
                                        (json_int_t)e->end_char, "newText", e->text));
  }
  return workspace;
}

static void quickfixes(const DocStore *s, const Doc *d, const Finding *f, json_t *out) {
  if (f->fix != FIX_NONE) {
    char *title = f->fix == FIX_SUGGESTION ? xasprintf("%s (suggestion: review it)", f->fix_title)
                                           : xstrdup(f->fix_title);
    json_t *diags = json_array();
    json_array_append_new(diags, lsp_diagnostic(s, d, f));
    json_array_append_new(out, json_pack("{s:s, s:s, s:o, s:b, s:o}", "title", title, "kind",
                                         "quickfix", "diagnostics", diags, "isPreferred",
                                         f->fix == FIX_SAFE, "edit", fix_edit(s, d, f)));
    free(title);
  }
  /* Above the finding's line, with its indentation. */
  const OverlayFile *t = doc_text(s, d);
  uint32_t line_start = f->start;
  while (line_start > 0 && t->bytes[line_start - 1] != '\n')
    line_start--;
  uint32_t indent_end = line_start;
  while (indent_end < t->len && (t->bytes[indent_end] == ' ' || t->bytes[indent_end] == '\t'))
    indent_end++;
  char *comment = xasprintf("%.*s// rtlint-disable-next-line %s -- \n",
                            (int)(indent_end - line_start), t->bytes + line_start, f->rule);
  char *title = xasprintf("Disable %s for this line", f->rule);
  json_t *edits = json_array();
  json_array_append_new(edits, text_edit(s, d, line_start, line_start, comment));
  json_t *diags = json_array();
  json_array_append_new(diags, lsp_diagnostic(s, d, f));
  json_array_append_new(out, json_pack("{s:s, s:s, s:o, s:o}", "title", title, "kind", "quickfix",
                                       "diagnostics", diags, "edit", edit_of(d, edits)));
  free(title);
  free(comment);
}

/* Every safe fix of the last lint applied to the text, as `--fix` would
 * (overlaps deferred, refused when it breaks the syntax); NULL when none.
 * A fix that also changes another file is left to its own quick fix: this
 * action edits the document alone. Built only when asked for: it parses the
 * file twice. */
static char *fix_all(const DocStore *s, const Doc *d, size_t *len) {
  const Findings *fs = &d->findings;
  bool any = false;
  for (size_t i = 0; i < fs->n; i++)
    any = any || (fs->items[i].fix == FIX_SAFE && !fs->items[i].nforeign);
  Lang lang;
  if (!any || !lang_for_path(d->path, &lang))
    return NULL;
  const OverlayFile *t = doc_text(s, d);
  Source src;
  char *detail = NULL;
  if (src_from_memory(&src, t->bytes, t->len, d->path, &detail) != SOURCE_OK) {
    free(detail);
    return NULL;
  }
  Diag *diags = xcalloc(fs->n, sizeof *diags);
  size_t n = 0;
  for (size_t i = 0; i < fs->n; i++) {
    const Finding *f = &fs->items[i];
    if (f->fix == FIX_NONE || f->nforeign)
      continue;
    diags[n++] = (Diag){.rule = rules_find(f->rule),
                        .severity = f->severity,
                        .src = &src,
                        .start = f->start,
                        .end = f->end,
                        .fix = {.applicability = f->fix,
                                .title = f->fix_title,
                                .edits = f->edits,
                                .nedits = f->nedits}};
  }
  FileFixResult fr;
  fix_build(&fr, &src, lang, diags, n, FIX_SAFE);
  char *fixed = fr.fixed;
  *len = fr.fixed_len;
  fr.fixed = NULL;
  fix_result_free(&fr);
  free(diags);
  src_free(&src);
  return fixed;
}

json_t *lsp_code_actions(const DocStore *s, const Doc *d, json_t *params) {
  json_t *out = json_array();
  json_t *range = json_object_get(params, "range");
  json_t *only = json_object_get(json_object_get(params, "context"), "only");
  json_t *a = json_object_get(range, "start"), *b = json_object_get(range, "end");
  uint32_t from = doc_offset(s, d, (uint32_t)json_integer_value(json_object_get(a, "line")),
                             (uint32_t)json_integer_value(json_object_get(a, "character")));
  uint32_t to = doc_offset(s, d, (uint32_t)json_integer_value(json_object_get(b, "line")),
                           (uint32_t)json_integer_value(json_object_get(b, "character")));
  /* Whole lines: a cursor at the start of a line offers the fixes of the
   * findings on it, as editors that ask for the cursor's position expect. */
  const OverlayFile *text = doc_text(s, d);
  while (from > 0 && text->bytes[from - 1] != '\n')
    from--;
  while (to < text->len && text->bytes[to] != '\n')
    to++;
  if (wanted(only, "quickfix"))
    for (size_t i = 0; i < d->findings.n; i++) {
      const Finding *f = &d->findings.items[i];
      bool is_rule = f->severity != SEV_OFF;
      if (is_rule && f->start <= to && f->end >= from)
        quickfixes(s, d, f, out);
    }
  size_t fixed_len = 0;
  char *fixed = wanted(only, "source.fixAll.rtlint") ? fix_all(s, d, &fixed_len) : NULL;
  if (fixed) {
    const OverlayFile *t = doc_text(s, d);
    json_t *edits = json_array();
    json_array_append_new(edits,
                          json_pack("{s:o, s:s%}", "range", doc_range(s, d, 0, (uint32_t)t->len),
                                    "newText", fixed, fixed_len));
    json_array_append_new(out,
                          json_pack("{s:s, s:s, s:o}", "title", "Fix all safe rtlint findings",
                                    "kind", "source.fixAll.rtlint", "edit", edit_of(d, edits)));
    free(fixed);
  }
  return out;
}
