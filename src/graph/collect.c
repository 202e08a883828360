/* graph_collect: one file's realtime sites, from the facts the lint already
 * holds (direct sinks and the wrapper sites of resolve/flow.c). The event is
 * the site's argument resolved where it is written; the channel is the one
 * the sink call opens: the channel argument of the same wrapper call, else
 * the receiver chain of the sink call (`supabase.channel(x).on(...)`, a
 * local `const ch = ...channel(x)`, the helpers' first argument), resolved in
 * the sink's module (a wrapper's parameters become `{}` segments). */
#include "core/strmap.h"
#include "core/util.h"
#include "graph/model.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"
#include "rules/event_naming.h"

#include <stdlib.h>
#include <string.h>

/* One value per alternative, at most this many (a conditional event). */
#define MAX_EVENT_ALTS 8
#define MAX_RECEIVER_DEPTH 8

static bool callee_named(const Source *src, TSNode call, const char *name) {
  uint32_t len = 0;
  const char *t = call_callee_name(src, call, &len);
  return t && mem_eq_str(t, len, name);
}

static bool is_channel_open(const Source *src, TSNode call) {
  return callee_named(src, call, "channel") || callee_named(src, call, "getChannel");
}

/* Where a sink's channel comes from: the channel-name expression (in mod),
 * or a parameter of the function around it (a channel object, or a name),
 * or nothing known. */
typedef struct ChanRef {
  const Module *mod;
  TSNode name; /* the channel-name expression; null when not found */
  int param;   /* else: the parameter index holding it, or -1 */
  bool object; /* the parameter holds a channel object, not its name */
} ChanRef;

static int param_index_of(const Module *m, TSNode id) {
  if (!node_is(id, "identifier"))
    return -1;
  char *name = node_text_dup(&m->src, id);
  Binding b = scope_lookup(m, id, name);
  int k = b.kind == BIND_PARAM ? function_param_index(m, b.node, name) : -1;
  free(name);
  return k;
}

/* The channel of a call that opens one through the app's own function
 * (`open(name)` returning `supabase.channel(name)`): a channel site of the
 * facts at that call. */
/* The channel sites of the file being collected, ordered by their call's
 * byte range (then by index): every call of every receiver chain looks
 * itself up, and a scan of all the sites made that quadratic. Set for the
 * duration of one graph_collect, on its thread. */
typedef struct ChannelArgIndex {
  const Facts *f;
  size_t *order;
} ChannelArgIndex;
static _Thread_local ChannelArgIndex arg_index;

static int cmp_channel_call(const void *a, const void *b) {
  const ChannelSite *x = &arg_index.f->channels[*(const size_t *)a];
  const ChannelSite *y = &arg_index.f->channels[*(const size_t *)b];
  uint32_t xs = ts_node_start_byte(x->call), ys = ts_node_start_byte(y->call);
  if (xs != ys)
    return xs < ys ? -1 : 1;
  uint32_t xe = ts_node_end_byte(x->call), ye = ts_node_end_byte(y->call);
  if (xe != ye)
    return xe < ye ? -1 : 1;
  return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void channel_arg_index_begin(const Facts *f) {
  arg_index.f = f;
  arg_index.order = xcalloc(f->nchannels + 1, sizeof *arg_index.order);
  for (size_t i = 0; i < f->nchannels; i++)
    arg_index.order[i] = i;
  if (f->nchannels > 1)
    qsort(arg_index.order, f->nchannels, sizeof *arg_index.order, cmp_channel_call);
}

static void channel_arg_index_end(void) {
  free(arg_index.order);
  arg_index = (ChannelArgIndex){NULL, NULL};
}

/* The argument of the first of f's channel sites at `call`, or null. */
static TSNode facts_channel_arg(const Facts *f, TSNode call) {
  TSNode null = {0};
  if (!f)
    return null;
  if (f != arg_index.f) {
    for (size_t i = 0; i < f->nchannels; i++)
      if (ts_node_eq(f->channels[i].call, call))
        return f->channels[i].arg;
    return null;
  }
  uint32_t s = ts_node_start_byte(call), e = ts_node_end_byte(call);
  size_t lo = 0, hi = f->nchannels;
  while (lo < hi) { /* the first site whose call starts at or after `call` */
    size_t mid = lo + (hi - lo) / 2;
    const ChannelSite *c = &f->channels[arg_index.order[mid]];
    uint32_t cs = ts_node_start_byte(c->call), ce = ts_node_end_byte(c->call);
    if (cs < s || (cs == s && ce < e))
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < f->nchannels; lo++) {
    const ChannelSite *c = &f->channels[arg_index.order[lo]];
    if (ts_node_start_byte(c->call) != s || ts_node_end_byte(c->call) != e)
      break;
    if (ts_node_eq(c->call, call))
      return c->arg;
  }
  return null;
}

/* Follows a receiver chain (`ch.on(...).on(...)`, `const ch = ...`,
 * `useMemo(() => supabase.channel(x))`) in m to the channel it opens. f:
 * m's facts when m is the file being collected, else NULL. */
static ChanRef receiver_ref(const Module *m, const Facts *f, TSNode n) {
  ChanRef ref = {.mod = m, .param = -1, .object = true};
  for (int depth = 0; depth < MAX_RECEIVER_DEPTH && !ts_node_is_null(n); depth++) {
    n = node_unwrap(n);
    if (node_is(n, "await_expression")) {
      n = ts_node_named_child(n, 0);
      continue;
    }
    if (node_is(n, "call_expression")) {
      TSNode via = facts_channel_arg(f, n);
      if (is_channel_open(&m->src, n) || !ts_node_is_null(via)) {
        ref.name = ts_node_is_null(via) ? call_argument(n, 0) : via;
        return ref;
      }
      if (callee_named(&m->src, n, "useMemo")) {
        TSNode fn = node_unwrap(call_argument(n, 0)), ret[1];
        if (!node_is_function(fn) || function_returns(fn, ret, 1) == 0)
          return ref;
        n = ret[0];
        continue;
      }
      n = call_callee_object(n); /* ch.on(...).on(...): the chain's start */
      continue;
    }
    if (node_is(n, "identifier")) {
      char *name = node_text_dup(&m->src, n);
      Binding b = scope_lookup(m, n, name);
      free(name);
      if (b.kind == BIND_PARAM) {
        ref.param = param_index_of(m, n);
        return ref;
      }
      if (b.kind != BIND_VALUE)
        return ref;
      n = b.node;
      continue;
    }
    return ref;
  }
  return ref;
}

/* A channel name given as an expression: itself, or the parameter it is. */
static ChanRef name_ref(const Module *m, TSNode e) {
  ChanRef ref = {.mod = m, .param = -1, .object = false};
  int k = ts_node_is_null(e) ? -1 : param_index_of(m, node_unwrap(e));
  if (k >= 0)
    ref.param = k;
  else
    ref.name = e;
  return ref;
}

/* The channel of a sink call (.send/.on/helpers). */
static ChanRef sink_ref(const Module *m, const Facts *f, TSNode call) {
  uint32_t len = 0;
  const char *callee = call_callee_name(&m->src, call, &len);
  if (callee && (mem_eq_str(callee, len, "broadcastToChannel") ||
                 mem_eq_str(callee, len, "subscribeToChannel")))
    return name_ref(m, call_argument(call, 0));
  if (callee && (mem_eq_str(callee, len, "on") || mem_eq_str(callee, len, "send")))
    return receiver_ref(m, f, call_callee_object(call));
  ChanRef none = {.mod = m, .param = -1, .object = true};
  return none;
}

/* The sink call a trail's last link points at: `at` is the start of the
 * call, or of its method name for a member call (resolve/flow.c). */
static TSNode sink_call_at(const Module *m, uint32_t at) {
  TSNode n = scope_node_for_range(m, at, at), null = {0};
  for (int up = 0; !ts_node_is_null(n) && up < 4; n = scope_node_parent(m, n), up++) {
    if (!node_is(n, "call_expression"))
      continue;
    TSNode fn = node_unwrap(node_field(n, "function"));
    TSNode prop = node_is(fn, "member_expression") ? node_field(fn, "property") : null;
    uint32_t start = ts_node_is_null(prop) ? ts_node_start_byte(n) : ts_node_start_byte(prop);
    if (start == at)
      return n;
  }
  return null;
}

/* "org:{}:conv:{}" from a value, or NULL when it cannot be told: several
 * different shapes, an unknown branch, or a hole in the first segment (it
 * may stand for several segments). */
static char *value_shape(const Value *v) {
  if (v->nalts == 0 || v->has_unknown)
    return NULL;
  char *shape = NULL;
  for (uint32_t a = 0; a < v->nalts; a++) {
    ShapeSegment segs[SHAPE_MAX_SEGMENTS];
    int n = shape_split_value(v->alts[a].parts, v->alts[a].nparts, segs);
    StrBuf sb = {0};
    bool ok = n > 0 && !segs[0].has_hole;
    for (int i = 0; ok && i < n; i++) {
      if (i)
        sb_putc(&sb, ':');
      for (const char *t = sb_cstr(&segs[i].text); *t; t++)
        if (*t == '\x01')
          sb_append(&sb, "{}");
        else
          sb_putc(&sb, *t);
    }
    shape_segments_free(segs);
    char *s = ok ? sb_take(&sb) : NULL;
    sb_free(&sb);
    if (!s || (shape && strcmp(shape, s) != 0)) {
      free(s);
      free(shape);
      return NULL;
    }
    free(shape);
    shape = s;
  }
  return shape;
}

/* A catalog shape with its parameters as `{}`: "org:{0}:conv:{1}" -> "org:{}:conv:{}". */
/* Whether a catalog shape ("org:{0}:conv:{1}") is `shape` with its
 * placeholders written "{}", compared in place: one allocation per catalog
 * entry per site added up. */
static bool catalog_shape_is(const char *catalog, const char *shape) {
  const char *p = catalog, *q = shape;
  for (; *p; p++, q++) {
    const char *close = *p == '{' ? strchr(p, '}') : NULL;
    if (close) {
      if (q[0] != '{' || q[1] != '}')
        return false;
      p = close;
      q++;
      continue;
    }
    if (*p != *q)
      return false;
  }
  return *q == '\0';
}

/* The UNIFIED_CHANNELS function whose shape is exactly shape (the first by
 * name when several are), or NULL. */
static const char *shape_function(const Standards *std, const char *shape) {
  const char *best = NULL;
  for (size_t i = 0; std && i < std->nchannels; i++) {
    if (catalog_shape_is(std->channels[i].shape, shape) &&
        (!best || strcmp(std->channels[i].name, best) < 0))
      best = std->channels[i].name;
  }
  return best;
}

static void set_channel(const Standards *std, GraphSite *s, char *shape) {
  s->channel_shape = shape;
  const char *fn = shape ? shape_function(std, shape) : NULL;
  s->channel_fn = fn ? xstrdup(fn) : NULL;
}

/* The nearest enclosing function that has a name, or NULL. */
static char *enclosing_function(const Module *m, TSNode at) {
  /* Functions are scope nodes: the index gives the chain around `at` and each
   * one's parent without ts_node_parent, which rescans from the root (a file
   * of thousands of top-level functions made that quadratic). */
  const ScopeIndex *ix = scope_index_of(m);
  uint32_t s = ts_node_start_byte(at), e = ts_node_end_byte(at);
  for (int32_t i = scope_index_innermost(ix, at); i >= 0; i = scope_index_parent(ix, i)) {
    TSNode n = scope_index_node(ix, i);
    if (ts_node_start_byte(n) == s && ts_node_end_byte(n) == e)
      continue; /* `at` itself: the search starts above it */
    if (!node_is_function(n) && !node_is(n, "method_definition"))
      continue;
    TSNode name = node_field(n, "name");
    if (ts_node_is_null(name)) {
      TSNode p = scope_index_holder(ix, i);
      if (node_is(p, "variable_declarator"))
        name = node_field(p, "name");
      else if (node_is(p, "pair"))
        name = node_field(p, "key");
      else if (node_is(p, "public_field_definition"))
        name = node_field(p, "name");
    }
    if (!ts_node_is_null(name) &&
        (node_is(name, "identifier") || node_is(name, "property_identifier") ||
         node_is(name, "private_property_identifier")))
      return node_text_dup(&m->src, name);
  }
  return NULL;
}

/* The values an event expression may take: n > 0 known values, or 0 when
 * some branch is unknown. */
static size_t event_values(Resolver *r, const Module *m, TSNode arg, char **out) {
  if (ts_node_is_null(arg))
    return 0;
  Value v = resolve_expr(r, m, arg);
  if (v.nalts == 0 || v.has_unknown || v.nalts > MAX_EVENT_ALTS)
    return 0;
  size_t n = 0;
  for (uint32_t a = 0; a < v.nalts; a++) {
    const char *lit = val_alt_literal(r->arena, &v.alts[a]);
    if (!lit) {
      for (size_t k = 0; k < n; k++)
        free(out[k]);
      return 0;
    }
    bool dup = false;
    for (size_t k = 0; k < n && !dup; k++)
      dup = strcmp(out[k], lit) == 0;
    if (!dup)
      out[n++] = xstrdup(lit);
  }
  return n;
}

typedef struct Local {
  GraphSite *sites;
  size_t n, cap;
  const Standards *std;
} Local;

static GraphSite *new_site(Local *l, const Module *m, GraphRole role, GraphKind kind, TSNode at) {
  GraphSite s;
  memset(&s, 0, sizeof s);
  s.role = role;
  s.kind = kind;
  s.mod = m;
  s.start = ts_node_start_byte(at);
  s.end = ts_node_end_byte(at);
  SrcPos pos = src_pos(&m->src, s.start);
  s.line = pos.line;
  s.column = pos.col;
  s.path = xstrdup(m->src.path);
  s.function = enclosing_function(m, at);
  ARRAY_PUSH(l->sites, l->n, l->cap, s);
  return &l->sites[l->n - 1];
}

static void set_event(const Standards *std, GraphSite *s, char *value) {
  s->event = value;
  const char *key = value ? event_unified_key(std, value) : NULL;
  s->event_key = key ? xstrdup(key) : NULL;
}

/* The function whose name (or start) is at byte `at` of m: a declaration
 * or method around it, or the function a `const f = ...` binds. */
static TSNode function_at(const Module *m, uint32_t at) {
  TSNode n = scope_node_for_range(m, at, at), null = {0};
  for (; !ts_node_is_null(n); n = scope_node_parent(m, n)) {
    if (node_is_function(n) || node_is(n, "method_definition"))
      return n;
    if (node_is(n, "variable_declarator") || node_is(n, "pair") ||
        node_is(n, "public_field_definition")) {
      TSNode v = node_unwrap(node_field(n, "value"));
      return node_is_function(v) ? v : null;
    }
  }
  return null;
}

typedef struct CallSearch {
  Resolver *r;
  const Module *m;
  const Module *target_mod;
  uint32_t target_at;
  TSNode found;
} CallSearch;

static bool visit_call_of(TSNode n, void *data) {
  CallSearch *cs = data;
  if (!ts_node_is_null(cs->found))
    return false;
  if (!node_is(n, "call_expression"))
    return true;
  const Module *tm = NULL;
  TSNode fn;
  if (resolve_call_target(cs->r, cs->m, n, &tm, &fn) && tm == cs->target_mod &&
      ts_node_start_byte(fn) <= cs->target_at && cs->target_at < ts_node_end_byte(fn))
    cs->found = n;
  return true;
}

/* Inside the trail's function `caller` (module cm), the call of the trail's
 * next function `callee`. */
static TSNode call_between(Resolver *r, const FlowStep *caller, const FlowStep *callee) {
  TSNode fn = function_at(caller->mod, caller->at), null = {0};
  if (ts_node_is_null(fn))
    return null;
  CallSearch cs = {.r = r, .m = caller->mod, .target_mod = callee->mod, .target_at = callee->at};
  ast_walk(fn, visit_call_of, &cs);
  return cs.found;
}

/* The channel shape a ref names, resolved in its module. */
static char *ref_shape(Resolver *r, const ChanRef *ref) {
  if (ts_node_is_null(ref->name))
    return NULL;
  Value v = resolve_expr(r, ref->mod, ref->name);
  return value_shape(&v);
}

#define MAX_HELD 16

/* The channel of an event site: a channel argument of the same call; else
 * the sink call's own channel, followed back up the trail while it is a
 * parameter of the function around it (a channel object or name handed down
 * by the caller). */
static char *site_channel(Resolver *r, const Module *m, const Facts *f, const EventSite *e) {
  TSNode same = facts_channel_arg(f, e->call);
  if (!ts_node_is_null(same)) {
    ChanRef ref = {.mod = m, .name = same, .param = -1};
    return ref_shape(r, &ref);
  }
  if (e->trail.n == 0) {
    ChanRef ref = sink_ref(m, f, e->call);
    return ref_shape(r, &ref);
  }
  const FlowStep *steps = e->trail.steps;
  int n = (int)e->trail.n;
  Module *held[MAX_HELD];
  int nheld = 0;
  Module *sm = (Module *)steps[n - 1].mod;
  project_hold(sm);
  held[nheld++] = sm;
  char *shape = NULL;
  TSNode call = sm->tree ? sink_call_at(sm, steps[n - 1].at) : (TSNode){0};
  ChanRef ref = {.mod = sm, .param = -1, .object = true};
  if (!ts_node_is_null(call))
    ref = sink_ref(sm, sm == m ? f : NULL, call);
  /* ref.param is a parameter of steps[i]'s function: its caller is steps[i-1]
   * (or the site's own call for i == 0). */
  for (int i = n - 2; i >= 0 && ts_node_is_null(ref.name) && ref.param >= 0; i--) {
    const Module *cm = m;
    TSNode caller = e->call;
    if (i > 0) {
      cm = steps[i - 1].mod;
      if (nheld == MAX_HELD)
        break;
      project_hold((Module *)cm);
      held[nheld++] = (Module *)cm;
      if (!cm->tree)
        break;
      caller = call_between(r, &steps[i - 1], &steps[i]);
      if (ts_node_is_null(caller))
        break;
    }
    TSNode arg = call_argument(caller, (uint32_t)ref.param);
    if (ts_node_is_null(arg))
      break;
    ref = ref.object ? receiver_ref(cm, cm == m ? f : NULL, arg) : name_ref(cm, arg);
  }
  shape = ref_shape(r, &ref);
  while (nheld > 0)
    project_release(held[--nheld]);
  return shape;
}

/* An expression reading a parameter of an enclosing function (`event`,
 * `input.event`, a destructured `{ event }`): inside a wrapper, whose callers
 * are the sites (resolve/flow.c). */
static bool refers_to_param(const Module *m, TSNode n) {
  for (int depth = 0; depth < MAX_RECEIVER_DEPTH && !ts_node_is_null(n); depth++) {
    n = node_unwrap(n);
    if (node_is(n, "member_expression")) {
      n = node_field(n, "object");
      continue;
    }
    if (!node_is(n, "identifier") && !node_is(n, "shorthand_property_identifier"))
      return false;
    char *name = node_text_dup(&m->src, n);
    Binding b = scope_lookup(m, n, name);
    free(name);
    if (b.kind == BIND_PARAM)
      return true;
    if (b.kind == BIND_VALUE) {
      n = b.node;
      continue;
    }
    for (TSNode d = b.decl; b.kind == BIND_UNKNOWN && !ts_node_is_null(d);
         d = scope_node_parent(m, d))
      if (node_is(d, "formal_parameters"))
        return true;
    return false;
  }
  return false;
}

static void add_event_site(Local *l, Resolver *r, const Module *m, const Facts *f,
                           const EventSite *e) {
  GraphRole role = event_site_listens(m, e) ? GRAPH_LISTENER : GRAPH_SENDER;
  TSNode at = ts_node_is_null(e->arg) ? e->call : e->arg;
  char *values[MAX_EVENT_ALTS];
  size_t nv = event_values(r, m, e->arg, values);
  if (nv == 0 && !ts_node_is_null(e->arg) && refers_to_param(m, e->arg))
    return; /* a wrapper's own sink: its calls are the sites */
  char *shape = site_channel(r, m, f, e);
  for (size_t k = 0; k < (nv ? nv : 1); k++) {
    GraphSite *s = new_site(l, m, role, GRAPH_BROADCAST, at);
    s->call_start = ts_node_start_byte(e->call);
    s->call_end = ts_node_end_byte(e->call);
    if (e->trail.n) {
      s->trail = xcalloc(e->trail.n, sizeof *s->trail);
      for (uint32_t t = 0; t < e->trail.n; t++)
        s->trail[t] = (struct GraphStep){e->trail.steps[t].mod, e->trail.steps[t].at,
                                         xstrdup(e->trail.steps[t].label)};
      s->ntrail = e->trail.n;
    }
    set_event(l->std, s, nv ? values[k] : NULL);
    set_channel(l->std, s, shape && k + 1 < nv ? xstrdup(shape) : shape);
    if (nv == 1)
      s->rename = graph_rename_at(r, l->std, m, e, s->event);
  }
}

/* The direct listener sites by their call's range, then site order: each
 * comparison in a handler asks which listener is around it, and a file of
 * many `*` listeners has many of both. */
typedef struct ListenerAt {
  uint32_t start, end;
  size_t site;
} ListenerAt;

static int cmp_listener_at(const void *a, const void *b) {
  const ListenerAt *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return x->site < y->site ? -1 : x->site > y->site;
}

static ListenerAt *index_listeners(const Local *l, size_t n_direct, size_t *n) {
  ListenerAt *ix = xmalloc((n_direct + 1) * sizeof *ix);
  *n = 0;
  for (size_t i = 0; i < n_direct; i++)
    if (l->sites[i].role == GRAPH_LISTENER)
      ix[(*n)++] = (ListenerAt){l->sites[i].call_start, l->sites[i].call_end, i};
  if (*n)
    qsort(ix, *n, sizeof *ix, cmp_listener_at);
  return ix;
}

/* The first listener site (in site order) of the call spanning [a, b), or
 * SIZE_MAX. */
static size_t listener_of_call(const ListenerAt *ix, size_t n, uint32_t a, uint32_t b) {
  ListenerAt key = {a, b, 0};
  size_t lo = 0, hi = n;
  uint64_t steps = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    steps++;
    if (cmp_listener_at(&ix[mid], &key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  ast_work_add(steps);
  return lo < n && ix[lo].start == a && ix[lo].end == b ? ix[lo].site : SIZE_MAX;
}

/* The listener (`.on(...)` or `subscribe(...)` site) whose handler holds a
 * comparison, or SIZE_MAX. */
static size_t enclosing_listener(const Module *m, const Local *l, const ListenerAt *ix, size_t nix,
                                 TSNode n) {
  for (n = scope_node_parent(m, n); !ts_node_is_null(n); n = scope_node_parent(m, n)) {
    if (!node_is(n, "call_expression"))
      continue;
    size_t i = listener_of_call(ix, nix, ts_node_start_byte(n), ts_node_end_byte(n));
    if (i != SIZE_MAX) {
      const GraphSite *s = &l->sites[i];
      return s->event && strcmp(s->event, "*") == 0 ? i : SIZE_MAX;
    }
  }
  return SIZE_MAX;
}

static int cmp_case(const void *a, const void *b) {
  return strcmp(((const GraphCase *)a)->event, ((const GraphCase *)b)->event);
}

/* The first case of each event is kept; `seen` holds the site's events so
 * far. The cases are sorted by event once all are in (sort_cases): a
 * handler of many cases sorted them after each. */
static void add_case(GraphSite *s, StrMap *seen, char *event, const Module *m, TSNode at,
                     GraphRename *rename) {
  if (strmap_get(seen, event)) {
    free(event);
    graph_rename_free(rename);
    return;
  }
  strmap_put(seen, event, s);
  ast_work_add(1);
  GraphCase c = {event, m, ts_node_start_byte(at), ts_node_end_byte(at), NULL, rename};
  ARRAY_PUSH(s->cases, s->ncases, s->casecap, c);
}

static void sort_cases(GraphSite *s) {
  if (s->ncases > 1)
    qsort(s->cases, s->ncases, sizeof *s->cases, cmp_case);
}

/* `.on('presence' | 'postgres_changes', { event }, handler)`: listeners of
 * events Supabase itself sends. */
static void add_other_kinds(Local *l, Resolver *r, const Module *m, const Facts *f) {
  for (size_t i = 0; i < f->ncalls; i++) {
    TSNode call = f->calls[i];
    if (!callee_named(&m->src, call, "on") || ts_node_is_null(call_callee_object(call)))
      continue;
    TSNode kind = call_argument(call, 0);
    GraphKind k;
    if (node_string_is(&m->src, kind, "presence"))
      k = GRAPH_PRESENCE;
    else if (node_string_is(&m->src, kind, "postgres_changes"))
      k = GRAPH_POSTGRES;
    else
      continue;
    TSNode ev = object_property(&m->src, node_unwrap(call_argument(call, 1)), "event");
    char *values[MAX_EVENT_ALTS];
    size_t nv = event_values(r, m, ev, values);
    for (size_t v = 1; v < nv; v++)
      free(values[v]);
    GraphSite *s = new_site(l, m, GRAPH_LISTENER, k, ts_node_is_null(ev) ? kind : ev);
    set_event(l->std, s, nv ? values[0] : NULL);
    ChanRef ref = receiver_ref(m, f, call_callee_object(call));
    set_channel(l->std, s, ref_shape(r, &ref));
  }
}

/* Whether a call's callee name begins `use` and holds `Realtime`. */
static bool realtime_hook_call(const Module *m, TSNode call) {
  uint32_t len = 0;
  const char *t = call_callee_name(&m->src, call, &len);
  if (!t || len < 4 || strncmp(t, "use", 3) != 0)
    return false;
  for (uint32_t i = 3; i + 8 <= len; i++)
    if (strncmp(t + i, "Realtime", 8) == 0)
      return true;
  return false;
}

/* `const [, { subscribe }] = useRealtime(...)`: a realtime hook's subscribe
 * taken from the tuple the hook returns, which the facts do not take for a
 * sink. Such a listener's channel is unknown (the hook builds it), so it only
 * ever keeps the senders of its event from being reported. */
static int cmp_node_start(const void *a, const void *b) {
  uint32_t x = ts_node_start_byte(*(const TSNode *)a), y = ts_node_start_byte(*(const TSNode *)b);
  return x < y ? -1 : x > y;
}

/* Whether call is the call of an event site: the sites' calls sorted by start
 * once, not a scan of every site per `subscribe` call. */
static bool is_event_call(const TSNode *by_start, size_t n, TSNode call) {
  uint32_t start = ts_node_start_byte(call);
  size_t lo = 0, hi = n;
  uint64_t steps = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    steps++;
    if (ts_node_start_byte(by_start[mid]) < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  bool known = false;
  for (; lo < n && !known && ts_node_start_byte(by_start[lo]) == start; lo++, steps++)
    known = ts_node_eq(by_start[lo], call);
  ast_work_add(steps);
  return known;
}

static void add_tuple_subscribes(Local *l, Resolver *r, const Module *m, const Facts *f) {
  TSNode *event_calls = NULL;
  for (size_t i = 0; i < f->ncalls; i++) {
    TSNode call = f->calls[i];
    TSNode fn = node_unwrap(node_field(call, "function"));
    if (!node_is(fn, "identifier") || !node_text_eq(&m->src, fn, "subscribe") ||
        call_argument_count(call) < 2)
      continue;
    TSNode first = node_unwrap(call_argument(call, 0));
    if (node_is(first, "object") || node_is_function(first))
      continue;
    if (!event_calls) {
      event_calls = xmalloc((f->nevents + 1) * sizeof *event_calls);
      for (size_t k = 0; k < f->nevents; k++)
        event_calls[k] = f->events[k].call;
      if (f->nevents)
        qsort(event_calls, f->nevents, sizeof *event_calls, cmp_node_start);
    }
    if (is_event_call(event_calls, f->nevents, call))
      continue;
    Binding b = scope_lookup(m, fn, "subscribe");
    TSNode d = b.decl;
    bool in_tuple = false;
    for (int up = 0; up < 6 && !ts_node_is_null(d) && !node_is(d, "variable_declarator"); up++) {
      in_tuple = in_tuple || node_is(d, "array_pattern");
      d = scope_node_parent(m, d);
    }
    if (b.kind != BIND_UNKNOWN || !in_tuple || !node_is(d, "variable_declarator"))
      continue;
    TSNode init = node_unwrap(node_field(d, "value"));
    if (!node_is(init, "call_expression") || !realtime_hook_call(m, init))
      continue;
    char *values[MAX_EVENT_ALTS];
    size_t nv = event_values(r, m, first, values);
    for (size_t k = 0; k < (nv ? nv : 1); k++) {
      GraphSite *s = new_site(l, m, GRAPH_LISTENER, GRAPH_BROADCAST, first);
      set_event(l->std, s, nv ? values[k] : NULL);
    }
  }
  free(event_calls);
}

void graph_collect(GraphSiteList *out, const Standards *std, Resolver *r, const Module *m,
                   const Facts *facts) {
  channel_arg_index_begin(facts);
  Local l = {NULL, 0, 0, std};
  for (size_t i = 0; i < facts->nevents; i++)
    if (facts->events[i].kind != EVENT_SINK_COMPARE)
      add_event_site(&l, r, m, facts, &facts->events[i]);
  size_t direct = l.n, nlisteners;
  ListenerAt *listeners = index_listeners(&l, direct, &nlisteners);
  StrMap *seen = xcalloc(direct + 1, sizeof *seen); /* per site: its cases' events */
  /* Dispatch inside `*` handlers: the cases the listener hears. */
  for (size_t i = 0; i < facts->nevents; i++) {
    const EventSite *e = &facts->events[i];
    if (e->kind != EVENT_SINK_COMPARE)
      continue;
    /* A handler not registered in this file, or one of a named event:
     * nothing to add. */
    size_t owner = enclosing_listener(m, &l, listeners, nlisteners, e->call);
    if (owner == SIZE_MAX)
      continue;
    char *values[MAX_EVENT_ALTS];
    size_t nv = event_values(r, m, e->arg, values);
    GraphSite *s = &l.sites[owner];
    s->case_unknown = s->case_unknown || nv == 0;
    for (size_t k = 0; k < nv; k++)
      add_case(s, &seen[owner], values[k], m, e->arg,
               nv == 1 ? graph_rename_at(r, std, m, e, values[k]) : NULL);
  }
  free(listeners);
  for (size_t i = 0; i < direct; i++) {
    GraphSite *s = &l.sites[i];
    strmap_free(&seen[i], NULL);
    sort_cases(s);
    if (s->case_unknown) { /* a case that cannot be told: it may hear anything */
      for (size_t k = 0; k < s->ncases; k++) {
        free(s->cases[k].event);
        graph_rename_free(s->cases[k].rename);
      }
      free(s->cases);
      s->cases = NULL;
      s->ncases = s->casecap = 0;
    }
    s->dispatch = s->ncases > 0;
  }
  free(seen);
  add_other_kinds(&l, r, m, facts);
  add_tuple_subscribes(&l, r, m, facts);
  channel_arg_index_end();
  for (size_t i = 0; i < l.n; i++)
    ARRAY_PUSH(out->items, out->n, out->cap, l.sites[i]);
  free(l.sites);
}

void graph_add_sites(ContractGraph *g, GraphSiteList *l) {
  if (l->n) {
    pthread_mutex_lock(&g->lock);
    for (size_t i = 0; i < l->n; i++)
      ARRAY_PUSH(g->sites, g->nsites, g->cap, l->items[i]);
    pthread_mutex_unlock(&g->lock);
  }
  free(l->items);
  memset(l, 0, sizeof *l);
}
