#include "engine/prefilter.h"

#include "core/util.h"

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
  size_t cap = 0;
  for (size_t r = 0; r < rules_count; r++) {
    if (sel->severity[r] == SEV_OFF)
      continue;
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
  for (size_t i = 0; i < pf->n; i++)
    if (strstr(bytes, pf->needles[i]))
      return true;
  return false;
}

bool prefilter_rule_wants(const Prefilter *pf, const RuleMeta *rule, const Standards *std,
                          const char *bytes) {
  if (!pf || pf->always)
    return true;
  if (rule->hook_needles)
    for (size_t h = 0; std && h < std->nhooks; h++)
      if (strstr(bytes, std->hooks[h].hook))
        return true;
  const char *const *nd = rule->needles;
  if (!nd || !nd[0])
    return !rule->hook_needles;
  for (; *nd; nd++)
    if (strstr(bytes, *nd))
      return true;
  return false;
}

uint64_t prefilter_key(const Prefilter *pf, uint64_t seed) {
  uint64_t h = hash_fnv1a(&pf->always, sizeof pf->always, seed);
  for (size_t i = 0; i < pf->n; i++)
    h = hash_fnv1a(pf->needles[i], strlen(pf->needles[i]) + 1, h);
  return h;
}

void prefilter_free(Prefilter *pf) {
  free(pf->needles);
  memset(pf, 0, sizeof *pf);
}
