/* use-realtime-missing-type: `useRealtime({...})` without `type` (Critical
 * implementation rules §4: ALWAYS specify the correct `type` parameter when
 * using useRealtime(); Migration strategy, Phase 2). */
#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/ctx.h"
#include "rules/hook_calls.h"
#include "rules/realtime_type_default.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const needles[] = {"useRealtime", NULL};

static const char *const help_text = "add type: \"widget\" for widget code or type: \"dashboard\" "
                                     "for agent-facing code";

typedef enum Verdict { HAS_TYPE, NO_TYPE, UNKNOWN } Verdict;

/* A key that meant `type`: another case of it (`Type`) or `kind`. */
static bool near_miss_key(const Source *src, TSNode pair) {
  TSNode key = node_field(pair, "key");
  StrBuf sb = {0};
  if (node_is(key, "property_identifier"))
    sb_append_n(&sb, src->bytes + ts_node_start_byte(key),
                ts_node_end_byte(key) - ts_node_start_byte(key));
  else if (!node_is(key, "string") || !node_string_value(src, key, &sb))
    return false;
  bool yes = strcasecmp(sb_cstr(&sb), "type") == 0 || strcmp(sb_cstr(&sb), "kind") == 0;
  sb_free(&sb);
  return yes;
}

/* Writes `type: "X"`: a near-miss key whose value is "X" becomes
 * `type: "X"` (one saying otherwise gets no fix), else `type: "X", ` goes
 * before the first property, keeping the object's layout. */
static void add_type(RuleCtx *ctx, Diag *d, TSNode obj, const char *type, FixApplicability fix,
                     const char *title) {
  const Source *src = &ctx->mod->src;
  char quote = module_quote(ctx->mod);
  char *pair = xasprintf("type: %c%s%c", quote, type, quote);
  TSNode first = {0}, near = {0};
  ChildIter it;
  for (TSNode c = child_iter_first(&it, obj, true); !ts_node_is_null(c); c = child_iter_next(&it)) {
    if (node_is(c, "comment"))
      continue;
    if (ts_node_is_null(first))
      first = c;
    if (node_is(c, "pair") && near_miss_key(src, c)) {
      near = c;
      break;
    }
  }
  child_iter_done(&it);
  if (!ts_node_is_null(near)) {
    /* `Type: "widget"` in widget code is a typo; `kind: "dashboard"` there is
     * a disagreement a person settles. */
    if (!node_string_is(src, node_field(near, "value"), type)) {
      free(pair);
      return;
    }
    diag_add_edit(d, ts_node_start_byte(near), ts_node_end_byte(near), pair);
  } else {
    uint32_t open = ts_node_start_byte(obj) + 1;
    char *text;
    if (ts_node_is_null(first)) {
      text = xasprintf(" %s ", pair);
      diag_add_edit(d, open, ts_node_end_byte(obj) - 1, text);
    } else {
      uint32_t at = ts_node_start_byte(first);
      /* The space or line break and indentation before the first property
       * go after the new one too. */
      text = xasprintf("%s,%.*s", pair, (int)(at - open), src->bytes + open);
      if (strspn(src->bytes + open, " \t\r\n") < at - open)
        text[strlen(pair) + 1] = '\0', strcat(text, " ");
      diag_add_edit(d, at, at, text);
    }
    free(text);
  }
  diag_set_fix(d, fix, title);
  free(pair);
}

/* The safe fix when the file's folder decides the type; otherwise a
 * suggestion writing the default the hook's declaration gives `type` (the
 * behaviour stays, and a person confirms it is the right type). Nothing for
 * an options object declared elsewhere (other uses may share it). */
static void add_fix(RuleCtx *ctx, Diag *d, TSNode call, TSNode obj) {
  if (!d)
    return;
  const char *type = module_realtime_type(ctx->mod);
  if (type) {
    char *title = xasprintf("Add type: \"%s\" (the file is %s code)", type, type);
    add_type(ctx, d, obj, type, FIX_SAFE, title);
    free(title);
    return;
  }
  type = realtime_type_default(ctx, call);
  if (!type)
    return;
  char *title = xasprintf("Add type: \"%s\" (the default useRealtime declares; confirm it is "
                          "the right type)",
                          type);
  add_type(ctx, d, obj, type, FIX_SUGGESTION, title);
  free(title);
}

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
  Diag *d = rule_report(
      ctx, start, end, help_text,
      "useRealtime() called without \"type\"; add type: \"widget\" or type: \"dashboard\"");
  add_fix(ctx, d, call, obj);
}

static void check(RuleCtx *ctx) {
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_call(ctx, ctx->facts->calls[i]);
}

const RuleMeta rule_use_realtime_missing_type = {
    .id = "use-realtime-missing-type",
    .phase = 2,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SAFE,
    .summary = "`useRealtime({...})` is called without the `type` property.",
    .needles = needles,
    .check = check,
};
