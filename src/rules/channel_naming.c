#include "rules/channel_naming.h"

#include "core/util.h"
#include "fix/bound.h"
#include "fix/org_id.h"
#include "resolve/scope.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *channel_suggest_call(Arena *a, const Standards *std, const ValAlt *alt) {
  for (size_t i = 0; i < std->nchannels; i++) {
    const ChannelFn *fn = &std->channels[i];
    const char *args[CHANNEL_MAX_PARAMS] = {0};
    if (fn->nparams > CHANNEL_MAX_PARAMS ||
        !shape_match(a, alt->parts, alt->nparts, fn->shape, args, CHANNEL_MAX_PARAMS))
      continue;
    StrBuf sb = {0};
    sb_appendf(&sb, "UNIFIED_CHANNELS.%s(", fn->name);
    for (size_t p = 0; p < fn->nparams; p++)
      sb_appendf(&sb, "%s%s", p ? ", " : "", args[p] ? args[p] : "undefined");
    sb_putc(&sb, ')');
    const char *out = arena_strdup(a, sb_cstr(&sb));
    sb_free(&sb);
    return out;
  }
  return NULL;
}

Value channel_site_value(RuleCtx *ctx, const ValAlt *alt) {
  Value none = {NULL, 0, true};
  const Module *m = alt->site_mod;
  if (!m || !m->tree)
    return none;
  /* The deepest node spanning the range: a template, string or
   * concatenation, never a wrapper with the same bytes. */
  TSNode n = scope_node_for_range(m, alt->site_start, alt->site_end);
  if (ts_node_is_null(n) || ts_node_start_byte(n) != alt->site_start ||
      ts_node_end_byte(n) != alt->site_end)
    return none;
  return resolve_expr(ctx->res, m, n);
}

bool channel_site_first_time(StrMap *seen, const ValAlt *alt) {
  char key[STRMAP_NUM_KEY_SIZE(3)];
  strmap_num_key(
      key, (unsigned long long[]){(uintptr_t)alt->site_mod, alt->site_start, alt->site_end}, 3);
  if (strmap_get(seen, key))
    return false;
  strmap_put(seen, key, seen); /* any non-NULL value: a set */
  return true;
}

bool channel_alt_valid(Arena *a, const Standards *std, const ValAlt *alt) {
  return std_valid_channel(std, val_alt_fill(a, alt, "x"));
}

/* ---- Segments of a value, for judging and near-miss hints. ---- */

#define CH_MAX_SEGS SHAPE_MAX_SEGMENTS
#define CH_MAX_WHOLE_HOLES 3
#define CH_INF 1000
/* Segment edit costs: a similar keyword substituted (or an unknown id where a
 * keyword belongs) is cheaper than a keyword missing, which is cheaper than
 * an extra one: `typng` means `typing` rather than "drop the last segment",
 * and `org:{}:presence` means agents:presence rather than `org:{}`. Ids are
 * never invented. A near miss is one similar keyword or one missing keyword:
 * an extra segment (`org:{}:billing`) is a different resource, not a typo. A near miss costs at
 * most CH_NEAR. */
#define CH_SUBST 2
#define CH_INSERT 3
#define CH_DELETE 4
#define CH_DROP_ID 5
#define CH_NEAR 3

static int ch_split(const ValAlt *alt, ShapeSegment *segs) {
  return shape_split_value(alt->parts, alt->nparts, segs);
}

static void ch_free(ShapeSegment *segs) {
  shape_segments_free(segs);
}

static bool seg_whole_hole(const ShapeSegment *s) {
  return s->has_hole && s->npieces == 1;
}

static bool seg_literal(const ShapeSegment *s) {
  return !s->has_hole;
}

static const char *seg_cstr(ShapeSegment *s) {
  return sb_cstr(&s->text);
}

/* A first segment with a hole can still be judged when its literal start
 * rules out "org" and "system": `'widget-' + id` is invalid whatever id is.
 * The literal start may come in several pieces: a template's value begins
 * with an empty one (`widget-${id}` is "", "widget-", hole). */
static bool leading_text_rules_out_prefixes(const ValAlt *alt) {
  char lead[8]; /* enough to tell "org" and "system" apart from anything */
  size_t len = 0;
  for (uint32_t i = 0; i < alt->nparts && len < sizeof lead - 1; i++) {
    const ValPart *p = &alt->parts[i];
    if (p->hole || p->expr)
      break;
    for (const char *c = p->text; *c && len < sizeof lead - 1; c++)
      lead[len++] = *c;
  }
  lead[len] = '\0';
  return len > 0 && strncmp("org", lead, len) != 0 && strncmp("system", lead, len) != 0;
}

bool channel_alt_judgeable(const ValAlt *alt) {
  ShapeSegment segs[CH_MAX_SEGS];
  int n = ch_split(alt, segs);
  bool ok = n > 0 && (!segs[0].has_hole || leading_text_rules_out_prefixes(alt));
  ch_free(segs);
  return ok;
}

/* Keywords a hole in a keyword position may stand for: the seed's
 * isValidChannelName keywords plus every literal segment of the catalog. */
static const char *const seed_keywords[] = {
    "org",      "system",        "conversations", "notifications", "activity", "metrics", "agents",
    "presence", "conv",          "typing",        "handover",      "status",   "user",    "widget",
    "visitor",  "announcements", "health",        "performance",   NULL};

typedef struct Fills {
  const char **items;
  size_t n, cap;
} Fills;

static void fills_add(Fills *f, const char *s, size_t len, Arena *a) {
  for (size_t i = 0; i < f->n; i++)
    if (strlen(f->items[i]) == len && strncmp(f->items[i], s, len) == 0)
      return;
  ARRAY_PUSH(f->items, f->n, f->cap, arena_strndup(a, s, len));
}

static bool try_fills(const Standards *std, ShapeSegment *segs, int n, int *whole, int nwhole,
                      int k, const Fills *fills, const char **chosen) {
  if (k == nwhole) {
    StrBuf sb = {0};
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (i)
        sb_putc(&sb, ':');
      if (w < nwhole && whole[w] == i) {
        sb_append(&sb, chosen[w++]);
        continue;
      }
      for (const char *c = seg_cstr(&segs[i]); *c; c++)
        if (*c == '\x01')
          sb_putc(&sb, 'x');
        else
          sb_putc(&sb, *c);
    }
    bool ok = std_valid_channel(std, sb_cstr(&sb));
    sb_free(&sb);
    return ok;
  }
  for (size_t i = 0; i < fills->n; i++) {
    chosen[k] = fills->items[i];
    if (try_fills(std, segs, n, whole, nwhole, k + 1, fills, chosen))
      return true;
  }
  return false;
}

bool channel_alt_may_be_valid(Arena *a, const Standards *std, const ValAlt *alt) {
  ShapeSegment segs[CH_MAX_SEGS];
  int n = ch_split(alt, segs);
  if (n < 0) {
    ch_free(segs);
    return true;
  }
  int whole[CH_MAX_SEGS], nwhole = 0;
  for (int i = 0; i < n; i++)
    if (seg_whole_hole(&segs[i]))
      whole[nwhole++] = i;
  if (nwhole > CH_MAX_WHOLE_HOLES) {
    ch_free(segs);
    return true;
  }
  Fills fills = {0};
  fills_add(&fills, "x", 1, a);
  for (size_t i = 0; seed_keywords[i]; i++)
    fills_add(&fills, seed_keywords[i], strlen(seed_keywords[i]), a);
  for (size_t i = 0; i < std->nchannels; i++) {
    const char *s = std->channels[i].shape;
    while (*s) {
      const char *colon = strchr(s, ':');
      size_t len = colon ? (size_t)(colon - s) : strlen(s);
      if (len && s[0] != '{')
        fills_add(&fills, s, len, a);
      s += len + (colon ? 1 : 0);
    }
  }
  const char *chosen[CH_MAX_WHOLE_HOLES + 1];
  bool ok = try_fills(std, segs, n, whole, nwhole, 0, &fills, chosen);
  free(fills.items);
  ch_free(segs);
  return ok;
}

/* ---- Near misses. ---- */

bool channel_keyword_similar(const char *x, const char *y) {
  size_t nx = strlen(x), ny = strlen(y);
  size_t shorter = nx < ny ? nx : ny;
  if (shorter == 0)
    return false;
  if (shorter >= 3 && strncasecmp(x, y, shorter) == 0)
    return true; /* conv / conversation, typing / typing_indicator */
  /* The distance is at least the difference in length, and at most 2 passes. */
  if ((nx > ny ? nx - ny : ny - nx) > 2)
    return false;
  size_t d = str_edit_distance(x, y);
  return d == 0 || (shorter >= 4 && d <= 1) || (shorter >= 6 && d <= 2);
}

/* Whether the value's keyword t stands for the catalog's keyword kw: spelt
 * alike, or another word for it (`thread` for `conv`, via `conversation`). */
static bool keyword_stands_for(const Standards *std, const char *t, const char *kw) {
  if (channel_keyword_similar(t, kw))
    return true;
  const char *word = std_resource_word(std, t);
  return word && channel_keyword_similar(word, kw);
}

static int match_cost(const Standards *std, ShapeSegment *v, const ShapeKeyword *s) {
  const char *t = seg_cstr(v);
  if (s->param >= 0) /* ids are usually holes: literal text there costs 1 */
    return !t[0] ? CH_INF : seg_literal(v) ? 1 : 0;
  if (!seg_literal(v)) /* an unknown id where a keyword belongs */
    return seg_whole_hole(v) ? CH_SUBST : CH_INF;
  if (strlen(t) == s->kwlen && strncmp(t, s->kw, s->kwlen) == 0)
    return 0;
  char kw[64];
  size_t n = s->kwlen < sizeof kw - 1 ? s->kwlen : sizeof kw - 1;
  memcpy(kw, s->kw, n);
  kw[n] = '\0';
  return keyword_stands_for(std, t, kw) ? CH_SUBST : CH_INF;
}

/* Segment-level edit distance between a value and a shape; fills align[j]
 * with the value segment matched to shape segment j (or -1). */
static int shape_cost(const Standards *std, ShapeSegment *v, int nv, const ShapeKeyword *s, int ns,
                      int *align) {
  int d[CH_MAX_SEGS + 1][CH_MAX_SEGS + 1];
  char op[CH_MAX_SEGS + 1][CH_MAX_SEGS + 1];
  d[0][0] = 0;
  for (int i = 1; i <= nv; i++) {
    d[i][0] = d[i - 1][0] + (seg_literal(&v[i - 1]) ? CH_DELETE : CH_DROP_ID);
    op[i][0] = 'd';
  }
  for (int j = 1; j <= ns; j++) {
    d[0][j] = d[0][j - 1] + (s[j - 1].param >= 0 ? CH_INF : CH_INSERT);
    op[0][j] = 'i';
  }
  for (int i = 1; i <= nv; i++)
    for (int j = 1; j <= ns; j++) {
      int best = d[i - 1][j - 1] + match_cost(std, &v[i - 1], &s[j - 1]);
      char o = 'm';
      int del = d[i - 1][j] + (seg_literal(&v[i - 1]) ? CH_DELETE : CH_DROP_ID);
      int ins = d[i][j - 1] + (s[j - 1].param >= 0 ? CH_INF : CH_INSERT);
      if (del < best) {
        best = del;
        o = 'd';
      }
      if (ins < best) {
        best = ins;
        o = 'i';
      }
      d[i][j] = best > CH_INF ? CH_INF : best;
      op[i][j] = o;
    }
  for (int j = 0; j < ns; j++)
    align[j] = -1;
  int i = nv, j = ns;
  while (i > 0 || j > 0) {
    char o = i == 0 ? 'i' : j == 0 ? 'd' : op[i][j];
    if (o == 'm') {
      align[j - 1] = i - 1;
      i--;
      j--;
    } else if (o == 'd') {
      i--;
    } else {
      j--;
    }
  }
  return d[nv][ns];
}

static const char *shape_with_names(Arena *a, const ChannelFn *fn) {
  StrBuf sb = {0};
  for (const char *s = fn->shape; *s; s++) {
    if (*s == '{') {
      unsigned idx = (unsigned)strtoul(s + 1, NULL, 10);
      sb_appendf(&sb, "{%s}", idx < fn->nparams ? fn->params[idx] : "id");
      const char *close = strchr(s, '}');
      if (!close)
        break;
      s = close;
      continue;
    }
    sb_putc(&sb, *s);
  }
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

static const char *seg_as_arg(Arena *a, ShapeSegment *v) {
  if (v->npieces == 1 && v->arg)
    return v->arg;
  if (seg_literal(v))
    return arena_printf(a, "\"%s\"", seg_cstr(v));
  return NULL;
}

static const char *call_text(Arena *a, const ChannelFn *fn, const char **args) {
  StrBuf sb = {0};
  sb_appendf(&sb, "UNIFIED_CHANNELS.%s(", fn->name);
  for (size_t p = 0; p < fn->nparams; p++)
    sb_appendf(&sb, "%s%s", p ? ", " : "", args[p] ? args[p] : fn->params[p]);
  sb_putc(&sb, ')');
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

static ChannelHint legacy_hint(Arena *a, const Standards *std, ShapeSegment *v, int nv) {
  ChannelHint h = {CHANNEL_HINT_NONE, NULL, NULL, NULL, {0}};
  if (nv < 2 || !seg_literal(&v[0]))
    return h;
  const char *prefix = seg_cstr(&v[0]), *word = std_resource_word(std, prefix);
  for (size_t i = 0; i < std->nlegacy; i++) {
    const LegacyChannel *lc = &std->legacy[i];
    if (!lc->prefix ||
        (strcmp(lc->prefix, prefix) != 0 && (!word || strcmp(lc->prefix, word) != 0)))
      continue;
    const ChannelFn *fn = std_channel_by_name(std, lc->function);
    if (!fn || fn->nparams > CHANNEL_MAX_PARAMS)
      return h;
    const char *args[CHANNEL_MAX_PARAMS] = {0};
    /* The old name's ids fill the parameters after the org id, in order; an
     * organization id there (`presence:${orgId}`) is an org-level channel,
     * not the conversation one the prefix usually names. */
    for (size_t p = 1; p < fn->nparams && (int)p < nv; p++) {
      args[p] = seg_as_arg(a, &v[p]);
      if (args[p] && fix_names_org_id(args[p]))
        return h;
    }
    h.kind = CHANNEL_HINT_LEGACY;
    memcpy(h.args, args, sizeof args);
    h.fn = fn;
    h.shape = shape_with_names(a, fn);
    h.call = call_text(a, fn, args);
    return h;
  }
  return h;
}

/* ---- Organization-wide legacy names: `metrics:${orgId}`. ---- */

/* The piece of `RESOURCE:${ORG}` / `RESOURCE-${ORG}` holding the organization
 * id, and the resource word before it: the literal start (in any number of
 * pieces) is a word and one separator, then one hole (or one constant's
 * expression) that names an organization id, then nothing. */
static const char *legacy_org_parts(Arena *a, const ValAlt *alt, const char **resource) {
  StrBuf lead = {0};
  uint32_t i = 0;
  for (; i < alt->nparts && !alt->parts[i].hole && !alt->parts[i].expr; i++)
    sb_append(&lead, alt->parts[i].text);
  const char *org = NULL;
  if (i < alt->nparts)
    org = alt->parts[i].hole ? alt->parts[i].text : alt->parts[i].expr;
  for (uint32_t j = i + 1; org && j < alt->nparts; j++)
    if (alt->parts[j].hole || alt->parts[j].expr || alt->parts[j].text[0])
      org = NULL; /* more after the org id: some other shape */
  const char *t = sb_cstr(&lead);
  size_t n = 0;
  while (isalnum((unsigned char)t[n]) || t[n] == '_')
    n++;
  bool shape_ok = n > 0 && (t[n] == ':' || t[n] == '-') && t[n + 1] == '\0';
  if (!shape_ok || !org || !fix_names_org_id(org))
    org = NULL;
  else
    *resource = arena_strndup(a, t, n);
  sb_free(&lead);
  return org;
}

static void seg_set(ShapeSegment *s, const char *text, const char *arg) {
  sb_append(&s->text, text);
  s->npieces = 1;
  s->has_hole = s->has_expr = arg != NULL;
  s->arg = arg;
}

/* `RESOURCE:${ORG}` names the organization's RESOURCE channel: read as
 * `org:${ORG}:RESOURCE`, it is the catalog function of the organization id
 * alone that builds that shape, or the one it is a near miss of (the same
 * keywords as channel_hint: `presence` for `agents:presence`). Only when
 * exactly one such function is closest: a tie is a guess. */
static ChannelHint legacy_org_hint(Arena *a, const Standards *std, const ValAlt *alt) {
  ChannelHint h = {CHANNEL_HINT_NONE, NULL, NULL, NULL, {0}};
  const char *resource = NULL;
  const char *org = legacy_org_parts(a, alt, &resource);
  if (!org)
    return h;
  ShapeSegment v[CH_MAX_SEGS];
  memset(v, 0, sizeof v);
  seg_set(&v[0], "org", NULL);
  seg_set(&v[1], "\x01", org);
  seg_set(&v[2], resource, NULL);
  int best = CH_INF, ties = 0;
  const ChannelFn *best_fn = NULL;
  for (size_t i = 0; i < std->nchannels; i++) {
    const ChannelFn *fn = &std->channels[i];
    if (fn->nparams != 1 || !fix_names_org_id(fn->params[0]))
      continue;
    ShapeKeyword s[CH_MAX_SEGS];
    int ns = shape_split_catalog(fn->shape, s), align[CH_MAX_SEGS];
    int cost = shape_cost(std, v, 3, s, ns, align);
    bool org_placed = false; /* the org id fills the parameter */
    for (int j = 0; j < ns; j++)
      org_placed = org_placed || (s[j].param == 0 && align[j] == 1);
    if (!org_placed || cost > CH_NEAR)
      continue;
    if (cost < best) {
      best = cost;
      best_fn = fn;
      ties = 0;
    } else if (cost == best) {
      ties++;
    }
  }
  ch_free(v);
  if (!best_fn || ties)
    return h;
  h.kind = CHANNEL_HINT_LEGACY_ORG;
  h.args[0] = org;
  h.fn = best_fn;
  h.shape = shape_with_names(a, best_fn);
  h.call = call_text(a, best_fn, h.args);
  return h;
}

ChannelHint channel_hint(Arena *a, const Standards *std, const ValAlt *alt) {
  ChannelHint h = {CHANNEL_HINT_NONE, NULL, NULL, NULL, {0}};
  ShapeSegment v[CH_MAX_SEGS];
  int nv = ch_split(alt, v);
  if (nv < 0) {
    ch_free(v);
    return h;
  }
  const char *first = seg_cstr(&v[0]);
  if (strcmp(first, "org") != 0 && strcmp(first, "system") != 0) {
    h = legacy_hint(a, std, v, nv);
    ch_free(v);
    return h.kind == CHANNEL_HINT_NONE ? legacy_org_hint(a, std, alt) : h;
  }
  int best = CH_INF, best_align[CH_MAX_SEGS];
  const ChannelFn *best_fn = NULL;
  for (size_t i = 0; i < std->nchannels; i++) {
    const ChannelFn *fn = &std->channels[i];
    ShapeKeyword s[CH_MAX_SEGS];
    int ns = shape_split_catalog(fn->shape, s), align[CH_MAX_SEGS];
    int cost = shape_cost(std, v, nv, s, ns, align);
    if (cost < best && fn->nparams <= CHANNEL_MAX_PARAMS) {
      best = cost;
      best_fn = fn;
      memcpy(best_align, align, sizeof align);
    }
  }
  if (best_fn && best <= CH_NEAR) {
    ShapeKeyword s[CH_MAX_SEGS];
    int ns = shape_split_catalog(best_fn->shape, s);
    const char *args[CHANNEL_MAX_PARAMS] = {0};
    for (int j = 0; j < ns; j++)
      if (s[j].param >= 0 && s[j].param < CHANNEL_MAX_PARAMS && best_align[j] >= 0)
        args[s[j].param] = seg_as_arg(a, &v[best_align[j]]);
    h.kind = CHANNEL_HINT_NEAR_MISS;
    memcpy(h.args, args, sizeof args);
    h.fn = best_fn;
    h.shape = shape_with_names(a, best_fn);
    h.call = call_text(a, best_fn, args);
  }
  ch_free(v);
  return h;
}

/* The most specific bound name of the organization-id role (fix/org_id.h). */
static const char *org_id_in_scope(Arena *a, const Module *m, uint32_t start, uint32_t end) {
  const char *first = NULL;
  return fix_org_ids_bound(a, m, start, end, &first, 1) ? first : NULL;
}

/* The call for h at [start, end) of m; `org` fills the organization id a
 * legacy name lacks (NULL: a name of that role in scope). With `org` given
 * the name is not bound yet (the caller binds it), so the others are checked
 * with a string in its place. */
static const char *hint_call(Arena *a, const Module *m, uint32_t start, uint32_t end,
                             const ChannelHint *h, const char *org) {
  if (h->kind == CHANNEL_HINT_NONE || !h->fn || !m->tree || h->fn->nparams > CHANNEL_MAX_PARAMS)
    return NULL;
  const char *args[CHANNEL_MAX_PARAMS] = {0}, *check[CHANNEL_MAX_PARAMS] = {0};
  for (size_t p = 0; p < h->fn->nparams; p++) {
    args[p] = check[p] = h->args[p];
    if (args[p])
      continue;
    /* Only the organization id may come from the scope: it is the one id a
     * legacy name lacks, and its role is known. */
    if (p != 0 || !strstr(h->fn->params[p], "org"))
      return NULL;
    args[p] = org ? org : org_id_in_scope(a, m, start, end);
    check[p] = org ? "\"\"" : args[p];
    if (!args[p])
      return NULL;
  }
  if (!fix_names_bound(m, start, end, call_text(a, h->fn, check), "UNIFIED_CHANNELS"))
    return NULL;
  return call_text(a, h->fn, args);
}

const char *channel_hint_fix_call(Arena *a, const Module *m, uint32_t start, uint32_t end,
                                  const ChannelHint *h) {
  return hint_call(a, m, start, end, h, NULL);
}

const char *channel_hint_fix_call_with_org(Arena *a, const Module *m, uint32_t start, uint32_t end,
                                           const ChannelHint *h, const char *org) {
  return hint_call(a, m, start, end, h, org);
}
