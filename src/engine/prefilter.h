#ifndef RTLINT_ENGINE_PREFILTER_H
#define RTLINT_ENGINE_PREFILTER_H
#include "engine/engine.h"
#include "standards/standards.h"

/* The byte strings at least one of which a file must contain for any enabled
 * rule to fire, taken from the rules' own needles (never a hand-kept list).
 * A rule without needles disables the prefilter. */
typedef struct Prefilter {
  const char **needles;
  size_t n;
  bool always;  /* some enabled rule has no needles: every file is parsed */
  bool refined; /* some enabled rule has may_fire: a needle alone is not enough */
  RuleSelection sel;
  const Standards *std;
  /* Names of the app's own wrappers (resolve/flow_names.h): a file calling
   * one can hold sites of the rules that read sites (RuleMeta.flow_sites). */
  const struct FlowNames *names;
} Prefilter;

void prefilter_init(Prefilter *pf, const RuleSelection *sel, const Standards *std);
bool prefilter_wants(const Prefilter *pf, const char *bytes, size_t len);
/* Whether a file's text can make this rule fire: one of its needles (or,
 * for hook_needles rules, a deprecated hook of the standards) and its
 * may_fire check. bytes is NUL-terminated. */
bool rule_text_may_fire(const RuleMeta *rule, const Standards *std, const char *bytes);
/* The same test for one rule: a file that passes the prefilter runs only the
 * rules whose needles it contains. True for everything when pf is NULL or
 * disabled. bytes is NUL-terminated. */
bool prefilter_rule_wants(const Prefilter *pf, const RuleMeta *rule, const Standards *std,
                          const char *bytes);
/* Identifies the enabled rules and their needles (for the index of files
 * the prefilter turned away). */
uint64_t prefilter_key(const Prefilter *pf, uint64_t seed);
void prefilter_free(Prefilter *pf);

#endif
