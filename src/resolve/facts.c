#include "resolve/facts.h"

#include "parse/ast.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

/* A function receiving broadcast messages: comparisons of the incoming event
 * inside it are event sinks. */
typedef struct Handler {
  TSNode fn;
  bool allow_type; /* `.type` names the event too (Supabase broadcast messages) */
} Handler;

typedef struct Collector {
  const Module *m;
  Arena *arena;
  TSNode *calls;
  size_t ncalls, ccap;
  ChannelSite *channels;
  size_t nchannels, chcap;
  EventSite *events;
  size_t nevents, evcap;
  Handler *handlers;
  size_t nhandlers, hcap;
  StrMap handler_ids;      /* a handler's node id -> its index + 1 */
  bool has_subscribe;      /* the file mentions "subscribe": worth resolving callees */
  ScopeIndexBuild *scopes; /* the module's scope index, built by the same walk */
  unsigned char *opaque;   /* per symbol: 0 not yet known, 1 opaque, 2 not */
  uint32_t nsymbols;
} Collector;

/* A call's callee name (call_callee_name), computed once per call. */
typedef struct Callee {
  const char *name;
  uint32_t len;
} Callee;

static bool callee_is(Callee callee, const char *name) {
  return callee.name && mem_eq_str(callee.name, callee.len, name);
}

static bool is_member_call(TSNode call) {
  return node_is(node_unwrap(node_field(call, "function")), "member_expression");
}

static void add_channel(Collector *c, ChannelSinkKind kind, TSNode call, TSNode arg) {
  if (ts_node_is_null(arg))
    return;
  ChannelSite s = {kind, call, arg, {NULL, 0}};
  ARRAY_PUSH(c->channels, c->nchannels, c->chcap, s);
}

static void add_event(Collector *c, EventSinkKind kind, TSNode call, TSNode arg) {
  if (ts_node_is_null(arg))
    return;
  EventSite s = {kind, call, arg, false, {NULL, 0}};
  ARRAY_PUSH(c->events, c->nevents, c->evcap, s);
}

/* A receiver made by `new X(...)` with X imported from a package that is not
 * Supabase's (`new Pusher(key)`): its `.channel(...)` is another transport's. */
static bool foreign_transport(const Module *m, TSNode call) {
  TSNode obj = node_unwrap(call_callee_object(call));
  if (!node_is(obj, "identifier"))
    return false;
  char *name = node_text_dup(&m->src, obj);
  Binding b = scope_lookup(m, obj, name);
  free(name);
  TSNode v = b.kind == BIND_VALUE ? node_unwrap(b.node) : (TSNode){0};
  if (!node_is(v, "new_expression") || !node_is(node_field(v, "constructor"), "identifier"))
    return false;
  char *ctor = node_text_dup(&m->src, node_field(v, "constructor"));
  Binding cb = scope_lookup_toplevel(m, ctor);
  free(ctor);
  const char *spec = cb.source;
  return cb.kind == BIND_IMPORT && spec[0] != '.' && spec[0] != '@' && spec[0] != '~' &&
         spec[0] != '/' && !strstr(spec, "supabase") && !strstr(spec, "realtime");
}

/* The sinks of resolve/sinks.def, by callee name: the recognisers below
 * switch on them, so a callee is a sink only if the table (which also gives
 * the rules' needles) lists it. */
typedef enum SinkId {
#define SINK(callee, needle, event, channel) SINK_ID_##callee,
#include "resolve/sinks.def"
#undef SINK
  SINK_ID_NONE
} SinkId;

static const char *const sink_callees[] = {
#define SINK(callee, needle, event, channel) #callee,
#include "resolve/sinks.def"
#undef SINK
};

static SinkId sink_of(Callee callee) {
  for (size_t i = 0; callee.name && i < SINK_ID_NONE; i++)
    if (callee_is(callee, sink_callees[i]))
      return (SinkId)i;
  return SINK_ID_NONE;
}

static void channel_sinks(Collector *c, TSNode call, SinkId sink) {
  switch (sink) {
  case SINK_ID_channel:
    if (is_member_call(call) && !foreign_transport(c->m, call))
      add_channel(c, CHANNEL_SINK_CLIENT, call, call_argument(call, 0));
    break;
  case SINK_ID_getChannel:
    if (is_member_call(call))
      add_channel(c, CHANNEL_SINK_MANAGER, call, call_argument(call, 0));
    break;
  case SINK_ID_subscribeToChannel:
  case SINK_ID_broadcastToChannel:
    add_channel(c, CHANNEL_SINK_HELPER, call, call_argument(call, 0));
    break;
  default:
    break;
  }
}

/* useRealtime, useOrganizationRealtimeContext, useRealTimeMessaging...: a hook
 * whose name starts with "use" and mentions "realtime" in any case. */
static bool is_realtime_hook_name(const char *t, uint32_t len) {
  if (len < 3 || memcmp(t, "use", 3) != 0)
    return false;
  static const char want[] = "realtime";
  for (uint32_t i = 3; i + 8 <= len; i++) {
    uint32_t k = 0;
    while (k < 8 && (t[i + k] | 0x20) == want[k])
      k++;
    if (k == 8)
      return true;
  }
  return false;
}

static bool is_realtime_hook_call(const Source *src, TSNode n) {
  n = node_unwrap(n);
  if (!node_is(n, "call_expression"))
    return false;
  uint32_t len;
  const char *t = call_callee_name(src, n, &len);
  return t && is_realtime_hook_name(t, len);
}

/* The declarator holding a destructuring pattern element, and the property
 * key the element reads ("subscribe" in `{ subscribe: sub }`). */
static TSNode pattern_declarator(const Module *m, TSNode decl, StrBuf *key) {
  const Source *src = &m->src;
  TSNode null = {0};
  TSNode parent = scope_node_parent(m, decl);
  if (node_is(decl, "shorthand_property_identifier_pattern")) {
    sb_append_n(key, src->bytes + ts_node_start_byte(decl),
                ts_node_end_byte(decl) - ts_node_start_byte(decl));
  } else if (node_is(parent, "pair_pattern")) {
    TSNode k = node_field(parent, "key");
    if (node_is(k, "string"))
      node_string_value(src, k, key);
    else
      sb_append_n(key, src->bytes + ts_node_start_byte(k),
                  ts_node_end_byte(k) - ts_node_start_byte(k));
    parent = scope_node_parent(m, parent);
  } else {
    return null;
  }
  if (!node_is(parent, "object_pattern"))
    return null;
  TSNode d = scope_node_parent(m, parent);
  return node_is(d, "variable_declarator") ? d : null;
}

bool facts_realtime_subscribe(const Module *m, TSNode call) {
  const Source *src = &m->src;
  TSNode callee = node_unwrap(node_field(call, "function"));
  if (node_is(callee, "member_expression")) {
    /* realtime.subscribe(...) / useRealtime(...).subscribe(...) */
    if (!node_text_eq(src, node_field(callee, "property"), "subscribe"))
      return false;
    TSNode obj = node_unwrap(node_field(callee, "object"));
    if (is_realtime_hook_call(src, obj))
      return true;
    if (!node_is(obj, "identifier"))
      return false;
    char *name = node_text_dup(src, obj);
    Binding b = scope_lookup(m, obj, name);
    free(name);
    if (b.kind == BIND_VALUE)
      return is_realtime_hook_call(src, b.node);
    /* const [state, actions] = useRealtime(...); actions.subscribe(...) */
    if (b.kind != BIND_UNKNOWN || !node_is(b.decl, "identifier"))
      return false;
    TSNode pat = scope_node_parent(m, b.decl);
    return node_is(pat, "array_pattern") &&
           node_is(scope_node_parent(m, pat), "variable_declarator") &&
           is_realtime_hook_call(src, node_field(scope_node_parent(m, pat), "value"));
  }
  if (!node_is(callee, "identifier"))
    return false;
  /* const { subscribe } = useRealtime(...); subscribe(...) */
  char *name = node_text_dup(src, callee);
  Binding b = scope_lookup(m, callee, name);
  free(name);
  if (b.kind != BIND_UNKNOWN || ts_node_is_null(b.decl))
    return false;
  StrBuf key = {0};
  TSNode d = pattern_declarator(m, b.decl, &key);
  bool yes = !ts_node_is_null(d) && strcmp(sb_cstr(&key), "subscribe") == 0 &&
             is_realtime_hook_call(src, node_field(d, "value"));
  sb_free(&key);
  return yes;
}

static void add_handler(Collector *c, TSNode arg, bool allow_type) {
  TSNode fn = scope_function_of(c->m, arg);
  if (ts_node_is_null(fn))
    return;
  /* Looked up by node id: a file with thousands of handlers compared each
   * new one with all the others. */
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)fn.id}, 1);
  size_t known = (size_t)(uintptr_t)strmap_get(&c->handler_ids, key);
  if (known) {
    Handler *h = &c->handlers[known - 1];
    h->allow_type = h->allow_type && allow_type;
    return;
  }
  Handler h = {fn, allow_type};
  ARRAY_PUSH(c->handlers, c->nhandlers, c->hcap, h);
  strmap_put(&c->handler_ids, key, (void *)(uintptr_t)c->nhandlers);
}

/* A realtime subscribe(X, handler): X is an event, not a subscriber object
 * (the provider's `subscribe({ onNewMessage })`) or a callback (RxJS). */
static void subscribe_sink(Collector *c, TSNode call) {
  if (call_argument_count(call) < 2)
    return;
  TSNode first = node_unwrap(call_argument(call, 0));
  if (node_is(first, "object") || node_is_function(first))
    return;
  if (!facts_realtime_subscribe(c->m, call))
    return;
  add_event(c, EVENT_SINK_SUBSCRIBE, call, call_argument(call, 0));
  add_handler(c, call_argument(call, 1), false);
}

static void event_sinks(Collector *c, TSNode call, SinkId sink) {
  const Source *src = &c->m->src;
  if (sink == SINK_ID_on && is_member_call(call) &&
      node_string_is(src, call_argument(call, 0), "broadcast")) {
    TSNode filter = node_unwrap(call_argument(call, 1));
    add_event(c, EVENT_SINK_ON_BROADCAST, call, object_property(src, filter, "event"));
    add_handler(c, call_argument(call, 2), true);
  } else if (sink == SINK_ID_send && is_member_call(call)) {
    TSNode msg = node_unwrap(call_argument(call, 0));
    if (node_is(msg, "identifier")) {
      /* const payload = { type: "broadcast", ... }; send(payload) */
      char *name = node_text_dup(src, msg);
      Binding b = scope_lookup(c->m, msg, name);
      free(name);
      if (b.kind == BIND_VALUE)
        msg = node_unwrap(b.node);
    }
    if (node_string_is(src, object_property(src, msg, "type"), "broadcast"))
      add_event(c, EVENT_SINK_SEND, call, object_property(src, msg, "event"));
  } else if (sink == SINK_ID_subscribeToChannel || sink == SINK_ID_broadcastToChannel) {
    add_event(c, EVENT_SINK_HELPER, call, call_argument(call, 1));
  } else if (c->has_subscribe) {
    subscribe_sink(c, call);
  }
}

/* Subtrees that hold no call and bind no name a lookup could find: literals,
 * comments and types. The walk does not enter them (a third of the nodes of
 * typical code are inside strings and type annotations). */
static bool is_opaque(Collector *c, TSNode n) {
  static const char *const types[] = {"string",
                                      "comment",
                                      "number",
                                      "regex",
                                      "type_annotation",
                                      "type_arguments",
                                      "type_parameters",
                                      "interface_declaration",
                                      "type_alias_declaration"};
  TSSymbol sym = ts_node_symbol(n);
  if (sym >= c->nsymbols)
    return node_type_among(n, types, sizeof types / sizeof *types) >= 0;
  if (!c->opaque[sym])
    c->opaque[sym] = node_type_among(n, types, sizeof types / sizeof *types) >= 0 ? 1 : 2;
  return c->opaque[sym] == 1;
}

static bool visit(TSNode n, uint32_t depth, void *data) {
  Collector *c = data;
  if (c->scopes)
    scope_index_build_node(c->scopes, n, depth);
  if (node_is(n, "call_expression"))
    ARRAY_PUSH(c->calls, c->ncalls, c->ccap, n);
  return !is_opaque(c, n);
}

/* With a thread to spare, a large file's walk is split at the root's
 * children: a helper walks the later ones (from the middle byte on) into
 * lists of its own, put after the first half's, where one walk puts them. */
#define SPLIT_WALK_MIN_BYTES (128u * 1024u)

typedef struct LaterHalf {
  Collector c;
  TSNode root;
  uint32_t from, to; /* the root's children it walks */
  bool complete;
  uint64_t spent; /* its budget charges, for the file's */
  pthread_t thread;
} LaterHalf;

static bool walk_children(Collector *c, TSNode root, uint32_t from, uint32_t to) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  bool complete = true, more = ts_tree_cursor_goto_first_child(&cur);
  for (uint32_t i = 0; more && complete && i < to; i++) {
    if (i >= from)
      complete = ast_walk_named_at(ts_tree_cursor_current_node(&cur), 1, visit, c);
    more = ts_tree_cursor_goto_next_sibling(&cur);
  }
  ts_tree_cursor_delete(&cur);
  return complete;
}

static void *later_half_main(void *arg) {
  LaterHalf *h = arg;
  budget_start(0);
  h->complete = walk_children(&h->c, h->root, h->from, h->to);
  h->spent = budget_spent();
  return NULL;
}

/* The index of the first of root's children starting at or after its middle
 * byte, or 0 when that is the first or there is none. */
static uint32_t middle_child(TSNode root) {
  uint32_t middle =
      ts_node_start_byte(root) + (ts_node_end_byte(root) - ts_node_start_byte(root)) / 2;
  TSTreeCursor cur = ts_tree_cursor_new(root);
  uint32_t i = 0, found = 0;
  for (bool more = ts_tree_cursor_goto_first_child(&cur); more && !found;
       more = ts_tree_cursor_goto_next_sibling(&cur), i++)
    if (ts_node_start_byte(ts_tree_cursor_current_node(&cur)) >= middle)
      found = i;
  ts_tree_cursor_delete(&cur);
  return found;
}

static LaterHalf *later_half_start(const Collector *c, TSNode root) {
  uint32_t from = middle_child(root);
  if (!from)
    return NULL;
  LaterHalf *h = xcalloc(1, sizeof *h);
  h->c.m = c->m;
  h->c.arena = c->arena;
  h->c.nsymbols = c->nsymbols;
  h->c.opaque = xcalloc(c->nsymbols + 1, 1);
  h->c.scopes = scope_index_build_continue(c->m->tree, root);
  h->root = root;
  h->from = from;
  h->to = ts_node_child_count(root);
  if (pthread_create(&h->thread, NULL, later_half_main, h) != 0) {
    scope_index_build_end(h->c.scopes, false);
    free(h->c.opaque);
    free(h);
    return NULL;
  }
  return h;
}

/* Joins the helper and puts its half after c's; whether it was complete. */
static bool later_half_join(Collector *c, LaterHalf *h) {
  pthread_join(h->thread, NULL);
  budget_charge(h->spent);
  for (size_t i = 0; i < h->c.ncalls; i++)
    ARRAY_PUSH(c->calls, c->ncalls, c->ccap, h->c.calls[i]);
  scope_index_build_append(c->scopes, h->c.scopes);
  bool complete = h->complete;
  free(h->c.calls);
  free(h->c.opaque);
  free(h);
  return complete;
}

/* The walk of collect: split when asked and worth it. */
static bool walk(Collector *c, TSNode root, bool *split) {
  LaterHalf *later = *split && c->scopes && c->m->src.len >= SPLIT_WALK_MIN_BYTES
                         ? later_half_start(c, root)
                         : NULL;
  *split = later != NULL;
  if (!later)
    return ast_walk_named(root, visit, c);
  ast_work_add(1); /* the root, as the whole walk counts it */
  budget_charge(1);
  bool enter = visit(root, 0, c);
  bool complete = !enter || walk_children(c, root, 0, later->from);
  return later_half_join(c, later) && complete;
}

/* After the walk: recognising a sink looks names up, which needs the scope
 * index the walk has just built. */
static void add_sinks_of(Collector *c, const TSNode *calls, size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    TSNode n = calls[i];
    Callee callee;
    callee.name = call_callee_name(&c->m->src, n, &callee.len);
    SinkId sink = sink_of(callee);
    channel_sinks(c, n, sink);
    event_sinks(c, n, sink);
  }
}

/* The sinks of the later half of the calls, on a helper thread (when the walk
 * was split): into lists of its own, put after the first half's, where one
 * pass puts them. Lookups are answered alike on any thread, and a
 * remembered one charges what finding it did. */
typedef struct LaterSinks {
  Collector c;
  const TSNode *calls;
  size_t from, to;
  uint64_t spent;
  pthread_t thread;
} LaterSinks;

static void *later_sinks_main(void *arg) {
  LaterSinks *h = arg;
  budget_start(0);
  add_sinks_of(&h->c, h->calls, h->from, h->to);
  h->spent = budget_spent();
  return NULL;
}

/* A handler the helper found: new ones follow the first half's, in its
 * order; one both found keeps `.type` only if both allowed it. */
static void merge_handler(Collector *c, const Handler *h) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)h->fn.id}, 1);
  size_t known = (size_t)(uintptr_t)strmap_get(&c->handler_ids, key);
  if (known) {
    c->handlers[known - 1].allow_type = c->handlers[known - 1].allow_type && h->allow_type;
    return;
  }
  ARRAY_PUSH(c->handlers, c->nhandlers, c->hcap, *h);
  strmap_put(&c->handler_ids, key, (void *)(uintptr_t)c->nhandlers);
}

static void add_sinks(Collector *c, bool split) {
  LaterSinks *h = split && c->ncalls > 1 ? xcalloc(1, sizeof *h) : NULL;
  if (h) {
    h->c.m = c->m;
    h->c.arena = c->arena;
    h->c.has_subscribe = c->has_subscribe;
    h->calls = c->calls;
    h->from = c->ncalls / 2;
    h->to = c->ncalls;
    if (pthread_create(&h->thread, NULL, later_sinks_main, h) != 0) {
      free(h);
      h = NULL;
    }
  }
  add_sinks_of(c, c->calls, 0, h ? h->from : c->ncalls);
  if (!h)
    return;
  pthread_join(h->thread, NULL);
  budget_charge(h->spent);
  for (size_t i = 0; i < h->c.nchannels; i++)
    ARRAY_PUSH(c->channels, c->nchannels, c->chcap, h->c.channels[i]);
  for (size_t i = 0; i < h->c.nevents; i++)
    ARRAY_PUSH(c->events, c->nevents, c->evcap, h->c.events[i]);
  for (size_t i = 0; i < h->c.nhandlers; i++)
    merge_handler(c, &h->c.handlers[i]);
  free(h->c.channels);
  free(h->c.events);
  free(h->c.handlers);
  strmap_free(&h->c.handler_ids, NULL);
  free(h);
}

/* The handler's first parameter node: an identifier or a pattern. */
static TSNode first_param(TSNode fn) {
  TSNode single = node_field(fn, "parameter");
  if (!ts_node_is_null(single))
    return single;
  TSNode params = node_field(fn, "parameters"), null = {0};
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    if (node_is(p, "comment"))
      continue;
    TSNode pat = node_field(p, "pattern");
    return ts_node_is_null(pat) ? p : pat;
  }
  return null;
}

/* `{ event }` or `{ event: evt }` in the handler's first parameter binds name. */
static bool param_destructures_event(const Source *src, TSNode fn, const char *name) {
  TSNode pat = first_param(fn);
  if (!node_is(pat, "object_pattern"))
    return false;
  uint32_t n = ts_node_named_child_count(pat);
  for (uint32_t i = 0; i < n; i++) {
    TSNode el = ts_node_named_child(pat, i);
    if (node_is(el, "shorthand_property_identifier_pattern") && strcmp(name, "event") == 0 &&
        node_text_eq(src, el, "event"))
      return true;
    if (node_is(el, "pair_pattern") && node_text_eq(src, node_field(el, "key"), "event") &&
        node_is(node_field(el, "value"), "identifier") &&
        node_text_eq(src, node_field(el, "value"), name))
      return true;
  }
  return false;
}

/* No function between `at` and the handler rebinds name in its parameters. */
static bool binds_in_handler(const Module *m, TSNode at, TSNode fn, const char *name) {
  for (TSNode n = scope_node_parent(m, at); !ts_node_is_null(n); n = scope_node_parent(m, n)) {
    if (ts_node_eq(n, fn))
      return true;
    if (node_is_function(n)) {
      TSNode params = node_field(n, "parameters");
      if (function_param_index(m, n, name) >= 0)
        return false;
      if (!ts_node_is_null(params)) {
        char *text = node_text_dup(&m->src, params);
        bool mentions = strstr(text, name) != NULL;
        free(text);
        if (mentions)
          return false;
      }
    }
  }
  return false;
}

/* `const { event } = msg` (or `{ event: evt }`) where msg is the handler's
 * first parameter. */
static bool destructured_from_message(const Module *m, const Handler *h, const Binding *b,
                                      bool *by_type) {
  if (ts_node_is_null(b->decl))
    return false;
  const Source *src = &m->src;
  TSNode el = b->decl, pat = scope_node_parent(m, el), key = el;
  if (node_is(pat, "pair_pattern")) {
    key = node_field(pat, "key");
    pat = scope_node_parent(m, pat);
  } else if (!node_is(el, "shorthand_property_identifier_pattern")) {
    return false;
  }
  TSNode decl = scope_node_parent(m, pat);
  if (!node_is(pat, "object_pattern") || !node_is(decl, "variable_declarator"))
    return false;
  bool is_type = h->allow_type && node_text_eq(src, key, "type");
  if (!node_text_eq(src, key, "event") && !is_type)
    return false;
  TSNode v = node_unwrap(node_field(decl, "value"));
  if (!node_is(v, "identifier"))
    return false;
  char *name = node_text_dup(src, v);
  Binding vb = scope_lookup(m, v, name);
  bool yes = vb.kind == BIND_PARAM && ts_node_eq(vb.node, h->fn) &&
             function_param_index(m, h->fn, name) == 0;
  free(name);
  *by_type = is_type;
  return yes;
}

/* Is e the incoming event of handler h: `msg.event` (`msg.type` for Supabase
 * messages) on its first parameter, a destructured `{ event }`, or a local
 * const holding one of those? */
static bool incoming_event(const Module *m, const Handler *h, TSNode e, int depth, bool *by_type) {
  const Source *src = &m->src;
  e = node_unwrap(e);
  if (node_is(e, "member_expression")) {
    TSNode prop = node_field(e, "property"), obj = node_unwrap(node_field(e, "object"));
    bool is_event = node_text_eq(src, prop, "event");
    bool is_type = h->allow_type && node_text_eq(src, prop, "type");
    if ((!is_event && !is_type) || !node_is(obj, "identifier"))
      return false;
    char *name = node_text_dup(src, obj);
    Binding b = scope_lookup(m, obj, name);
    bool yes = b.kind == BIND_PARAM && ts_node_eq(b.node, h->fn) &&
               function_param_index(m, h->fn, name) == 0;
    free(name);
    *by_type = is_type;
    return yes;
  }
  if (!node_is(e, "identifier"))
    return false;
  char *name = node_text_dup(src, e);
  Binding b = scope_lookup(m, e, name);
  bool yes = false;
  if (b.kind == BIND_VALUE && depth == 0)
    yes = incoming_event(m, h, b.node, depth + 1, by_type); /* const evt = msg.event */
  else if (b.kind == BIND_UNKNOWN)
    yes = (param_destructures_event(src, h->fn, name) && binds_in_handler(m, e, h->fn, name)) ||
          (depth == 0 && destructured_from_message(m, h, &b, by_type));
  free(name);
  return yes;
}

static bool is_equality(const Source *src, TSNode bin) {
  TSNode op = node_field(bin, "operator");
  return node_text_eq(src, op, "===") || node_text_eq(src, op, "==") ||
         node_text_eq(src, op, "!==") || node_text_eq(src, op, "!=");
}

/* `msg.type === "broadcast"` checks the message kind, not the event. */
static bool is_message_kind(const Source *src, TSNode n) {
  return node_string_is(src, n, "broadcast") || node_string_is(src, n, "presence") ||
         node_string_is(src, n, "postgres_changes");
}

typedef struct CompareScan {
  Collector *c;
  const Handler *h;
} CompareScan;

static bool visit_compare(TSNode n, void *data) {
  CompareScan *cs = data;
  const Module *m = cs->c->m;
  bool by_type = false;
  if (node_is(n, "binary_expression") && is_equality(&m->src, n)) {
    TSNode l = node_field(n, "left"), r = node_field(n, "right");
    TSNode other = {0};
    if (incoming_event(m, cs->h, l, 0, &by_type))
      other = r;
    else if (incoming_event(m, cs->h, r, 0, &by_type))
      other = l;
    if (!ts_node_is_null(other) && !(by_type && is_message_kind(&m->src, other)))
      add_event(cs->c, EVENT_SINK_COMPARE, n, other);
  } else if (node_is(n, "switch_statement") &&
             incoming_event(m, cs->h, node_field(n, "value"), 0, &by_type)) {
    TSNode body = node_field(n, "body");
    uint32_t count = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < count; i++) {
      TSNode cs_node = ts_node_named_child(body, i);
      TSNode v = node_field(cs_node, "value");
      if (node_is(cs_node, "switch_case") && !(by_type && is_message_kind(&m->src, v)))
        add_event(cs->c, EVENT_SINK_COMPARE, cs_node, v);
    }
  }
  return true;
}

/* Comparisons with the incoming event inside every broadcast handler. */
static void add_compare_sites(Collector *c) {
  for (size_t i = 0; i < c->nhandlers; i++) {
    CompareScan cs = {c, &c->handlers[i]};
    TSNode body = node_field(c->handlers[i].fn, "body");
    if (!ts_node_is_null(body))
      ast_walk(body, visit_compare, &cs);
  }
}

/* The named function (declaration or const-bound) that owns param `arg`,
 * when arg is one of its parameters. Returns the parameter index or -1. */
static int wrapper_param(const Module *m, TSNode arg, TSNode *fn, char **fn_name) {
  arg = node_unwrap(arg);
  if (!node_is(arg, "identifier"))
    return -1;
  char *name = node_text_dup(&m->src, arg);
  Binding b = scope_lookup(m, arg, name);
  int idx = -1;
  if (b.kind == BIND_PARAM) {
    idx = function_param_index(m, b.node, name);
    TSNode f = b.node, id = node_field(f, "name");
    if (ts_node_is_null(id)) {
      TSNode parent = scope_node_parent(m, f);
      if (node_is(parent, "variable_declarator"))
        id = node_field(parent, "name");
    }
    if (node_is(id, "identifier")) {
      *fn = f;
      *fn_name = node_text_dup(&m->src, id);
    } else {
      idx = -1;
    }
  }
  free(name);
  return idx;
}

typedef struct CallList {
  size_t *idx;
  size_t n, cap;
  /* For the calls of one name: the function each is bound to (its node id)
   * -> the calls bound to it, built on first use. */
  StrMap *by_function;
} CallList;

static void free_call_list(void *p) {
  CallList *l = p;
  if (l->by_function) {
    strmap_free(l->by_function, free_call_list);
    free(l->by_function);
  }
  free(l->idx);
  free(l);
}

static void push_call(StrMap *lists, const char *key, size_t k) {
  CallList *l = strmap_get(lists, key);
  if (!l) {
    l = xcalloc(1, sizeof *l);
    strmap_put(lists, key, l);
  }
  ARRAY_PUSH(l->idx, l->n, l->cap, k);
}

/* Calls by the name of their identifier callee, in document order: a file
 * with many wrappers looked at every call for each. */
static void index_calls_by_callee(Collector *c, StrMap *by_name) {
  for (size_t k = 0; k < c->ncalls; k++) {
    TSNode callee = node_unwrap(node_field(c->calls[k], "function"));
    if (!node_is(callee, "identifier"))
      continue;
    char *name = node_text_dup(&c->m->src, callee);
    push_call(by_name, name, k);
    free(name);
  }
}

static const char *function_key(TSNode fn, char *buf) {
  unsigned long long id = (unsigned long long)(uintptr_t)fn.id;
  return strmap_num_key(buf, &id, 1);
}

/* The calls named fn_name that are bound to the function fn, in document
 * order. The name's calls are looked up once, not once per function of that
 * name (a file of many components, each with a helper of the same name). */
static const CallList *calls_bound_to(Collector *c, CallList *named, const char *fn_name,
                                      TSNode fn) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  if (!named->by_function) {
    named->by_function = xcalloc(1, sizeof *named->by_function);
    for (size_t j = 0; j < named->n; j++) {
      TSNode callee = node_unwrap(node_field(c->calls[named->idx[j]], "function"));
      Binding b = scope_lookup(c->m, callee, fn_name);
      if (b.kind != BIND_FUNCTION)
        continue;
      push_call(named->by_function, function_key(b.node, key), named->idx[j]);
    }
  }
  return strmap_get(named->by_function, function_key(fn, key));
}

/* One level of wrappers: calls of a local function that passes its parameter
 * into a sink become sinks for the matching argument. */
static void add_wrapper_sites(Collector *c) {
  size_t nch = c->nchannels, nev = c->nevents;
  StrMap by_name = {0};
  bool indexed = false;
  for (size_t pass = 0; pass < 2; pass++) {
    size_t n = pass == 0 ? nch : nev;
    for (size_t i = 0; i < n; i++) {
      TSNode arg = pass == 0 ? c->channels[i].arg : c->events[i].arg;
      TSNode fn;
      char *fn_name = NULL;
      int idx = wrapper_param(c->m, arg, &fn, &fn_name);
      if (idx < 0)
        continue;
      if (!indexed) {
        index_calls_by_callee(c, &by_name);
        indexed = true;
      }
      CallList *named = strmap_get(&by_name, fn_name);
      const CallList *calls = named ? calls_bound_to(c, named, fn_name, fn) : NULL;
      for (size_t j = 0; calls && j < calls->n; j++) {
        TSNode call = c->calls[calls->idx[j]];
        TSNode a = call_argument(call, (uint32_t)idx);
        if (pass == 0)
          add_channel(c, CHANNEL_SINK_WRAPPER, call, a);
        else
          add_event(c, EVENT_SINK_WRAPPER, call, a);
      }
      free(fn_name);
    }
  }
  strmap_free(&by_name, free_call_list);
}

static void collect(Facts *f, const Module *m, TSNode root, bool wrappers, bool split,
                    Arena *arena) {
  Collector c;
  memset(&c, 0, sizeof c);
  c.m = m;
  c.arena = arena;
  memset(f, 0, sizeof *f);
  if (!m->tree)
    return;
  c.has_subscribe = strstr(m->src.bytes, "subscribe") != NULL;
  bool whole = ts_node_eq(root, ts_tree_root_node(m->tree));
  c.scopes = whole ? scope_index_build_begin(m->tree) : NULL;
  c.nsymbols = ts_language_symbol_count(ts_tree_language(m->tree));
  c.opaque = xcalloc(c.nsymbols + 1, 1);
  bool complete = walk(&c, root, &split);
  free(c.opaque);
  if (c.scopes)
    scope_index_adopt(m, scope_index_build_end(c.scopes, complete));
  add_sinks(&c, split);
  add_compare_sites(&c);
  if (wrappers)
    add_wrapper_sites(&c);
  /* Copy into the arena so the facts die with the file's analysis. */
  f->calls = arena_alloc(arena, (c.ncalls + 1) * sizeof *f->calls);
  if (c.ncalls) /* memcpy from NULL is undefined even for 0 bytes */
    memcpy(f->calls, c.calls, c.ncalls * sizeof *f->calls);
  f->ncalls = c.ncalls;
  f->channels = arena_alloc(arena, (c.nchannels + 1) * sizeof *f->channels);
  if (c.nchannels)
    memcpy(f->channels, c.channels, c.nchannels * sizeof *f->channels);
  f->nchannels = c.nchannels;
  f->events = arena_alloc(arena, (c.nevents + 1) * sizeof *f->events);
  if (c.nevents)
    memcpy(f->events, c.events, c.nevents * sizeof *f->events);
  f->nevents = c.nevents;
  free(c.calls);
  free(c.channels);
  free(c.events);
  free(c.handlers);
  strmap_free(&c.handler_ids, NULL);
}

void facts_collect_split(Facts *f, const Module *m, Arena *arena, bool spare_thread) {
  if (m->tree)
    collect(f, m, ts_tree_root_node(m->tree), true, spare_thread, arena);
  else
    memset(f, 0, sizeof *f);
}

void facts_collect(Facts *f, const Module *m, Arena *arena) {
  facts_collect_split(f, m, arena, false);
}

void facts_collect_in(Facts *f, const Module *m, TSNode root, Arena *arena) {
  collect(f, m, root, false, false, arena);
}
