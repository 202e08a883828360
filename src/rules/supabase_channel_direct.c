/* supabase-channel-direct: a component or hook talking to Supabase realtime
 * channels itself (Critical implementation rules §3: NEVER use direct
 * Supabase channel subscriptions in components; Migration strategy, Phase 3)
 * instead of going through OrganizationRealtimeProvider or useRealtime(). */
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/app_paths.h"
#include "rules/channel_effect_fix.h"
#include "rules/ctx.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>

static const char *const needles[] = {".channel(", "removeChannel", "removeAllChannels",
                                      "broadcast", "presence",      "postgres_changes",
                                      NULL};

static const char *const help_text =
    "dashboard code: subscribe({...}) from useOrganizationRealtimeContext(); widget code: "
    "useRealtime({ type: \"widget\", organizationId, conversationId })";

/* The first arguments of Supabase's RealtimeChannel.on(type, filter, cb). */
static const char *const realtime_types[] = {"broadcast", "presence", "postgres_changes", NULL};

/* Functions returning a Supabase client (supabase-js, @supabase/ssr and the
 * auth-helpers); any function whose name mentions Supabase also counts
 * (getSupabaseClient(), useSupabase()). */
static const char *const client_factories[] = {
    "createClient",
    "createBrowserClient",
    "createServerClient",
    "createClientComponentClient",
    "createServerComponentClient",
    "createRouteHandlerClient",
    "createServerActionClient",
    "createPagesBrowserClient",
    "createPagesServerClient",
    "createMiddlewareClient",
    NULL,
};

static bool contains_ci(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++) {
    size_t j = 0;
    while (j < k && tolower((unsigned char)s[i + j]) == needle[j])
      j++;
    if (j == k)
      return true;
  }
  return false;
}

/* A receiver named like a Supabase client: supabase, supabaseClient,
 * this.supabase, client. */
static bool client_name(const char *s, size_t n) {
  return contains_ci(s, n, "supabase") || mem_eq_str(s, n, "client");
}

static bool factory_call(const Source *src, TSNode call) {
  uint32_t len;
  const char *name = call_callee_name(src, call, &len);
  if (!name)
    return false;
  if (contains_ci(name, len, "supabase"))
    return true;
  for (const char *const *f = client_factories; *f; f++)
    if (mem_eq_str(name, len, *f))
      return true;
  return false;
}

static bool is_supabase_client(RuleCtx *ctx, TSNode expr, int depth) {
  const Source *src = &ctx->mod->src;
  expr = node_unwrap(expr);
  if (ts_node_is_null(expr) || depth > 4)
    return false;
  if (node_is(expr, "await_expression"))
    return is_supabase_client(ctx, ts_node_named_child(expr, 0), depth + 1);
  if (node_is(expr, "call_expression"))
    return factory_call(src, expr);
  if (node_is(expr, "member_expression")) {
    TSNode prop = node_field(expr, "property");
    uint32_t len;
    const char *t = node_text(src, prop, &len);
    if (client_name(t, len))
      return true;
    /* supabaseRef.current, supabase.realtime */
    if (mem_eq_str(t, len, "current") || mem_eq_str(t, len, "realtime"))
      return is_supabase_client(ctx, node_field(expr, "object"), depth + 1);
    return false;
  }
  if (!node_is(expr, "identifier"))
    return false;
  uint32_t len;
  const char *t = node_text(src, expr, &len);
  if (client_name(t, len))
    return true;
  char *name = node_text_dup(src, expr);
  Binding b = scope_lookup(ctx->mod, expr, name);
  free(name);
  if (b.kind == BIND_VALUE)
    return is_supabase_client(ctx, b.node, depth + 1);
  if (b.kind == BIND_IMPORT)
    return contains_ci(b.source, strlen(b.source), "supabase");
  return false;
}

static bool string_in(const Source *src, TSNode n, const char *const *set) {
  n = node_unwrap(n);
  if (!node_is(n, "string"))
    return false;
  StrBuf sb = {0};
  node_string_value(src, n, &sb);
  bool found = false;
  for (const char *const *s = set; *s && !found; s++)
    found = strcmp(sb_cstr(&sb), *s) == 0;
  sb_free(&sb);
  return found;
}

/* .on('broadcast' | 'presence' | 'postgres_changes', filter, callback): the
 * realtime channel API, whose filter is an object. An emitter's or socket's
 * .on(name, listener) has two arguments, the second a function. */
static bool is_realtime_on(const Source *src, TSNode call) {
  if (!string_in(src, call_argument(call, 0), realtime_types))
    return false;
  return call_argument_count(call) >= 3 || node_is(node_unwrap(call_argument(call, 1)), "object");
}

static uint32_t line_of(const Source *src, uint32_t byte) {
  return src_pos(src, byte).line;
}

/* Where a finding or note about the call through `member` starts: a simple
 * receiver on the same line is part of the call's name. */
static uint32_t site_start(const Source *src, TSNode member, bool *simple) {
  TSNode obj = node_unwrap(node_field(member, "object"));
  uint32_t pstart = ts_node_start_byte(node_field(member, "property"));
  *simple =
      (node_is(obj, "identifier") || node_is(obj, "member_expression") || node_is(obj, "this")) &&
      line_of(src, ts_node_start_byte(obj)) == line_of(src, pstart) &&
      ts_node_end_byte(obj) - ts_node_start_byte(obj) <= 40;
  return *simple ? ts_node_start_byte(obj) : pstart;
}

/* The call as written up to the method name with its arguments abridged:
 * `supabaseRef.current?.removeChannel(...)`, `.on("broadcast", ...)`. */
static const char *call_shown(RuleCtx *ctx, TSNode call, TSNode member, bool is_on) {
  const Source *src = &ctx->mod->src;
  bool simple;
  uint32_t nstart = site_start(src, member, &simple);
  TSNode prop = node_field(member, "property");
  const char *name =
      arena_strndup(ctx->arena, src->bytes + nstart, ts_node_end_byte(prop) - nstart);
  if (is_on) {
    uint32_t alen;
    const char *a = node_text(src, node_unwrap(call_argument(call, 0)), &alen);
    return arena_printf(ctx->arena, "%s%s(%.*s, ...)", simple ? "" : ".", name, (int)alen, a);
  }
  return arena_printf(ctx->arena, "%s%s(%s)", simple ? "" : ".", name,
                      call_argument_count(call) ? "..." : "");
}

static size_t report(RuleCtx *ctx, TSNode call, TSNode member, bool is_on) {
  const Source *src = &ctx->mod->src;
  TSNode prop = node_field(member, "property");
  bool simple;
  uint32_t start = site_start(src, member, &simple);
  uint32_t end = ts_node_end_byte(call);
  if (line_of(src, end) != line_of(src, start)) {
    TSNode first = call_argument(call, 0);
    end = !ts_node_is_null(first) && line_of(src, ts_node_end_byte(first)) == line_of(src, start)
              ? ts_node_end_byte(first)
              : ts_node_end_byte(prop);
  }
  rule_report(ctx, start, end, help_text,
              "direct Supabase realtime call %s in a component or hook; use useRealtime() or "
              "the OrganizationRealtimeProvider context instead",
              call_shown(ctx, call, member, is_on));
  return ctx->out->n - 1;
}

static bool callee_is(const Source *src, TSNode call, const char *method, TSNode *member) {
  *member = node_unwrap(node_field(call, "function"));
  return node_is(*member, "member_expression") &&
         node_text_eq(src, node_field(*member, "property"), method);
}

/* The supabase `.channel(...)` call a channel expression comes from: the call
 * itself, `.on(...)` / `.subscribe(...)` chained on it, or a const bound to
 * either (`const ch = supabase.channel(x)`); a null node otherwise. */
static TSNode channel_origin(RuleCtx *ctx, TSNode expr, int depth) {
  const Source *src = &ctx->mod->src;
  TSNode none = {0};
  expr = node_unwrap(expr);
  if (ts_node_is_null(expr) || depth > 8)
    return none;
  if (node_is(expr, "await_expression"))
    return channel_origin(ctx, ts_node_named_child(expr, 0), depth + 1);
  if (node_is(expr, "identifier")) {
    char *name = node_text_dup(src, expr);
    Binding b = scope_lookup(ctx->mod, expr, name);
    free(name);
    return b.kind == BIND_VALUE ? channel_origin(ctx, b.node, depth + 1) : none;
  }
  if (!node_is(expr, "call_expression"))
    return none;
  TSNode member;
  if (callee_is(src, expr, "channel", &member))
    return is_supabase_client(ctx, node_field(member, "object"), 0) ? expr : none;
  if (callee_is(src, expr, "on", &member) || callee_is(src, expr, "subscribe", &member))
    return channel_origin(ctx, node_field(member, "object"), depth + 1);
  return none;
}

/* One finding per subscription: the `.channel(...)` call carries the calls
 * made on that channel (chained or through its const) as related notes. */
typedef struct Opened {
  TSNode call;
  size_t diag;
} Opened;

typedef struct Note {
  size_t diag;
  uint32_t at;
  const char *label;
} Note;

typedef struct Subscriptions {
  Opened *opened;
  size_t nopened, openedcap;
  Note *notes;
  size_t nnotes, notescap;
} Subscriptions;

/* The finding of the channel `expr` comes from, or SIZE_MAX. The opened
 * channels are in document order (the file's calls are): a binary search by
 * start, not a scan of every channel per use. */
static size_t opened_finding(RuleCtx *ctx, const Subscriptions *subs, TSNode expr) {
  TSNode origin = channel_origin(ctx, expr, 0);
  if (ts_node_is_null(origin))
    return SIZE_MAX;
  uint32_t start = ts_node_start_byte(origin);
  size_t lo = 0, hi = subs->nopened, found = SIZE_MAX;
  uint64_t steps = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    steps++;
    if (ts_node_start_byte(subs->opened[mid].call) < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; found == SIZE_MAX && lo < subs->nopened &&
         ts_node_start_byte(subs->opened[lo].call) == start;
       lo++, steps++)
    if (ts_node_eq(subs->opened[lo].call, origin))
      found = subs->opened[lo].diag;
  ast_work_add(steps);
  return found;
}

/* Notes the call through `member` on subscription `diag`: "chained .on(...)
 * here" when it hangs on the chain, "ch.on(...) here" through a variable. */
static void note_call(RuleCtx *ctx, Subscriptions *subs, size_t diag, TSNode call, TSNode member,
                      bool is_on, const char *what) {
  bool simple;
  uint32_t at = site_start(&ctx->mod->src, member, &simple);
  const char *shown = call_shown(ctx, call, member, is_on);
  const char *label = what     ? arena_printf(ctx->arena, "%s here (%s)", what, shown)
                      : simple ? arena_printf(ctx->arena, "%s here", shown)
                               : arena_printf(ctx->arena, "chained %s here", shown);
  Note n = {diag, at, label};
  ARRAY_PUSH(subs->notes, subs->nnotes, subs->notescap, n);
}

static int note_cmp(const void *a, const void *b) {
  const Note *x = a, *y = b;
  if (x->diag != y->diag)
    return x->diag < y->diag ? -1 : 1;
  return x->at < y->at ? -1 : x->at > y->at;
}

static void open_channel(RuleCtx *ctx, Subscriptions *subs, TSNode call) {
  TSNode member;
  if (!callee_is(&ctx->mod->src, call, "channel", &member) ||
      !is_supabase_client(ctx, node_field(member, "object"), 0))
    return;
  Opened o = {call, report(ctx, call, member, false)};
  ARRAY_PUSH(subs->opened, subs->nopened, subs->openedcap, o);
  channel_effect_suggest(ctx, &ctx->out->items[o.diag], call);
}

static void check_call(RuleCtx *ctx, Subscriptions *subs, TSNode call) {
  const Source *src = &ctx->mod->src;
  TSNode member;
  if (callee_is(src, call, "on", &member)) {
    if (!is_realtime_on(src, call))
      return;
    size_t diag = opened_finding(ctx, subs, node_field(member, "object"));
    if (diag == SIZE_MAX)
      report(ctx, call, member, true);
    else
      note_call(ctx, subs, diag, call, member, true, NULL);
    return;
  }
  if (callee_is(src, call, "subscribe", &member) || callee_is(src, call, "unsubscribe", &member)) {
    size_t diag = opened_finding(ctx, subs, node_field(member, "object"));
    if (diag != SIZE_MAX)
      note_call(ctx, subs, diag, call, member, false, NULL);
    return;
  }
  bool remove = callee_is(src, call, "removeChannel", &member);
  if (!remove && !callee_is(src, call, "removeAllChannels", &member))
    return;
  if (!is_supabase_client(ctx, node_field(member, "object"), 0))
    return;
  size_t diag = remove ? opened_finding(ctx, subs, call_argument(call, 0)) : SIZE_MAX;
  if (diag == SIZE_MAX)
    report(ctx, call, member, false);
  else
    note_call(ctx, subs, diag, call, member, false, "removed");
}

static void check(RuleCtx *ctx) {
  if (!module_is_component_code(ctx->roles, ctx->mod))
    return;
  Subscriptions subs = {0};
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    open_channel(ctx, &subs, ctx->facts->calls[i]);
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_call(ctx, &subs, ctx->facts->calls[i]);
  if (subs.nnotes) /* qsort's array must not be NULL, even when empty */
    qsort(subs.notes, subs.nnotes, sizeof *subs.notes, note_cmp);
  for (size_t i = 0; i < subs.nnotes; i++)
    rule_relate(&ctx->out->items[subs.notes[i].diag], ctx->mod, subs.notes[i].at,
                subs.notes[i].label);
  free(subs.opened);
  free(subs.notes);
}

const RuleMeta rule_supabase_channel_direct = {
    .id = "supabase-channel-direct",
    .phase = 3,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SUGGESTION,
    .summary = "A component or hook uses a Supabase realtime channel directly instead of the "
               "provider or `useRealtime()`.",
    .needles = needles,
    .check = check,
};
