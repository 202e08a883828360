/* use-realtime-missing-type: `useRealtime({...})` without `type` (Critical
 * implementation rules §4: ALWAYS specify the correct `type` parameter when
 * using useRealtime(); Migration strategy, Phase 2). */
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/ctx.h"
#include "rules/hook_calls.h"

#include <stdlib.h>

static const char *const needles[] = {"useRealtime", NULL};

static const char *const help_text = "add type: \"widget\" for widget code or type: \"dashboard\" "
                                     "for agent-facing code";

typedef enum Verdict { HAS_TYPE, NO_TYPE, UNKNOWN } Verdict;

static Verdict judge_object(const Source *src, TSNode obj) {
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(obj, i);
    if (node_is(c, "spread_element"))
      return UNKNOWN; /* the spread may supply type */
    if (node_is(c, "pair") && node_is(node_field(c, "key"), "computed_property_name"))
      return UNKNOWN;
  }
  return ts_node_is_null(object_property(src, obj, "type")) ? NO_TYPE : HAS_TYPE;
}

static void check_call(RuleCtx *ctx, TSNode call) {
  const Source *src = &ctx->mod->src;
  char name[128];
  if (!hook_call_name(ctx->proj, ctx->mod, call, name, sizeof name) ||
      strcmp(name, "useRealtime") != 0)
    return;
  if (call_argument_count(call) == 0) {
    TSNode fn = node_field(call, "function");
    rule_report(ctx, ts_node_start_byte(fn), ts_node_end_byte(call), help_text,
                "useRealtime() called without options, so without \"type\"; pass { type, "
                "organizationId, conversationId }");
    return;
  }
  TSNode arg = call_argument(call, 0);
  TSNode obj = node_unwrap(arg);
  uint32_t decl_line = 0;
  if (node_is(obj, "identifier")) {
    char *id = node_text_dup(src, obj);
    Binding b = scope_lookup(ctx->mod, obj, id);
    free(id);
    if (b.kind != BIND_VALUE)
      return;
    obj = node_unwrap(b.node);
    decl_line = src_pos(src, ts_node_start_byte(obj)).line;
  }
  if (!node_is(obj, "object") || judge_object(src, obj) != NO_TYPE)
    return;
  if (decl_line) {
    rule_report(ctx, ts_node_start_byte(arg), ts_node_end_byte(arg), help_text,
                "useRealtime() called without \"type\" (options object at line %u); add type: "
                "\"widget\" or type: \"dashboard\"",
                decl_line);
    return;
  }
  /* A literal spanning lines is marked at its opening brace. */
  uint32_t start = ts_node_start_byte(obj), end = ts_node_end_byte(obj);
  if (src_pos(src, start).line != src_pos(src, end).line)
    end = start + 1;
  rule_report(ctx, start, end, help_text,
              "useRealtime() called without \"type\"; add type: \"widget\" or type: \"dashboard\"");
}

static void check(RuleCtx *ctx) {
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_call(ctx, ctx->facts->calls[i]);
}

const RuleMeta rule_use_realtime_missing_type = {
    .id = "use-realtime-missing-type",
    .phase = 2,
    .default_severity = SEV_WARNING,
    .fixable = FIX_NONE,
    .summary = "`useRealtime({...})` is called without the `type` property.",
    .needles = needles,
    .check = check,
};
