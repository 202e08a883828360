/* channel-error-unhandled: `.subscribe(...)` on a realtime channel whose
 * status callback does not switch to a fallback on CHANNEL_ERROR (standards:
 * Identified production issues 1, "Switch to fallback mode on CHANNEL_ERROR
 * instead of stopping"). */
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/app_paths.h"
#include "rules/channel_error_fix.h"
#include "rules/ctx.h"

#include <stdlib.h>

static const char *const needles[] = {".subscribe(", NULL};

#define MAX_CHAIN_DEPTH 16

static bool member_property_is(const Source *src, TSNode n, const char *prop) {
  n = node_unwrap(n);
  return node_is(n, "member_expression") && node_text_eq(src, node_field(n, "property"), prop);
}

static bool callee_named(const Source *src, TSNode call, const char *name) {
  uint32_t len;
  const char *t = call_callee_name(src, call, &len);
  return t && mem_eq_str(t, len, name);
}

static bool is_member_call(TSNode call) {
  return node_is(node_unwrap(node_field(call, "function")), "member_expression");
}

/* `.on('broadcast' | 'presence' | 'postgres_changes', ...)` or
 * `.on(REALTIME_LISTEN_TYPES.X, ...)`. */
static bool is_realtime_listen(const Source *src, TSNode call) {
  TSNode kind = node_unwrap(call_argument(call, 0));
  if (node_string_is(src, kind, "broadcast") || node_string_is(src, kind, "presence") ||
      node_string_is(src, kind, "postgres_changes"))
    return true;
  return member_property_is(src, kind, "BROADCAST") || member_property_is(src, kind, "PRESENCE") ||
         member_property_is(src, kind, "POSTGRES_CHANGES");
}

/* A realtime channel: a `.channel(...)` / `.getChannel(...)` call, the end of
 * a `.on(...)` chain on one (or a realtime `.on(...)` on anything), or a const
 * bound to one. */
static bool is_channel_expr(const Module *m, TSNode n, int depth) {
  n = node_unwrap(n);
  if (depth > MAX_CHAIN_DEPTH || ts_node_is_null(n))
    return false;
  if (node_is(n, "call_expression") && is_member_call(n)) {
    const Source *src = &m->src;
    if (callee_named(src, n, "channel") || callee_named(src, n, "getChannel"))
      return true;
    if (callee_named(src, n, "on"))
      return is_realtime_listen(src, n) || is_channel_expr(m, call_callee_object(n), depth + 1);
    return false;
  }
  if (node_is(n, "identifier")) {
    char *name = node_text_dup(&m->src, n);
    Binding b = scope_lookup(m, n, name);
    free(name);
    return b.kind == BIND_VALUE && is_channel_expr(m, b.node, depth + 1);
  }
  return false;
}

/* ---- The status callback. ---- */

typedef struct Analysis {
  const Module *m;
  const char *status; /* the status parameter's name */
  int explicit_handled, explicit_gives_up;
  int catchall_handled, catchall_gives_up;
  bool escapes;           /* status passed on: handled elsewhere, unknown */
  TSNode gives_up_branch; /* an `if (status === CHANNEL_ERROR)` consequence that gives up */
  /* The callback's own handling of TIMED_OUT that does not give up: an
   * `if (status === TIMED_OUT)` comparison or a `case TIMED_OUT:`. */
  int timed_out_handlers;
  TSNode timed_out_handler;
} Analysis;

static bool is_status(const Analysis *an, TSNode n) {
  n = node_unwrap(n);
  return node_is(n, "identifier") && node_text_eq(&an->m->src, n, an->status);
}

static bool is_status_value(const Analysis *an, TSNode n, const char *value) {
  return node_string_is(&an->m->src, n, value) || member_property_is(&an->m->src, n, value);
}

static bool is_channel_error(const Analysis *an, TSNode n) {
  return is_status_value(an, n, "CHANNEL_ERROR");
}

/* console.*, logger.*, log.* */
static bool is_log_call(const Source *src, TSNode call) {
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (!node_is(fn, "member_expression"))
    return false;
  TSNode obj = node_unwrap(node_field(fn, "object"));
  return node_is(obj, "identifier") &&
         (node_text_eq(src, obj, "console") || node_text_eq(src, obj, "logger") ||
          node_text_eq(src, obj, "log"));
}

/* reject(...), Promise.reject(...) */
static bool is_reject_call(const Source *src, TSNode call) {
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (node_is(fn, "identifier"))
    return node_text_eq(src, fn, "reject");
  return node_is(fn, "member_expression") &&
         node_text_eq(src, node_field(fn, "property"), "reject");
}

static bool gives_up_expr(const Source *src, TSNode e) {
  e = node_unwrap(e);
  if (node_is(e, "await_expression"))
    e = node_unwrap(ts_node_named_child(e, 0));
  if (node_is(e, "call_expression"))
    return is_log_call(src, e) || is_reject_call(src, e);
  return false;
}

/* The exact definition of "gives up" (docs/rules/channel-error-unhandled.md):
 * every statement is a throw, a return (bare, of a literal or identifier, or
 * of a give-up call), a break, a reject(...) / Promise.reject(...) call, or a
 * console.* / logger.* / log.* call. An empty branch gives up too. */
/* Blocks nested deeper than this are not looked into (no unbounded recursion). */
#define GIVES_UP_MAX_DEPTH 32

static bool gives_up_stmt_at(const Source *src, TSNode st, int depth) {
  const char *t = ts_node_type(st);
  if (strcmp(t, "statement_block") == 0) {
    if (depth > GIVES_UP_MAX_DEPTH)
      return false;
    ChildIter it;
    bool all = true;
    for (TSNode c = child_iter_first(&it, st, true); all && !ts_node_is_null(c);
         c = child_iter_next(&it))
      all = gives_up_stmt_at(src, c, depth + 1);
    child_iter_done(&it);
    return all;
  }
  if (strcmp(t, "throw_statement") == 0 || strcmp(t, "break_statement") == 0 ||
      strcmp(t, "empty_statement") == 0 || strcmp(t, "comment") == 0)
    return true;
  if (strcmp(t, "return_statement") == 0) {
    TSNode v = node_unwrap(ts_node_named_child(st, 0));
    if (ts_node_is_null(v))
      return true;
    const char *vt = ts_node_type(v);
    return strcmp(vt, "identifier") == 0 || strcmp(vt, "string") == 0 ||
           strcmp(vt, "number") == 0 || strcmp(vt, "true") == 0 || strcmp(vt, "false") == 0 ||
           strcmp(vt, "null") == 0 || strcmp(vt, "undefined") == 0 || gives_up_expr(src, v);
  }
  if (strcmp(t, "expression_statement") == 0)
    return gives_up_expr(src, ts_node_named_child(st, 0));
  return false;
}

static bool gives_up_stmt(const Source *src, TSNode st) {
  return gives_up_stmt_at(src, st, 0);
}

static void record(Analysis *an, bool is_explicit, bool gives_up) {
  if (is_explicit) {
    if (gives_up)
      an->explicit_gives_up++;
    else
      an->explicit_handled++;
  } else {
    if (gives_up)
      an->catchall_gives_up++;
    else
      an->catchall_handled++;
  }
}

/* From a test on the status to the code it guards: an if's consequence (or
 * its else when `want_else`), `test && expr`, or a ternary. An explicit
 * CHANNEL_ERROR test used any other way counts as handled (rtlint does not
 * follow the result); a test on another status used as a value
 * (`setConnected(status === 'SUBSCRIBED')`) handles nothing. */
static void branch_of_test(Analysis *an, TSNode test, bool want_else, bool is_explicit) {
  const Source *src = &an->m->src;
  TSNode n = test;
  for (;;) {
    TSNode p = scope_node_parent(an->m, n);
    if (ts_node_is_null(p)) {
      if (is_explicit)
        record(an, true, false);
      return;
    }
    if (node_is(p, "parenthesized_expression")) {
      n = p;
      continue;
    }
    if (node_is(p, "binary_expression")) {
      TSNode op = node_field(p, "operator");
      bool oror = node_text_eq(src, op, "||"), andand = node_text_eq(src, op, "&&");
      TSNode parent = scope_node_parent(an->m, p);
      if (andand && !want_else && ts_node_eq(node_field(p, "left"), n) &&
          node_is(parent, "expression_statement")) {
        record(an, is_explicit, gives_up_expr(src, node_field(p, "right")));
        return;
      }
      if (oror || andand) {
        n = p;
        continue;
      }
      if (is_explicit)
        record(an, true, false);
      return;
    }
    if (node_is(p, "if_statement") && ts_node_eq(node_field(p, "condition"), n)) {
      if (!want_else) {
        TSNode consequence = node_field(p, "consequence");
        bool gives_up = gives_up_stmt(src, consequence);
        record(an, is_explicit, gives_up);
        if (is_explicit && gives_up)
          an->gives_up_branch = consequence;
        return;
      }
      TSNode alt = node_field(p, "alternative");
      if (ts_node_is_null(alt))
        return; /* no else: the status falls through to the code after the if */
      TSNode body = ts_node_named_child(alt, 0);
      if (node_is(body, "if_statement"))
        return; /* an else-if chain: its own test decides */
      record(an, is_explicit, gives_up_stmt(src, body));
      return;
    }
    if (is_explicit)
      record(an, true, false);
    return;
  }
}

static void note_timed_out_handler(Analysis *an, TSNode handler) {
  an->timed_out_handlers++;
  an->timed_out_handler = handler;
}

/* `if (status === "TIMED_OUT") <not giving up>`, the comparison the whole
 * condition: the callback's own fallback for a channel that is not live. */
static void on_timed_out_test(Analysis *an, TSNode bin) {
  TSNode cond = scope_node_parent(an->m, bin);
  TSNode stmt = scope_node_parent(an->m, cond);
  if (node_is(cond, "parenthesized_expression") && node_is(stmt, "if_statement") &&
      ts_node_eq(node_field(stmt, "condition"), cond) &&
      !gives_up_stmt(&an->m->src, node_field(stmt, "consequence")))
    note_timed_out_handler(an, bin);
}

static void on_comparison(Analysis *an, TSNode bin) {
  const Source *src = &an->m->src;
  TSNode op = node_field(bin, "operator");
  bool eq = node_text_eq(src, op, "===") || node_text_eq(src, op, "==");
  bool ne = node_text_eq(src, op, "!==") || node_text_eq(src, op, "!=");
  if (!eq && !ne)
    return;
  TSNode l = node_field(bin, "left"), r = node_field(bin, "right");
  TSNode other;
  if (is_status(an, l))
    other = r;
  else if (is_status(an, r))
    other = l;
  else
    return;
  if (is_channel_error(an, other)) {
    if (eq)
      branch_of_test(an, bin, false, true);
    else
      record(an, true, false); /* `status !== CHANNEL_ERROR`: rtlint does not follow */
    return;
  }
  other = node_unwrap(other);
  if (!node_is(other, "string") && !node_is(other, "member_expression"))
    return;
  if (eq && is_status_value(an, other, "TIMED_OUT"))
    on_timed_out_test(an, bin);
  /* A test on another status: CHANNEL_ERROR takes the other way. */
  branch_of_test(an, bin, eq, false);
}

/* Whether the statements run for a switch case give up, following
 * fallthrough from empty cases. */
static bool case_gives_up(const Analysis *an, TSNode sc) {
  for (TSNode c = sc; !ts_node_is_null(c); c = ts_node_next_named_sibling(c)) {
    TSNode value = node_field(c, "value");
    uint32_t n = ts_node_named_child_count(c);
    bool any = false, gives_up = true;
    for (uint32_t i = 0; i < n; i++) {
      TSNode st = ts_node_named_child(c, i);
      if (ts_node_eq(st, value) || node_is(st, "comment"))
        continue;
      any = true;
      if (node_is(st, "break_statement"))
        break;
      gives_up = gives_up && gives_up_stmt(&an->m->src, st);
    }
    if (any)
      return gives_up;
  }
  return true;
}

static void on_switch_case(Analysis *an, TSNode sc, bool is_explicit) {
  record(an, is_explicit, case_gives_up(an, sc));
}

static void on_switch(Analysis *an, TSNode sw) {
  TSNode disc = node_unwrap(node_field(sw, "value"));
  if (!is_status(an, disc))
    return;
  TSNode body = node_field(sw, "body");
  uint32_t n = ts_node_named_child_count(body);
  TSNode dflt = {0};
  bool found = false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(body, i);
    if (node_is(c, "switch_default"))
      dflt = c;
    else if (node_is(c, "switch_case") && is_channel_error(an, node_field(c, "value"))) {
      on_switch_case(an, c, true);
      found = true;
    } else if (node_is(c, "switch_case") &&
               is_status_value(an, node_field(c, "value"), "TIMED_OUT") && !case_gives_up(an, c)) {
      note_timed_out_handler(an, c);
    }
  }
  if (!found && !ts_node_is_null(dflt))
    on_switch_case(an, dflt, false);
}

/* `['CHANNEL_ERROR', 'TIMED_OUT'].includes(status)` */
static void on_includes(Analysis *an, TSNode call) {
  const Source *src = &an->m->src;
  if (!callee_named(src, call, "includes") || !is_status(an, call_argument(call, 0)))
    return;
  TSNode arr = node_unwrap(call_callee_object(call));
  if (!node_is(arr, "array"))
    return;
  uint32_t n = ts_node_named_child_count(arr);
  for (uint32_t i = 0; i < n; i++)
    if (is_channel_error(an, ts_node_named_child(arr, i))) {
      branch_of_test(an, call, false, true);
      return;
    }
}

/* The status handed to other code (a call that is not a log, a store): that
 * code may handle CHANNEL_ERROR. */
static void on_status_use(Analysis *an, TSNode id) {
  TSNode p = scope_node_parent(an->m, id);
  while (node_is(p, "parenthesized_expression") || node_is(p, "as_expression"))
    p = scope_node_parent(an->m, p);
  if (node_is(p, "arguments")) {
    TSNode call = scope_node_parent(an->m, p);
    if (node_is(call, "call_expression") && !is_log_call(&an->m->src, call) &&
        !callee_named(&an->m->src, call, "includes"))
      an->escapes = true;
  } else if (node_is(p, "assignment_expression") || node_is(p, "variable_declarator") ||
             node_is(p, "pair") || node_is(p, "return_statement") || node_is(p, "array")) {
    an->escapes = true;
  }
}

static bool visit(TSNode n, void *data) {
  Analysis *an = data;
  if (node_is(n, "binary_expression"))
    on_comparison(an, n);
  else if (node_is(n, "switch_statement"))
    on_switch(an, n);
  else if (node_is(n, "call_expression"))
    on_includes(an, n);
  else if (node_is(n, "identifier") && node_text_eq(&an->m->src, n, an->status))
    on_status_use(an, n);
  return true;
}

static char *first_param_name(const Module *m, TSNode fn) {
  TSNode single = node_field(fn, "parameter");
  if (node_is(single, "identifier"))
    return node_text_dup(&m->src, single);
  TSNode params = node_field(fn, "parameters");
  if (ts_node_is_null(params) || ts_node_named_child_count(params) == 0)
    return NULL;
  TSNode p = ts_node_named_child(params, 0);
  TSNode pat = node_field(p, "pattern");
  if (node_is(pat, "identifier"))
    return node_text_dup(&m->src, pat);
  return NULL;
}

static void check_subscribe(RuleCtx *ctx, TSNode call) {
  const Module *m = ctx->mod;
  TSNode callee = node_unwrap(node_field(call, "function"));
  if (!node_is(callee, "member_expression") ||
      !node_text_eq(&m->src, node_field(callee, "property"), "subscribe"))
    return;
  if (!is_channel_expr(m, node_field(callee, "object"), 0))
    return;
  TSNode prop = node_field(callee, "property");
  uint32_t start = ts_node_start_byte(prop), end = ts_node_end_byte(prop);
  if (call_argument_count(call) == 0) {
    if (module_is_component_code(ctx->roles, m))
      channel_error_suggest(
          ctx,
          rule_report(ctx, start, end,
                      "pass a status callback: `.subscribe((status) => { if (status === "
                      "\"CHANNEL_ERROR\") { /* fallback */ } })`",
                      "`.subscribe()` without a status callback in component code: a CHANNEL_ERROR "
                      "goes unnoticed and realtime stops; switch to a fallback on CHANNEL_ERROR"),
          call, (TSNode){0});
    return;
  }
  TSNode fn = scope_function_of(m, call_argument(call, 0));
  if (ts_node_is_null(fn))
    return;
  Analysis an;
  memset(&an, 0, sizeof an);
  an.m = m;
  char *status = first_param_name(m, fn);
  an.status = status;
  if (status)
    ast_walk(node_field(fn, "body"), visit, &an);
  free(status);
  const char *help = "on CHANNEL_ERROR switch to a fallback (polling, reconnect with backoff)";
  if (an.explicit_handled > 0)
    return;
  if (an.explicit_gives_up > 0) {
    Diag *d = rule_report(ctx, start, end, help,
                          "the `.subscribe()` status callback gives up on CHANNEL_ERROR (it only "
                          "throws, rejects, returns or logs) instead of switching to a fallback");
    /* One branch, in the callback written here: the fallback goes first in it. */
    if (an.explicit_gives_up == 1 && !ts_node_is_null(an.gives_up_branch) &&
        ts_node_eq(node_unwrap(call_argument(call, 0)), fn))
      channel_error_suggest_in_branch(ctx, d, call, an.gives_up_branch);
    return;
  }
  if (an.catchall_handled > 0)
    return;
  if (an.catchall_gives_up > 0) {
    rule_report(ctx, start, end, help,
                "the `.subscribe()` status callback gives up when the status is not SUBSCRIBED "
                "(it only throws, rejects, returns or logs), so CHANNEL_ERROR stops realtime "
                "instead of switching to a fallback");
    return;
  }
  if (an.escapes)
    return;
  Diag *d =
      rule_report(ctx, start, end, help,
                  "the `.subscribe()` status callback never handles CHANNEL_ERROR; switch to a "
                  "fallback when the channel fails");
  /* Only a callback written in the call is edited: one passed by name may
   * serve other channels. The callback's own TIMED_OUT handling, when it
   * has one, is the fallback it already chose for a channel that is not live. */
  TSNode inline_fn = node_unwrap(call_argument(call, 0));
  if (!ts_node_eq(inline_fn, fn))
    return;
  if (an.timed_out_handlers == 1)
    channel_error_suggest_like_timeout(ctx, d, an.timed_out_handler);
  channel_error_suggest(ctx, d, call, fn);
}

static void check(RuleCtx *ctx) {
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_subscribe(ctx, ctx->facts->calls[i]);
}

const RuleMeta rule_channel_error_unhandled = {
    .id = "channel-error-unhandled",
    .phase = PHASE_ALL,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SUGGESTION,
    .summary = "A realtime channel subscription that does not switch to a fallback when the "
               "status is `CHANNEL_ERROR`.",
    .needles = needles,
    .check = check,
};
