/* typing-stop-missing: a subscription that handles typing start but nothing in
 * the same component or hook handles typing stop (standards: "Bidirectional
 * communication": ALWAYS handle both typing start and stop events). */
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/ctx.h"
#include "rules/event_naming.h"
#include "rules/typing_stop_fix.h"

static const char *const needles[] = {"TypingStart", "TYPING_START", "typing:start", NULL};

/* The component or hook around n: its outermost enclosing function (the
 * program when n is top-level code). */
static TSNode owner_scope(const Module *m, TSNode n) {
  TSNode owner = {0};
  TSNode last = n;
  for (TSNode p = scope_node_parent(m, n); !ts_node_is_null(p); p = scope_node_parent(m, p)) {
    if (node_is_function(p))
      owner = p;
    last = p;
  }
  return ts_node_is_null(owner) ? last : owner;
}

static const char *scope_name(RuleCtx *ctx, TSNode scope) {
  TSNode id = node_field(scope, "name");
  if (ts_node_is_null(id) && node_is(scope_node_parent(ctx->mod, scope), "variable_declarator"))
    id = node_field(scope_node_parent(ctx->mod, scope), "name");
  if (!node_is(id, "identifier"))
    return node_is_function(scope) ? "the enclosing function" : "this file";
  uint32_t len;
  const char *t = node_text(&ctx->mod->src, id, &len);
  return arena_printf(ctx->arena, "`%.*s`", (int)len, t);
}

/* The subscriber object of a realtime `subscribe({...})`, inline or a local
 * const; null when the argument is something else. */
static TSNode subscriber_object(RuleCtx *ctx, TSNode call) {
  TSNode null = {0};
  if (!facts_realtime_subscribe(ctx->mod, call) || call_argument_count(call) != 1)
    return null;
  TSNode arg = node_unwrap(call_argument(call, 0));
  if (node_is(arg, "identifier")) {
    char *name = node_text_dup(&ctx->mod->src, arg);
    Binding b = scope_lookup(ctx->mod, arg, name);
    free(name);
    arg = b.kind == BIND_VALUE ? node_unwrap(b.node) : null;
  }
  if (!node_is(arg, "object"))
    return null;
  /* `{ ...handlers }` may hold anything: stay silent. */
  uint32_t n = ts_node_named_child_count(arg);
  for (uint32_t i = 0; i < n; i++)
    if (node_is(ts_node_named_child(arg, i), "spread_element"))
      return null;
  return arg;
}

typedef struct Scopes {
  TSNode *items;
  size_t n, cap;
} Scopes;

static int range_cmp(TSNode a, TSNode b) {
  uint32_t as = ts_node_start_byte(a), bs = ts_node_start_byte(b);
  uint32_t ae = ts_node_end_byte(a), be = ts_node_end_byte(b);
  if (as != bs)
    return as < bs ? -1 : 1;
  return ae < be ? -1 : ae > be;
}

static int scope_cmp(const void *a, const void *b) {
  return range_cmp(*(const TSNode *)a, *(const TSNode *)b);
}

/* Sorted by range once collected: each listener asks, and a file of many
 * components has many of both. */
static bool scopes_has(const Scopes *s, TSNode scope) {
  size_t lo = 0, hi = s->n;
  uint64_t steps = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    steps++;
    if (range_cmp(s->items[mid], scope) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  bool found = false;
  for (; !found && lo < s->n && range_cmp(s->items[lo], scope) == 0; lo++, steps++)
    found = ts_node_eq(s->items[lo], scope);
  ast_work_add(steps);
  return found;
}

static const char *std_value(const Standards *std, const char *key, const char *fallback) {
  const EventDef *ev = std_event_by_key(std, key);
  return ev ? ev->value : fallback;
}

/* Does the value mean typing stop: the unified value, or an old name that
 * migrates to it (`typing_stop`, or `typing_indicator` carrying both)? */
static bool means_stop(const Standards *std, const char *value) {
  if (strcmp(value, std_value(std, "TYPING_STOP", "typing:stop")) == 0)
    return true;
  const EventMigration *mig = std_event_migration(std, value);
  for (size_t i = 0; mig && i < mig->nkeys; i++)
    if (strcmp(mig->keys[i], "TYPING_STOP") == 0)
      return true;
  return false;
}

static bool branch_has_value(RuleCtx *ctx, TSNode branch, const char *want, bool stop) {
  Value v = rule_resolve(ctx, branch);
  for (uint32_t i = 0; i < v.nalts; i++) {
    const char *value = val_alt_literal(ctx->arena, &v.alts[i]);
    if (value && (stop ? means_stop(ctx->std, value) : strcmp(value, want) == 0))
      return true;
  }
  return false;
}

/* Components and hooks that handle typing stop somewhere. */
static void collect_stop_scopes(RuleCtx *ctx, Scopes *stops) {
  for (size_t i = 0; i < ctx->facts->nevents; i++) {
    const EventSite *site = &ctx->facts->events[i];
    if (!event_site_listens(ctx->mod, site) && site->kind != EVENT_SINK_WRAPPER)
      continue;
    TSNode branches[EVENT_MAX_BRANCHES];
    size_t n = event_branches(site->arg, branches, EVENT_MAX_BRANCHES);
    for (size_t b = 0; b < n; b++)
      if (branch_has_value(ctx, branches[b], NULL, true)) {
        TSNode scope = owner_scope(ctx->mod, site->call);
        ARRAY_PUSH(stops->items, stops->n, stops->cap, scope);
        break;
      }
  }
  for (size_t i = 0; i < ctx->facts->ncalls; i++) {
    TSNode call = ctx->facts->calls[i];
    TSNode obj = subscriber_object(ctx, call);
    if (!ts_node_is_null(object_property(&ctx->mod->src, obj, "onTypingStop"))) {
      TSNode scope = owner_scope(ctx->mod, call);
      ARRAY_PUSH(stops->items, stops->n, stops->cap, scope);
    }
  }
  if (stops->n) /* qsort's array must not be NULL, even when empty */
    qsort(stops->items, stops->n, sizeof *stops->items, scope_cmp);
}

static void check_listeners(RuleCtx *ctx, const Scopes *stops, const char *start_value) {
  for (size_t i = 0; i < ctx->facts->nevents; i++) {
    const EventSite *site = &ctx->facts->events[i];
    if (!event_site_listens(ctx->mod, site))
      continue;
    TSNode scope = owner_scope(ctx->mod, site->call);
    if (scopes_has(stops, scope))
      continue;
    TSNode branches[EVENT_MAX_BRANCHES];
    size_t n = event_branches(site->arg, branches, EVENT_MAX_BRANCHES);
    for (size_t b = 0; b < n; b++) {
      if (!branch_has_value(ctx, branches[b], start_value, false))
        continue;
      Diag *d =
          rule_report(ctx, ts_node_start_byte(branches[b]), ts_node_end_byte(branches[b]),
                      "add a listener for `UNIFIED_EVENTS.TYPING_STOP` that undoes what the start "
                      "handler does",
                      "listens for typing start (UNIFIED_EVENTS.TYPING_START) but %s never handles "
                      "UNIFIED_EVENTS.TYPING_STOP; the typing indicator will not clear",
                      scope_name(ctx, scope));
      if (n == 1)
        typing_stop_suggest(ctx, d, site->call, site->arg);
    }
  }
}

static void check_subscribers(RuleCtx *ctx, const Scopes *stops) {
  for (size_t i = 0; i < ctx->facts->ncalls; i++) {
    TSNode call = ctx->facts->calls[i];
    TSNode obj = subscriber_object(ctx, call);
    if (ts_node_is_null(object_property(&ctx->mod->src, obj, "onTypingStart")) ||
        !ts_node_is_null(object_property(&ctx->mod->src, obj, "onTypingStop")))
      continue;
    TSNode scope = owner_scope(ctx->mod, call);
    if (scopes_has(stops, scope))
      continue;
    /* Anchored on the `subscribe` of the call: the subscription's line. */
    TSNode callee = node_unwrap(node_field(call, "function"));
    TSNode anchor = node_is(callee, "member_expression") ? node_field(callee, "property") : callee;
    Diag *d = rule_report(
        ctx, ts_node_start_byte(anchor), ts_node_end_byte(anchor),
        "add an `onTypingStop` handler next to `onTypingStart` that undoes what it does",
        "subscriber handles onTypingStart but %s never handles onTypingStop; the typing "
        "indicator will not clear",
        scope_name(ctx, scope));
    typing_stop_suggest_subscriber(ctx, d, call, obj);
  }
}

static void check(RuleCtx *ctx) {
  if (ctx->mod->is_standards)
    return;
  Scopes stops = {0};
  collect_stop_scopes(ctx, &stops);
  check_listeners(ctx, &stops, std_value(ctx->std, "TYPING_START", "typing:start"));
  check_subscribers(ctx, &stops);
  free(stops.items);
}

const RuleMeta rule_typing_stop_missing = {
    .id = "typing-stop-missing",
    .phase = 1,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SUGGESTION,
    .summary = "A subscription that handles typing start but never handles typing stop.",
    .needles = needles,
    .check = check,
};
