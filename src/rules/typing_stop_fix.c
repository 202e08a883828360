#include "rules/typing_stop_fix.h"

#include "core/util.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "resolve/scope.h"

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

/* The line's indentation before byte `at`, when only blanks precede it on
 * its line; NULL otherwise. */
static char *indent_before(const Source *src, uint32_t at) {
  uint32_t s = at;
  while (s > 0 && (src->bytes[s - 1] == ' ' || src->bytes[s - 1] == '\t'))
    s--;
  if (s > 0 && src->bytes[s - 1] != '\n')
    return NULL;
  return xstrndup(src->bytes + s, at - s);
}

/* Uses of an unsubscribe `off` the twin's must join: `return off;` becomes a
 * function calling both, an `off();` statement gets the twin's call after
 * it. False when `off` is used any other way. */
typedef struct Cleanup {
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
  TSNode parent = ts_node_parent(n);
  TSNode stmt = node_is(parent, "return_statement") ? parent : ts_node_parent(parent);
  char *indent = indent_before(c->src, ts_node_start_byte(stmt));
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
  } else {
    c->ok = false;
  }
  free(indent);
  return true;
}

/* `const off = listen(...);` whose `off` is only returned or called: the
 * twin is `const offTypingStop = ...;` after it, and joins every cleanup. */
static bool plan_unsubscribe(RuleCtx *ctx, Diag *d, TSNode call, const char *twin) {
  const Source *src = &ctx->mod->src;
  TSNode declarator = ts_node_parent(call);
  if (!node_is(declarator, "variable_declarator") ||
      !ts_node_eq(node_field(declarator, "value"), call))
    return false;
  TSNode name = node_field(declarator, "name"), decl = ts_node_parent(declarator);
  TSNode block = ts_node_parent(decl);
  if (!node_is(name, "identifier") || ts_node_named_child_count(decl) != 1 ||
      !node_is(block, "statement_block"))
    return false;
  char *off = node_text_dup(src, name);
  char *twin_name = xasprintf("%sTypingStop", off);
  char *indent = indent_before(src, ts_node_start_byte(decl));
  bool ok = indent && scope_lookup(ctx->mod, call, twin_name).kind == BIND_NONE &&
            !strstr(src->bytes, twin_name);
  if (ok) {
    Diag scratch = {0};
    Cleanup c = {src, off, twin_name, name, &scratch, true, 0};
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
  free(indent);
  free(twin_name);
  free(off);
  return ok;
}

void typing_stop_suggest(RuleCtx *ctx, Diag *d, TSNode call, TSNode event) {
  const Module *m = ctx->mod;
  const Source *src = &m->src;
  if (!d)
    return;
  uint32_t nargs = call_argument_count(call);
  TSNode handler = nargs ? node_unwrap(call_argument(call, nargs - 1)) : (TSNode){0};
  if (!node_is(handler, "arrow_function") || !inside(event, node_field(call, "arguments")) ||
      inside(event, handler))
    return;
  TSNode body = node_field(handler, "body");
  if (!node_is(body, "statement_block"))
    return;
  TSNode cb = timer_callback(src, body);
  if (ts_node_is_null(cb))
    return;
  TSNode params = node_field(handler, "parameters");
  if (ts_node_is_null(params))
    params = node_field(handler, "parameter");
  Names names = {m, handler, params, cb, true};
  ast_walk(node_field(cb, "body"), visit_name, &names);
  if (!names.ok)
    return;
  /* The twin: the call's text with the event and the handler replaced. */
  uint32_t cs = ts_node_start_byte(call), ce = ts_node_end_byte(call);
  TSNode fn = node_field(call, "function");
  bool chained = node_is(fn, "member_expression") &&
                 node_is(ts_node_parent(call), "member_expression") &&
                 ts_node_eq(node_field(ts_node_parent(call), "object"), call);
  /* A chain link starts at its `.`: `.on(...)` after the object. */
  uint32_t from = chained ? ts_node_end_byte(node_field(fn, "object")) : cs;
  StrBuf twin = {0};
  uint32_t es = ts_node_start_byte(event), ee = ts_node_end_byte(event);
  sb_append_n(&twin, src->bytes + from, es - from);
  sb_append(&twin, "UNIFIED_EVENTS.TYPING_STOP");
  sb_append_n(&twin, src->bytes + ee, ts_node_start_byte(handler) - ee);
  sb_append_n(&twin, src->bytes + ts_node_start_byte(handler),
              ts_node_start_byte(node_field(handler, "body")) - ts_node_start_byte(handler));
  uint32_t blen;
  const char *btext = node_text(src, node_field(cb, "body"), &blen);
  sb_append_n(&twin, btext, blen);
  sb_append_n(&twin, src->bytes + ts_node_end_byte(handler), ce - ts_node_end_byte(handler));
  char *text = NULL;
  uint32_t at = 0;
  if (chained) {
    /* The link's `.` (comments and line breaks may come before it). */
    uint32_t dot = ts_node_start_byte(ts_node_prev_sibling(node_field(fn, "property")));
    char *indent = indent_before(src, dot);
    size_t skip = (size_t)(dot - from);
    text = indent ? xasprintf("\n%s%s", indent, sb_cstr(&twin) + skip)
                  : xstrdup(sb_cstr(&twin) + skip);
    free(indent);
    at = ce;
  } else if (node_is(ts_node_parent(call), "expression_statement")) {
    TSNode stmt = ts_node_parent(call);
    char *indent = indent_before(src, ts_node_start_byte(stmt));
    if (indent) {
      bool semi = src->bytes[ts_node_end_byte(stmt) - 1] == ';';
      text = xasprintf("\n%s%s%s", indent, sb_cstr(&twin), semi ? ";" : "");
      at = ts_node_end_byte(stmt);
    }
    free(indent);
  }
  if (text) {
    diag_add_edit(d, at, at, text);
    free(text);
  } else if (!plan_unsubscribe(ctx, d, call, sb_cstr(&twin))) {
    sb_free(&twin);
    return; /* the start listener's result is kept some other way */
  }
  sb_free(&twin);
  fix_require_standard_import(d, ctx->proj, m, "UNIFIED_EVENTS");
  diag_set_fix(d, FIX_SUGGESTION,
               "Listen for UNIFIED_EVENTS.TYPING_STOP and run the start handler's timer at once");
}
