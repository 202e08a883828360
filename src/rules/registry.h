#ifndef RTLINT_RULES_REGISTRY_H
#define RTLINT_RULES_REGISTRY_H
#include "core/diag.h"

#include <stdbool.h>

struct RuleCtx;

/* Phase 0 means the rule applies in every migration phase (channel naming and
 * the production problems the standards list). */
#define PHASE_ALL 0

typedef struct RuleMeta {
  const char *id;
  int phase;
  Severity default_severity;
  FixApplicability fixable; /* best fix the rule can offer */
  const char *summary;
  /* Byte strings a file must contain for the rule to possibly fire; the
   * prefilter skips files containing none of any enabled rule's needles. */
  const char *const *needles;
  /* The deprecated hook names of the standards (rules/migrations.json plus
   * the configuration's deprecated_hooks) are needles too. */
  bool hook_needles;
  /* Optional, for a file that holds a needle: false when its text still
   * rules a finding out (same spelling assumptions as the needles), so the
   * file is not parsed for this rule. bytes is NUL-terminated. */
  bool (*may_fire)(const char *bytes);
  /* The findings depend on files beyond those resolution reads (the whole
   * import graph): never cached, rerun every time. */
  bool project_wide;
  /* The rule reads the event and channel sites of Facts, which calls of the
   * app's own wrappers add (resolve/flow.h): a file calling one is a
   * candidate even without the rule's needles. */
  bool flow_sites;
  void (*check)(struct RuleCtx *ctx);
} RuleMeta;

/* The registry is an X-macro list: one line per rule in rules.def. */
#define RULE(name) extern const RuleMeta rule_##name;
#include "rules/rules.def"
#undef RULE

extern const RuleMeta *const rules_all[];
extern const size_t rules_count;
/* Room for every rule in rules.def in per-rule arrays (checked at compile time). */
#define RULES_MAX 64

/* Which rules run and how severe their findings are; indexed like rules_all. */
typedef struct RuleSelection {
  Severity severity[RULES_MAX];
} RuleSelection;

/* Every inline suppression directive contains it: the needle of the
 * directive pseudo-rules, and what the suppression pass looks for. */
#define SUPPRESS_MARKER "rtlint-"

const RuleMeta *rules_find(const char *id);
/* The rule's index in rules_all; aborts for a rule that is not registered. */
size_t rules_index(const RuleMeta *rule);
/* RTLINT_DOCS_URL "/rules/<id>.md" */
const char *rules_doc_url(const RuleMeta *rule, char *buf, size_t bufsize);
const char *rules_phase_name(int phase);

/* RTLINT_REPO_URL and RTLINT_DOCS_URL come from CMake (CMakeLists.txt). */

#endif
