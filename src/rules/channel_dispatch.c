/* A wildcard listener dispatching on the event by hand, split into one
 * listener per case for supabase-channel-direct's codemod: see
 * channel_dispatch.h. */
#include "rules/channel_dispatch.h"

#include "core/util.h"
#include "parse/ast.h"

#include <stdint.h>
#include <string.h>

/* How the handler names the message's parts. */
typedef struct MessageNames {
  const char *msg;     /* `(msg) =>`: the whole message, or NULL */
  const char *event;   /* `({ event })`: the event's local name, or NULL */
  const char *payload; /* `({ payload: p })`: the payload's local name, or NULL */
  TSNode msg_node;
} MessageNames;

static const char *text_dup(RuleCtx *ctx, TSNode n) {
  return arena_strndup(ctx->arena, ctx->mod->src.bytes + ts_node_start_byte(n),
                       ts_node_end_byte(n) - ts_node_start_byte(n));
}

/* `({ event, payload: p })`: each field shorthand or renamed to an
 * identifier, nothing but event and payload. */
static bool message_fields(RuleCtx *ctx, TSNode pattern, MessageNames *m) {
  const Source *src = &ctx->mod->src;
  TSNode f[3];
  size_t n = block_statements(pattern, f, 3);
  if (n == 0 || n > 2)
    return false;
  for (size_t i = 0; i < n; i++) {
    TSNode key = f[i], local = f[i];
    if (node_is(f[i], "pair_pattern")) {
      key = node_field(f[i], "key");
      local = node_field(f[i], "value");
      if (!node_is(local, "identifier"))
        return false;
    } else if (!node_is(f[i], "shorthand_property_identifier_pattern")) {
      return false;
    }
    bool shorthand = ts_node_eq(key, local);
    const char **slot =
        (shorthand ? node_text_eq(src, key, "event") : object_key_is(src, key, "event")) ? &m->event
        : (shorthand ? node_text_eq(src, key, "payload") : object_key_is(src, key, "payload"))
            ? &m->payload
            : NULL;
    if (!slot || *slot)
      return false;
    *slot = text_dup(ctx, local);
  }
  return m->event != NULL;
}

/* One untyped parameter: the message or `{ event, payload }` of it. */
static bool message_param(RuleCtx *ctx, TSNode h, MessageNames *m) {
  memset(m, 0, sizeof *m);
  if (!(node_is(h, "arrow_function") || node_is(h, "function_expression")) ||
      !ts_node_is_null(node_field(h, "parameter")))
    return false;
  TSNode params = node_field(h, "parameters"), p[2];
  if (ts_node_is_null(params) || block_statements(params, p, 2) != 1 ||
      !node_is(p[0], "required_parameter") || !ts_node_is_null(node_field(p[0], "value")) ||
      !ts_node_is_null(node_field(p[0], "type")))
    return false;
  TSNode pattern = node_field(p[0], "pattern");
  if (node_is(pattern, "identifier")) {
    m->msg = text_dup(ctx, pattern);
    m->msg_node = pattern;
    m->payload = "payload";
    return true;
  }
  return node_is(pattern, "object_pattern") && message_fields(ctx, pattern, m);
}

/* `msg.event` or the event's local name. */
static bool is_event_read(const Source *src, const MessageNames *m, TSNode n) {
  n = node_unwrap(n);
  if (m->event)
    return node_is(n, "identifier") && node_text_eq(src, n, m->event);
  return node_is(n, "member_expression") &&
         node_text_eq(src, node_unwrap(node_field(n, "object")), m->msg) &&
         node_text_eq(src, node_field(n, "property"), "event");
}

typedef struct Reads {
  const Source *src;
  const char *msg;
  size_t payload; /* `msg.payload` reads */
} Reads;

static bool count_payload_reads(TSNode n, void *data) {
  Reads *r = data;
  if (r->msg && node_is(n, "member_expression") &&
      node_text_eq(r->src, node_unwrap(node_field(n, "object")), r->msg) &&
      node_text_eq(r->src, node_field(n, "property"), "payload"))
    r->payload++;
  return true;
}

/* break / continue / return of the handler itself (not of a function in it). */
static bool count_jumps(TSNode n, void *data) {
  static const char *const jumps[] = {"break_statement", "continue_statement", "return_statement"};
  if (node_type_among(n, jumps, sizeof jumps / sizeof *jumps) >= 0)
    (*(size_t *)data)++;
  return !node_is_function(n);
}

/* The statements [first, last] of a case as a listener of e: they neither
 * leave early nor name the message but as `msg.payload` (nor the event). */
static bool add_case(RuleCtx *ctx, Effect *e, const MessageNames *m, TSNode call, TSNode handler,
                     TSNode event, TSNode first, TSNode last) {
  const Source *src = &ctx->mod->src;
  if (e->non == MAX_LISTENERS)
    return false;
  const char *names[] = {m->msg, m->event, m->payload};
  for (size_t i = 0; i < 3; i++)
    if (names[i] && count_mentions(src, event, names[i]))
      return false; /* the event tested is the message's own */
  Reads r = {src, m->msg, 0};
  size_t jumps = 0;
  size_t msg_names = 0, event_names = 0, payload_names = 0;
  for (TSNode s = first;; s = ts_node_next_named_sibling(s)) {
    ast_walk(s, count_payload_reads, &r);
    ast_walk(s, count_jumps, &jumps);
    msg_names += m->msg ? count_mentions(src, s, m->msg) : 0;
    event_names += m->event ? count_mentions(src, s, m->event) : 0;
    payload_names += count_mentions(src, s, m->payload ? m->payload : "payload");
    if (ts_node_eq(s, last))
      break;
  }
  if (jumps || event_names || msg_names != r.payload || (m->msg && payload_names))
    return false;
  Listener *l = &e->on[e->non++];
  memset(l, 0, sizeof *l);
  l->call = call;
  l->event = event;
  l->handler = handler;
  l->first = first;
  l->last = last;
  l->msg = m->msg_node;
  bool reads = m->msg ? r.payload > 0 : payload_names > 0;
  l->new_param = reads ? m->payload : "";
  return true;
}

/* The first named child after `after` (a case's value, or the block's
 * start when null): a comment opening a case's statements belongs to it. */
static TSNode first_after(TSNode parent, TSNode after) {
  ChildIter it;
  TSNode found = {0};
  bool seen = ts_node_is_null(after);
  for (TSNode c = child_iter_first(&it, parent, true); !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    if (seen) {
      found = c;
      break;
    }
    seen = ts_node_eq(c, after);
  }
  child_iter_done(&it);
  return found;
}

/* `case E: STATEMENTS break;` per case; a default only `break;` or empty
 * and last. A case with only `break;` listens to nothing. */
static bool parse_switch(RuleCtx *ctx, Effect *e, const MessageNames *m, TSNode call, TSNode h,
                         TSNode sw) {
  const Source *src = &ctx->mod->src;
  if (!is_event_read(src, m, node_field(sw, "value")))
    return false;
  TSNode clause[MAX_LISTENERS + 2];
  size_t n = block_statements(node_field(sw, "body"), clause, MAX_LISTENERS + 2);
  if (n == SIZE_MAX || n == 0)
    return false;
  for (size_t i = 0; i < n; i++) {
    TSNode st[MAX_STATEMENTS];
    size_t k = block_statements(clause[i], st, MAX_STATEMENTS);
    if (k == SIZE_MAX)
      return false;
    bool is_default = node_is(clause[i], "switch_default");
    size_t skip = is_default ? 0 : 1; /* the case's value */
    bool ends_in_break = k > skip && node_is(st[k - 1], "break_statement") &&
                         ts_node_named_child_count(st[k - 1]) == 0;
    if (is_default) {
      if (!(k == 1 && ends_in_break) && !(k == 0 && i == n - 1))
        return false;
      continue;
    }
    if (!ends_in_break)
      return false; /* falls through */
    if (k - 1 > skip &&
        !add_case(ctx, e, m, call, h, node_field(clause[i], "value"),
                  first_after(clause[i], node_field(clause[i], "value")), st[k - 2]))
      return false;
  }
  return true;
}

/* `if (EVENT === E) { STATEMENTS }` without else, the test either way round. */
static bool parse_if(RuleCtx *ctx, Effect *e, const MessageNames *m, TSNode call, TSNode h,
                     TSNode st) {
  const Source *src = &ctx->mod->src;
  if (!node_is(st, "if_statement") || !ts_node_is_null(node_field(st, "alternative")))
    return false;
  TSNode test = node_unwrap(node_field(st, "condition"));
  TSNode op = ts_node_is_null(test) ? test : node_field(test, "operator");
  if (!node_is(test, "binary_expression") || !node_text_eq(src, op, "==="))
    return false;
  TSNode left = node_field(test, "left"), right = node_field(test, "right");
  TSNode event = is_event_read(src, m, left) ? right : is_event_read(src, m, right) ? left : op;
  if (ts_node_eq(event, op))
    return false;
  TSNode then = node_field(st, "consequence");
  if (!node_is(then, "statement_block"))
    return add_case(ctx, e, m, call, h, node_unwrap(event), then, then);
  TSNode body[MAX_STATEMENTS];
  size_t k = block_statements(then, body, MAX_STATEMENTS);
  if (k == SIZE_MAX || k == 0)
    return false;
  return add_case(ctx, e, m, call, h, node_unwrap(event), first_after(then, (TSNode){0}),
                  body[k - 1]);
}

bool channel_dispatch_parse(RuleCtx *ctx, Effect *e, TSNode call, TSNode handler) {
  MessageNames m;
  if (!message_param(ctx, handler, &m))
    return false;
  TSNode body = node_field(handler, "body"), st[MAX_LISTENERS + 1];
  if (!node_is(body, "statement_block"))
    return false;
  size_t n = block_statements(body, st, MAX_LISTENERS + 1);
  if (n == SIZE_MAX || n == 0)
    return false;
  size_t before = e->non;
  if (n == 1 && node_is(st[0], "switch_statement")) {
    if (!parse_switch(ctx, e, &m, call, handler, st[0]))
      return false;
  } else {
    for (size_t i = 0; i < n; i++)
      if (!parse_if(ctx, e, &m, call, handler, st[i]))
        return false;
  }
  /* The whole message is named only where the event is tested and the
   * payload read. */
  return e->non > before;
}
