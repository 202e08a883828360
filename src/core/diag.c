#include "core/diag.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

Diag *diag_add(DiagList *list, const struct RuleMeta *rule, Severity sev, const Source *src,
               uint32_t start, uint32_t end, const char *message, const char *help) {
  grow_array((void **)&list->items, &list->cap, list->n + 1, sizeof *list->items);
  Diag *d = &list->items[list->n++];
  memset(d, 0, sizeof *d);
  d->rule = rule;
  d->severity = sev;
  d->src = src;
  d->start = start;
  d->end = end;
  d->message = xstrdup(message);
  d->help = help ? xstrdup(help) : NULL;
  return d;
}

void diag_add_edit(Diag *d, uint32_t start, uint32_t end, const char *text) {
  diag_add_edit_in(d, NULL, start, end, text);
}

void diag_add_edit_in(Diag *d, const Source *src, uint32_t start, uint32_t end, const char *text) {
  Edit e = {start, end, xstrdup(text), src == d->src ? NULL : src};
  ARRAY_PUSH(d->fix.edits, d->fix.nedits, d->fix.cap, e);
}

bool diag_fix_spans_files(const Diag *d) {
  for (size_t i = 0; i < d->fix.nedits; i++)
    if (d->fix.edits[i].src)
      return true;
  return false;
}

void diag_set_fix(Diag *d, FixApplicability app, const char *title) {
  d->fix.applicability = app;
  free(d->fix.title);
  d->fix.title = xstrdup(title);
}

void diag_add_step(Diag *d, const char *path, uint32_t line, uint32_t col, uint32_t col_utf16,
                   const char *label) {
  DiagStep s = {xstrdup(path), line, col, col_utf16, xstrdup(label)};
  ARRAY_PUSH(d->trail, d->ntrail, d->trailcap, s);
}

bool diag_add_related(Diag *d, const char *path, uint32_t line, uint32_t col, uint32_t col_utf16,
                      const char *label) {
  if (d->nrelated >= DIAG_MAX_RELATED)
    return false;
  DiagStep s = {xstrdup(path), line, col, col_utf16, xstrdup(label)};
  ARRAY_PUSH(d->related, d->nrelated, d->relatedcap, s);
  return true;
}

static void steps_free(DiagStep *steps, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(steps[i].path);
    free(steps[i].label);
  }
  free(steps);
}

static void fix_free(Fix *f) {
  for (size_t i = 0; i < f->nedits; i++)
    free(f->edits[i].text);
  free(f->edits);
  free(f->title);
}

void diag_drop_fix(Diag *d) {
  fix_free(&d->fix);
  memset(&d->fix, 0, sizeof d->fix);
}

void diag_free(Diag *d) {
  free(d->message);
  free(d->help);
  free(d->suppress_reason);
  free(d->org_param.call);
  fix_free(&d->fix);
  steps_free(d->trail, d->ntrail);
  steps_free(d->related, d->nrelated);
  memset(d, 0, sizeof *d);
}

void diag_list_free(DiagList *list) {
  for (size_t i = 0; i < list->n; i++)
    diag_free(&list->items[i]);
  free(list->items);
  memset(list, 0, sizeof *list);
}

const char *severity_name(Severity s) {
  switch (s) {
  case SEV_ERROR:
    return "error";
  case SEV_WARNING:
    return "warning";
  case SEV_OFF:
    return "off";
  }
  return "?";
}

const char *fix_applicability_name(FixApplicability a) {
  switch (a) {
  case FIX_SAFE:
    return "safe";
  case FIX_SUGGESTION:
    return "suggestion";
  case FIX_NONE:
    return "none";
  }
  return "?";
}

void notice_add(NoticeList *list, const char *path, const char *kind, const char *message,
                uint32_t line, uint32_t col) {
  Notice n = {xstrdup(path), kind, xstrdup(message), line, col};
  ARRAY_PUSH(list->items, list->n, list->cap, n);
}

static int notice_cmp(const void *a, const void *b) {
  const Notice *x = a, *y = b;
  int c = strcmp(x->path, y->path);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  if ((c = strcmp(x->kind, y->kind)))
    return c;
  return strcmp(x->message, y->message);
}

void notice_list_sort(NoticeList *list) {
  if (list->n > 1)
    qsort(list->items, list->n, sizeof *list->items, notice_cmp);
}

void notice_list_free(NoticeList *list) {
  for (size_t i = 0; i < list->n; i++) {
    free(list->items[i].path);
    free(list->items[i].message);
  }
  free(list->items);
  memset(list, 0, sizeof *list);
}
