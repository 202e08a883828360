/* channel-invalid-name: a channel value that fails the standard's
 * isValidChannelName() (standards: Critical implementation rules §1 "ALWAYS
 * validate channel names with isValidChannelName()"). Near misses and legacy
 * shapes name the UNIFIED_CHANNELS function they probably meant. */
#include "core/strmap.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "rules/channel_naming.h"
#include "rules/channel_new_entry.h"
#include "rules/channel_use_fix.h"
#include "rules/ctx.h"
#include "rules/sink_needles.h"

#define HELP_NONE "build the name with a UNIFIED_CHANNELS function (see `rtlint standards`)"

/* The verdict on one value: NULL when it is valid or cannot be judged. */
typedef struct Verdict {
  bool invalid;
  ChannelHint hint;
} Verdict;

static Verdict judge_uncached(RuleCtx *ctx, const ValAlt *alt) {
  Verdict v = {false, {CHANNEL_HINT_NONE, NULL, NULL, NULL, {0}}};
  if (!channel_alt_judgeable(alt) || channel_alt_may_be_valid(ctx->arena, ctx->std, alt))
    return v;
  v.invalid = true;
  v.hint = channel_hint(ctx->arena, ctx->std, alt);
  return v;
}

/* Judges through `verdicts`, this file's values judged so far: a constant
 * used at two thousand call sites is judged once (the near-miss search is
 * the costly part). The key spells every piece, since a hint passes a
 * constant's expression on. */
static Verdict judge(RuleCtx *ctx, StrMap *verdicts, const ValAlt *alt) {
  StrBuf key = {0};
  val_alt_key(&key, alt);
  Verdict *known = strmap_get(verdicts, sb_cstr(&key));
  if (!known) {
    known = arena_alloc(ctx->arena, sizeof *known);
    *known = judge_uncached(ctx, alt);
    strmap_put(verdicts, sb_cstr(&key), known);
  }
  sb_free(&key);
  return *known;
}

/* The suggestion for an invalid value `alt` reported at its building site
 * [start, end) of m (channel_use_fix.h): the UNIFIED_CHANNELS call a
 * near-miss or legacy hint names, when every argument is bound there (the
 * org id a legacy name lacks included); with no hint, a new catalog entry
 * (channel_new_entry.h), the same edits channel-hand-built's finding there
 * carries. A suggestion, never safe: the channel's name changes, or the
 * catalog grows. */
static void suggest(RuleCtx *ctx, Diag *d, const Module *m, uint32_t start, uint32_t end,
                    const ChannelHint *h, const ValAlt *alt) {
  if (h->kind == CHANNEL_HINT_NONE)
    channel_new_entry_suggestion(ctx, d, m, start, end, alt);
  else
    channel_site_suggestion(ctx, d, m, start, end, h);
}

/* Reports one invalid value at [start, end) of m; `where` ("" or " (built at
 * x:N)") locates the building site for a report at the use. `at_site`: the
 * value written there, when the range is the building site itself, where a
 * fix can go (NULL otherwise). */
static Diag *report(RuleCtx *ctx, const Module *m, uint32_t start, uint32_t end, const char *shown,
                    const Verdict *v, const char *where, const ValAlt *at_site) {
  const ChannelHint *h = &v->hint;
  Diag *d = NULL;
  if (h->kind == CHANNEL_HINT_LEGACY) {
    d = rule_report_in(ctx, m, start, end,
                       arena_printf(ctx->arena, "use `%s`, passing the organization id", h->call),
                       "legacy channel name \"%s\"%s; use %s (the caller must supply the org id)",
                       shown, where, h->call);
  } else if (h->kind == CHANNEL_HINT_LEGACY_ORG) {
    /* Worded like the legacy message: findings at one place sort by message
     * here and by help in `rtlint merge`, which agree while both start alike. */
    d = rule_report_in(ctx, m, start, end, arena_printf(ctx->arena, "use `%s`", h->call),
                       "legacy channel name \"%s\"%s (organization-wide); use %s (%s)", shown,
                       where, h->call, h->shape);
  } else if (h->kind == CHANNEL_HINT_NEAR_MISS) {
    d = rule_report_in(ctx, m, start, end, arena_printf(ctx->arena, "use `%s`", h->call),
                       "channel name \"%s\"%s fails isValidChannelName(); did you mean %s "
                       "(UNIFIED_CHANNELS.%s)?",
                       shown, where, h->shape, h->fn->name);
  } else {
    d = rule_report_in(
        ctx, m, start, end, HELP_NONE,
        "channel name \"%s\"%s fails isValidChannelName(): it matches no standard shape "
        "org:{orgId}:{resource}[:{resourceId}][:{action}]",
        shown, where);
  }
  if (at_site)
    suggest(ctx, d, m, start, end, h, at_site);
  return d;
}

/* The building site judged on its own text (holes named as written there),
 * so every use of one builder yields the same finding. */
static void report_site_own(RuleCtx *ctx, StrMap *verdicts, const ValAlt *alt) {
  const Module *m = alt->site_mod;
  if (!m->linted || !m->tree || m->is_standards)
    return;
  Value own = channel_site_value(ctx, alt);
  for (uint32_t i = 0; i < own.nalts; i++) {
    Verdict v = judge(ctx, verdicts, &own.alts[i]);
    if (v.invalid)
      report(ctx, m, alt->site_start, alt->site_end, val_alt_display(ctx->arena, &own.alts[i]), &v,
             "", own.nalts == 1 ? &own.alts[i] : NULL);
  }
}

/* The building site is reported in its own words, whichever use (and trail)
 * reached it first. */
static void report_site(RuleCtx *ctx, StrMap *verdicts, const ValAlt *alt) {
  const FlowTrail *trail = ctx->trail;
  ctx->trail = NULL;
  report_site_own(ctx, verdicts, alt);
  ctx->trail = trail;
}

/* Every hole and argument replaced by a placeholder: what the standards
 * module's function itself produces. */
static bool standard_shape_invalid(RuleCtx *ctx, const ValAlt *alt) {
  ValAlt shape = *alt;
  shape.parts = arena_alloc(ctx->arena, (alt->nparts + 1) * sizeof *shape.parts);
  for (uint32_t i = 0; i < alt->nparts; i++) {
    shape.parts[i] = alt->parts[i];
    if (alt->parts[i].expr) {
      shape.parts[i].hole = true;
      shape.parts[i].text = alt->parts[i].expr;
    }
  }
  return channel_alt_judgeable(&shape) &&
         !std_valid_channel(ctx->std, val_alt_fill(ctx->arena, &shape, "x"));
}

static void check_site(RuleCtx *ctx, StrMap *verdicts, StrMap *sites_seen, ChannelUseMemo *use,
                       const ChannelSite *site) {
  Value v = rule_resolve(ctx, site->arg);
  uint32_t arg_start = ts_node_start_byte(site->arg), arg_end = ts_node_end_byte(site->arg);
  for (uint32_t i = 0; i < v.nalts; i++) {
    const ValAlt *alt = &v.alts[i];
    const char *shown = val_alt_display(ctx->arena, alt);
    if (alt->from_standard) {
      /* Only when the standards module itself builds an invalid shape. */
      if (standard_shape_invalid(ctx, alt))
        rule_report(ctx, arg_start, arg_end,
                    "fix the UNIFIED_CHANNELS function in the standards module",
                    "channel name \"%s\" comes from the standards module but fails "
                    "isValidChannelName()",
                    shown);
      continue;
    }
    Verdict verdict = judge(ctx, verdicts, alt);
    if (!verdict.invalid)
      continue;
    if (!alt->site_mod) {
      report(ctx, ctx->mod, arg_start, arg_end, shown, &verdict, "", NULL);
      continue;
    }
    bool written_here =
        alt->site_mod == ctx->mod && alt->site_start >= arg_start && alt->site_end <= arg_end;
    if (written_here) {
      report(ctx, ctx->mod, alt->site_start, alt->site_end, shown, &verdict, "",
             v.nalts == 1 ? alt : NULL);
      continue;
    }
    if (channel_site_first_time(sites_seen, alt))
      report_site(ctx, verdicts, alt);
    SrcPos pos = src_pos(&alt->site_mod->src, alt->site_start);
    const char *where =
        alt->site_mod == ctx->mod
            ? arena_printf(ctx->arena, " (built at line %u)", pos.line)
            : arena_printf(ctx->arena, " (built at %s:%u)", alt->site_mod->src.path, pos.line);
    Diag *d = report(ctx, ctx->mod, arg_start, arg_end, shown, &verdict, where, NULL);
    /* The use's fix is the building site's, in this file or another (the
     * same edits, applied once), which clears both findings. */
    Value own = v.nalts == 1 ? channel_site_value(ctx, alt) : (Value){0};
    if (own.nalts == 1) {
      Verdict sv = judge(ctx, verdicts, &own.alts[0]);
      if (sv.invalid)
        suggest(ctx, d, alt->site_mod, alt->site_start, alt->site_end, &sv.hint, &own.alts[0]);
    }
    /* No fix at the building site (one withheld there): the builder call
     * written at the use, as channel-hand-built offers. */
    if (d && v.nalts == 1 && d->fix.nedits == 0)
      channel_use_fix(ctx, use, d, site->arg, alt);
  }
}

static void check(RuleCtx *ctx) {
  if (ctx->mod->is_standards)
    return;
  StrMap verdicts = {0}, sites_seen = {0};
  ChannelUseMemo use = {0};
  for (size_t i = 0; i < ctx->facts->nchannels; i++) {
    ctx->trail = &ctx->facts->channels[i].trail;
    check_site(ctx, &verdicts, &sites_seen, &use, &ctx->facts->channels[i]);
    ctx->trail = NULL;
  }
  strmap_free(&verdicts, NULL);
  strmap_free(&sites_seen, NULL);
  channel_use_fix_done(&use);
}

const RuleMeta rule_channel_invalid_name = {
    .id = "channel-invalid-name",
    .phase = PHASE_ALL,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SUGGESTION,
    .summary = "A channel name that does not pass the standard's `isValidChannelName()` check.",
    .needles = sink_channel_needles,
    .flow_sites = true,
    .check = check,
};
