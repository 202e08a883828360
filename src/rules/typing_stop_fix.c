/* typing-stop-missing's suggestion for a start listener: a twin listener for
 * UNIFIED_EVENTS.TYPING_STOP that undoes what the start handler does. */
#include "rules/typing_stop_fix.h"

#include "core/util.h"
#include "fix/imports.h"
#include "fix/indent.h"
#include "parse/ast.h"
#include "resolve/facts.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"
#include "rules/typing_stop_inverse.h"

#include <stdlib.h>
#include <string.h>

static bool inside(TSNode n, TSNode outer) {
  return ts_node_start_byte(n) >= ts_node_start_byte(outer) &&
         ts_node_end_byte(n) <= ts_node_end_byte(outer);
}

static bool is_set_timeout(const Source *src, TSNode call) {
  if (!node_is(call, "call_expression"))
    return false;
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (node_is(fn, "member_expression")) {
    TSNode obj = node_field(fn, "object");
    if (!node_text_eq(src, obj, "window") && !node_text_eq(src, obj, "globalThis"))
      return false;
    fn = node_field(fn, "property");
  }
  return node_text_eq(src, fn, "setTimeout");
}

/* The callback of a `setTimeout(() => ..., ms)` statement directly in the
 * handler's body (also `timer = setTimeout(...)`): exactly one, an arrow
 * without parameters. */
static TSNode timer_callback(const Source *src, TSNode body) {
  TSNode found = {0};
  size_t n = 0;
  ChildIter it;
  for (TSNode st = child_iter_first(&it, body, true); !ts_node_is_null(st);
       st = child_iter_next(&it)) {
    if (!node_is(st, "expression_statement"))
      continue;
    TSNode e = node_unwrap(ts_node_named_child(st, 0));
    if (node_is(e, "assignment_expression"))
      e = node_unwrap(node_field(e, "right"));
    if (!is_set_timeout(src, e))
      continue;
    TSNode cb = node_unwrap(call_argument(e, 0));
    TSNode params = node_field(cb, "parameters");
    if (node_is(cb, "arrow_function") && !ts_node_is_null(params) &&
        ts_node_named_child_count(params) == 0)
      found = cb;
    n++;
  }
  child_iter_done(&it);
  return n == 1 ? found : (TSNode){0};
}

/* Every name the callback uses must mean the same in the twin: declared
 * outside the start handler, or one of its parameters (the twin has them
 * too), or inside the callback itself. */
typedef struct Names {
  const Module *m;
  TSNode handler, params, cb;
  bool ok;
} Names;

static bool visit_name(TSNode n, void *data) {
  Names *c = data;
  if (!c->ok)
    return false;
  if (!node_is(n, "identifier") && !node_is(n, "shorthand_property_identifier"))
    return true;
  char *name = node_text_dup(&c->m->src, n);
  Binding b = scope_lookup(c->m, n, name);
  free(name);
  TSNode decl = b.kind == BIND_PARAM ? b.node : b.decl;
  if (b.kind == BIND_PARAM)
    c->ok = !inside(decl, c->handler) || ts_node_eq(decl, c->handler) || inside(decl, c->cb);
  else if (!ts_node_is_null(decl) && inside(decl, c->handler))
    c->ok = inside(decl, c->params) || inside(decl, c->cb);
  return true;
}

/* Uses of an unsubscribe `off` the twin's must join: `return off;` becomes a
 * function calling both, an `off();` statement gets the twin's call after
 * it, `() => off()` calls both. False when `off` is used any other way. */
typedef struct Cleanup {
  Arena *arena;
  const Module *m;
  const Source *src;
  const char *off, *twin;
  TSNode decl_name;
  Diag *d;
  bool ok;
  size_t uses;
} Cleanup;

static bool visit_cleanup(TSNode n, void *data) {
  Cleanup *c = data;
  if (!c->ok)
    return false;
  if (!node_is(n, "identifier") || !node_text_eq(c->src, n, c->off) || ts_node_eq(n, c->decl_name))
    return true;
  TSNode parent = scope_node_parent(c->m, n);
  TSNode stmt = node_is(parent, "return_statement") ? parent : scope_node_parent(c->m, parent);
  const char *indent = fix_indent_before(c->arena, c->src, ts_node_start_byte(stmt));
  if (indent && node_is(parent, "return_statement")) {
    char *text = xasprintf("return () => {\n%s  %s();\n%s  %s();\n%s};", indent, c->off, indent,
                           c->twin, indent);
    diag_add_edit(c->d, ts_node_start_byte(parent), ts_node_end_byte(parent), text);
    free(text);
    c->uses++;
  } else if (indent && node_is(parent, "call_expression") && call_argument_count(parent) == 0 &&
             node_is(stmt, "expression_statement")) {
    char *text = xasprintf("\n%s%s();", indent, c->twin);
    diag_add_edit(c->d, ts_node_end_byte(stmt), ts_node_end_byte(stmt), text);
    free(text);
    c->uses++;
  } else if (node_is(parent, "call_expression") && call_argument_count(parent) == 0 &&
             node_is(stmt, "arrow_function") && ts_node_eq(node_field(stmt, "body"), parent)) {
    /* `() => off()` */
    const char *line = fix_line_indent(c->arena, c->src, ts_node_start_byte(stmt));
    char *text = xasprintf("{\n%s  %s();\n%s  %s();\n%s}", line, c->off, line, c->twin, line);
    diag_add_edit(c->d, ts_node_start_byte(parent), ts_node_end_byte(parent), text);
    free(text);
    c->uses++;
  } else {
    c->ok = false;
  }
  return true;
}

/* The unsubscribe of the twin: `offStart` -> `offStop`, `off` ->
 * `offTypingStop`. */
static char *stop_name(const char *off) {
  size_t n = strlen(off);
  if (n > 5 && strcmp(off + n - 5, "Start") == 0)
    return xasprintf("%.*sStop", (int)(n - 5), off);
  return xasprintf("%sTypingStop", off);
}

/* A name the fix may declare at `at`: unbound there and spelt nowhere in the
 * file (so it hides nothing declared later either). */
static bool name_free(const Module *m, TSNode at, const char *name) {
  return scope_lookup(m, at, name).kind == BIND_NONE &&
         !scope_index_spells(m, scope_index_of(m), name);
}

/* `const off = listen(...);` whose `off` is only returned or called: the
 * twin is `const offTypingStop = ...;` after it, and joins every cleanup. */
static bool plan_unsubscribe(RuleCtx *ctx, Diag *d, TSNode call, const char *twin) {
  const Source *src = &ctx->mod->src;
  TSNode declarator = scope_node_parent(ctx->mod, call);
  if (!node_is(declarator, "variable_declarator") ||
      !ts_node_eq(node_field(declarator, "value"), call))
    return false;
  /* `channel.on(...)` returns the channel, not an unsubscribe. */
  uint32_t len;
  const char *callee = call_callee_name(src, call, &len);
  if (node_is(node_field(call, "function"), "member_expression") && callee &&
      mem_eq_str(callee, len, "on"))
    return false;
  TSNode name = node_field(declarator, "name"), decl = scope_node_parent(ctx->mod, declarator);
  TSNode block = scope_node_parent(ctx->mod, decl);
  if (!node_is(name, "identifier") || ts_node_named_child_count(decl) != 1 ||
      !node_is(block, "statement_block"))
    return false;
  char *off = node_text_dup(src, name);
  char *twin_name = stop_name(off);
  const char *indent = fix_indent_before(ctx->arena, src, ts_node_start_byte(decl));
  bool ok = indent && name_free(ctx->mod, call, twin_name);
  if (ok) {
    Diag scratch = {0};
    Cleanup c = {ctx->arena, ctx->mod, src, off, twin_name, name, &scratch, true, 0};
    ast_walk(block, visit_cleanup, &c);
    ok = c.ok && c.uses > 0;
    if (ok) {
      bool semi = src->bytes[ts_node_end_byte(decl) - 1] == ';';
      uint32_t kw_len = (uint32_t)(ts_node_start_byte(name) - ts_node_start_byte(decl));
      char *text =
          xasprintf("\n%s%.*s%s = %s%s", indent, (int)kw_len, src->bytes + ts_node_start_byte(decl),
                    twin_name, twin, semi ? ";" : "");
      diag_add_edit(d, ts_node_end_byte(decl), ts_node_end_byte(decl), text);
      free(text);
      for (size_t i = 0; i < scratch.fix.nedits; i++)
        diag_add_edit(d, scratch.fix.edits[i].start, scratch.fix.edits[i].end,
                      scratch.fix.edits[i].text);
    }
    diag_free(&scratch);
  }
  free(twin_name);
  free(off);
  return ok;
}

/* `return listen(START, h);` as an effect's cleanup, for a realtime
 * subscribe (which returns its unsubscribe): both unsubscribes are kept and
 * the cleanup calls them. */
static bool plan_return(RuleCtx *ctx, Diag *d, TSNode call, const char *twin) {
  const Module *m = ctx->mod;
  const Source *src = &m->src;
  /* Climbs one node at a time: a null node has no parent to ask for. */
  TSNode ret = scope_node_parent(ctx->mod, call);
  if (!node_is(ret, "return_statement"))
    return false;
  TSNode block = scope_node_parent(ctx->mod, ret);
  if (!node_is(block, "statement_block"))
    return false;
  TSNode effect_fn = scope_node_parent(ctx->mod, block);
  if (!node_is(effect_fn, "arrow_function") && !node_is(effect_fn, "function_expression"))
    return false;
  TSNode effect = scope_node_parent(ctx->mod, scope_node_parent(ctx->mod, effect_fn));
  uint32_t len;
  const char *callee =
      node_is(effect, "call_expression") ? call_callee_name(src, effect, &len) : NULL;
  if (!callee ||
      !(mem_eq_str(callee, len, "useEffect") || mem_eq_str(callee, len, "useLayoutEffect")) ||
      !ts_node_eq(call_argument(effect, 0), effect_fn) || !facts_realtime_subscribe(m, call))
    return false;
  static const char start_off[] = "offTypingStart", stop_off[] = "offTypingStop";
  const char *indent = fix_indent_before(ctx->arena, src, ts_node_start_byte(ret));
  bool ok = indent && name_free(m, call, start_off) && name_free(m, call, stop_off);
  if (ok) {
    const char *semi = src->bytes[ts_node_end_byte(ret) - 1] == ';' ? ";" : "";
    char *decl = xasprintf("const %s = ", start_off);
    diag_add_edit(d, ts_node_start_byte(ret), ts_node_start_byte(call), decl);
    free(decl);
    char *text =
        xasprintf("\n%sconst %s = %s%s\n%sreturn () => {\n%s  %s();\n%s  %s();\n%s}%s", indent,
                  stop_off, twin, semi, indent, indent, start_off, indent, stop_off, indent, semi);
    diag_add_edit(d, ts_node_end_byte(ret), ts_node_end_byte(ret), text);
    free(text);
  }
  return ok;
}

/* What the twin's handler does instead of the start's: `undo` replaces that
 * range of the start listener. */
typedef struct Undo {
  uint32_t start, end;
  char *text;
  const char *title;
} Undo;

/* The timer shape: an arrow whose body schedules one `setTimeout(() =>
 * undo, ms)`; the twin's body is `undo`. */
static bool timer_undo(const Module *m, TSNode handler, Undo *out) {
  const Source *src = &m->src;
  TSNode body = node_field(handler, "body");
  if (!node_is(handler, "arrow_function") || !node_is(body, "statement_block"))
    return false;
  TSNode cb = timer_callback(src, body);
  if (ts_node_is_null(cb))
    return false;
  TSNode params = node_field(handler, "parameters");
  if (ts_node_is_null(params))
    params = node_field(handler, "parameter");
  Names names = {m, handler, params, cb, true};
  ast_walk(node_field(cb, "body"), visit_name, &names);
  if (!names.ok)
    return false;
  uint32_t len;
  const char *text = node_text(src, node_field(cb, "body"), &len);
  *out = (Undo){ts_node_start_byte(body), ts_node_end_byte(body), xstrndup(text, len),
                "Listen for UNIFIED_EVENTS.TYPING_STOP and run the start handler's timer at once"};
  return true;
}

void typing_stop_suggest(RuleCtx *ctx, Diag *d, TSNode call, TSNode event) {
  const Module *m = ctx->mod;
  const Source *src = &m->src;
  if (!d)
    return;
  uint32_t nargs = call_argument_count(call);
  TSNode handler = nargs ? node_unwrap(call_argument(call, nargs - 1)) : (TSNode){0};
  if (!(node_is(handler, "arrow_function") || node_is(handler, "function_expression")) ||
      !inside(event, node_field(call, "arguments")) || inside(event, handler))
    return;
  Undo undo;
  StopInverse inv;
  if (!timer_undo(m, handler, &undo)) {
    if (!typing_stop_inverse(ctx, handler, &inv))
      return;
    undo =
        (Undo){inv.start, inv.end, inv.text,
               "Listen for UNIFIED_EVENTS.TYPING_STOP and undo the start handler's state change"};
  }
  /* The twin: the call's text with the event and the undone part replaced. */
  uint32_t ce = ts_node_end_byte(call);
  TSNode fn = node_field(call, "function");
  bool chained = node_is(fn, "member_expression") &&
                 node_is(scope_node_parent(ctx->mod, call), "member_expression") &&
                 ts_node_eq(node_field(scope_node_parent(ctx->mod, call), "object"), call);
  /* A chain link starts at its `.`: `.on(...)` after the object. */
  uint32_t from = chained ? ts_node_end_byte(node_field(fn, "object")) : ts_node_start_byte(call);
  StrBuf twin = {0};
  uint32_t es = ts_node_start_byte(event), ee = ts_node_end_byte(event);
  sb_append_n(&twin, src->bytes + from, es - from);
  sb_append(&twin, "UNIFIED_EVENTS.TYPING_STOP");
  sb_append_n(&twin, src->bytes + ee, undo.start - ee);
  sb_append(&twin, undo.text);
  sb_append_n(&twin, src->bytes + undo.end, ce - undo.end);
  free(undo.text);
  char *text = NULL;
  uint32_t at = 0;
  if (chained) {
    /* The link's `.` (comments and line breaks may come before it). */
    uint32_t dot = ts_node_start_byte(ts_node_prev_sibling(node_field(fn, "property")));
    const char *indent = fix_indent_before(ctx->arena, src, dot);
    size_t skip = (size_t)(dot - from);
    text = indent ? xasprintf("\n%s%s", indent, sb_cstr(&twin) + skip)
                  : xstrdup(sb_cstr(&twin) + skip);
    at = ce;
  } else if (node_is(scope_node_parent(ctx->mod, call), "expression_statement")) {
    TSNode stmt = scope_node_parent(ctx->mod, call);
    const char *indent = fix_indent_before(ctx->arena, src, ts_node_start_byte(stmt));
    if (indent) {
      bool semi = src->bytes[ts_node_end_byte(stmt) - 1] == ';';
      text = xasprintf("\n%s%s%s", indent, sb_cstr(&twin), semi ? ";" : "");
      at = ts_node_end_byte(stmt);
    }
  }
  if (text) {
    diag_add_edit(d, at, at, text);
    free(text);
  } else if (!plan_unsubscribe(ctx, d, call, sb_cstr(&twin)) &&
             !plan_return(ctx, d, call, sb_cstr(&twin))) {
    sb_free(&twin);
    return; /* the start listener's result is kept some other way */
  }
  sb_free(&twin);
  fix_require_standard_import(d, ctx->proj, m, "UNIFIED_EVENTS");
  diag_set_fix(d, FIX_SUGGESTION, undo.title);
}
