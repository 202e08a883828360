#include "rules/channel_use_fix.h"

#include "core/util.h"
#include "fix/bound.h"
#include "fix/hook_deps.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/channel_naming.h"
#include "rules/channel_org_param.h"
#include "rules/channel_org_prop.h"

#include <stdlib.h>
#include <string.h>

#define STD_NAME "UNIFIED_CHANNELS"

/* What the use writes for the name: the builder call (the argument itself or
 * the initializer of the local const it names), or the name of an imported
 * constant (`SYSTEM_CHANNEL`, `CHANNELS.SYSTEM`). Null otherwise. */
static TSNode use_target(const Module *m, TSNode arg, bool *is_call) {
  TSNode none = {0};
  TSNode n = node_unwrap(arg);
  if (node_is(n, "call_expression")) {
    *is_call = true;
    return n;
  }
  TSNode root = n;
  while (node_is(root, "member_expression"))
    root = node_unwrap(node_field(root, "object"));
  if (!node_is(root, "identifier"))
    return none;
  char *name = node_text_dup(&m->src, root);
  Binding b = scope_lookup(m, root, name);
  free(name);
  if (b.kind == BIND_IMPORT) {
    *is_call = false;
    return n;
  }
  if (b.kind == BIND_VALUE && ts_node_eq(root, n) && !ts_node_is_null(b.node) &&
      node_is(node_unwrap(b.node), "call_expression")) {
    *is_call = true;
    return node_unwrap(b.node);
  }
  return none;
}

static bool is_written_text(const Module *m, TSNode n, const char *text) {
  uint32_t len;
  const char *t = node_text(&m->src, n, &len);
  return len == strlen(text) && memcmp(t, text, len) == 0;
}

/* An argument of the call, or a property value of an object literal
 * argument (`Topics.build({ kind: "x", orgId })` passes `orgId`). */
static bool is_argument_text(const Module *m, TSNode call, const char *text) {
  TSNode args = node_field(call, "arguments");
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode arg = ts_node_named_child(args, i), obj = node_unwrap(arg);
    if (is_written_text(m, arg, text))
      return true;
    for (uint32_t k = 0; node_is(obj, "object") && k < ts_node_named_child_count(obj); k++) {
      TSNode p = ts_node_named_child(obj, k);
      TSNode v = node_is(p, "pair") ? node_field(p, "value") : p;
      if ((node_is(p, "pair") || node_is(p, "shorthand_property_identifier")) &&
          is_written_text(m, v, text))
        return true;
    }
  }
  return false;
}

/* The name a function is called by: its own, or that of the variable,
 * property or class field it is assigned to. */
static bool function_named(const Module *m, TSNode fn, const char *name, uint32_t len) {
  TSNode id = node_field(fn, "name");
  TSNode parent = scope_node_parent(m, fn);
  if (ts_node_is_null(id) && !ts_node_is_null(parent)) {
    if (node_is(parent, "variable_declarator") || node_is(parent, "public_field_definition"))
      id = node_field(parent, "name");
    else if (node_is(parent, "pair"))
      id = node_field(parent, "key");
  }
  uint32_t ilen;
  const char *text = ts_node_is_null(id) ? NULL : node_text(&m->src, id, &ilen);
  return text && ilen == len && memcmp(text, name, len) == 0;
}

/* The builder whose template built alt, when the use's call calls it by
 * name: the innermost function around the building site. */
static TSNode called_builder(const Module *m, TSNode call, const ValAlt *alt) {
  TSNode none = {0};
  const Module *bm = alt->site_mod;
  uint32_t len;
  const char *callee = call_callee_name(&m->src, call, &len);
  if (!callee || !bm->tree)
    return none;
  TSNode n = scope_node_for_range(bm, alt->site_start, alt->site_end);
  for (TSNode p = n; !ts_node_is_null(p); p = scope_node_parent(bm, p))
    if (node_is_function(p))
      return function_named(bm, p, callee, len) ? p : none;
  return none;
}

/* The expression a builder's `config.orgId` stands for at a call passing an
 * object literal for its parameter `config` (`topicFor({ orgId })`,
 * `build({ kind: "presence", orgId: props.orgId })`): that property's value
 * as written at the call. NULL when the expression is not such a member, the
 * argument is no object literal, spreads another object (which may override
 * the property) or lacks the property. */
static const char *object_argument_text(Arena *a, const Module *m, TSNode call, TSNode builder,
                                        const Module *bm, const char *expr) {
  const char *dot = strchr(expr, '.');
  if (!dot || strchr(dot + 1, '.') || !dot[1] || ts_node_is_null(builder))
    return NULL;
  char *param = arena_strndup(a, expr, (size_t)(dot - expr));
  int idx = function_param_index(bm, builder, param);
  TSNode obj = idx < 0 ? (TSNode){0} : call_argument(call, (uint32_t)idx);
  if (ts_node_is_null(obj) || !node_is(obj = node_unwrap(obj), "object"))
    return NULL;
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n; i++)
    if (node_is(ts_node_named_child(obj, i), "spread_element"))
      return NULL;
  TSNode value = object_property(&m->src, obj, dot + 1);
  if (ts_node_is_null(value) || node_is(value, "method_definition"))
    return NULL;
  uint32_t len;
  const char *text = node_text(&m->src, value, &len);
  return arena_strndup(a, text, len);
}

/* alt in the use's terms, or false. Every expression the value passes on (a
 * hole, a constant piece) must be an argument of the builder call written at
 * the use, or the property of an object literal written there that the
 * builder reads (`config.orgId` of `topicFor({ orgId })`, which becomes
 * `orgId`): the builder's own names (its parameters, its file's constants)
 * mean nothing here, even when a name of the same spelling happens to be
 * bound. A constant passes on nothing. */
static bool pieces_from_use(RuleCtx *ctx, TSNode target, bool is_call, const ValAlt *alt,
                            ValAlt *out) {
  const Module *m = ctx->mod;
  *out = *alt;
  out->parts = arena_alloc(ctx->arena, (alt->nparts + 1) * sizeof *out->parts);
  memcpy(out->parts, alt->parts, alt->nparts * sizeof *out->parts);
  TSNode builder = {0};
  bool builder_known = false;
  for (uint32_t i = 0; i < alt->nparts; i++) {
    ValPart *p = &out->parts[i];
    const char *e = p->hole ? p->text : p->expr;
    if (!e)
      continue;
    if (!is_call)
      return false;
    if (is_argument_text(m, target, e))
      continue;
    if (!builder_known) {
      builder = called_builder(m, target, alt);
      builder_known = true;
    }
    const char *mapped = object_argument_text(ctx->arena, m, target, builder, alt->site_mod, e);
    if (!mapped)
      return false;
    if (p->hole)
      p->text = mapped;
    else
      p->expr = mapped;
  }
  return true;
}

static const ChannelHint *memo_hint(RuleCtx *ctx, ChannelUseMemo *memo, const ValAlt *alt) {
  StrBuf key = {0};
  val_alt_key(&key, alt);
  ChannelHint *h = strmap_get(&memo->hints, sb_cstr(&key));
  if (!h) {
    h = arena_alloc(ctx->arena, sizeof *h);
    memset(h, 0, sizeof *h);
    h->kind = CHANNEL_HINT_NONE;
    if (channel_alt_judgeable(alt) && !channel_alt_may_be_valid(ctx->arena, ctx->std, alt))
      *h = channel_hint(ctx->arena, ctx->std, alt);
    strmap_put(&memo->hints, sb_cstr(&key), h);
  }
  sb_free(&key);
  return h;
}

/* The hint judged in the use's terms names what the building site's own
 * text names: the builder's names say which hole is the organization id, so
 * `presence:${orgId}` called as `orgPresenceTopic(props.org)` stays the
 * organization-wide channel, not a conversation's presence for the id
 * `props.org` (a use whose builder yields several values: no agreement). */
static bool hint_agrees_with_site(RuleCtx *ctx, ChannelUseMemo *memo, const ValAlt *alt,
                                  const ChannelHint *h) {
  Value own = channel_site_value(ctx, alt);
  if (own.nalts != 1)
    return false;
  const ChannelHint *site = memo_hint(ctx, memo, &own.alts[0]);
  return site->kind == h->kind && site->fn == h->fn;
}

/* The top-level statement holding n: the component or function a use is in. */
static TSNode top_level_of(const Module *m, TSNode n) {
  for (TSNode p = scope_node_parent(m, n); !ts_node_is_null(p); p = scope_node_parent(m, p)) {
    if (node_is(p, "program"))
      return n;
    n = p;
  }
  return n;
}

#define MAX_TWINS 16

typedef struct Twins {
  const Module *m;
  TSNode target;
  const char *text; /* the target's source, NUL-terminated */
  uint32_t len;
  const char *call; /* the replacement, as checked (a prop's name as a string) */
  const char *org;  /* the organization id it takes from the scope, or NULL */
  TSNode found[MAX_TWINS];
  size_t n;
  bool overflow; /* more than MAX_TWINS: the edit would leave some behind */
} Twins;

/* The organization id a twin would now read is declared before it (not in
 * its temporal dead zone): the target's was checked where it was found. */
static bool declared_by(const Module *m, TSNode at, const char *org) {
  if (!org)
    return true;
  char *root = xstrndup(org, strcspn(org, "."));
  Binding b = scope_lookup(m, at, root);
  free(root);
  return b.kind == BIND_PARAM || b.kind == BIND_IMPORT || ts_node_is_null(b.decl) ||
         ts_node_start_byte(b.decl) < ts_node_start_byte(at);
}

/* Collects every call written like the target whose names mean what the
 * target's mean (the target itself included, in document order, so every
 * finding of the group carries the same edits). */
static bool find_twin(TSNode n, void *data) {
  Twins *t = data;
  if (ts_node_symbol(n) != ts_node_symbol(t->target))
    return true;
  uint32_t len;
  const char *text = node_text(&t->m->src, n, &len);
  if (len != t->len || memcmp(text, t->text, len) != 0)
    return true;
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  uint32_t ts = ts_node_start_byte(t->target), te = ts_node_end_byte(t->target);
  bool self = s == ts && e == te;
  if (self || (fix_names_mean_same(t->m, ts, te, s, e, t->call) &&
               fix_names_mean_same(t->m, ts, te, s, e, t->text) &&
               fix_names_bound(t->m, s, e, t->call, STD_NAME) && declared_by(t->m, n, t->org))) {
    if (t->n == MAX_TWINS)
      t->overflow = true;
    else
      t->found[t->n++] = n;
  }
  return false;
}

/* The first argument of a UNIFIED_CHANNELS call text: the organization id. */
static const char *org_argument(Arena *a, const char *call) {
  const char *open = strchr(call, '(');
  if (!open)
    return NULL;
  size_t n = strcspn(open + 1, ",)");
  return n ? arena_strndup(a, open + 1, n) : NULL;
}

static bool org_from_scope(const ChannelHint *h) {
  return h->fn && h->fn->nparams > 0 && !h->args[0];
}

/* Where a hint's call gets the organization id a legacy name lacks. */
typedef struct OrgSource {
  const char *org; /* the name passed, or NULL when the name had its own */
  TSNode owner;    /* what declares it, for hook dependencies (may be null) */
  bool prop;       /* a prop the edit destructures: `p` says where */
  OrgProp p;
  bool param; /* a parameter the edit adds to the builder, passed at its calls: `q` */
  OrgParam q;
} OrgSource;

/* The call hint h suggests for [start, end) of m, and where its org id comes
 * from: a name of that role in scope, else a prop the component declares
 * and the edit destructures, else (at a building site, `at_site`) a
 * parameter added to the builder around it and passed by each of its calls.
 * NULL when withheld. */
static const char *hint_call_at(Arena *a, const Module *m, uint32_t start, uint32_t end,
                                const ChannelHint *h, bool at_site, OrgSource *os) {
  memset(os, 0, sizeof *os);
  const char *call = channel_hint_fix_call(a, m, start, end, h);
  TSNode at = scope_node_for_range(m, start, end);
  if (call && org_from_scope(h)) {
    os->org = org_argument(a, call);
    os->owner = os->org ? fix_org_owner(m, at, os->org) : (TSNode){0};
  } else if (!call && org_from_scope(h) && channel_org_prop(m, start, end, &os->p)) {
    call = channel_hint_fix_call_with_org(a, m, start, end, h, os->p.name);
    os->prop = call != NULL;
    os->org = call ? os->p.name : NULL;
    os->owner = os->p.function;
  } else if (!call && at_site && org_from_scope(h) && channel_org_param(a, m, start, end, &os->q)) {
    call = channel_hint_fix_call_with_org(a, m, start, end, h, os->q.name);
    os->param = call != NULL;
    os->org = call ? os->q.name : NULL;
  }
  return call;
}

/* The edit besides the replacement at `at`: the org id in the dependency
 * array of the hook around it. */
static void add_org_edits(Arena *a, const Module *m, Diag *d, const OrgSource *os, TSNode at,
                          TSNode *done, size_t *ndone, size_t max) {
  if (os->org && !ts_node_is_null(os->owner))
    fix_add_hook_dependency(a, m, d, at, os->org, os->owner, done, ndone, max);
}

static const char *org_note(Arena *a, const OrgSource *os) {
  if (os->param)
    return arena_printf(a, ", adding the parameter `%s` to %s, passed at its %zu %s", os->q.name,
                        os->q.fn, os->q.ncalls, os->q.ncalls == 1 ? "call" : "calls");
  return os->prop ? arena_printf(a, ", destructuring the `%s` prop", os->p.name) : "";
}

/* Finds the target's twins (itself included) in its top-level declaration
 * (with `walk`; the target alone otherwise) and adds to d the replacement of
 * each by `call`, the org id's edits and the import. False, d untouched,
 * when the walk did not reach the target (out of budget) or found more than
 * MAX_TWINS copies. Sets *ntwins. */
static bool replace_twins(RuleCtx *ctx, Diag *d, const Module *m, TSNode target, bool walk,
                          const char *call, const OrgSource *os, size_t *ntwins) {
  uint32_t len;
  /* A prop about to be destructured is bound nowhere yet: twins are checked
   * with a string in its place. */
  const char *check = call;
  if (os->prop || os->param)
    check = arena_printf(ctx->arena, "%.*s\"\"%s", (int)strcspn(call, "(") + 1, call,
                         call + strcspn(call, "(") + 1 + strlen(os->org));
  /* The text ends with the node: checking its names must not read on into
   * the rest of the file, once per twin. */
  const char *text = node_text(&m->src, target, &len);
  Twins t = {.m = m,
             .target = target,
             .text = arena_strndup(ctx->arena, text, len),
             .call = check,
             .org = os->prop || os->param ? NULL : os->org};
  t.len = len;
  ast_walk(walk ? top_level_of(m, target) : target, find_twin, &t);
  bool has_self = false;
  for (size_t i = 0; i < t.n; i++)
    has_self = has_self || ts_node_eq(t.found[i], target);
  if (!has_self || t.overflow)
    return false;
  TSNode deps_done[MAX_TWINS];
  size_t ndeps = 0;
  for (size_t i = 0; i < t.n; i++) {
    diag_add_edit_in(d, &m->src, ts_node_start_byte(t.found[i]), ts_node_end_byte(t.found[i]),
                     call);
    add_org_edits(ctx->arena, m, d, os, t.found[i], deps_done, &ndeps, MAX_TWINS);
  }
  if (os->prop)
    diag_add_edit_in(d, &m->src, os->p.insert_at, os->p.insert_at, os->p.insert);
  if (os->param) {
    diag_add_edit_in(d, &m->src, os->q.param_at, os->q.param_at, os->q.param);
    /* Each call passes its own org id, which joins the dependency array of
     * a hook callback the call is in (as for a name from the scope). */
    for (size_t i = 0; i < os->q.ncalls; i++) {
      const OrgParamCall *c = &os->q.calls[i];
      diag_add_edit_in(d, &m->src, c->at, c->at, c->text);
      fix_add_hook_dependency(ctx->arena, m, d, c->call, c->org, fix_org_owner(m, c->call, c->org),
                              deps_done, &ndeps, MAX_TWINS);
    }
  }
  fix_require_standard_import(d, ctx->proj, m, STD_NAME);
  *ntwins = t.n;
  return true;
}

static const char *twins_note(Arena *a, size_t n, const char *what) {
  return n > 1 ? arena_printf(a, " here and at %zu more %s%s in this declaration", n - 1, what,
                              n == 2 ? "" : "s")
               : "";
}

/* No organization id in reach of a legacy name at its building site: the
 * whole-project pass may still add a parameter to an exported builder
 * (channel_org_param_pass); d says where and what to write. */
static void mark_org_param(Arena *a, Diag *d, const Module *m, uint32_t start, uint32_t end,
                           const ChannelHint *h) {
  if (d->org_param.call || !org_from_scope(h))
    return;
  const char *call = channel_hint_fix_call_with_org(a, m, start, end, h, DIAG_ORG_PLACEHOLDER);
  if (call)
    d->org_param = (DiagOrgParam){xstrdup(call), &m->src, start, end};
}

bool channel_site_suggestion(RuleCtx *ctx, Diag *d, const Module *m, uint32_t start, uint32_t end,
                             const ChannelHint *h) {
  if (!d || !m->tree)
    return false;
  OrgSource os;
  const char *call = hint_call_at(ctx->arena, m, start, end, h, true, &os);
  if (!call) {
    mark_org_param(ctx->arena, d, m, start, end, h);
    return false;
  }
  /* The same name written again nearby (the cleanup's `release(...)` of the
   * channel the effect acquired) changes with it. */
  TSNode site = scope_node_for_range(m, start, end);
  if (ts_node_start_byte(site) != start || ts_node_end_byte(site) != end)
    return false;
  size_t n = 0;
  if (!replace_twins(ctx, d, m, site, true, call, &os, &n))
    return false;
  diag_set_fix(d, FIX_SUGGESTION,
               arena_printf(ctx->arena, "Replace with %s%s%s", call, org_note(ctx->arena, &os),
                            twins_note(ctx->arena, n, "copy of the name")));
  return true;
}

bool channel_use_fix(RuleCtx *ctx, ChannelUseMemo *memo, Diag *d, TSNode arg, const ValAlt *alt) {
  const Module *m = ctx->mod;
  if (!d || !m->tree || !alt->site_mod || alt->from_standard)
    return false;
  bool is_call = false;
  TSNode target = use_target(m, arg, &is_call);
  ValAlt here; /* alt with the builder's expressions as the use writes them */
  if (ts_node_is_null(target) || !pieces_from_use(ctx, target, is_call, alt, &here))
    return false;
  const ValAlt *orig = alt;
  alt = &here;
  uint32_t start = ts_node_start_byte(target), end = ts_node_end_byte(target);
  const char *call = channel_suggest_call(ctx->arena, ctx->std, alt);
  bool same_name = call != NULL;
  if (call && !fix_names_bound(m, start, end, call, STD_NAME))
    return false;
  OrgSource os;
  memset(&os, 0, sizeof os);
  if (!call) {
    const ChannelHint *h = memo_hint(ctx, memo, alt);
    if (!hint_agrees_with_site(ctx, memo, orig, h))
      return false;
    call = hint_call_at(ctx->arena, m, start, end, h, false, &os);
  }
  size_t n = 0;
  /* A constant's name may also stand where no call can (`typeof NAME`): only
   * calls have twins. */
  if (!call || !replace_twins(ctx, d, m, target, is_call, call, &os, &n))
    return false;
  uint32_t len;
  const char *text = node_text(&m->src, target, &len);
  const char *shown = arena_strndup(ctx->arena, text, len);
  if (is_call && len > 48) { /* the builder's name is what a reviewer looks for */
    uint32_t flen;
    const char *fn = node_text(&m->src, node_field(target, "function"), &flen);
    shown = arena_printf(ctx->arena, "%.*s(...)", (int)flen, fn);
  }
  const char *title = arena_printf(
      ctx->arena, "Replace %s with %s%s%s%s", shown, call, org_note(ctx->arena, &os),
      twins_note(ctx->arena, n, "call"),
      same_name ? " (the same channel name)"
                : " (the channel name changes: move its publisher or subscribers with it)");
  diag_set_fix(d, FIX_SUGGESTION, title);
  /* The help spells out what the suggestion writes, and that a hint's
   * changes the name on the wire. */
  free(d->help);
  d->help = xasprintf("replace `%s` with `%s`%s", shown, call,
                      same_name ? ", which builds the same name"
                                : "; the channel's name changes, so move its publisher or "
                                  "subscribers with it");
  return true;
}

void channel_use_fix_done(ChannelUseMemo *memo) {
  strmap_free(&memo->hints, NULL);
}
