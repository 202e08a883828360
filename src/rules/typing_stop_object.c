/* typing-stop-missing's suggestion for a subscriber object: an `onTypingStop`
 * member next to `onTypingStart` that undoes what it does, when the
 * provider's handler type has `onTypingStop`. */
#include "rules/typing_stop_fix.h"

#include "core/util.h"
#include "fix/indent.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"
#include "rules/typing_stop_inverse.h"

#include <stdlib.h>
#include <string.h>

/* The hook call `subscribe` comes from: `const { subscribe } = useX()`,
 * `useX().subscribe`, or `const rt = useX(); rt.subscribe`. */
static TSNode hook_call_of(const Module *m, TSNode call) {
  TSNode null = {0};
  TSNode callee = node_unwrap(node_field(call, "function"));
  TSNode from = callee;
  if (node_is(callee, "member_expression"))
    from = node_unwrap(node_field(callee, "object"));
  if (node_is(from, "call_expression"))
    return from;
  if (!node_is(from, "identifier"))
    return null;
  char *name = node_text_dup(&m->src, from);
  Binding b = scope_lookup(m, from, name);
  free(name);
  if (node_is(callee, "member_expression"))
    return b.kind == BIND_VALUE && node_is(node_unwrap(b.node), "call_expression")
               ? node_unwrap(b.node)
               : null;
  if (b.kind != BIND_UNKNOWN || ts_node_is_null(b.decl))
    return null;
  TSNode pattern = scope_node_parent(m, b.decl);
  if (node_is(pattern, "pair_pattern"))
    pattern = scope_node_parent(m, pattern);
  TSNode declarator = scope_node_parent(m, pattern);
  if (!node_is(pattern, "object_pattern") || !node_is(declarator, "variable_declarator"))
    return null;
  TSNode value = node_unwrap(node_field(declarator, "value"));
  return node_is(value, "call_expression") ? value : null;
}

/* The module defining the hook a call calls: this one, or the one it is
 * imported from (through re-exports). */
static const Module *hook_module(RuleCtx *ctx, TSNode hook_call) {
  TSNode fn = node_unwrap(node_field(hook_call, "function"));
  if (!node_is(fn, "identifier"))
    return NULL;
  char *name = node_text_dup(&ctx->mod->src, fn);
  Binding b = scope_lookup(ctx->mod, fn, name);
  free(name);
  if (b.kind == BIND_FUNCTION)
    return ctx->mod;
  if (b.kind != BIND_IMPORT)
    return NULL;
  const Module *target = resolve_import_target(ctx->res, ctx->mod, &b);
  if (!target)
    return NULL;
  Export e = resolve_find_export(ctx->res, target, b.imported, 0);
  return e.found ? e.mod : NULL;
}

typedef struct MemberScan {
  const Source *src;
  const char *name;
  bool found;
} MemberScan;

/* `onTypingStop?: (data: T) => void;` or `onTypingStop?(data: T): void;` in
 * an interface or object type. */
static bool visit_member(TSNode n, void *data) {
  MemberScan *s = data;
  if ((node_is(n, "property_signature") || node_is(n, "method_signature")) &&
      node_text_eq(s->src, node_field(n, "name"), s->name))
    s->found = true;
  return !s->found;
}

static bool provider_declares(RuleCtx *ctx, TSNode subscribe_call, const char *member) {
  TSNode hook = hook_call_of(ctx->mod, subscribe_call);
  const Module *provider = ts_node_is_null(hook) ? NULL : hook_module(ctx, hook);
  if (!provider)
    return false;
  MemberScan s = {&provider->src, member, false};
  ast_walk(ts_tree_root_node(provider->tree), visit_member, &s);
  return s.found;
}

void typing_stop_suggest_subscriber(RuleCtx *ctx, Diag *d, TSNode call, TSNode object) {
  const Source *src = &ctx->mod->src;
  if (!d)
    return;
  TSNode value = object_property(src, object, "onTypingStart");
  if (ts_node_is_null(value))
    return;
  bool method = node_is(value, "method_definition");
  TSNode member = method ? value : scope_node_parent(ctx->mod, value);
  TSNode handler = method ? value : node_unwrap(value);
  if (!(method || (node_is(member, "pair") && (node_is(handler, "arrow_function") ||
                                               node_is(handler, "function_expression")))))
    return;
  StopInverse inv;
  if (!provider_declares(ctx, call, "onTypingStop") || !typing_stop_inverse(ctx, handler, &inv))
    return;
  /* The twin: the member's text with its key and the undone part replaced. */
  TSNode key = method ? node_field(member, "name") : node_field(member, "key");
  uint32_t ms = ts_node_start_byte(member), me = ts_node_end_byte(member);
  StrBuf twin = {0};
  sb_append_n(&twin, src->bytes + ms, ts_node_start_byte(key) - ms);
  sb_append(&twin, "onTypingStop");
  sb_append_n(&twin, src->bytes + ts_node_end_byte(key), inv.start - ts_node_end_byte(key));
  sb_append(&twin, inv.text);
  sb_append_n(&twin, src->bytes + inv.end, me - inv.end);
  free(inv.text);
  /* On a line of its own after the member and its comma (a member without
   * one gets it), and after a comment that ends the member's line; inline
   * in an object written on one line. */
  TSNode next = ts_node_next_sibling(member);
  bool comma = node_is(next, ",");
  uint32_t at = comma ? ts_node_end_byte(next) : me;
  const char *indent = fix_indent_before(ctx->arena, src, ms);
  if (!indent) {
    char *text = xasprintf("%s %s%s", comma ? "" : ",", sb_cstr(&twin), comma ? "," : "");
    diag_add_edit(d, at, at, text);
    free(text);
  } else {
    TSNode after = comma ? ts_node_next_sibling(next) : next;
    uint32_t line_end = at;
    if (node_is(after, "comment") && !memchr(src->bytes + at, '\n', ts_node_start_byte(after) - at))
      line_end = ts_node_end_byte(after);
    bool comma_first = !comma && line_end != me;
    if (comma_first)
      diag_add_edit(d, me, me, ",");
    char *text = xasprintf("%s\n%s%s%s", comma || comma_first ? "" : ",", indent, sb_cstr(&twin),
                           comma ? "," : "");
    diag_add_edit(d, line_end, line_end, text);
    free(text);
  }
  sb_free(&twin);
  diag_set_fix(d, FIX_SUGGESTION,
               "Add onTypingStop next to onTypingStart, undoing its state change");
}
