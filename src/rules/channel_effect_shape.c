/* Recognising supabase-channel-direct's convertible shapes: see
 * channel_effect_shape.h. Everything is checked before the codemod writes
 * anything; a shape with any part not recognised is not this shape. */
#include "rules/channel_effect_shape.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/channel_dispatch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t param_count(TSNode params) {
  TSNode buf[2];
  return ts_node_is_null(params) ? SIZE_MAX : block_statements(params, buf, 2);
}

static bool is_inline_function(TSNode n) {
  return node_is(n, "arrow_function") || node_is(n, "function_expression") ||
         node_is(n, "function");
}

/* useEffect(() => { ... }, deps) as a statement of a component's body,
 * around the channel call. */
static bool find_effect(RuleCtx *ctx, TSNode channel_call, Effect *e) {
  const Source *src = &ctx->mod->src;
  TSNode anc[MAX_ANCESTORS];
  size_t n = scope_ancestors(ctx->mod, channel_call, anc, MAX_ANCESTORS);
  if (n == SIZE_MAX)
    return false;
  size_t fi = SIZE_MAX;
  for (size_t i = n; i-- > 0;)
    if (node_is_function(anc[i])) {
      fi = i;
      break;
    }
  if (fi == SIZE_MAX || fi < 5)
    return false;
  TSNode fn = anc[fi], call = anc[fi - 2], stmt = anc[fi - 3], block = anc[fi - 4];
  uint32_t len;
  const char *callee = call_callee_name(src, call, &len);
  if (!node_is(anc[fi - 1], "arguments") || !node_is(call, "call_expression") || !callee ||
      !mem_eq_str(callee, len, "useEffect") || !ts_node_eq(call_argument(call, 0), fn) ||
      !node_is(stmt, "expression_statement") || !node_is(block, "statement_block") ||
      !node_is_function(anc[fi - 5]) || !node_is(fn, "arrow_function") ||
      param_count(node_field(fn, "parameters")) != 0)
    return false;
  e->stmt = stmt;
  e->body = node_field(fn, "body");
  e->deps = call_argument(call, 1);
  if (!node_is(e->body, "statement_block") || call_argument_count(call) > 2 ||
      (!ts_node_is_null(e->deps) && !node_is(e->deps, "array")))
    return false;
  TSNode first[1];
  if (block_statements(block, first, 1) == 0)
    return false;
  e->first = first[0];
  e->component = anc[fi - 5];
  return true;
}

/* `.subscribe()`, or `.subscribe((status) => console.log(...))`: a status
 * callback that only logs. One with logic is not this shape. */
static bool plain_subscribe(const Source *src, TSNode call) {
  uint32_t n = call_argument_count(call);
  if (n == 0)
    return true;
  TSNode cb = node_unwrap(call_argument(call, 0));
  if (n != 1 || !node_is(cb, "arrow_function"))
    return false;
  TSNode body = node_unwrap(node_field(cb, "body"));
  TSNode obj = node_is(body, "call_expression") ? call_callee_object(body) : (TSNode){0};
  return !ts_node_is_null(obj) && node_text_eq(src, obj, "console");
}

/* The T of a parameter typed `{ payload: T }`: "" for no type, NULL for any
 * other type (then the parameter is not only the payload). */
static const char *payload_type(RuleCtx *ctx, TSNode param) {
  const Source *src = &ctx->mod->src;
  TSNode ann = node_field(param, "type");
  if (ts_node_is_null(ann))
    return "";
  TSNode obj = ts_node_named_child(ann, 0), member[2];
  if (!node_is(obj, "object_type") || block_statements(obj, member, 2) != 1 ||
      !node_is(member[0], "property_signature") ||
      !node_text_eq(src, node_field(member[0], "name"), "payload"))
    return NULL;
  TSNode type = node_field(member[0], "type");
  TSNode t = ts_node_is_null(type) ? type : ts_node_named_child(type, 0);
  /* `payload?: T` would make it T | undefined; not this shape. */
  for (uint32_t i = 0, n = ts_node_child_count(member[0]); i < n; i++)
    if (node_text_eq(src, ts_node_child(member[0], i), "?"))
      return NULL;
  if (ts_node_is_null(t))
    return NULL;
  return arena_strndup(ctx->arena, src->bytes + ts_node_start_byte(t),
                       ts_node_end_byte(t) - ts_node_start_byte(t));
}

/* An inline handler taking nothing or only the message's payload
 * (`({ payload }) =>`, `({ payload: p }: { payload: T }) =>`): the new APIs
 * pass the payload itself, so the parameter becomes `payload` (`p: T`). */
static bool handler_shape(RuleCtx *ctx, TSNode h, Listener *l) {
  const Source *src = &ctx->mod->src;
  if (!(is_inline_function(h) || node_is(h, "function_declaration")) ||
      !ts_node_is_null(node_field(h, "parameter")))
    return false;
  TSNode params = node_field(h, "parameters");
  size_t np = param_count(params);
  if (np == 0)
    return true;
  TSNode p[1];
  if (np != 1 || block_statements(params, p, 1) != 1 || !node_is(p[0], "required_parameter") ||
      !ts_node_is_null(node_field(p[0], "value")))
    return false;
  const char *type = payload_type(ctx, p[0]);
  TSNode pattern = node_field(p[0], "pattern");
  TSNode field[2];
  if (!type || !node_is(pattern, "object_pattern") || block_statements(pattern, field, 2) != 1)
    return false;
  TSNode local;
  if (node_is(field[0], "shorthand_property_identifier_pattern") &&
      node_text_eq(src, field[0], "payload"))
    local = field[0];
  else if (node_is(field[0], "pair_pattern") &&
           object_key_is(src, node_field(field[0], "key"), "payload") &&
           node_is(node_field(field[0], "value"), "identifier"))
    local = node_field(field[0], "value");
  else
    return false;
  uint32_t len;
  const char *name = node_text(src, local, &len);
  l->new_param = *type ? arena_printf(ctx->arena, "%.*s: %s", (int)len, name, type)
                       : arena_strndup(ctx->arena, name, len);
  l->param = p[0];
  return true;
}

static bool within(TSNode inner, TSNode outer) {
  return ts_node_start_byte(inner) >= ts_node_start_byte(outer) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

/* A handler given by name: a function (or useCallback of one) the component
 * itself declares, outside the effect. Its `{ payload }` parameter is
 * rewritten where it is declared, so then nothing but the effect's
 * dependencies may name it. */
static bool named_handler(RuleCtx *ctx, Effect *e, Listener *l) {
  TSNode fn = scope_function_of(ctx->mod, l->handler);
  if (ts_node_is_null(fn) || !within(fn, e->component) || within(fn, e->body) ||
      !handler_shape(ctx, fn, l))
    return false;
  l->named = fn;
  if (!l->param.id)
    return true;
  char *name = node_text_dup(&ctx->mod->src, l->handler);
  size_t uses = count_mentions(&ctx->mod->src, e->component, name);
  if (!ts_node_is_null(e->deps))
    uses -= count_mentions(&ctx->mod->src, e->deps, name);
  free(name);
  return uses == 2; /* its declaration and this .on(...), besides the dependencies */
}

/* .on("broadcast", { event: E }, handler); `{ event: "*" }` with a handler
 * dispatching on the event, one listener per case. */
static bool add_listener(RuleCtx *ctx, Effect *e, TSNode call) {
  const Source *src = &ctx->mod->src;
  if (e->non == MAX_LISTENERS || call_argument_count(call) != 3 ||
      !node_string_is(src, call_argument(call, 0), "broadcast"))
    return false;
  TSNode filter = node_unwrap(call_argument(call, 1));
  TSNode fields[2];
  if (!node_is(filter, "object") || block_statements(filter, fields, 2) != 1)
    return false;
  Listener *l = &e->on[e->non];
  memset(l, 0, sizeof *l);
  l->event = object_property(src, filter, "event");
  l->handler = node_unwrap(call_argument(call, 2));
  l->call = call;
  if (ts_node_is_null(l->event))
    return false;
  if (node_string_is(src, l->event, "*"))
    return channel_dispatch_parse(ctx, e, call, l->handler);
  if (node_is(l->handler, "identifier") ? !named_handler(ctx, e, l)
                                        : !handler_shape(ctx, l->handler, l))
    return false;
  e->non++;
  return true;
}

/* The channel whose const `id` is, or NULL. */
static Channel *channel_named(const Source *src, Effect *e, TSNode id) {
  for (size_t i = 0; i < e->nchans; i++)
    if (node_text_eq(src, id, e->chans[i].var))
      return &e->chans[i];
  return NULL;
}

/* The `OBJ.method` a call `OBJ.method(...)` calls, or a null node. */
static TSNode called_member(TSNode expr) {
  TSNode none = {0};
  TSNode member =
      node_is(expr, "call_expression") ? node_unwrap(node_field(expr, "function")) : none;
  return node_is(member, "member_expression") ? member : none;
}

/* A chain of .on(...) / .subscribe() calls down to its root: the channel
 * call itself (`declared`, the declaration's value) or a channel's const (a
 * later statement, `declared` NULL). Each channel subscribes once. */
static bool parse_chain(RuleCtx *ctx, Effect *e, TSNode expr, Channel *declared) {
  const Source *src = &ctx->mod->src;
  bool subscribes = false;
  for (int depth = 0; depth < 2 * MAX_LISTENERS; depth++) {
    expr = node_unwrap(expr);
    Channel *root = NULL;
    if (declared && ts_node_eq(expr, declared->call))
      root = declared;
    else if (!declared && node_is(expr, "identifier") && !(root = channel_named(src, e, expr)))
      return false;
    if (root) {
      if (subscribes && root->subscribed)
        return false;
      root->subscribed |= subscribes;
      return true;
    }
    TSNode member = called_member(expr);
    if (ts_node_is_null(member))
      return false;
    TSNode prop = node_field(member, "property");
    if (node_text_eq(src, prop, "subscribe")) {
      if (subscribes)
        return false;
      if (!plain_subscribe(src, expr)) {
        TSNode cb = node_unwrap(call_argument(expr, 0));
        if (e->reacts || call_argument_count(expr) != 1 ||
            !status_reaction_parse(ctx->arena, src, cb, &e->status))
          return false;
        e->reacts = true;
      }
      subscribes = true;
    } else if (!node_text_eq(src, prop, "on") || !add_listener(ctx, e, expr)) {
      return false;
    }
    expr = node_field(member, "object");
  }
  return false;
}

/* `supabase.removeChannel(ch)` or `ch.unsubscribe()` (`void` before either
 * is fine) of a channel not removed yet. */
static bool parse_removal(const Source *src, Effect *e, TSNode expr) {
  expr = node_unwrap(expr);
  if (node_is(expr, "unary_expression") && src->bytes[ts_node_start_byte(expr)] == 'v')
    expr = node_unwrap(node_field(expr, "argument"));
  TSNode member = called_member(expr);
  if (ts_node_is_null(member))
    return false;
  TSNode prop = node_field(member, "property");
  TSNode removed = {0};
  if (node_text_eq(src, prop, "removeChannel") && call_argument_count(expr) == 1)
    removed = node_unwrap(call_argument(expr, 0));
  else if (node_text_eq(src, prop, "unsubscribe") && call_argument_count(expr) == 0)
    removed = node_unwrap(node_field(member, "object"));
  Channel *ch = node_is(removed, "identifier") ? channel_named(src, e, removed) : NULL;
  if (!ch || ch->removed)
    return false;
  ch->removed = true;
  return true;
}

/* return () => { supabase.removeChannel(ch); }  (or => void ..., ch.unsubscribe()),
 * one removal per channel of the effect. */
static bool parse_cleanup(const Source *src, Effect *e, TSNode ret) {
  TSNode fn = node_unwrap(ts_node_named_child(ret, 0));
  if (!is_inline_function(fn) || param_count(node_field(fn, "parameters")) != 0)
    return false;
  TSNode body = node_field(fn, "body");
  if (!node_is(body, "statement_block"))
    return parse_removal(src, e, body) && e->nchans == 1;
  TSNode st[MAX_CHANNELS + 1];
  size_t n = block_statements(body, st, MAX_CHANNELS + 1);
  if (n != e->nchans)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!node_is(st[i], "expression_statement") ||
        !parse_removal(src, e, ts_node_named_child(st[i], 0)))
      return false;
  return true;
}

/* { type: "broadcast", event: E, payload: P } (`as const` on the type or the
 * whole object is fine): nothing else in it. */
static bool broadcast_message(const Source *src, TSNode obj, TSNode *event, TSNode *payload) {
  obj = node_unwrap(obj);
  TSNode props[4];
  if (!node_is(obj, "object") || block_statements(obj, props, 4) != 3)
    return false;
  *event = object_property(src, obj, "event");
  *payload = object_property(src, obj, "payload");
  TSNode type = object_property(src, obj, "type");
  return !ts_node_is_null(*event) && !ts_node_is_null(*payload) &&
         node_string_is(src, type, "broadcast");
}

/* A single `const NAME = VALUE` without a type; NULL otherwise. */
static TSNode const_declarator(const Source *src, TSNode st) {
  TSNode decl[2], none = {0};
  if (!node_is(st, "lexical_declaration") ||
      strncmp(src->bytes + ts_node_start_byte(st), "const", 5) != 0 ||
      block_statements(st, decl, 2) != 1 || !node_is(decl[0], "variable_declarator") ||
      !node_is(node_field(decl[0], "name"), "identifier") ||
      !ts_node_is_null(node_field(decl[0], "type")))
    return none;
  return decl[0];
}

static const char *declared_name(RuleCtx *ctx, TSNode declarator) {
  TSNode name = node_field(declarator, "name");
  return arena_strndup(ctx->arena, ctx->mod->src.bytes + ts_node_start_byte(name),
                       ts_node_end_byte(name) - ts_node_start_byte(name));
}

/* `const supabase = createClient();` opening the effect, the client the
 * channel is opened on: it goes with the channel. */
static bool local_client(RuleCtx *ctx, Effect *e, TSNode st) {
  const Source *src = &ctx->mod->src;
  TSNode d = const_declarator(src, st);
  if (ts_node_is_null(d) || !node_is(node_unwrap(node_field(d, "value")), "call_expression"))
    return false;
  TSNode member = node_unwrap(node_field(e->channel, "function"));
  TSNode receiver = node_unwrap(node_field(member, "object"));
  const char *name = declared_name(ctx, d);
  if (!node_is(receiver, "identifier") || !node_text_eq(src, receiver, name))
    return false;
  e->client = name;
  return true;
}

/* `const m = { type: "broadcast", event, payload };` */
static bool add_message(RuleCtx *ctx, Effect *e, TSNode st) {
  const Source *src = &ctx->mod->src;
  TSNode d = const_declarator(src, st);
  if (ts_node_is_null(d) || e->nmsgs == MAX_LISTENERS)
    return false;
  Message *m = &e->msgs[e->nmsgs];
  if (!broadcast_message(src, node_field(d, "value"), &m->event, &m->payload))
    return false;
  m->name = declared_name(ctx, d);
  m->sent = false;
  e->nmsgs++;
  return true;
}

/* `ch.send(MESSAGE);` or `void ch.send(MESSAGE);` */
static bool add_send(RuleCtx *ctx, Effect *e, TSNode expr) {
  const Source *src = &ctx->mod->src;
  expr = node_unwrap(expr);
  bool is_void = node_is(expr, "unary_expression") && src->bytes[ts_node_start_byte(expr)] == 'v';
  if (is_void)
    expr = node_unwrap(node_field(expr, "argument"));
  TSNode member = called_member(expr);
  if (ts_node_is_null(member) || !node_text_eq(src, node_field(member, "property"), "send") ||
      e->nchans != 1 ||
      !node_text_eq(src, node_unwrap(node_field(member, "object")), e->chans[0].var) ||
      call_argument_count(expr) != 1 || e->nsends == MAX_LISTENERS)
    return false;
  Send *s = &e->sends[e->nsends];
  s->is_void = is_void;
  TSNode arg = node_unwrap(call_argument(expr, 0));
  if (node_is(arg, "identifier")) {
    for (size_t i = 0; i < e->nmsgs; i++)
      if (!e->msgs[i].sent && node_text_eq(src, arg, e->msgs[i].name)) {
        e->msgs[i].sent = true;
        s->event = e->msgs[i].event;
        s->payload = e->msgs[i].payload;
        e->nsends++;
        return true;
      }
    return false;
  }
  if (!broadcast_message(src, arg, &s->event, &s->payload))
    return false;
  e->nsends++;
  return true;
}

/* Code the new body copies must not name what the migration removes or
 * binds (as identifiers: a string or a property may spell them). */
static bool copied_text_ok(const Source *src, const Effect *e, TSNode n) {
  static const char *const taken[] = {"subscribe", "unsubscribes", "broadcast"};
  for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
    if (count_mentions(src, n, taken[i]))
      return false;
  for (size_t i = 0; i < e->nchans; i++)
    if (e->chans[i].var && count_mentions(src, n, e->chans[i].var))
      return false;
  return !(e->client && count_mentions(src, n, e->client));
}

/* supabase.channel(NAME) at the root of a chain of .on(...) / .subscribe(),
 * or a null node. */
static TSNode chain_root(const Source *src, TSNode expr) {
  TSNode none = {0};
  for (int depth = 0; depth < 2 * MAX_LISTENERS; depth++) {
    expr = node_unwrap(expr);
    TSNode member = called_member(expr);
    if (ts_node_is_null(member))
      return none;
    TSNode prop = node_field(member, "property");
    if (node_text_eq(src, prop, "channel"))
      return expr;
    if (!node_text_eq(src, prop, "on") && !node_text_eq(src, prop, "subscribe"))
      return none;
    expr = node_field(member, "object");
  }
  return none;
}

/* `const ch = supabase.channel(NAME)...;` on the finding's client (the same
 * receiver as written), its chain parsed. */
static bool add_channel(RuleCtx *ctx, Effect *e, TSNode st) {
  const Source *src = &ctx->mod->src;
  TSNode d = const_declarator(src, st);
  TSNode call = ts_node_is_null(d) ? d : chain_root(src, node_field(d, "value"));
  if (ts_node_is_null(call) || e->nchans == MAX_CHANNELS || call_argument_count(call) != 1)
    return false;
  TSNode ours = node_unwrap(node_field(node_unwrap(node_field(e->channel, "function")), "object"));
  TSNode theirs = node_unwrap(node_field(node_unwrap(node_field(call, "function")), "object"));
  uint32_t olen, tlen;
  const char *o = node_text(src, ours, &olen), *t = node_text(src, theirs, &tlen);
  if (olen != tlen || memcmp(o, t, olen) != 0)
    return false;
  Channel *ch = &e->chans[e->nchans++];
  memset(ch, 0, sizeof *ch);
  ch->call = call;
  ch->var = declared_name(ctx, d);
  return parse_chain(ctx, e, node_field(d, "value"), ch);
}

/* `if (COND) return;` (or `{ return; }`): the effect does nothing when COND
 * holds, which stays true of the new body when it keeps the guard in front. */
static bool early_return_guard(const Source *src, TSNode st) {
  if (!node_is(st, "if_statement") || !ts_node_is_null(node_field(st, "alternative")))
    return false;
  TSNode then = node_field(st, "consequence"), only[2];
  if (node_is(then, "statement_block")) {
    if (block_statements(then, only, 2) != 1)
      return false;
    then = only[0];
  }
  return node_is(then, "return_statement") && ts_node_named_child_count(then) == 0;
}

/* The effect's statements: guards, the channel's const, calls on it, the
 * cleanup. */
static bool parse_body(RuleCtx *ctx, Effect *e) {
  const Source *src = &ctx->mod->src;
  TSNode st[MAX_STATEMENTS];
  size_t n = block_statements(e->body, st, MAX_STATEMENTS);
  if (n == SIZE_MAX)
    return false;
  size_t first = 0;
  while (first < n && early_return_guard(src, st[first]))
    e->guards[e->nguards++] = st[first++];
  if (n - first < 2)
    return false;
  first += local_client(ctx, e, st[first]) ? 1 : 0;
  if (!add_channel(ctx, e, st[first]))
    return false;
  /* Sending effects may end without a cleanup; listening ones may not. */
  bool cleanup = node_is(st[n - 1], "return_statement");
  for (size_t i = first + 1; i < n - cleanup; i++) {
    bool ok = node_is(st[i], "expression_statement")
                  ? add_send(ctx, e, ts_node_named_child(st[i], 0)) ||
                        parse_chain(ctx, e, ts_node_named_child(st[i], 0), NULL)
                  : add_channel(ctx, e, st[i]) || add_message(ctx, e, st[i]);
    if (!ok)
      return false;
  }
  if (cleanup && !parse_cleanup(src, e, st[n - 1]))
    return false;
  bool ours = false;
  for (size_t i = 0; i < e->nchans; i++) {
    ours = ours || ts_node_eq(e->chans[i].call, e->channel);
    if (e->nsends == 0 && !e->chans[i].subscribed)
      return false;
  }
  if (!ours)
    return false;
  for (size_t i = 0; i < e->nguards; i++)
    if (!copied_text_ok(src, e, node_field(e->guards[i], "condition")))
      return false;
  if (e->nsends > 0) {
    /* Only sends, on one channel: each message const sent once and named
     * nowhere else. */
    if (e->non > 0 || e->reacts || e->nchans != 1)
      return false;
    for (size_t i = 0; i < e->nmsgs; i++)
      if (!e->msgs[i].sent || count_mentions(src, e->body, e->msgs[i].name) != 2)
        return false;
    for (size_t i = 0; i < e->nsends; i++)
      if (!copied_text_ok(src, e, e->sends[i].event) ||
          !copied_text_ok(src, e, e->sends[i].payload))
        return false;
    return true;
  }
  if (!cleanup || e->non == 0 || e->nmsgs > 0 || (e->reacts && ts_node_is_null(e->deps)))
    return false;
  if ((e->status.then.id && !copied_text_ok(src, e, e->status.then)) ||
      (e->status.tracker.id && !copied_text_ok(src, e, e->status.tracker)))
    return false;
  for (size_t i = 0; i < e->status.nstmts; i++)
    if (!copied_text_ok(src, e, e->status.stmts[i]))
      return false;
  for (size_t i = 0; i < e->non; i++)
    if (!copied_text_ok(src, e, e->on[i].named.id ? e->on[i].named : e->on[i].handler))
      return false;
  return true;
}

/* Named like a component or a hook (`Feed`, `useFeed`): only there may the
 * hook's call go. */
static bool component_or_hook_name(const Source *src, TSNode name) {
  uint32_t len;
  const char *s = ts_node_is_null(name) ? NULL : node_text(src, name, &len);
  if (!s || len == 0)
    return false;
  if (s[0] >= 'A' && s[0] <= 'Z')
    return true;
  return len > 3 && memcmp(s, "use", 3) == 0 && s[3] >= 'A' && s[3] <= 'Z';
}

/* The function holding the send is a statement of a component's (or
 * hook's) body: a function declaration, a `const` arrow, or a `const`
 * useCallback of one (whose dependencies then get `broadcast`). Fills the
 * component, its first statement, the statement and the dependencies. */
static bool send_site(RuleCtx *ctx, const TSNode *anc, size_t fi, Effect *e) {
  const Source *src = &ctx->mod->src;
  TSNode fn = anc[fi];
  size_t block;
  if (node_is(fn, "function_declaration")) {
    e->stmt = fn;
    block = fi - 1;
  } else if (fi >= 3 && node_is(anc[fi - 1], "variable_declarator") &&
             node_is(anc[fi - 2], "lexical_declaration")) {
    e->stmt = anc[fi - 2];
    block = fi - 3;
  } else if (fi >= 5 && node_is(anc[fi - 1], "arguments") &&
             node_is(anc[fi - 3], "variable_declarator") &&
             node_is(anc[fi - 4], "lexical_declaration")) {
    uint32_t len;
    const char *callee = call_callee_name(src, anc[fi - 2], &len);
    if (!callee || !mem_eq_str(callee, len, "useCallback") ||
        !ts_node_eq(call_argument(anc[fi - 2], 0), fn))
      return false;
    e->deps = call_argument(anc[fi - 2], 1);
    if (!node_is(e->deps, "array"))
      return false;
    e->stmt = anc[fi - 4];
    block = fi - 5;
  } else {
    return false;
  }
  if (block < 1 || !node_is(anc[block], "statement_block") || !node_is_function(anc[block - 1]))
    return false;
  e->component = anc[block - 1];
  TSNode name = node_field(e->component, "name");
  if (ts_node_is_null(name) && block >= 2 && node_is(anc[block - 2], "variable_declarator"))
    name = node_field(anc[block - 2], "name");
  TSNode first[1];
  if (!component_or_hook_name(src, name) || block_statements(anc[block], first, 1) == 0)
    return false;
  e->first = first[0];
  e->body = node_field(fn, "body");
  return node_is(e->body, "statement_block");
}

/* `[await | void] RECEIVER.send({ type: "broadcast", event, payload });`,
 * RECEIVER being the channel's const or the channel call itself: into
 * e->sends. */
static bool loose_send(RuleCtx *ctx, Effect *e, TSNode st, TSNode receiver) {
  const Source *src = &ctx->mod->src;
  if (!node_is(st, "expression_statement") || e->nsends == MAX_LISTENERS)
    return false;
  TSNode expr = node_unwrap(ts_node_named_child(st, 0));
  if (node_is(expr, "await_expression"))
    expr = node_unwrap(ts_node_named_child(expr, 0));
  else if (node_is(expr, "unary_expression") && src->bytes[ts_node_start_byte(expr)] == 'v')
    expr = node_unwrap(node_field(expr, "argument"));
  TSNode member = called_member(expr);
  TSNode object = ts_node_is_null(member) ? member : node_unwrap(node_field(member, "object"));
  bool ours = node_is(receiver, "identifier")
                  ? node_is(object, "identifier") && node_text_eq(src, object, e->chans[0].var)
                  : ts_node_eq(object, receiver);
  Send *snd = &e->sends[e->nsends];
  if (!ours || !node_text_eq(src, node_field(member, "property"), "send") ||
      call_argument_count(expr) != 1 ||
      !broadcast_message(src, call_argument(expr, 0), &snd->event, &snd->payload))
    return false;
  snd->call = expr;
  e->nsends++;
  return copied_text_ok(src, e, snd->event) && copied_text_ok(src, e, snd->payload);
}

/* A send outside an effect, in a function of the component: the channel
 * opened only to send, `supabase.channel(NAME).send(M);` or `const ch =
 * supabase.channel(NAME);` whose every use is a statement `ch.send(M);` of
 * the same function. The result of a send is never used (broadcast's
 * differs). */
static bool find_loose_sends(RuleCtx *ctx, Effect *e) {
  const Source *src = &ctx->mod->src;
  TSNode anc[MAX_ANCESTORS];
  size_t n = scope_ancestors(ctx->mod, e->channel, anc, MAX_ANCESTORS);
  size_t fi = SIZE_MAX;
  for (size_t i = n == SIZE_MAX ? 0 : n; i-- > 0;)
    if (node_is_function(anc[i])) {
      fi = i;
      break;
    }
  if (fi == SIZE_MAX || fi < 2 || !send_site(ctx, anc, fi, e))
    return false;
  e->chans[e->nchans++].call = e->channel;
  /* The statement of the function's body the channel call is in. */
  if (n < fi + 3 || !ts_node_eq(anc[fi + 1], e->body))
    return false;
  TSNode stmt = anc[fi + 2];
  if (node_is(anc[n - 1], "member_expression")) /* supabase.channel(NAME).send(M); */
    return loose_send(ctx, e, stmt, e->channel);
  TSNode decl = const_declarator(src, stmt);
  if (ts_node_is_null(decl) || !ts_node_eq(node_unwrap(node_field(decl, "value")), e->channel))
    return false;
  e->loose_decl = stmt;
  e->chans[0].var = declared_name(ctx, decl);
  TSNode st[MAX_STATEMENTS];
  size_t k = block_statements(e->body, st, MAX_STATEMENTS);
  for (size_t i = 0; i < k && k != SIZE_MAX; i++)
    if (count_mentions(src, st[i], e->chans[0].var) && !ts_node_eq(st[i], e->loose_decl) &&
        !loose_send(ctx, e, st[i], node_field(decl, "name")))
      return false;
  /* Nothing but its declaration and the sends names the channel. */
  return k != SIZE_MAX && e->nsends > 0 &&
         count_mentions(src, e->body, e->chans[0].var) == e->nsends + 1;
}

/* In source order of their events: the cases of one `*` listener share its
 * handler. */
static int listener_cmp(const void *a, const void *b) {
  uint32_t x = ts_node_start_byte(((const Listener *)a)->event);
  uint32_t y = ts_node_start_byte(((const Listener *)b)->event);
  return (x > y) - (x < y);
}

bool channel_effect_recognise(RuleCtx *ctx, TSNode channel_call, Effect *e, bool *in_effect) {
  memset(e, 0, sizeof *e);
  e->channel = channel_call;
  *in_effect = find_effect(ctx, channel_call, e);
  if (!*in_effect) {
    memset(e, 0, sizeof *e);
    e->channel = channel_call;
  }
  if (*in_effect ? !parse_body(ctx, e) : !find_loose_sends(ctx, e))
    return false;
  qsort(e->on, e->non, sizeof *e->on, listener_cmp);
  return true;
}
