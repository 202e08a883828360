/* invalid-suppression and unused-suppression: pseudo-rules reported by the
 * suppression pass (engine/suppress.c), registered like every rule so they
 * can be selected, configured and shown in every output format. Their check
 * functions do nothing: the findings come from the comments, after the
 * other rules have run. */
#include "rules/ctx.h"

static void no_check(RuleCtx *ctx) {
  (void)ctx;
}

/* Every directive contains this: other files have nothing to report. */
static const char *const directive_needles[] = {SUPPRESS_MARKER, NULL};

const RuleMeta rule_invalid_suppression = {
    .id = "invalid-suppression",
    .phase = PHASE_ALL,
    .default_severity = SEV_ERROR,
    .fixable = FIX_NONE,
    .summary = "An `rtlint-disable` comment that names an unknown rule, is malformed, or lacks "
               "the reason `--require-reason` asks for.",
    .needles = directive_needles,
    .check = no_check,
};

const RuleMeta rule_unused_suppression = {
    .id = "unused-suppression",
    .phase = PHASE_ALL,
    .default_severity = SEV_WARNING,
    .fixable = FIX_NONE,
    .summary = "An `rtlint-disable` comment that silences no finding.",
    .needles = directive_needles,
    .check = no_check,
};
