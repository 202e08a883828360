#include "resolve/facts.h"

#include "parse/ast.h"
#include "resolve/scope.h"

typedef struct Collector {
  const Module *m;
  Arena *arena;
  TSNode *calls;
  size_t ncalls, ccap;
  ChannelSite *channels;
  size_t nchannels, chcap;
  EventSite *events;
  size_t nevents, evcap;
} Collector;

static bool callee_is(const Source *src, TSNode call, const char *name) {
  uint32_t len;
  const char *t = call_callee_name(src, call, &len);
  return t && mem_eq_str(t, len, name);
}

static bool is_member_call(TSNode call) {
  return node_is(node_unwrap(node_field(call, "function")), "member_expression");
}

static bool string_is(const Source *src, TSNode n, const char *want) {
  n = node_unwrap(n);
  if (!node_is(n, "string"))
    return false;
  StrBuf sb = {0};
  node_string_value(src, n, &sb);
  bool eq = strcmp(sb_cstr(&sb), want) == 0;
  sb_free(&sb);
  return eq;
}

static void add_channel(Collector *c, ChannelSinkKind kind, TSNode call, TSNode arg) {
  if (ts_node_is_null(arg))
    return;
  ChannelSite s = {kind, call, arg};
  ARRAY_PUSH(c->channels, c->nchannels, c->chcap, s);
}

static void add_event(Collector *c, EventSinkKind kind, TSNode call, TSNode arg) {
  if (ts_node_is_null(arg))
    return;
  EventSite s = {kind, call, arg};
  ARRAY_PUSH(c->events, c->nevents, c->evcap, s);
}

static void channel_sinks(Collector *c, TSNode call) {
  const Source *src = &c->m->src;
  if (callee_is(src, call, "channel") && is_member_call(call))
    add_channel(c, CHANNEL_SINK_CLIENT, call, call_argument(call, 0));
  else if (callee_is(src, call, "getChannel") && is_member_call(call))
    add_channel(c, CHANNEL_SINK_MANAGER, call, call_argument(call, 0));
  else if (callee_is(src, call, "subscribeToChannel") || callee_is(src, call, "broadcastToChannel"))
    add_channel(c, CHANNEL_SINK_HELPER, call, call_argument(call, 0));
}

static void event_sinks(Collector *c, TSNode call) {
  const Source *src = &c->m->src;
  if (callee_is(src, call, "on") && is_member_call(call) &&
      string_is(src, call_argument(call, 0), "broadcast")) {
    TSNode filter = node_unwrap(call_argument(call, 1));
    add_event(c, EVENT_SINK_ON_BROADCAST, call, object_property(src, filter, "event"));
  } else if (callee_is(src, call, "send") && is_member_call(call)) {
    TSNode msg = node_unwrap(call_argument(call, 0));
    if (string_is(src, object_property(src, msg, "type"), "broadcast"))
      add_event(c, EVENT_SINK_SEND, call, object_property(src, msg, "event"));
  } else if (callee_is(src, call, "subscribeToChannel") ||
             callee_is(src, call, "broadcastToChannel")) {
    add_event(c, EVENT_SINK_HELPER, call, call_argument(call, 1));
  }
}

static bool visit(TSNode n, void *data) {
  Collector *c = data;
  if (node_is(n, "call_expression")) {
    ARRAY_PUSH(c->calls, c->ncalls, c->ccap, n);
    channel_sinks(c, n);
    event_sinks(c, n);
  }
  return true;
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
      TSNode parent = ts_node_parent(f);
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

/* One level of wrappers: calls of a local function that passes its parameter
 * into a sink become sinks for the matching argument. */
static void add_wrapper_sites(Collector *c) {
  size_t nch = c->nchannels, nev = c->nevents;
  for (size_t pass = 0; pass < 2; pass++) {
    size_t n = pass == 0 ? nch : nev;
    for (size_t i = 0; i < n; i++) {
      TSNode arg = pass == 0 ? c->channels[i].arg : c->events[i].arg;
      TSNode fn;
      char *fn_name = NULL;
      int idx = wrapper_param(c->m, arg, &fn, &fn_name);
      if (idx < 0)
        continue;
      for (size_t k = 0; k < c->ncalls; k++) {
        TSNode call = c->calls[k];
        TSNode callee = node_unwrap(node_field(call, "function"));
        if (!node_is(callee, "identifier") || !node_text_eq(&c->m->src, callee, fn_name))
          continue;
        Binding b = scope_lookup(c->m, callee, fn_name);
        if (b.kind != BIND_FUNCTION || !ts_node_eq(b.node, fn))
          continue;
        TSNode a = call_argument(call, (uint32_t)idx);
        if (pass == 0)
          add_channel(c, CHANNEL_SINK_WRAPPER, call, a);
        else
          add_event(c, EVENT_SINK_WRAPPER, call, a);
      }
      free(fn_name);
    }
  }
}

void facts_collect(Facts *f, const Module *m, Arena *arena) {
  Collector c;
  memset(&c, 0, sizeof c);
  c.m = m;
  c.arena = arena;
  memset(f, 0, sizeof *f);
  if (!m->tree)
    return;
  ast_walk(ts_tree_root_node(m->tree), visit, &c);
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
}
