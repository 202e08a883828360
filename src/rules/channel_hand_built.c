/* channel-hand-built: a channel name written as a string, template or
 * concatenation instead of a UNIFIED_CHANNELS call (standards: "Channel
 * naming compliance": ALWAYS use UNIFIED_CHANNELS, NEVER custom names). */
#include "fix/bound.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "rules/channel_naming.h"
#include "rules/channel_new_entry.h"
#include "rules/channel_use_fix.h"
#include "rules/ctx.h"
#include "rules/sink_needles.h"

#include <stdlib.h>
#include <string.h>

static bool is_hand_built(const ValAlt *alt) {
  return !alt->from_standard && alt->site_mod;
}

/* This file's building sites reported so far, and the calls suggested for
 * each value (a constant used at two thousand call sites is matched against
 * the catalog once). */
typedef struct Memo {
  StrMap sites_seen;
  StrMap calls; /* val_alt_key -> the call, or "" for none */
  StrMap hints; /* building site -> its SiteHint */
  ChannelUseMemo use;
} Memo;

static const char *suggest_call(RuleCtx *ctx, Memo *memo, const ValAlt *alt) {
  StrBuf key = {0};
  val_alt_key(&key, alt);
  const char *call = strmap_get(&memo->calls, sb_cstr(&key));
  if (!call) {
    call = channel_suggest_call(ctx->arena, ctx->std, alt);
    if (!call)
      call = "";
    strmap_put(&memo->calls, sb_cstr(&key), (void *)call);
  }
  sb_free(&key);
  return *call ? call : NULL;
}

/* The UNIFIED_CHANNELS call for a value written at [start, end) of m, when
 * one catalog shape builds exactly it and every name the call passes is bound
 * there; otherwise NULL (no fix rather than a fix that breaks the build). */
static const char *bound_call(RuleCtx *ctx, Memo *memo, const Module *m, uint32_t start,
                              uint32_t end, const ValAlt *alt) {
  const char *call = suggest_call(ctx, memo, alt);
  if (call && !fix_names_bound(m, start, end, call, "UNIFIED_CHANNELS"))
    return NULL;
  return call;
}

/* What a building site's name probably meant (a near miss or a legacy
 * shape; kind CHANNEL_HINT_NONE otherwise), and whether it fails validation
 * whatever its holes hold. */
typedef struct SiteHint {
  ChannelHint h;
  bool invalid;
} SiteHint;

static SiteHint *site_hint(RuleCtx *ctx, const ValAlt *at) {
  SiteHint *sh = arena_alloc(ctx->arena, sizeof *sh);
  memset(sh, 0, sizeof *sh);
  sh->h.kind = CHANNEL_HINT_NONE;
  sh->invalid = channel_alt_judgeable(at) && !channel_alt_may_be_valid(ctx->arena, ctx->std, at);
  if (sh->invalid)
    sh->h = channel_hint(ctx->arena, ctx->std, at);
  return sh;
}

/* The UNIFIED_CHANNELS call the hint names, as a suggestion (the name
 * changes), when every argument is bound at the site (channel_use_fix.h);
 * for an invalid name with no hint, a new catalog entry
 * (channel_new_entry.h), the same edits channel-invalid-name's finding there
 * carries. The hint is worked out once per building site: every use of a
 * constant asks again. */
static void suggest_hint(RuleCtx *ctx, Memo *memo, Diag *d, const Module *m, const ValAlt *at) {
  if (!d)
    return;
  char key[STRMAP_NUM_KEY_SIZE(3)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)m, at->site_start, at->site_end}, 3);
  SiteHint *sh = strmap_get(&memo->hints, key);
  if (!sh) {
    sh = site_hint(ctx, at);
    strmap_put(&memo->hints, key, sh);
  }
  if (sh->h.kind != CHANNEL_HINT_NONE)
    channel_site_suggestion(ctx, d, m, at->site_start, at->site_end, &sh->h);
  else if (sh->invalid)
    channel_new_entry_suggestion(ctx, d, m, at->site_start, at->site_end, at);
}

/* Reports the building site in its own terms; attaches the safe fix when the
 * whole site is one exact standard shape. */
static void report_site_own(RuleCtx *ctx, Memo *memo, const ValAlt *alt) {
  const Module *m = alt->site_mod;
  Value own = channel_site_value(ctx, alt);
  for (uint32_t i = 0; i < own.nalts; i++) {
    const ValAlt *at = &own.alts[i];
    if (!is_hand_built(at))
      continue;
    const char *shown = val_alt_display(ctx->arena, at);
    const char *call = bound_call(ctx, memo, m, at->site_start, at->site_end, at);
    if (!call) {
      Diag *d =
          rule_report_in(ctx, m, at->site_start, at->site_end,
                         "build the name with the UNIFIED_CHANNELS function for this resource "
                         "(see `rtlint standards`)",
                         "hand-built channel name `%s`; build it with a UNIFIED_CHANNELS "
                         "function",
                         shown);
      if (own.nalts == 1)
        suggest_hint(ctx, memo, d, m, at);
      continue;
    }
    char *help = arena_printf(ctx->arena, "replace with `%s`", call);
    Diag *d = rule_report_in(ctx, m, at->site_start, at->site_end, help,
                             "hand-built channel name `%s`; use %s", shown, call);
    if (d) {
      diag_add_edit(d, at->site_start, at->site_end, call);
      fix_require_standard_import(d, ctx->proj, m, "UNIFIED_CHANNELS");
      diag_set_fix(d, FIX_SAFE, help);
    }
  }
}

/* Where a use's finding says the name was built: "line N" in the use's own
 * file, "path:N" in another. */
static const char *site_where(RuleCtx *ctx, const Module *m, uint32_t at) {
  SrcPos pos = src_pos(&m->src, at);
  return m == ctx->mod ? arena_printf(ctx->arena, "line %u", pos.line)
                       : arena_printf(ctx->arena, "%s:%u", m->src.path, pos.line);
}

/* A use of a name built elsewhere, in this file or another, gets the
 * building site's fix: the same edit (in the site's file), applied once,
 * clears both findings. */
static void fix_at_site(RuleCtx *ctx, Memo *memo, Diag *d, const ValAlt *alt) {
  Value own = channel_site_value(ctx, alt);
  if (!d || own.nalts != 1 || !is_hand_built(&own.alts[0]))
    return;
  const ValAlt *at = &own.alts[0];
  const Module *m = at->site_mod;
  const char *call = bound_call(ctx, memo, m, at->site_start, at->site_end, at);
  if (!call) {
    suggest_hint(ctx, memo, d, m, at);
    /* The use's message names no call (the site's is no exact shape): the
     * help says what the site's suggestion writes, and where. */
    if (d->fix.nedits && !d->help)
      d->help = xasprintf("replace the name built at %s with `%s`",
                          site_where(ctx, m, at->site_start), d->fix.edits[0].text);
    return;
  }
  diag_add_edit_in(d, &m->src, at->site_start, at->site_end, call);
  fix_require_standard_import(d, ctx->proj, m, "UNIFIED_CHANNELS");
  diag_set_fix(d, FIX_SAFE,
               arena_printf(ctx->arena, "Replace the name built at %s with %s",
                            site_where(ctx, m, at->site_start), call));
}

typedef struct SiteEdit {
  const Module *m;
  uint32_t start, end;
  const char *call;
} SiteEdit;

static int cmp_site_edit(const void *a, const void *b) {
  const SiteEdit *x = a, *y = b;
  if (x->m != y->m)
    return strcmp(x->m->src.path, y->m->src.path);
  return (x->start > y->start) - (x->start < y->start);
}

/* A use with several values (`topicFor(c)` returning one of two templates),
 * each built by hand as an exact standard shape (in this file or others):
 * each of its findings carries the same fix, every building site replaced,
 * so findings at one place never differ in their fix (which `rtlint merge`
 * would order differently from a single run). Nothing when any value cannot
 * be fixed at its site: half a fix would leave the use's other finding. */
static void fix_at_sites(RuleCtx *ctx, Memo *memo, Diag *d, const Value *v) {
  if (!d || v->nalts < 2)
    return;
  SiteEdit *edits = arena_alloc(ctx->arena, v->nalts * sizeof *edits);
  uint32_t n = 0;
  for (uint32_t i = 0; i < v->nalts; i++) {
    const ValAlt *alt = &v->alts[i];
    if (!is_hand_built(alt))
      continue;
    Value own = channel_site_value(ctx, alt);
    if (own.nalts != 1 || !is_hand_built(&own.alts[0]))
      return;
    const ValAlt *at = &own.alts[0];
    const char *call = bound_call(ctx, memo, at->site_mod, at->site_start, at->site_end, at);
    if (!call)
      return;
    edits[n++] = (SiteEdit){at->site_mod, at->site_start, at->site_end, call};
  }
  qsort(edits, n, sizeof *edits, cmp_site_edit);
  for (uint32_t i = 0; i < n; i++) {
    bool again = i > 0 && edits[i].m == edits[i - 1].m && edits[i].start == edits[i - 1].start;
    if (!again)
      diag_add_edit_in(d, &edits[i].m->src, edits[i].start, edits[i].end, edits[i].call);
    if (i + 1 == n || edits[i + 1].m != edits[i].m)
      fix_require_standard_import(d, ctx->proj, edits[i].m, "UNIFIED_CHANNELS");
  }
  diag_set_fix(d, FIX_SAFE, "Replace each name this use can take with its UNIFIED_CHANNELS call");
}

/* The building site is reported in its own words, whichever use (and trail)
 * reached it first. */
static void report_site(RuleCtx *ctx, Memo *memo, const ValAlt *alt) {
  const FlowTrail *trail = ctx->trail;
  ctx->trail = NULL;
  report_site_own(ctx, memo, alt);
  ctx->trail = trail;
}

static void check_site(RuleCtx *ctx, Memo *memo, const ChannelSite *site) {
  Value v = rule_resolve(ctx, site->arg);
  uint32_t arg_start = ts_node_start_byte(site->arg), arg_end = ts_node_end_byte(site->arg);
  for (uint32_t i = 0; i < v.nalts; i++) {
    const ValAlt *alt = &v.alts[i];
    if (!is_hand_built(alt))
      continue;
    bool written_here =
        alt->site_mod == ctx->mod && alt->site_start >= arg_start && alt->site_end <= arg_end;
    if (channel_site_first_time(&memo->sites_seen, alt)) {
      if (written_here) /* the argument itself: the trail is this site's */
        report_site_own(ctx, memo, alt);
      else
        report_site(ctx, memo, alt);
    }
    if (written_here)
      continue;
    /* The name was built elsewhere: flag the use too, pointing back, in the
     * use's own terms (its arguments are bound here). */
    const char *shown = val_alt_display(ctx->arena, alt);
    const char *call = bound_call(ctx, memo, ctx->mod, arg_start, arg_end, alt);
    const char *where = site_where(ctx, alt->site_mod, alt->site_start);
    Diag *d = rule_report(ctx, arg_start, arg_end,
                          call ? arena_printf(ctx->arena, "use `%s`", call) : NULL,
                          "channel name `%s` is built by hand (at %s)%s%s", shown, where,
                          call ? "; use " : "", call ? call : "");
    /* Only for a use with one value: findings at one place that differ only
     * in their building site would otherwise carry different fixes, which
     * `rtlint merge` orders differently from a single run. */
    if (v.nalts == 1)
      fix_at_site(ctx, memo, d, alt);
    else
      fix_at_sites(ctx, memo, d, &v);
    /* No fix at the building site (one withheld there): the builder call
     * written at the use, when it maps to one call. */
    if (d && v.nalts == 1 && d->fix.nedits == 0)
      channel_use_fix(ctx, &memo->use, d, site->arg, alt);
  }
}

static void check(RuleCtx *ctx) {
  Memo memo = {0};
  for (size_t i = 0; i < ctx->facts->nchannels; i++) {
    ctx->trail = &ctx->facts->channels[i].trail;
    check_site(ctx, &memo, &ctx->facts->channels[i]);
    ctx->trail = NULL;
  }
  strmap_free(&memo.sites_seen, NULL);
  strmap_free(&memo.calls, NULL);
  strmap_free(&memo.hints, NULL);
  channel_use_fix_done(&memo.use);
}

const RuleMeta rule_channel_hand_built = {
    .id = "channel-hand-built",
    .phase = PHASE_ALL,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SAFE,
    .summary = "A channel name built by hand from strings instead of a `UNIFIED_CHANNELS` call.",
    .needles = sink_channel_needles,
    .flow_sites = true,
    .check = check,
};
