/* typing-indicator-duplicate: a `*TypingIndicator` component defined outside
 * the canonical components/unified-ui/components/Realtime/TypingIndicator.tsx
 * (standards: Migration strategy, Phase 4 "Unify typing indicator
 * implementations"). */
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/ctx.h"

#include <ctype.h>

static const char *const needles[] = {"TypingIndicator", NULL};

#define CANONICAL "components/unified-ui/components/Realtime/TypingIndicator.tsx"
#define SUFFIX "TypingIndicator"

static bool is_canonical(const char *path) {
  size_t n = strlen(path), c = strlen(CANONICAL);
  return str_ends_with(path, CANONICAL) && (n == c || path[n - c - 1] == '/');
}

/* Uppercase first letter, ending in TypingIndicator. */
static bool is_indicator_name(const Source *src, TSNode id) {
  uint32_t len;
  const char *t = node_text(src, id, &len);
  size_t sl = strlen(SUFFIX);
  return len >= sl && isupper((unsigned char)t[0]) && memcmp(t + len - sl, SUFFIX, sl) == 0;
}

/* An arrow/function expression, possibly wrapped in memo(...),
 * React.memo(...), forwardRef(...) or React.forwardRef(...). */
static bool is_component_value(const Source *src, TSNode v, int depth) {
  v = node_unwrap(v);
  if (node_is(v, "arrow_function") || node_is(v, "function_expression") || node_is(v, "function") ||
      node_is(v, "class"))
    return true;
  if (depth < 3 && node_is(v, "call_expression")) {
    uint32_t len;
    const char *name = call_callee_name(src, v, &len);
    if (name && (mem_eq_str(name, len, "memo") || mem_eq_str(name, len, "forwardRef")))
      return is_component_value(src, call_argument(v, 0), depth + 1);
  }
  return false;
}

typedef struct Walk {
  RuleCtx *ctx;
} Walk;

static void report(RuleCtx *ctx, TSNode name) {
  uint32_t len;
  const char *t = node_text(&ctx->mod->src, name, &len);
  rule_report(ctx, ts_node_start_byte(name), ts_node_end_byte(name),
              "use `TypingIndicator` from " CANONICAL " and delete this copy once unused",
              "`%.*s` is another typing indicator component; use the canonical `TypingIndicator` "
              "(" CANONICAL ")",
              (int)len, t);
}

static bool visit(TSNode n, void *data) {
  Walk *w = data;
  const Source *src = &w->ctx->mod->src;
  TSNode name = {0};
  if (node_is(n, "function_declaration") || node_is(n, "class_declaration") ||
      node_is(n, "abstract_class_declaration")) {
    name = node_field(n, "name");
  } else if (node_is(n, "variable_declarator")) {
    TSNode id = node_field(n, "name");
    if (node_is(id, "identifier") && is_component_value(src, node_field(n, "value"), 0))
      name = id;
  }
  if (!ts_node_is_null(name) && is_indicator_name(src, name))
    report(w->ctx, name);
  return true;
}

static void check(RuleCtx *ctx) {
  if (is_canonical(ctx->mod->src.path) || is_canonical(ctx->mod->fs_path))
    return;
  Walk w = {ctx};
  ast_walk(ts_tree_root_node(ctx->mod->tree), visit, &w);
}

const RuleMeta rule_typing_indicator_duplicate = {
    .id = "typing-indicator-duplicate",
    .phase = 4,
    .default_severity = SEV_WARNING,
    .fixable = FIX_NONE,
    .summary = "A typing indicator component defined outside the canonical "
               "`components/unified-ui/components/Realtime/TypingIndicator.tsx`.",
    .needles = needles,
    .check = check,
};
