#include "engine/prefilter.h"

#include "core/util.h"
#include "resolve/flow_names.h"

#include <stdlib.h>
#include <string.h>

static void add_needle(Prefilter *pf, size_t *cap, const char *needle) {
  for (size_t i = 0; i < pf->n; i++)
    if (strcmp(pf->needles[i], needle) == 0)
      return;
  ARRAY_PUSH(pf->needles, pf->n, *cap, needle);
}

void prefilter_init(Prefilter *pf, const RuleSelection *sel, const Standards *std) {
  memset(pf, 0, sizeof *pf);
  pf->sel = *sel;
  pf->std = std;
  size_t cap = 0;
  for (size_t r = 0; r < rules_count; r++) {
    if (sel->severity[r] == SEV_OFF)
      continue;
    pf->refined = pf->refined || rules_all[r]->may_fire;
    if (rules_all[r]->hook_needles) {
      for (size_t h = 0; std && h < std->nhooks; h++)
        add_needle(pf, &cap, std->hooks[h].hook);
      if (!rules_all[r]->needles)
        continue;
    }
    const char *const *nd = rules_all[r]->needles;
    if (!nd || !nd[0]) {
      pf->always = true;
      continue;
    }
    for (; *nd; nd++)
      add_needle(pf, &cap, *nd);
  }
}

/* The source is NUL-terminated and NUL-free (src_load rejects NUL bytes),
 * so strstr sees the whole file. */
bool prefilter_wants(const Prefilter *pf, const char *bytes, size_t len) {
  (void)len;
  if (pf->always)
    return true;
  bool any = false;
  for (size_t i = 0; i < pf->n && !any; i++)
    any = strstr(bytes, pf->needles[i]) != NULL;
  if (any && !pf->refined)
    return true;
  for (size_t r = 0; any && r < rules_count; r++)
    if (pf->sel.severity[r] != SEV_OFF && rule_text_may_fire(rules_all[r], pf->std, bytes))
      return true;
  if (!flow_names_in_text(pf->names, bytes))
    return false;
  for (size_t r = 0; r < rules_count; r++)
    if (pf->sel.severity[r] != SEV_OFF && rules_all[r]->flow_sites)
      return true;
  return false;
}

bool rule_text_may_fire(const RuleMeta *rule, const Standards *std, const char *bytes) {
  if (rule->hook_needles)
    for (size_t h = 0; std && h < std->nhooks; h++)
      if (strstr(bytes, std->hooks[h].hook))
        return true; /* may_fire refines the rule's own needles only */
  const char *const *nd = rule->needles;
  if (!nd || !nd[0])
    return !rule->hook_needles;
  for (; *nd; nd++)
    if (strstr(bytes, *nd))
      return !rule->may_fire || rule->may_fire(bytes);
  return false;
}

bool prefilter_rule_wants(const Prefilter *pf, const RuleMeta *rule, const Standards *std,
                          const char *bytes) {
  return !pf || pf->always || rule_text_may_fire(rule, std, bytes) ||
         (rule->flow_sites && flow_names_in_text(pf->names, bytes));
}

uint64_t prefilter_key(const Prefilter *pf, uint64_t seed) {
  uint64_t h = hash_fnv1a(&pf->always, sizeof pf->always, seed);
  for (size_t r = 0; r < rules_count; r++)
    if (pf->sel.severity[r] != SEV_OFF)
      h = hash_fnv1a(rules_all[r]->id, strlen(rules_all[r]->id) + 1, h);
  for (size_t i = 0; i < pf->n; i++)
    h = hash_fnv1a(pf->needles[i], strlen(pf->needles[i]) + 1, h);
  return h;
}

void prefilter_free(Prefilter *pf) {
  free(pf->needles);
  memset(pf, 0, sizeof *pf);
}
