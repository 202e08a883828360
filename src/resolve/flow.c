/* Summaries of the app's own functions: which parameter access paths reach
 * which sink kind, composed through calls across files (resolve_call_target
 * follows imports, methods and hook results). Computed on demand during one
 * file's lint, memoised on its resolver, in document order: the result is a
 * function of the files read, whatever thread runs it. A function met again
 * while its own summary is being computed (recursion, import cycles) counts
 * with what it has so far, so every chain terminates. */
#include "resolve/flow.h"

#include "parse/ast.h"
#include "resolve/flow_names.h"
#include "resolve/scope.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Summaries are composed at most this many calls deep; an expression is
 * traced through at most this many names. */
#define FLOW_MAX_DEPTH 12
#define RESOLVE_MAX_TRACE 16

typedef enum FlowSink { FLOW_SENT, FLOW_HEARD, FLOW_CHANNEL } FlowSink;

/* Parameter `param` (or its property `key`) reaches a sink of kind `sink`. */
typedef struct Reach {
  int param;
  const char *key;
  FlowSink sink;
  FlowStep *steps;
  uint32_t nsteps;
} Reach;

typedef struct Summary {
  Reach *reach;
  size_t n, cap;
  bool busy;
} Summary;

/* A site of the linted module's facts by the start of its argument. */
typedef struct SiteAt {
  uint32_t start;
  size_t index;
} SiteAt;

/* The linted module's event and channel sites sorted by where their
 * argument starts, for the facts as they were when sorted: a summary visits
 * the sites inside its function, not every site of the module once per
 * function. */
typedef struct SiteOrder {
  const Facts *facts;
  size_t nevents, nchannels;
  SiteAt *events, *channels;
} SiteOrder;

struct FlowMemo {
  StrMap summaries; /* "<module>:<byte>" -> Summary */
  StrMap facts;     /* "<module>" -> Facts */
  StrMap orders;    /* "<module>" -> SiteOrder of its Facts */
  const FlowNames *names;
};

static void free_summary(void *p) {
  Summary *s = p;
  free(s->reach);
  free(s);
}

static void free_order(void *p) {
  SiteOrder *o = p;
  free(o->events);
  free(o->channels);
  free(o);
}

void flow_memo_free(Resolver *r) {
  if (!r->flow)
    return;
  strmap_free(&r->flow->summaries, free_summary);
  strmap_free(&r->flow->facts, NULL);
  strmap_free(&r->flow->orders, free_order);
  free(r->flow);
  r->flow = NULL;
}

static struct FlowMemo *memo(Resolver *r) {
  if (!r->flow)
    r->flow = xcalloc(1, sizeof *r->flow);
  return r->flow;
}

/* The sites and calls inside fn: the linted module's own facts when fn is
 * there (collected already), else a walk of fn alone. */
static const Facts *facts_of(Resolver *r, const Module *m, TSNode fn) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)m}, 1);
  Facts *f = strmap_get(&memo(r)->facts, key);
  if (f)
    return f;
  f = arena_calloc(r->arena, sizeof *f);
  facts_collect_in(f, m, fn, r->arena);
  return f;
}

static bool inside(TSNode n, uint32_t start, uint32_t end) {
  return !ts_node_is_null(n) && ts_node_start_byte(n) >= start && ts_node_end_byte(n) <= end;
}

static int cmp_site_at(const void *a, const void *b) {
  const SiteAt *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Sorts the k sites of out by start; the rest of its n + 1 entries start
 * past any. */
static SiteAt *sort_sites(SiteAt *out, size_t k, size_t n) {
  qsort(out, k, sizeof *out, cmp_site_at);
  for (size_t i = k; i <= n; i++)
    out[i] = (SiteAt){UINT32_MAX, SIZE_MAX};
  return out;
}

static SiteAt *event_order(const Facts *f) {
  SiteAt *out = xmalloc((f->nevents + 1) * sizeof *out);
  size_t k = 0;
  for (size_t i = 0; i < f->nevents; i++)
    if (!ts_node_is_null(f->events[i].arg))
      out[k++] = (SiteAt){ts_node_start_byte(f->events[i].arg), i};
  return sort_sites(out, k, f->nevents);
}

static SiteAt *channel_order(const Facts *f) {
  SiteAt *out = xmalloc((f->nchannels + 1) * sizeof *out);
  size_t k = 0;
  for (size_t i = 0; i < f->nchannels; i++)
    if (!ts_node_is_null(f->channels[i].arg))
      out[k++] = (SiteAt){ts_node_start_byte(f->channels[i].arg), i};
  return sort_sites(out, k, f->nchannels);
}

/* The order of f's sites when f is the linted module's memoised facts (else
 * NULL: facts of one function hold only its sites), built again when the
 * facts gained sites since. */
static const SiteOrder *site_order(Resolver *r, const Module *m, const Facts *f) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)m}, 1);
  if (strmap_get(&memo(r)->facts, key) != f)
    return NULL;
  SiteOrder *o = strmap_get(&memo(r)->orders, key);
  if (o && o->facts == f && o->nevents == f->nevents && o->nchannels == f->nchannels)
    return o;
  if (!o) {
    o = xcalloc(1, sizeof *o);
    strmap_put(&memo(r)->orders, key, o);
  }
  free(o->events);
  free(o->channels);
  o->facts = f;
  o->nevents = f->nevents;
  o->nchannels = f->nchannels;
  o->events = event_order(f);
  o->channels = channel_order(f);
  ast_work_add(f->nevents + f->nchannels);
  return o;
}

/* The indices of the sites whose argument starts in [start, end], in site
 * order, into a malloc'd *out: all n when there is no order. */
static size_t sites_from(const SiteAt *order, size_t n, uint32_t start, uint32_t end,
                         size_t **out) {
  if (!order) {
    *out = xmalloc((n + 1) * sizeof **out);
    for (size_t i = 0; i < n; i++)
      (*out)[i] = i;
    return n;
  }
  size_t lo = 0, hi = n;
  while (lo < hi) { /* n entries: the sites, then sentinels */
    size_t mid = lo + (hi - lo) / 2;
    if (order[mid].start < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t k = 0;
  while (order[lo + k].start <= end)
    k++;
  *out = xmalloc((k + 1) * sizeof **out);
  for (size_t i = 0; i < k; i++)
    (*out)[i] = order[lo + i].index;
  qsort(*out, k, sizeof **out, cmp_size);
  ast_work_add(k);
  return k;
}

/* ---- A function's name, for trails. ---- */

static TSNode function_name_node(const Module *m, TSNode fn) {
  TSNode id = node_field(fn, "name");
  if (!ts_node_is_null(id))
    return id;
  TSNode parent = scope_node_parent(m, fn);
  if (node_is(parent, "variable_declarator") || node_is(parent, "pair") ||
      node_is(parent, "public_field_definition"))
    return node_is(parent, "pair") ? node_field(parent, "key") : node_field(parent, "name");
  if (node_is(parent, "arguments")) /* useCallback((...) => ...) */
    return function_name_node(m, scope_node_parent(m, parent));
  if (node_is(parent, "call_expression")) {
    TSNode decl = scope_node_parent(m, parent);
    if (node_is(decl, "variable_declarator"))
      return node_field(decl, "name");
  }
  return (TSNode){0};
}

static FlowStep function_step(Arena *a, const Module *m, TSNode fn) {
  TSNode id = function_name_node(m, fn);
  FlowStep s = {m, ts_node_start_byte(fn), "(anonymous function)"};
  if (!ts_node_is_null(id)) {
    uint32_t len;
    const char *t = node_text(&m->src, id, &len);
    s.at = ts_node_start_byte(id);
    s.label = arena_strndup(a, t, len > 64 ? 64 : len);
  }
  return s;
}

static FlowStep sink_step(Arena *a, const Module *m, TSNode call) {
  FlowStep s = {m, ts_node_start_byte(call), "sink"};
  if (node_is(call, "call_expression")) {
    uint32_t len;
    const char *t = call_callee_name(&m->src, call, &len);
    bool member = node_is(node_unwrap(node_field(call, "function")), "member_expression");
    if (t)
      s.label = arena_printf(a, "%s%.*s(...)", member ? "." : "", (int)(len > 64 ? 64 : len), t);
    TSNode f = node_unwrap(node_field(call, "function"));
    if (member)
      s.at = ts_node_start_byte(node_field(f, "property"));
  } else if (node_is(call, "switch_case")) {
    s.label = "case";
  } else {
    s.label = "comparison";
  }
  return s;
}

/* ---- Tracing an expression back to a parameter access path. ---- */

typedef struct Path {
  int param;
  const char *key; /* in the arena; NULL: the parameter itself */
} Path;

static const char *key_text(Arena *a, const Module *m, TSNode k) {
  if (node_is(k, "string")) {
    StrBuf sb = {0};
    node_string_value(&m->src, k, &sb);
    const char *out = arena_strdup(a, sb_cstr(&sb));
    sb_free(&sb);
    return out;
  }
  uint32_t len;
  const char *t = node_text(&m->src, k, &len);
  return arena_strndup(a, t, len);
}

/* The key under which element `el` of an object pattern destructures. */
static const char *pattern_key(Arena *a, const Module *m, TSNode el) {
  if (node_is(el, "shorthand_property_identifier_pattern"))
    return key_text(a, m, el);
  TSNode parent = scope_node_parent(m, el);
  if (node_is(parent, "pair_pattern") && ts_node_eq(node_field(parent, "value"), el))
    return key_text(a, m, node_field(parent, "key"));
  if (node_is(parent, "object_assignment_pattern"))
    return pattern_key(a, m, parent);
  return NULL;
}

/* A parameter `({ event, data })` of fn destructuring name: its index and key. */
static bool destructured_param(Arena *a, const Module *m, TSNode fn, const char *name, Path *out) {
  TSNode params = node_field(fn, "parameters");
  if (ts_node_is_null(params))
    return false;
  uint32_t n = ts_node_named_child_count(params);
  int index = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    if (node_is(p, "comment"))
      continue;
    TSNode pat = node_field(p, "pattern");
    if (node_is(pat, "object_pattern")) {
      uint32_t en = ts_node_named_child_count(pat);
      for (uint32_t k = 0; k < en; k++) {
        TSNode el = ts_node_named_child(pat, k);
        TSNode id = el;
        if (node_is(el, "pair_pattern"))
          id = node_field(el, "value");
        else if (node_is(el, "object_assignment_pattern"))
          id = node_field(el, "left");
        if ((node_is(id, "identifier") || node_is(id, "shorthand_property_identifier_pattern")) &&
            node_text_eq(&m->src, id, name)) {
          out->param = index;
          out->key = pattern_key(a, m, id);
          return out->key != NULL;
        }
      }
    }
    index++;
  }
  return false;
}

/* The innermost function around `at` whose parameters mention name: the one
 * whose parameter `at` refers to. */
static TSNode function_binding(const Module *m, TSNode at, const char *name) {
  for (TSNode n = scope_node_parent(m, at); !ts_node_is_null(n); n = scope_node_parent(m, n)) {
    if (!node_is_function(n))
      continue;
    TSNode params = node_field(n, "parameters");
    if (ts_node_is_null(params))
      params = node_field(n, "parameter");
    if (ts_node_is_null(params))
      continue;
    uint32_t len;
    const char *t = node_text(&m->src, params, &len);
    size_t nlen = strlen(name);
    for (uint32_t i = 0; i + nlen <= len; i++)
      if (memcmp(t + i, name, nlen) == 0)
        return n;
  }
  return (TSNode){0};
}

static bool trace(Arena *a, const Module *m, TSNode fn, TSNode e, const char *key, int depth,
                  Path *out);

static bool trace_identifier(Arena *a, const Module *m, TSNode fn, TSNode e, const char *key,
                             int depth, Path *out) {
  char *name = node_text_dup(&m->src, e);
  Binding b = scope_lookup(m, e, name);
  bool ok = false;
  if (b.kind == BIND_PARAM) {
    if (ts_node_eq(b.node, fn)) {
      out->param = function_param_index(m, fn, name);
      out->key = key;
      ok = out->param >= 0;
    }
  } else if (b.kind == BIND_VALUE) {
    ok = trace(a, m, fn, b.node, key, depth + 1, out);
  } else if (b.kind == BIND_UNKNOWN && !key) {
    TSNode decl = ts_node_is_null(b.decl) ? (TSNode){0} : b.decl;
    TSNode pat = ts_node_is_null(decl) ? decl : scope_node_parent(m, decl);
    if (node_is(pat, "pair_pattern") || node_is(pat, "object_assignment_pattern"))
      pat = scope_node_parent(m, pat);
    TSNode holder = ts_node_is_null(pat) ? pat : scope_node_parent(m, pat);
    if (node_is(pat, "object_pattern") && node_is(holder, "variable_declarator")) {
      /* const { event } = message */
      const char *k = pattern_key(a, m, decl);
      ok = k && trace(a, m, fn, node_field(holder, "value"), k, depth + 1, out);
    } else if (ts_node_eq(function_binding(m, e, name), fn)) {
      ok = destructured_param(a, m, fn, name, out);
    }
  }
  free(name);
  return ok;
}

static bool trace(Arena *a, const Module *m, TSNode fn, TSNode e, const char *key, int depth,
                  Path *out) {
  e = node_unwrap(e);
  if (ts_node_is_null(e) || depth > RESOLVE_MAX_TRACE)
    return false;
  if (node_is(e, "identifier") || node_is(e, "shorthand_property_identifier"))
    return trace_identifier(a, m, fn, e, key, depth, out);
  if (node_is(e, "member_expression") && !key) {
    TSNode prop = node_field(e, "property");
    if (!node_is(prop, "property_identifier"))
      return false;
    return trace(a, m, fn, node_field(e, "object"), key_text(a, m, prop), depth + 1, out);
  }
  if (node_is(e, "object") && key) {
    TSNode v = object_property(&m->src, e, key);
    return !ts_node_is_null(v) && trace(a, m, fn, v, NULL, depth + 1, out);
  }
  return false;
}

/* ---- Summaries. ---- */

static FlowSink event_sink_of(const Module *m, const EventSite *s) {
  switch (s->kind) {
  case EVENT_SINK_ON_BROADCAST:
  case EVENT_SINK_SUBSCRIBE:
  case EVENT_SINK_COMPARE:
    return FLOW_HEARD;
  case EVENT_SINK_HELPER: {
    uint32_t len;
    const char *t = call_callee_name(&m->src, s->call, &len);
    return t && mem_eq_str(t, len, "subscribeToChannel") ? FLOW_HEARD : FLOW_SENT;
  }
  case EVENT_SINK_WRAPPER:
    return s->listens ? FLOW_HEARD : FLOW_SENT;
  case EVENT_SINK_SEND:
    return FLOW_SENT;
  }
  return FLOW_SENT;
}

static bool same_key(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

static void add_reach(Summary *s, Arena *a, Path p, FlowSink sink, FlowStep first,
                      const FlowStep *rest, uint32_t nrest) {
  for (size_t i = 0; i < s->n; i++)
    if (s->reach[i].param == p.param && s->reach[i].sink == sink &&
        same_key(s->reach[i].key, p.key))
      return;
  if (nrest > FLOW_MAX_TRAIL - 1)
    nrest = FLOW_MAX_TRAIL - 1;
  Reach r = {p.param, p.key, sink, arena_alloc(a, (nrest + 1) * sizeof(FlowStep)), nrest + 1};
  r.steps[0] = first;
  if (nrest)
    memcpy(r.steps + 1, rest, nrest * sizeof *rest);
  ARRAY_PUSH(s->reach, s->n, s->cap, r);
}

/* Whether the callee's name can denote a summarised function at all (the
 * names of flow_names.h); without a name set every callee is followed. */
static bool callee_may_flow(Resolver *r, const Module *m, TSNode call) {
  const FlowNames *names = memo(r)->names;
  if (!names)
    return true;
  uint32_t len;
  const char *t = call_callee_name(&m->src, call, &len);
  return t && flow_names_has(names, t, len);
}

/* The argument of call matching reach (its property when the reach is a
 * property): the node to trace, and the key still to apply when the
 * argument is not an object literal. */
static TSNode reach_argument(const Module *m, TSNode call, const Reach *reach, const char **key) {
  TSNode a = call_argument(call, (uint32_t)reach->param);
  *key = NULL;
  if (ts_node_is_null(a) || !reach->key)
    return a;
  TSNode o = node_unwrap(a);
  if (node_is(o, "identifier")) {
    char *name = node_text_dup(&m->src, o);
    Binding b = scope_lookup(m, o, name);
    free(name);
    if (b.kind == BIND_VALUE && node_is(node_unwrap(b.node), "object"))
      o = node_unwrap(b.node); /* const payload = { event, ... }; send(payload) */
  }
  if (node_is(o, "object"))
    return object_property(&m->src, o, reach->key);
  *key = reach->key;
  return a;
}

static Summary *summary_of(Resolver *r, const Module *m, TSNode fn, int depth);

/* A sink the configuration declares, matched by the call's spelling. */
static const UserSink *user_sink(const Resolver *r, const Module *m, TSNode call) {
  if (!r->proj->nuser_sinks)
    return NULL;
  TSNode f = node_unwrap(node_field(call, "function"));
  bool member = node_is(f, "member_expression");
  TSNode name = member ? node_field(f, "property") : f;
  TSNode obj = member ? node_unwrap(node_field(f, "object")) : (TSNode){0};
  for (size_t i = 0; i < r->proj->nuser_sinks; i++) {
    const UserSink *u = &r->proj->user_sinks[i];
    if (!node_text_eq(&m->src, name, u->name) || member != (u->object != NULL))
      continue;
    if (!member || strcmp(u->object, "*") == 0 ||
        (node_is(obj, "identifier") && node_text_eq(&m->src, obj, u->object)) ||
        (node_is(obj, "this") && strcmp(u->object, "this") == 0))
      return u;
  }
  return NULL;
}

static FlowSink user_sink_kind(const UserSink *u) {
  return u->kind == USER_SINK_CHANNEL_BUILDER  ? FLOW_CHANNEL
         : u->kind == USER_SINK_EVENT_LISTENER ? FLOW_HEARD
                                               : FLOW_SENT;
}

/* The first of the calls (in document order, so by start) that starts at or
 * after start. */
static size_t first_call_from(const Facts *f, uint32_t start) {
  size_t lo = 0, hi = f->ncalls;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(f->calls[mid]) < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static void summarise(Resolver *r, const Module *m, TSNode fn, Summary *s, int depth) {
  Arena *a = r->arena;
  const Facts *f = facts_of(r, m, fn);
  const SiteOrder *order = site_order(r, m, f);
  uint32_t start = ts_node_start_byte(fn), end = ts_node_end_byte(fn);
  FlowStep self = function_step(a, m, fn);
  Path p;
  size_t *at;
  size_t n = sites_from(order ? order->events : NULL, f->nevents, start, end, &at);
  for (size_t k = 0; k < n; k++) {
    const EventSite *e = &f->events[at[k]];
    if (e->kind == EVENT_SINK_WRAPPER || !inside(e->arg, start, end))
      continue;
    if (trace(a, m, fn, e->arg, NULL, 0, &p)) {
      FlowStep sink = sink_step(a, m, e->call);
      add_reach(s, a, p, event_sink_of(m, e), self, &sink, 1);
    }
  }
  free(at);
  n = sites_from(order ? order->channels : NULL, f->nchannels, start, end, &at);
  for (size_t k = 0; k < n; k++) {
    const ChannelSite *c = &f->channels[at[k]];
    if (c->kind == CHANNEL_SINK_WRAPPER || !inside(c->arg, start, end))
      continue;
    if (trace(a, m, fn, c->arg, NULL, 0, &p)) {
      FlowStep sink = sink_step(a, m, c->call);
      add_reach(s, a, p, FLOW_CHANNEL, self, &sink, 1);
    }
  }
  free(at);
  if (depth >= FLOW_MAX_DEPTH)
    return;
  for (size_t i = first_call_from(f, start); i < f->ncalls; i++) {
    TSNode call = f->calls[i];
    if (ts_node_start_byte(call) > end)
      break;
    ast_work_add(1);
    if (!inside(call, start, end) || !callee_may_flow(r, m, call))
      continue;
    const UserSink *u = user_sink(r, m, call);
    if (u) {
      if (trace(a, m, fn, call_argument(call, u->argument), NULL, 0, &p)) {
        FlowStep sink = sink_step(a, m, call);
        add_reach(s, a, p, user_sink_kind(u), self, &sink, 1);
      }
      continue;
    }
    const Module *tm;
    TSNode tfn;
    if (!resolve_call_target(r, m, call, &tm, &tfn))
      continue;
    Summary *t = summary_of(r, tm, tfn, depth + 1);
    /* t may be s itself (recursion): index, never hold a pointer across add_reach. */
    size_t count = t ? t->n : 0;
    for (size_t k = 0; k < count; k++) {
      Reach reach = t->reach[k];
      const char *key;
      TSNode arg = reach_argument(m, call, &reach, &key);
      if (!ts_node_is_null(arg) && trace(a, m, fn, arg, key, 0, &p))
        add_reach(s, a, p, reach.sink, self, reach.steps, reach.nsteps);
    }
  }
}

static Summary *summary_of(Resolver *r, const Module *m, TSNode fn, int depth) {
  char key[STRMAP_NUM_KEY_SIZE(2)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)m, ts_node_start_byte(fn)}, 2);
  Summary *s = strmap_get(&memo(r)->summaries, key);
  if (s)
    return s; /* done, or being computed (a cycle): what it has so far */
  s = xcalloc(1, sizeof *s);
  strmap_put(&memo(r)->summaries, key, s);
  s->busy = true;
  summarise(r, m, fn, s, depth);
  s->busy = false;
  return s;
}

/* The facts' sites with more after them, in the arena (the facts' arrays
 * live there too); *n grows by nmore. */
static void *append_sites(Arena *arena, const void *sites, size_t *n, const void *more,
                          size_t nmore, size_t size) {
  if (nmore == 0)
    return (void *)sites;
  char *all = arena_alloc(arena, (*n + nmore + 1) * size);
  if (*n)
    memcpy(all, sites, *n * size);
  memcpy(all + *n * size, more, nmore * size);
  *n += nmore;
  return all;
}

/* ---- Sites in the linted module. ---- */

typedef struct SiteSet {
  StrMap args; /* "<start>:<end>" of every site argument */
} SiteSet;

static bool site_seen(SiteSet *set, TSNode arg) {
  char key[STRMAP_NUM_KEY_SIZE(2)];
  strmap_num_key(key, (unsigned long long[]){ts_node_start_byte(arg), ts_node_end_byte(arg)}, 2);
  if (strmap_get(&set->args, key))
    return true;
  strmap_put(&set->args, key, set);
  return false;
}

void flow_add_sites(Resolver *r, const Module *m, Facts *f, Arena *arena) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)m}, 1);
  strmap_put(&memo(r)->facts, key, f);
  memo(r)->names = r->flow_names;
  /* The direct sites stay; the one-level local wrapper sites are found again
   * below, with their trails. */
  SiteSet seen = {0};
  size_t w = 0;
  for (size_t i = 0; i < f->nevents; i++)
    if (f->events[i].kind != EVENT_SINK_WRAPPER) {
      site_seen(&seen, f->events[i].arg);
      f->events[w++] = f->events[i];
    }
  f->nevents = w;
  w = 0;
  for (size_t i = 0; i < f->nchannels; i++)
    if (f->channels[i].kind != CHANNEL_SINK_WRAPPER) {
      site_seen(&seen, f->channels[i].arg);
      f->channels[w++] = f->channels[i];
    }
  f->nchannels = w;
  EventSite *events = NULL;
  ChannelSite *channels = NULL;
  size_t nev = 0, evcap = 0, nch = 0, chcap = 0;
  for (size_t i = 0; i < f->ncalls; i++) {
    TSNode call = f->calls[i];
    if (!callee_may_flow(r, m, call))
      continue;
    const UserSink *u = user_sink(r, m, call);
    if (u) {
      TSNode arg = call_argument(call, u->argument);
      if (ts_node_is_null(arg) || site_seen(&seen, arg))
        continue;
      if (u->kind == USER_SINK_CHANNEL_BUILDER) {
        ChannelSite c = {CHANNEL_SINK_WRAPPER, call, arg, {NULL, 0}};
        ARRAY_PUSH(channels, nch, chcap, c);
      } else {
        EventSite e = {
            EVENT_SINK_WRAPPER, call, arg, u->kind == USER_SINK_EVENT_LISTENER, {NULL, 0}};
        ARRAY_PUSH(events, nev, evcap, e);
      }
      continue;
    }
    const Module *tm;
    TSNode tfn;
    if (!resolve_call_target(r, m, call, &tm, &tfn))
      continue;
    Summary *t = summary_of(r, tm, tfn, 0);
    for (size_t k = 0; k < t->n; k++) {
      const Reach *reach = &t->reach[k];
      const char *pending;
      TSNode arg = reach_argument(m, call, reach, &pending);
      /* A property of an argument that is no object literal: its value is
       * whatever the caller's own variable holds, judged where it is built. */
      if (ts_node_is_null(arg) || pending || site_seen(&seen, arg))
        continue;
      FlowTrail trail = {reach->steps, reach->nsteps};
      if (reach->sink == FLOW_CHANNEL) {
        ChannelSite c = {CHANNEL_SINK_WRAPPER, call, arg, trail};
        ARRAY_PUSH(channels, nch, chcap, c);
      } else {
        EventSite e = {EVENT_SINK_WRAPPER, call, arg, reach->sink == FLOW_HEARD, trail};
        ARRAY_PUSH(events, nev, evcap, e);
      }
    }
  }
  strmap_free(&seen.args, NULL);
  f->events = append_sites(arena, f->events, &f->nevents, events, nev, sizeof *events);
  f->channels = append_sites(arena, f->channels, &f->nchannels, channels, nch, sizeof *channels);
  free(events);
  free(channels);
}
