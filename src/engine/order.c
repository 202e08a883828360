#include "engine/order.h"

#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>

static int str_cmp_null(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int fix_cmp(const Diag *dx, const Diag *dy) {
  const Fix *x = &dx->fix, *y = &dy->fix;
  if (x->applicability != y->applicability)
    return x->applicability < y->applicability ? -1 : 1;
  if (x->nedits != y->nedits)
    return x->nedits < y->nedits ? -1 : 1;
  for (size_t i = 0; i < x->nedits; i++) {
    const Edit *a = &x->edits[i], *b = &y->edits[i];
    /* The file each edit changes: equal findings' fixes change the same. */
    int in = strcmp(edit_source(dx, a)->path, edit_source(dy, b)->path);
    if (in)
      return in;
    if (a->start != b->start)
      return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
      return a->end < b->end ? -1 : 1;
    int c = strcmp(a->text, b->text);
    if (c)
      return c;
  }
  return str_cmp_null(x->title, y->title);
}

/* A longer trail (or list of related locations) sorts first: of two equal
 * findings, dedupe keeps the one that says more. */
static int steps_cmp(const DiagStep *xs, size_t nx, const DiagStep *ys, size_t ny) {
  if (nx != ny)
    return nx > ny ? -1 : 1;
  for (size_t i = 0; i < nx; i++) {
    const DiagStep *a = &xs[i], *b = &ys[i];
    int c = strcmp(a->path, b->path);
    if (c)
      return c;
    if (a->line != b->line)
      return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
      return a->col < b->col ? -1 : 1;
    if ((c = strcmp(a->label, b->label)))
      return c;
  }
  return 0;
}

/* A total order over everything a finding prints: qsort is not stable, and
 * the order in which threads produced equal-positioned findings must not
 * show in the output. */
static int diag_cmp(const void *a, const void *b) {
  const Diag *x = a, *y = b;
  int c = strcmp(x->src->path, y->src->path);
  if (c)
    return c;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if ((c = strcmp(x->rule->id, y->rule->id)))
    return c;
  if ((c = strcmp(x->message, y->message)))
    return c;
  if (x->severity != y->severity)
    return x->severity < y->severity ? -1 : 1;
  if ((c = str_cmp_null(x->help, y->help)))
    return c;
  if ((c = fix_cmp(x, y)))
    return c;
  if (x->suppressed != y->suppressed)
    return x->suppressed ? 1 : -1;
  if ((c = str_cmp_null(x->suppress_reason, y->suppress_reason)))
    return c;
  if ((c = steps_cmp(x->trail, x->ntrail, y->trail, y->ntrail)))
    return c;
  if ((c = str_cmp_null(x->org_param.call, y->org_param.call)))
    return c;
  return steps_cmp(x->related, x->nrelated, y->related, y->nrelated);
}

void diag_list_sort(DiagList *list) {
  if (list->n > 1)
    qsort(list->items, list->n, sizeof *list->items, diag_cmp);
}
