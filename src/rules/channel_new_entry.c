#include "rules/channel_new_entry.h"

#include "fix/bound.h"
#include "fix/catalog_entry.h"
#include "fix/imports.h"
#include "standards/shape.h"

#include <string.h>

static bool lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Lowercase words of letters and digits joined by '-' or '_', starting with
 * a letter. */
static bool keyword_ok(const char *k) {
  if (!(k[0] >= 'a' && k[0] <= 'z'))
    return false;
  for (const char *p = k; *p; p++)
    if (!lower_or_digit(*p) && !((*p == '-' || *p == '_') && lower_or_digit(p[1])))
      return false;
  return true;
}

/* The keyword's last word as one item of what it names, as the catalog's
 * `conversations` (all of them) and `conversation` (one, by id):
 * `assignments` -> `assignment`, `activities` -> `activity`, `boxes` ->
 * `box`; a word that is no plural in `s` (`status`, `class`, `thread`)
 * stays. */
static const char *singular(Arena *a, const char *k) {
  size_t n = strlen(k);
  const char *word = k;
  for (const char *p = k; *p; p++)
    if (*p == '-' || *p == '_')
      word = p + 1;
  size_t wn = n - (size_t)(word - k);
  if (wn > 3 && strcmp(k + n - 3, "ies") == 0)
    return arena_printf(a, "%.*sy", (int)(n - 3), k);
  static const char *const es[] = {"sses", "xes", "ches", "shes"};
  for (size_t i = 0; i < sizeof es / sizeof *es; i++)
    if (wn > strlen(es[i]) && strcmp(k + n - strlen(es[i]), es[i]) == 0)
      return arena_strndup(a, k, n - 2);
  if (wn > 2 && k[n - 1] == 's' && !strchr("siu", k[n - 2]))
    return arena_strndup(a, k, n - 1);
  return k;
}

const char *channel_entry_name(Arena *a, const char *const *keywords, size_t n, bool one) {
  StrBuf sb = {0};
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++) {
    ok = keyword_ok(keywords[i]);
    const char *k = ok && i == 0 && one ? singular(a, keywords[i]) : keywords[i];
    bool upper = i > 0;
    for (const char *p = k; ok && *p; p++) {
      if (*p == '-' || *p == '_') {
        upper = true;
        continue;
      }
      sb_putc(&sb, upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
      upper = false;
    }
  }
  const char *out = ok ? arena_strdup(a, sb_cstr(&sb)) : NULL;
  sb_free(&sb);
  return out;
}

/* The shape `org:{orgId}:{resource}[:{resourceId}][:{action}]` read off a
 * value: the org id's and the resource id's expressions as the site writes
 * them, the keywords as written. */
typedef struct NewShape {
  const char *org, *id; /* id NULL when the shape has none */
  const char *keywords[2];
  size_t nkeywords;
} NewShape;

static bool seg_keyword(ShapeSegment *s) {
  return !s->has_expr && keyword_ok(sb_cstr(&s->text));
}

static bool seg_whole_expr(const ShapeSegment *s) {
  return s->npieces == 1 && s->arg;
}

static bool read_shape(Arena *a, ShapeSegment *v, int n, NewShape *out) {
  memset(out, 0, sizeof *out);
  if (n < 3 || n > 5 || v[0].has_expr || strcmp(sb_cstr(&v[0].text), "org") != 0 ||
      !seg_whole_expr(&v[1]) || !seg_keyword(&v[2]))
    return false;
  out->org = v[1].arg;
  out->keywords[out->nkeywords++] = arena_strdup(a, sb_cstr(&v[2].text));
  int next = 3;
  if (n >= 4 && seg_whole_expr(&v[3])) {
    out->id = v[3].arg;
    next = 4;
  }
  if (next < n) {
    if (!seg_keyword(&v[next]) || next + 1 != n)
      return false;
    out->keywords[out->nkeywords++] = arena_strdup(a, sb_cstr(&v[next].text));
  }
  return true;
}

/* How the catalog names the organization id: the parameter of its functions
 * whose shape starts with it ("org:{0}..."), "orgId" when it has none. */
static const char *org_param(const Standards *std) {
  for (size_t i = 0; i < std->nchannels; i++)
    if (std->channels[i].nparams > 0 && str_starts_with(std->channels[i].shape, "org:{0}"))
      return std->channels[i].params[0];
  return "orgId";
}

/* What the suggestion writes: the entry, the pattern and the call. */
typedef struct NewEntry {
  const char *name, *shape, *entry, *pattern, *call;
} NewEntry;

/* The catalog's function of one item of `resource`, `org:{0}:RESOURCE:{1}`
 * (`conversation` for `conv`), or NULL. */
static const ChannelFn *item_function(const Standards *std, const char *resource) {
  char *shape = xasprintf("org:{0}:%s:{1}", resource);
  const ChannelFn *found = NULL;
  for (size_t i = 0; i < std->nchannels && !found; i++)
    if (std->channels[i].nparams == 2 && strcmp(std->channels[i].shape, shape) == 0)
      found = &std->channels[i];
  free(shape);
  return found;
}

/* The entry's name and parameters. An action on an item the catalog has a
 * function of is named after it, with its parameters, as
 * `conversationTyping` is after `conversation` (`conv:{}:message-status` ->
 * conversationMessageStatus); otherwise channel_entry_name's, the org id
 * named as the catalog's org-level functions do, the item's id after it. */
static bool entry_names(RuleCtx *ctx, const NewShape *s, NewEntry *e, const char **org,
                        const char **id) {
  Arena *a = ctx->arena;
  const ChannelFn *item =
      s->id && s->nkeywords == 2 ? item_function(ctx->std, s->keywords[0]) : NULL;
  if (item) {
    const char *action = channel_entry_name(a, &s->keywords[1], 1, false);
    if (!action)
      return false;
    e->name = arena_printf(a, "%s%c%s", item->name, action[0] - 'a' + 'A', action + 1);
    *org = item->params[0];
    *id = item->params[1];
    return true;
  }
  e->name = channel_entry_name(a, s->keywords, s->nkeywords, s->id != NULL);
  const char *resource = channel_entry_name(a, s->keywords, 1, true);
  *org = org_param(ctx->std);
  *id = s->id && resource ? arena_printf(a, "%sId", resource) : NULL;
  return e->name != NULL;
}

static bool new_entry(RuleCtx *ctx, const NewShape *s, const char *param_type, NewEntry *e) {
  Arena *a = ctx->arena;
  const char *org, *id;
  if (!entry_names(ctx, s, e, &org, &id) || std_channel_by_name(ctx->std, e->name))
    return false;
  if (id && strcmp(id, org) == 0)
    return false; /* `org:{}:org:{}`: two parameters of one name */
  const char *r = s->keywords[0], *action = s->nkeywords > 1 ? s->keywords[1] : NULL;
  StrBuf shape = {0}, pattern = {0};
  sb_appendf(&shape, "org:${%s}:%s", org, r);
  sb_appendf(&pattern, "/^org:[^:]+:%s", r);
  if (id) {
    sb_appendf(&shape, ":${%s}", id);
    sb_append(&pattern, ":[^:]+");
  }
  if (action) {
    sb_appendf(&shape, ":%s", action);
    sb_appendf(&pattern, ":%s", action);
  }
  sb_append(&pattern, "$/");
  e->entry = id ? arena_printf(a, "%s: (%s%s, %s%s) => `%s`", e->name, org, param_type, id,
                               param_type, sb_cstr(&shape))
                : arena_printf(a, "%s: (%s%s) => `%s`", e->name, org, param_type, sb_cstr(&shape));
  e->shape = arena_strdup(a, sb_cstr(&shape));
  e->pattern = arena_strdup(a, sb_cstr(&pattern));
  e->call = id ? arena_printf(a, "UNIFIED_CHANNELS.%s(%s, %s)", e->name, s->org, s->id)
               : arena_printf(a, "UNIFIED_CHANNELS.%s(%s)", e->name, s->org);
  sb_free(&shape);
  sb_free(&pattern);
  return true;
}

static bool read_value_shape(Arena *a, const ValAlt *at, NewShape *s) {
  ShapeSegment v[SHAPE_MAX_SEGMENTS];
  int n = shape_split_value(at->parts, at->nparts, v);
  bool ok = read_shape(a, v, n, s);
  shape_segments_free(v);
  return ok;
}

bool channel_new_entry_suggestion(RuleCtx *ctx, Diag *d, const Module *m, uint32_t start,
                                  uint32_t end, const ValAlt *at) {
  NewShape s;
  NewEntry e;
  CatalogSlot entries, patterns;
  if (!d || m->is_standards || !ctx->std->nchannel_patterns ||
      !read_value_shape(ctx->arena, at, &s) ||
      !catalog_slot(ctx->res, "UNIFIED_CHANNELS", "arrow_function", &entries) ||
      !catalog_patterns_slot(ctx->res, &patterns) || !new_entry(ctx, &s, entries.param_type, &e) ||
      !fix_names_bound(m, start, end, e.call, "UNIFIED_CHANNELS"))
    return false;
  diag_add_edit_in(d, &m->src, start, end, e.call);
  fix_require_standard_import(d, ctx->proj, m, "UNIFIED_CHANNELS");
  /* Exclusive: two shapes of one name (`assignment`, `assignments:{id}`,
   * in files that cannot see each other) never both go in; the next pass
   * finds the name taken. */
  catalog_add_line(d, &entries, e.entry, true);
  catalog_add_line(d, &patterns, e.pattern, false);
  diag_set_fix(d, FIX_SUGGESTION,
               arena_printf(ctx->arena,
                            "Add %s to UNIFIED_CHANNELS and its pattern to isValidChannelName, "
                            "and use %s",
                            e.name, e.call));
  free(d->help);
  d->help = xasprintf("if this channel is meant, add `%s`, building `%s`, to UNIFIED_CHANNELS "
                      "and its pattern to isValidChannelName in %s, and use `%s`; the standards' "
                      "owners decide new channels",
                      e.name, e.shape, entries.m->src.path, e.call);
  return true;
}
