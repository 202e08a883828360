/* supabase-channel-direct: a component or hook talking to Supabase realtime
 * channels itself (Critical implementation rules §3: NEVER use direct
 * Supabase channel subscriptions in components; Migration strategy, Phase 3)
 * instead of going through OrganizationRealtimeProvider or useRealtime(). */
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/app_paths.h"
#include "rules/ctx.h"

#include <ctype.h>
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

static void report(RuleCtx *ctx, TSNode call, TSNode member, bool is_on) {
  const Source *src = &ctx->mod->src;
  TSNode obj = node_unwrap(node_field(member, "object"));
  TSNode prop = node_field(member, "property");
  uint32_t pstart = ts_node_start_byte(prop);
  /* A simple receiver on the same line is part of the call's name. */
  bool simple =
      (node_is(obj, "identifier") || node_is(obj, "member_expression") || node_is(obj, "this")) &&
      line_of(src, ts_node_start_byte(obj)) == line_of(src, pstart) &&
      ts_node_end_byte(obj) - ts_node_start_byte(obj) <= 40;
  uint32_t start = simple ? ts_node_start_byte(obj) : pstart;
  uint32_t end = ts_node_end_byte(call);
  if (line_of(src, end) != line_of(src, start)) {
    TSNode first = call_argument(call, 0);
    end = !ts_node_is_null(first) && line_of(src, ts_node_end_byte(first)) == line_of(src, start)
              ? ts_node_end_byte(first)
              : ts_node_end_byte(prop);
  }
  /* The call as written up to the method name: `supabaseRef.current?.removeChannel`. */
  uint32_t nstart = simple ? ts_node_start_byte(obj) : pstart;
  const char *name =
      arena_strndup(ctx->arena, src->bytes + nstart, ts_node_end_byte(prop) - nstart);
  const char *shown;
  if (is_on) {
    uint32_t alen;
    TSNode first = node_unwrap(call_argument(call, 0));
    const char *a = node_text(src, first, &alen);
    shown = arena_printf(ctx->arena, "%s%s(%.*s, ...)", simple ? "" : ".", name, (int)alen, a);
  } else {
    shown = arena_printf(ctx->arena, "%s%s(%s)", simple ? "" : ".", name,
                         call_argument_count(call) ? "..." : "");
  }
  rule_report(ctx, start, end, help_text,
              "direct Supabase realtime call %s in a component or hook; use useRealtime() or "
              "the OrganizationRealtimeProvider context instead",
              shown);
}

static void check_call(RuleCtx *ctx, TSNode call) {
  const Source *src = &ctx->mod->src;
  TSNode member = node_unwrap(node_field(call, "function"));
  if (!node_is(member, "member_expression"))
    return;
  TSNode prop = node_field(member, "property");
  if (node_text_eq(src, prop, "on")) {
    if (is_realtime_on(src, call))
      report(ctx, call, member, true);
    return;
  }
  if (!node_text_eq(src, prop, "channel") && !node_text_eq(src, prop, "removeChannel") &&
      !node_text_eq(src, prop, "removeAllChannels"))
    return;
  if (is_supabase_client(ctx, node_field(member, "object"), 0))
    report(ctx, call, member, false);
}

static void check(RuleCtx *ctx) {
  if (!module_is_component_code(ctx->roles, ctx->mod))
    return;
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_call(ctx, ctx->facts->calls[i]);
}

const RuleMeta rule_supabase_channel_direct = {
    .id = "supabase-channel-direct",
    .phase = 3,
    .default_severity = SEV_ERROR,
    .fixable = FIX_NONE,
    .summary = "A component or hook uses a Supabase realtime channel directly instead of the "
               "provider or `useRealtime()`.",
    .needles = needles,
    .check = check,
};
