#include "rules/registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const RuleMeta *const rules_all[] = {
#define RULE(name) &rule_##name,
#include "rules/rules.def"
#undef RULE
};

const size_t rules_count = sizeof rules_all / sizeof rules_all[0];
_Static_assert(sizeof rules_all / sizeof rules_all[0] <= RULES_MAX, "raise RULES_MAX");

const RuleMeta *rules_find(const char *id) {
  for (size_t i = 0; i < rules_count; i++)
    if (strcmp(rules_all[i]->id, id) == 0)
      return rules_all[i];
  return NULL;
}

size_t rules_index(const RuleMeta *rule) {
  for (size_t i = 0; i < rules_count; i++)
    if (rules_all[i] == rule)
      return i;
  /* Rule pointers only ever come from rules_all: anything else is a bug that
   * would silently read and write the first rule's slot. */
  fprintf(stderr, "rtlint: internal error: rule %s is not registered\n",
          rule ? rule->id : "(null)");
  abort();
}

const char *rules_doc_url(const RuleMeta *rule, char *buf, size_t bufsize) {
  snprintf(buf, bufsize, "%s/rules/%s.md", RTLINT_DOCS_URL, rule->id);
  return buf;
}

const char *rules_phase_name(int phase) {
  switch (phase) {
  case PHASE_ALL:
    return "all";
  case 1:
    return "1";
  case 2:
    return "2";
  case 3:
    return "3";
  case 4:
    return "4";
  }
  return "?";
}
