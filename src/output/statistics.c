/* --statistics: how many findings each rule reported, for a large output
 * whose shape matters more than its lines (ruff --statistics). */
#include "output/output.h"

#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>

static int by_count(const void *a, const void *b) {
  const RuleCount *x = a, *y = b;
  size_t nx = x->errors + x->warnings, ny = y->errors + y->warnings;
  if (nx != ny)
    return nx > ny ? -1 : 1;
  return strcmp(x->rule->id, y->rule->id);
}

size_t output_rule_counts(const LintResult *r, const OutputOptions *opt, RuleCount *out) {
  memset(out, 0, rules_count * sizeof *out);
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    if (!output_shown(d, opt))
      continue;
    RuleCount *c = &out[rules_index(d->rule)];
    c->rule = d->rule;
    if (d->severity == SEV_ERROR)
      c->errors++;
    else
      c->warnings++;
    if (d->fix.applicability == FIX_SAFE)
      c->fixable++;
  }
  size_t n = 0;
  for (size_t i = 0; i < rules_count; i++)
    if (out[i].rule)
      out[n++] = out[i];
  qsort(out, n, sizeof *out, by_count);
  return n;
}

void output_statistics(FILE *f, const LintResult *r, const OutputOptions *opt) {
  RuleCount counts[RULES_MAX];
  size_t n = output_rule_counts(r, opt, counts);
  if (!n)
    return;
  for (size_t i = 0; i < n; i++) {
    const RuleCount *c = &counts[i];
    fprintf(f, "%7zu  %-34s", c->errors + c->warnings, c->rule->id);
    if (c->errors)
      fprintf(f, " %zu %s", c->errors, c->errors == 1 ? "error" : "errors");
    if (c->warnings)
      fprintf(f, "%s %zu %s", c->errors ? "," : "", c->warnings,
              c->warnings == 1 ? "warning" : "warnings");
    if (c->fixable)
      fprintf(f, "; %zu fixable with --fix", c->fixable);
    fputc('\n', f);
  }
  fputc('\n', f);
}
