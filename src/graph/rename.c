/* graph_rename_at: what the contract rules may write over a site's event
 * expression, worked out while the file's tree is at hand (the contract is
 * judged after every file is in, possibly from the cache, without trees).
 * event-name-custom's own fix there is made by the same code
 * (rules/event_rename.c), so a contract finding that carries it makes the
 * very same edits. */
#include "core/util.h"
#include "fix/bound.h"
#include "fix/imports.h"
#include "graph/model.h"
#include "rules/event_naming.h"

#include <stdlib.h>
#include <string.h>

static void take_edits(GraphRename *rn, const Fix *fx, size_t from) {
  if (fx->nedits <= from)
    return;
  rn->imports = xcalloc(fx->nedits - from, sizeof *rn->imports);
  for (size_t i = from; i < fx->nedits; i++)
    rn->imports[rn->nimports++] =
        (Edit){fx->edits[i].start, fx->edits[i].end, xstrdup(fx->edits[i].text), NULL};
}

GraphRename *graph_rename_at(Resolver *r, const Standards *std, const Module *m, const EventSite *e,
                             const char *value) {
  if (!value || strcmp(value, "*") == 0 || event_unified_key(std, value) ||
      ts_node_is_null(e->arg) || m->is_standards)
    return NULL;
  /* One expression of one value: a conditional or a name of several values
   * is not one key. */
  TSNode branch[2];
  if (event_branches(e->arg, branch, 2) != 1)
    return NULL;
  Value v = resolve_expr(r, m, branch[0]);
  if (v.nalts != 1)
    return NULL;
  uint32_t start = ts_node_start_byte(branch[0]), end = ts_node_end_byte(branch[0]);
  /* Property names are not names: any key answers for every key. */
  bool standard = fix_names_bound(m, start, end, "UNIFIED_EVENTS.KEY", "UNIFIED_EVENTS");
  EventRename er = event_rename(r->arena, std, m, e, value, true);
  Diag own;
  memset(&own, 0, sizeof own);
  own.src = &m->src; /* every edit is m's: they are kept without a file */
  bool custom = event_rename_fix(&own, r->arena, r->proj, m, start, end, &er);
  if (!standard && !custom) {
    diag_free(&own);
    return NULL;
  }
  GraphRename *rn = xcalloc(1, sizeof *rn);
  rn->start = start;
  rn->end = end;
  rn->standard = standard;
  if (custom) {
    rn->custom = xstrdup(er.text);
    rn->custom_app = er.app;
    for (size_t k = 0; k < er.nkeys; k++)
      rn->custom_keys[rn->ncustom_keys++] = xstrdup(er.keys[k]);
    take_edits(rn, &own.fix, 1); /* the first edit is the replacement */
  } else {
    fix_require_standard_import(&own, r->proj, m, "UNIFIED_EVENTS");
    take_edits(rn, &own.fix, 0);
  }
  diag_free(&own);
  return rn;
}

void graph_rename_free(GraphRename *rn) {
  if (!rn)
    return;
  free(rn->custom);
  for (size_t k = 0; k < rn->ncustom_keys; k++)
    free(rn->custom_keys[k]);
  for (size_t i = 0; i < rn->nimports; i++)
    free(rn->imports[i].text);
  free(rn->imports);
  free(rn);
}
