/* The phase 3 codemod of supabase-channel-direct: see channel_effect_fix.h.
 * Everything is checked before the first edit is added; a shape with any
 * part it does not recognise gets no fix at all. */
#include "rules/channel_effect_fix.h"

#include "core/util.h"
#include "fix/imports.h"
#include "fix/indent.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"
#include "rules/app_paths.h"
#include "rules/channel_status_map.h"
#include "rules/realtime_results.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTENERS 16
#define MAX_KEYS 32
#define MAX_ANCESTORS 512
#define MAX_STATEMENTS 64
#define MAX_CHANNELS 4

#define CONTEXT_HOOK "useOrganizationRealtimeContext"
#define WIDGET_HOOK "useRealtime"

/* Where the standards document puts the two hooks, tried in this order. */
static const char *const context_specs[] = {"@/contexts/OrganizationRealtimeProvider", NULL};
static const char *const widget_specs[] = {"@/hooks/useRealtime", "@/lib/realtime/useRealtime",
                                           NULL};

/* UNIFIED_CHANNELS functions whose (orgId, convId) name the conversation
 * useRealtime({ type: "widget" }) joins: the widget channel is the
 * conversation channel, and the typing API broadcasts to both. */
static const char *const widget_channel_fns[] = {"widget", "conversation", "conversationTyping",
                                                 NULL};
/* A send moves to useRealtime's channel only when it is the same channel
 * (widget === conversation); the typing channel has listeners of its own. */
static const char *const widget_send_fns[] = {"widget", "conversation", NULL};

typedef struct Listener {
  TSNode call, event, handler;
  TSNode named;          /* the function a handler given by name denotes, or null */
  TSNode param;          /* the `{ payload }` parameter to rewrite, or null */
  const char *new_param; /* what replaces it: "payload" */
  const char *key;       /* the provider's handler key (object form) */
} Listener;

/* ch.send({ type: "broadcast", event: E, payload: P }), the message written
 * inline or in a const of the effect. */
typedef struct Send {
  TSNode event, payload;
  bool is_void; /* `void ch.send(...)` */
  TSNode call;  /* outside an effect: the `ch.send(...)` call broadcast(...) replaces */
} Send;

/* `const m = { type: "broadcast", event, payload }` before the send of it. */
typedef struct Message {
  const char *name;
  TSNode event, payload;
  bool sent;
} Message;

/* `const ch = supabase.channel(NAME)` of the effect. */
typedef struct Channel {
  TSNode call;     /* supabase.channel(NAME) */
  const char *var; /* ch */
  bool subscribed, removed;
} Channel;

/* The useEffect being converted; for a send outside an effect, the function
 * holding the send (stmt, body, deps and component then describe it). */
typedef struct Effect {
  TSNode stmt;                 /* the statement holding useEffect(...) */
  TSNode body;                 /* the effect function's block */
  TSNode deps;                 /* its dependency array, or null */
  TSNode first;                /* the component's first statement: where the hook goes */
  TSNode component;            /* the component's (or hook's) function */
  TSNode channel;              /* supabase.channel(NAME) of the finding */
  Channel chans[MAX_CHANNELS]; /* every channel the effect opens, in order */
  size_t nchans;
  const char *client; /* `const supabase = createClient()` of the effect itself, or NULL */
  TSNode guards[MAX_STATEMENTS]; /* `if (!id) return;` opening the effect, kept in front */
  size_t nguards;
  Listener on[MAX_LISTENERS];
  size_t non;
  Send sends[MAX_LISTENERS];
  size_t nsends;
  Message msgs[MAX_LISTENERS];
  size_t nmsgs;
  TSNode loose_decl;     /* outside an effect: `const ch = supabase.channel(NAME);` or null */
  bool reacts;           /* the status callback has logic: `status` below */
  StatusReaction status; /* what it does on which statuses */
} Effect;

/* The API the subscription moves to. */
typedef struct Target {
  const char *hook, *spec; /* import { hook } from "spec" */
  const char *binding;     /* what the hook's result gives: "subscribe" or "broadcast" */
  const char *hook_call;   /* "useOrganizationRealtimeContext()" */
  bool object_form;        /* subscribe({ onNewMessage: h }) rather than subscribe(EVENT, h) */
  const char *values[MAX_KEYS], *keys[MAX_KEYS]; /* event value -> handler key */
  size_t nkeys;
  const char *state;     /* the API's state the status logic now follows, or NULL */
  const char *condition; /* when it runs: `connectionStatus === "fallback"` */
} Target;

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (unsigned char)c >= 0x80;
}

/* `name` occurs in n's text as a whole identifier, not as a property. */
static bool mentions(const Source *src, TSNode n, const char *name) {
  size_t k = strlen(name);
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  const char *b = src->bytes;
  for (uint32_t i = s; i + k <= e; i++)
    if (memcmp(b + i, name, k) == 0 && (i == s || (!ident_char(b[i - 1]) && b[i - 1] != '.')) &&
        (i + k == e || !ident_char(b[i + k])))
      return true;
  return false;
}

/* A block's statements without its comments. */
static size_t statements(TSNode block, TSNode *out, size_t max) {
  size_t n = 0;
  ChildIter it;
  for (TSNode c = child_iter_first(&it, block, true); !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    if (node_is(c, "comment"))
      continue;
    if (n == max) {
      n = SIZE_MAX;
      break;
    }
    out[n++] = c;
  }
  child_iter_done(&it);
  return n;
}

static size_t param_count(TSNode params) {
  TSNode buf[2];
  return ts_node_is_null(params) ? SIZE_MAX : statements(params, buf, 2);
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
  size_t n = ast_ancestors(channel_call, anc, MAX_ANCESTORS);
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
  if (statements(block, first, 1) == 0)
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

typedef struct NameCount {
  const Source *src;
  const char *name;
  size_t n;
} NameCount;

static bool count_name(TSNode n, void *data) {
  NameCount *c = data;
  static const char *const names[] = {"identifier", "shorthand_property_identifier"};
  if (node_type_among(n, names, sizeof names / sizeof *names) >= 0 &&
      node_text_eq(c->src, n, c->name))
    c->n++;
  return true;
}

/* How many times `name` is written as an identifier in n (comments and
 * property names aside). */
static size_t count_mentions(const Source *src, TSNode n, const char *name) {
  NameCount c = {src, name, 0};
  ast_walk(n, count_name, &c);
  return c.n;
}

/* The T of a parameter typed `{ payload: T }`: "" for no type, NULL for any
 * other type (then the parameter is not only the payload). */
static const char *payload_type(RuleCtx *ctx, TSNode param) {
  const Source *src = &ctx->mod->src;
  TSNode ann = node_field(param, "type");
  if (ts_node_is_null(ann))
    return "";
  TSNode obj = ts_node_named_child(ann, 0), member[2];
  if (!node_is(obj, "object_type") || statements(obj, member, 2) != 1 ||
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
  if (np != 1 || statements(params, p, 1) != 1 || !node_is(p[0], "required_parameter") ||
      !ts_node_is_null(node_field(p[0], "value")))
    return false;
  const char *type = payload_type(ctx, p[0]);
  TSNode pattern = node_field(p[0], "pattern");
  TSNode field[2];
  if (!type || !node_is(pattern, "object_pattern") || statements(pattern, field, 2) != 1)
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

/* .on("broadcast", { event: E }, handler) */
static bool add_listener(RuleCtx *ctx, Effect *e, TSNode call) {
  const Source *src = &ctx->mod->src;
  if (e->non == MAX_LISTENERS || call_argument_count(call) != 3 ||
      !node_string_is(src, call_argument(call, 0), "broadcast"))
    return false;
  TSNode filter = node_unwrap(call_argument(call, 1));
  TSNode fields[2];
  if (!node_is(filter, "object") || statements(filter, fields, 2) != 1)
    return false;
  Listener *l = &e->on[e->non];
  memset(l, 0, sizeof *l);
  l->event = object_property(src, filter, "event");
  l->handler = node_unwrap(call_argument(call, 2));
  l->call = call;
  if (ts_node_is_null(l->event))
    return false;
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
    if (!node_is(expr, "call_expression"))
      return false;
    TSNode member = node_unwrap(node_field(expr, "function"));
    if (!node_is(member, "member_expression"))
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
  if (!node_is(expr, "call_expression"))
    return false;
  TSNode member = node_unwrap(node_field(expr, "function"));
  if (!node_is(member, "member_expression"))
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
  size_t n = statements(body, st, MAX_CHANNELS + 1);
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
  if (!node_is(obj, "object") || statements(obj, props, 4) != 3)
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
      statements(st, decl, 2) != 1 || !node_is(decl[0], "variable_declarator") ||
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
  TSNode member =
      node_is(expr, "call_expression") ? node_unwrap(node_field(expr, "function")) : (TSNode){0};
  if (!node_is(member, "member_expression") ||
      !node_text_eq(src, node_field(member, "property"), "send") || e->nchans != 1 ||
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
    TSNode member =
        node_is(expr, "call_expression") ? node_unwrap(node_field(expr, "function")) : none;
    if (!node_is(member, "member_expression"))
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
    if (statements(then, only, 2) != 1)
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
  size_t n = statements(e->body, st, MAX_STATEMENTS);
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

/* The string a value always is, or NULL. */
static const char *value_text(Arena *a, Value v) {
  if (v.nalts != 1 || v.has_unknown)
    return NULL;
  StrBuf sb = {0};
  for (uint32_t i = 0; i < v.alts[0].nparts; i++) {
    if (v.alts[0].parts[i].hole) {
      sb_free(&sb);
      return NULL;
    }
    sb_append(&sb, v.alts[0].parts[i].text);
  }
  char *s = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return s;
}

/* The module defining `hook`: the one the file imports it from, else the
 * first of `specs` that resolves and exports it. */
static const Module *hook_module(RuleCtx *ctx, const char *hook, const char *const *specs,
                                 const char **spec_out) {
  Binding b = scope_lookup_toplevel(ctx->mod, hook);
  if (b.kind != BIND_NONE && (b.kind != BIND_IMPORT || strcmp(b.imported, hook) != 0))
    return NULL;
  Binding probe;
  memset(&probe, 0, sizeof probe);
  for (size_t i = 0; b.kind == BIND_NONE ? specs[i] != NULL : i == 0; i++) {
    snprintf(probe.source, sizeof probe.source, "%s", b.kind == BIND_NONE ? specs[i] : b.source);
    const Module *t = resolve_import_target(ctx->res, ctx->mod, &probe);
    if (t && resolve_find_export(ctx->res, t, hook, 0).found) {
      *spec_out = arena_strdup(ctx->arena, probe.source);
      return t;
    }
  }
  return NULL;
}

typedef struct KeyScan {
  RuleCtx *ctx;
  const Module *provider;
  Target *t;
} KeyScan;

/* In the provider: .on("broadcast", { event: E }, ... "onNewMessage" ...)
 * feeds E to the subscribers' onNewMessage. */
static bool scan_provider_call(TSNode n, void *data) {
  KeyScan *ks = data;
  const Source *src = &ks->provider->src;
  if (!node_is(n, "call_expression") || call_argument_count(n) != 3 ||
      !node_string_is(src, call_argument(n, 0), "broadcast"))
    return true;
  uint32_t len;
  const char *name = call_callee_name(src, n, &len);
  TSNode filter = node_unwrap(call_argument(n, 1));
  TSNode event = node_is(filter, "object") ? object_property(src, filter, "event") : (TSNode){0};
  if (!name || !mem_eq_str(name, len, "on") || ts_node_is_null(event) || ks->t->nkeys == MAX_KEYS)
    return true;
  TSNode h = call_argument(n, 2);
  const char *s = src->bytes + ts_node_start_byte(h), *end = src->bytes + ts_node_end_byte(h);
  /* The key is a string ("onNewMessage") or a property (`s.onNewMessage?.(payload)`). */
  for (; s + 3 < end; s++) {
    bool quoted = *s == '"' || *s == '\'';
    if ((!quoted && *s != '.') || s[1] != 'o' || s[2] != 'n' || s[3] < 'A' || s[3] > 'Z')
      continue;
    const char *k = s + 1, *q = k;
    while (q < end && ident_char(*q))
      q++;
    if (q == end || (quoted && *q != *s))
      continue;
    const char *value = value_text(ks->ctx->arena, resolve_expr(ks->ctx->res, ks->provider, event));
    if (value) {
      ks->t->values[ks->t->nkeys] = value;
      ks->t->keys[ks->t->nkeys++] = arena_strndup(ks->ctx->arena, k, (size_t)(q - k));
    }
    break;
  }
  return true;
}

/* The provider's first declaration of member `name` as a function type or
 * value (`name: (a, b) => ...`, `name(a, b)`; never a call `x.name(...)`):
 * false when there is none, else *several says whether it takes more than
 * one parameter. */
static bool member_signature(const Module *provider, const char *name, bool *several) {
  const char *s = provider->src.bytes, *end = s + provider->src.len;
  size_t k = strlen(name);
  const char *decl = NULL;
  for (const char *p = s; p + k + 1 < end && !decl; p++)
    if (memcmp(p, name, k) == 0 && (p == s || (!ident_char(p[-1]) && p[-1] != '.'))) {
      const char *q = p + k;
      if (*q == '?')
        q++;
      if (*q == ':') {
        q++;
        while (q < end && (*q == ' ' || *q == '\n'))
          q++;
      }
      if (q < end && *q == '(')
        decl = q;
    }
  if (!decl)
    return false;
  int depth = 0;
  bool comma = false;
  const char *p = decl;
  for (; p < end; p++) {
    depth += (*p == '(' || *p == '{' || *p == '<') - (*p == ')' || *p == '}' || *p == '>');
    comma = comma || (*p == ',' && depth == 1);
    if (depth == 0)
      break;
  }
  *several = comma;
  return p != end;
}

/* How the provider's subscribe is called, read from its declaration:
 * `subscribe: (event: string, handler: H) => ...` takes an event,
 * `subscribe: (handlers: Handlers) => ...` an object of handlers keyed as
 * the provider's own .on(...) calls feed them. */
static bool learn_provider(RuleCtx *ctx, const Module *provider, Target *t) {
  bool comma;
  if (!member_signature(provider, "subscribe", &comma))
    return false;
  t->object_form = !comma;
  if (!t->object_form)
    return true;
  KeyScan ks = {ctx, provider, t};
  ast_walk(ts_tree_root_node(provider->tree), scan_provider_call, &ks);
  return t->nkeys > 0;
}

static const char *key_for(const Target *t, const char *value) {
  for (size_t i = 0; value && i < t->nkeys; i++)
    if (strcmp(t->values[i], value) == 0)
      return t->keys[i];
  return NULL;
}

/* A name usable where the hook goes: a parameter, an import, or a
 * declaration before that point. */
static bool bound_before(RuleCtx *ctx, TSNode at, TSNode expr) {
  while (node_is(expr, "member_expression"))
    expr = node_unwrap(node_field(expr, "object"));
  if (!node_is(expr, "identifier"))
    return false;
  char *name = node_text_dup(&ctx->mod->src, expr);
  Binding b = scope_lookup(ctx->mod, at, name);
  free(name);
  if (b.kind == BIND_NONE)
    return false;
  return b.kind == BIND_PARAM || b.kind == BIND_IMPORT ||
         ts_node_start_byte(b.decl) < ts_node_start_byte(at);
}

/* useRealtime({ type: "widget", organizationId, conversationId }) for a
 * channel named UNIFIED_CHANNELS.widget|conversation|conversationTyping(o, c)
 * whose o and c mean the same at the component's top. */
static const char *widget_hook_call(RuleCtx *ctx, const Effect *e, TSNode channel, char quote,
                                    const char *const *fns) {
  const Source *src = &ctx->mod->src;
  TSNode name = node_unwrap(call_argument(channel, 0));
  TSNode obj = node_is(name, "call_expression") ? call_callee_object(name) : (TSNode){0};
  if (ts_node_is_null(obj) || !node_text_eq(src, node_unwrap(obj), "UNIFIED_CHANNELS") ||
      call_argument_count(name) != 2)
    return NULL;
  uint32_t len;
  const char *fn = call_callee_name(src, name, &len);
  bool known = false;
  for (const char *const *f = fns; *f && !known; f++)
    known = mem_eq_str(fn, len, *f);
  TSNode org = node_unwrap(call_argument(name, 0)), conv = node_unwrap(call_argument(name, 1));
  if (!known || !bound_before(ctx, e->first, org) || !bound_before(ctx, e->first, conv))
    return NULL;
  uint32_t olen, clen;
  const char *o = node_text(src, org, &olen), *c = node_text(src, conv, &clen);
  bool oshort = mem_eq_str(o, olen, "organizationId"),
       cshort = mem_eq_str(c, clen, "conversationId");
  return arena_printf(ctx->arena, "%s({ type: %cwidget%c, %s%.*s, %s%.*s })", WIDGET_HOOK, quote,
                      quote, oshort ? "" : "organizationId: ", (int)olen, o,
                      cshort ? "" : "conversationId: ", (int)clen, c);
}

/* `const { subscribe } = HOOK(...)` (or `broadcast`) already at the
 * component's top, before the effect: the fix uses it. Another `subscribe`
 * in scope: no fix. */
static bool has_binding_from(RuleCtx *ctx, const Effect *e, const Target *t, bool *present) {
  const char *hook = t->hook;
  Binding b = scope_lookup(ctx->mod, e->first, t->binding);
  *present = b.kind != BIND_NONE;
  if (!*present)
    return true;
  if (b.kind != BIND_UNKNOWN || ts_node_is_null(b.decl) ||
      ts_node_start_byte(b.decl) >= ts_node_start_byte(e->stmt))
    return false;
  TSNode anc[MAX_ANCESTORS];
  size_t n = ast_ancestors(b.decl, anc, MAX_ANCESTORS);
  for (size_t i = n == SIZE_MAX ? 0 : n; i-- > 0;)
    if (node_is(anc[i], "variable_declarator")) {
      TSNode v = node_unwrap(node_field(anc[i], "value"));
      uint32_t len;
      const char *callee =
          node_is(v, "call_expression") ? call_callee_name(&ctx->mod->src, v, &len) : NULL;
      return callee && mem_eq_str(callee, len, hook);
    }
  return false;
}

static char file_quote(const Module *m) {
  const char *p = strstr(m->src.bytes, " from '");
  const char *q = strstr(m->src.bytes, " from \"");
  return p && (!q || p < q) ? '\'' : '"';
}

/* Appends text with its continuation lines moved from indent `from` to `to`. */
static void append_reindented(StrBuf *sb, const char *text, size_t n, const char *from,
                              const char *to) {
  size_t fl = strlen(from);
  for (size_t i = 0; i < n; i++) {
    sb_append_n(sb, text + i, 1);
    if (text[i] == '\n' && i + 1 < n && n - i - 1 >= fl && memcmp(text + i + 1, from, fl) == 0) {
      sb_append(sb, to);
      i += fl;
    }
  }
}

/* The handler as the new API calls it: its `{ payload }` parameter becomes
 * `payload`, its lines indented for where it now stands. */
static void append_handler(StrBuf *sb, const Source *src, const Listener *l, Arena *a,
                           const char *indent) {
  uint32_t hs = ts_node_start_byte(l->handler), he = ts_node_end_byte(l->handler);
  StrBuf h = {0};
  if (l->param.id && !l->named.id) {
    sb_append_n(&h, src->bytes + hs, ts_node_start_byte(l->param) - hs);
    sb_append(&h, l->new_param);
    sb_append_n(&h, src->bytes + ts_node_end_byte(l->param), he - ts_node_end_byte(l->param));
  } else {
    sb_append_n(&h, src->bytes + hs, he - hs);
  }
  append_reindented(sb, h.data, h.len, fix_line_indent(a, src, hs), indent);
  sb_free(&h);
}

/* An expression moved to the new body, its lines indented for it. */
static void append_copied(StrBuf *sb, const Source *src, TSNode n, Arena *a, const char *indent) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  append_reindented(sb, src->bytes + s, e - s, fix_line_indent(a, src, s), indent);
}

typedef struct Comments {
  const TSNode *copied; /* handlers, events and payloads: they keep theirs */
  size_t ncopied;
  StrBuf *sb;
  const char *indent;
  const Source *src;
} Comments;

/* Comments of the effect outside its handlers (which keep theirs) move to
 * the top of the new body. */
static bool keep_comment(TSNode n, void *data) {
  Comments *c = data;
  for (size_t i = 0; i < c->ncopied; i++)
    if (ts_node_eq(n, c->copied[i]))
      return false;
  if (node_is(n, "comment")) {
    uint32_t len;
    const char *t = node_text(c->src, n, &len);
    sb_append(c->sb, c->indent);
    sb_append_n(c->sb, t, len);
    sb_append(c->sb, "\n");
  }
  return true;
}

/* The effect's guards, in order, each on its own line. */
static void append_guards(StrBuf *sb, const Source *src, const Effect *e, Arena *a,
                          const char *indent) {
  for (size_t i = 0; i < e->nguards; i++) {
    sb_append(sb, indent);
    append_copied(sb, src, e->guards[i], a, indent);
    sb_append(sb, "\n");
  }
}

static char *new_body(RuleCtx *ctx, const Effect *e, const Target *t) {
  const Source *src = &ctx->mod->src;
  const char *base = fix_line_indent(ctx->arena, src, ts_node_start_byte(e->stmt));
  TSNode first[1];
  statements(e->body, first, 1);
  const char *inner = fix_line_indent(ctx->arena, src, ts_node_start_byte(first[0]));
  if (strlen(inner) <= strlen(base) || strncmp(inner, base, strlen(base)) != 0)
    inner = arena_printf(ctx->arena, "%s  ", base);
  const char *deeper = arena_printf(ctx->arena, "%s%s", inner, inner + strlen(base));
  StrBuf sb = {0};
  sb_append(&sb, "{\n");
  TSNode copied[2 * MAX_LISTENERS + MAX_STATEMENTS + STATUS_STATEMENTS + 1];
  size_t ncopied = 0;
  if (e->status.then.id)
    copied[ncopied++] = e->status.then;
  for (size_t i = 0; i < e->status.nstmts; i++)
    copied[ncopied++] = e->status.stmts[i];
  for (size_t i = 0; i < e->nguards; i++)
    copied[ncopied++] = e->guards[i];
  for (size_t i = 0; i < e->non; i++)
    copied[ncopied++] = e->on[i].handler;
  for (size_t i = 0; i < e->nsends; i++) {
    copied[ncopied++] = e->sends[i].event;
    copied[ncopied++] = e->sends[i].payload;
  }
  Comments c = {copied, ncopied, &sb, inner, src};
  ast_walk(e->body, keep_comment, &c);
  append_guards(&sb, src, e, ctx->arena, inner);
  if (e->nsends > 0) {
    for (size_t i = 0; i < e->nsends; i++) {
      sb_append(&sb, inner);
      sb_append(&sb, e->sends[i].is_void ? "void broadcast(" : "broadcast(");
      append_copied(&sb, src, e->sends[i].event, ctx->arena, inner);
      sb_append(&sb, ", ");
      append_copied(&sb, src, e->sends[i].payload, ctx->arena, inner);
      sb_append(&sb, ");\n");
    }
  } else if (t->object_form) {
    sb_append(&sb, inner);
    sb_append(&sb, "return subscribe({\n");
    for (size_t i = 0; i < e->non; i++) {
      sb_append(&sb, deeper);
      sb_append(&sb, e->on[i].key);
      sb_append(&sb, ": ");
      append_handler(&sb, src, &e->on[i], ctx->arena, deeper);
      sb_append(&sb, ",\n");
    }
    sb_append(&sb, inner);
    sb_append(&sb, "});\n");
  } else if (e->non == 1) {
    uint32_t len;
    const char *ev = node_text(src, e->on[0].event, &len);
    sb_append(&sb, inner);
    sb_append(&sb, "return subscribe(");
    sb_append_n(&sb, ev, len);
    sb_append(&sb, ", ");
    append_handler(&sb, src, &e->on[0], ctx->arena, inner);
    sb_append(&sb, ");\n");
  } else {
    sb_append(&sb, inner);
    sb_append(&sb, "const unsubscribes = [\n");
    for (size_t i = 0; i < e->non; i++) {
      uint32_t len;
      const char *ev = node_text(src, e->on[i].event, &len);
      sb_append(&sb, deeper);
      sb_append(&sb, "subscribe(");
      sb_append_n(&sb, ev, len);
      sb_append(&sb, ", ");
      append_handler(&sb, src, &e->on[i], ctx->arena, deeper);
      sb_append(&sb, "),\n");
    }
    sb_append(&sb, inner);
    sb_append(&sb, "];\n");
    sb_append(&sb, inner);
    sb_append(&sb, "return () => unsubscribes.forEach((unsubscribe) => unsubscribe());\n");
  }
  sb_append(&sb, base);
  sb_append(&sb, "}");
  return sb_take(&sb);
}

/* Whether the status logic or the guards it runs behind read the dependency
 * `dep` (`params.id` counts as `params`): the new effect keeps only those. */
static bool logic_reads(const Source *src, const Effect *e, TSNode dep) {
  TSNode root = node_unwrap(dep);
  while (node_is(root, "member_expression"))
    root = node_unwrap(node_field(root, "object"));
  if (!node_is(root, "identifier"))
    return true; /* an expression: keep it, as the old effect did */
  char *name = node_text_dup(src, root);
  size_t n = e->status.then.id ? count_mentions(src, e->status.then, name) : 0;
  if (e->status.tracker.id)
    n += count_mentions(src, e->status.tracker, name);
  for (size_t i = 0; i < e->status.nstmts; i++)
    n += count_mentions(src, e->status.stmts[i], name);
  for (size_t i = 0; i < e->nguards; i++)
    n += count_mentions(src, e->guards[i], name);
  free(name);
  return n > 0;
}

/* The status logic as an effect of its own after the subscription's:
 * `useEffect(() => { GUARDS if (STATE_TEST) THEN }, [DEPS, state]);`, run
 * when the provider's state changes as it ran when the channel's status did.
 * DEPS are the old effect's that it reads. */
static char *state_effect(RuleCtx *ctx, const Effect *e, const Target *t) {
  const Source *src = &ctx->mod->src;
  const char *base = fix_line_indent(ctx->arena, src, ts_node_start_byte(e->stmt));
  const char *inner = arena_printf(ctx->arena, "%s  ", base);
  const char *deeper = arena_printf(ctx->arena, "%s  ", inner);
  TSNode call = node_unwrap(ts_node_named_child(e->stmt, 0));
  uint32_t len;
  const char *callee = node_text(src, node_field(call, "function"), &len);
  StrBuf sb = {0};
  sb_appendf(&sb, "\n\n%s%.*s(() => {\n", base, (int)len, callee);
  append_guards(&sb, src, e, ctx->arena, inner);
  if (e->status.tracker.id) {
    const char *setter = node_text(src, e->status.tracker, &len);
    sb_appendf(&sb, "%s%.*s(%s);", inner, (int)len, setter, t->condition);
  } else if (e->status.then.id) {
    sb_appendf(&sb, "%sif (%s) ", inner, t->condition);
    append_copied(&sb, src, e->status.then, ctx->arena, inner);
  } else {
    sb_appendf(&sb, "%sif (%s) {\n", inner, t->condition);
    for (size_t i = 0; i < e->status.nstmts; i++) {
      sb_append(&sb, deeper);
      append_copied(&sb, src, e->status.stmts[i], ctx->arena, deeper);
      sb_append(&sb, "\n");
    }
    sb_appendf(&sb, "%s}", inner);
  }
  sb_appendf(&sb, "\n%s}, [", base);
  TSNode dep[MAX_STATEMENTS];
  size_t n = statements(e->deps, dep, MAX_STATEMENTS);
  for (size_t i = 0; i < n && n != SIZE_MAX; i++) {
    if (!logic_reads(src, e, dep[i]))
      continue;
    const char *text = node_text(src, dep[i], &len);
    sb_appendf(&sb, "%.*s, ", (int)len, text);
  }
  sb_appendf(&sb, "%s]);", t->state);
  return sb_take(&sb);
}

static int listener_cmp(const void *a, const void *b) {
  uint32_t x = ts_node_start_byte(((const Listener *)a)->handler);
  uint32_t y = ts_node_start_byte(((const Listener *)b)->handler);
  return (x > y) - (x < y);
}

/* The provider's state the status logic follows: each status it reacts to
 * must be one the provider's own status callback records in the same state,
 * a name the component does not use. */
static bool follow_state(RuleCtx *ctx, const Effect *e, Target *t, const Module *provider,
                         char quote) {
  StatusMap map;
  status_map_learn(ctx->arena, provider, &map);
  StrBuf cond = {0};
  for (size_t i = 0; i < e->status.nstatus; i++) {
    size_t k = 0;
    while (k < map.n && strcmp(map.status[k], e->status.status[i]) != 0)
      k++;
    if (k == map.n || !map.member[k] || (t->state && strcmp(t->state, map.member[k]) != 0)) {
      sb_free(&cond);
      return false;
    }
    t->state = map.member[k];
    const char *test = map.value[k] ? arena_printf(ctx->arena, "%s === %c%s%c", t->state, quote,
                                                   map.value[k], quote)
                                    : t->state;
    if (!strstr(sb_cstr(&cond), test)) /* two statuses, one state: say it once */
      sb_appendf(&cond, "%s%s", cond.len ? " || " : "", test);
  }
  t->condition = arena_strdup(ctx->arena, sb_cstr(&cond));
  sb_free(&cond);
  static const char *const taken[] = {"subscribe", "unsubscribes", "broadcast"};
  for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
    if (!strcmp(t->state, taken[i]))
      return false;
  return count_mentions(&ctx->mod->src, e->component, t->state) == 0 &&
         scope_lookup(ctx->mod, e->first, t->state).kind == BIND_NONE;
}

static bool choose_target(RuleCtx *ctx, Effect *e, Target *t, char quote) {
  memset(t, 0, sizeof *t);
  bool sending = e->nsends > 0;
  t->binding = sending ? "broadcast" : "subscribe";
  if (path_is_widget(ctx->mod->app_path)) {
    if (e->reacts)
      return false; /* which useRealtime state follows which status is not read */
    t->hook = WIDGET_HOOK;
    /* Every channel must name the same conversation: one useRealtime serves them. */
    for (size_t i = 0; i < e->nchans; i++) {
      const char *call = widget_hook_call(ctx, e, e->chans[i].call, quote,
                                          sending ? widget_send_fns : widget_channel_fns);
      if (!call || (t->hook_call && strcmp(call, t->hook_call) != 0))
        return false;
      t->hook_call = call;
    }
    if (!t->hook_call || !hook_module(ctx, WIDGET_HOOK, widget_specs, &t->spec))
      return false;
    /* broadcast(event, payload) must be what this project's useRealtime returns. */
    RealtimeResults r;
    return !sending || (realtime_results(ctx, t->spec, WIDGET_HOOK, &r) &&
                        realtime_results_has(&r, "broadcast"));
  }
  t->hook = CONTEXT_HOOK;
  t->hook_call = CONTEXT_HOOK "()";
  const Module *provider = hook_module(ctx, CONTEXT_HOOK, context_specs, &t->spec);
  if (sending) {
    /* The provider's value declares broadcast(event, payload). */
    bool several = false;
    return provider && member_signature(provider, "broadcast", &several) && several;
  }
  if (!provider || !learn_provider(ctx, provider, t) ||
      (e->reacts && !follow_state(ctx, e, t, provider, quote)))
    return false;
  for (size_t i = 0; t->object_form && i < e->non; i++) {
    e->on[i].key = key_for(t, value_text(ctx->arena, rule_resolve(ctx, e->on[i].event)));
    if (!e->on[i].key)
      return false;
    for (size_t k = 0; k < i; k++)
      if (strcmp(e->on[k].key, e->on[i].key) == 0)
        return false;
  }
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
  if (!component_or_hook_name(src, name) || statements(anc[block], first, 1) == 0)
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
  TSNode member =
      node_is(expr, "call_expression") ? node_unwrap(node_field(expr, "function")) : (TSNode){0};
  TSNode object = node_is(member, "member_expression") ? node_unwrap(node_field(member, "object"))
                                                       : (TSNode){0};
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
  size_t n = ast_ancestors(e->channel, anc, MAX_ANCESTORS);
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
  size_t k = statements(e->body, st, MAX_STATEMENTS);
  for (size_t i = 0; i < k && k != SIZE_MAX; i++)
    if (count_mentions(src, st[i], e->chans[0].var) && !ts_node_eq(st[i], e->loose_decl) &&
        !loose_send(ctx, e, st[i], node_field(decl, "name")))
      return false;
  /* Nothing but its declaration and the sends names the channel. */
  return k != SIZE_MAX && e->nsends > 0 &&
         count_mentions(src, e->body, e->chans[0].var) == e->nsends + 1;
}

/* Each send becomes `broadcast(E, P)` where it stands (its await or void
 * kept); the channel's const goes, its line with it. */
static void edit_loose_sends(RuleCtx *ctx, Diag *d, const Effect *e) {
  const Source *src = &ctx->mod->src;
  for (size_t i = 0; i < e->nsends; i++) {
    const Send *snd = &e->sends[i];
    const char *indent = fix_line_indent(ctx->arena, src, ts_node_start_byte(snd->call));
    StrBuf sb = {0};
    sb_append(&sb, "broadcast(");
    append_copied(&sb, src, snd->event, ctx->arena, indent);
    sb_append(&sb, ", ");
    append_copied(&sb, src, snd->payload, ctx->arena, indent);
    sb_append(&sb, ")");
    diag_add_edit(d, ts_node_start_byte(snd->call), ts_node_end_byte(snd->call), sb_cstr(&sb));
    sb_free(&sb);
  }
  if (ts_node_is_null(e->loose_decl))
    return;
  uint32_t start = ts_node_start_byte(e->loose_decl), end = ts_node_end_byte(e->loose_decl);
  const char *blanks = fix_indent_before(ctx->arena, src, start);
  if (blanks && end < src->len && src->bytes[end] == '\n') {
    start -= (uint32_t)strlen(blanks);
    end++;
  }
  diag_add_edit(d, start, end, "");
}

/* Edits of an effect: its new body, the status logic's effect, handler
 * parameters rewritten where they are declared. */
static void edit_effect(RuleCtx *ctx, Diag *d, const Effect *e, const Target *t) {
  char *body = new_body(ctx, e, t);
  diag_add_edit(d, ts_node_start_byte(e->body), ts_node_end_byte(e->body), body);
  free(body);
  if (t->state) {
    char *follow = state_effect(ctx, e, t);
    diag_add_edit(d, ts_node_end_byte(e->stmt), ts_node_end_byte(e->stmt), follow);
    free(follow);
  }
  for (size_t i = 0; i < e->non; i++)
    if (e->on[i].named.id && e->on[i].param.id)
      diag_add_edit(d, ts_node_start_byte(e->on[i].param), ts_node_end_byte(e->on[i].param),
                    e->on[i].new_param);
}

/* `name` appended to a dependency array that does not name it yet. */
static void add_dependency(const Source *src, Diag *d, TSNode deps, const char *name) {
  if (ts_node_is_null(deps) || mentions(src, deps, name))
    return;
  TSNode last[MAX_STATEMENTS];
  size_t n = statements(deps, last, MAX_STATEMENTS);
  char *dep = xasprintf("%s%s", n == 0 ? "" : ", ", name);
  if (n == 0)
    diag_add_edit(d, ts_node_start_byte(deps) + 1, ts_node_start_byte(deps) + 1, dep);
  else if (n != SIZE_MAX)
    diag_add_edit(d, ts_node_end_byte(last[n - 1]), ts_node_end_byte(last[n - 1]), dep);
  free(dep);
}

void channel_effect_suggest(RuleCtx *ctx, Diag *d, TSNode channel_call) {
  Effect e;
  memset(&e, 0, sizeof e);
  e.channel = channel_call;
  if (d->fix.nedits || call_argument_count(channel_call) != 1)
    return;
  bool in_effect = find_effect(ctx, channel_call, &e);
  if (!in_effect) {
    memset(&e, 0, sizeof e);
    e.channel = channel_call;
  }
  if (in_effect ? !parse_body(ctx, &e) : !find_loose_sends(ctx, &e))
    return;
  qsort(e.on, e.non, sizeof *e.on, listener_cmp);
  char quote = file_quote(ctx->mod);
  Target t;
  bool have_subscribe;
  if (!choose_target(ctx, &e, &t, quote) || !has_binding_from(ctx, &e, &t, &have_subscribe) ||
      (have_subscribe && t.state) ||
      (!have_subscribe && count_mentions(&ctx->mod->src, e.component, t.binding)))
    return;
  if (!fix_require_named_import(d, ctx->proj, ctx->mod, t.hook, t.spec))
    return;
  if (!have_subscribe) {
    const char *indent = fix_line_indent(ctx->arena, &ctx->mod->src, ts_node_start_byte(e.first));
    char *hook = xasprintf("const { %s%s%s } = %s;\n%s", t.binding, t.state ? ", " : "",
                           t.state ? t.state : "", t.hook_call, indent);
    diag_add_edit(d, ts_node_start_byte(e.first), ts_node_start_byte(e.first), hook);
    free(hook);
  }
  if (in_effect)
    edit_effect(ctx, d, &e, &t);
  else
    edit_loose_sends(ctx, d, &e);
  add_dependency(&ctx->mod->src, d, e.deps, t.binding);
  char *title =
      e.nsends
          ? xasprintf("Send through %s()'s broadcast(event, payload) instead of a channel of "
                      "its own",
                      t.hook)
          : xasprintf("Subscribe through %s%s instead of a channel of its own", t.hook,
                      t.object_form ? "().subscribe({...})" : "()'s subscribe(event, handler)");
  diag_set_fix(d, FIX_SUGGESTION, title);
  free(title);
}
