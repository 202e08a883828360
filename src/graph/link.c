/* graph_link: which senders meet which listeners, and why an end meets
 * nobody. Channels match when their shapes are equal (a UNIFIED_CHANNELS
 * function is its shape), events when their values are equal; a `*`
 * listener hears everything, or exactly its cases when it dispatches; kinds
 * never meet across broadcast/presence/postgres_changes. An end whose match
 * depends on something unknown (an unknown channel or event at the other
 * end) is left alone: docs/contract.md. */
#include "core/strmap.h"
#include "core/util.h"
#include "graph/model.h"
#include "parse/ast.h"
#include "rules/channel_naming.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void graph_init(ContractGraph *g, const Standards *std) {
  memset(g, 0, sizeof *g);
  pthread_mutex_init(&g->lock, NULL);
  g->std = std;
}

void graph_site_free(GraphSite *s) {
  free(s->channel_fn);
  free(s->channel_shape);
  free(s->event);
  free(s->event_key);
  for (size_t k = 0; k < s->ncases; k++) {
    free(s->cases[k].event);
    graph_rename_free(s->cases[k].rename);
  }
  free(s->cases);
  graph_rename_free(s->rename);
  free(s->path);
  free(s->function);
  for (size_t k = 0; k < s->ntrail; k++)
    free(s->trail[k].label);
  free(s->trail);
}

void graph_site_list_free(GraphSiteList *l) {
  for (size_t i = 0; i < l->n; i++)
    graph_site_free(&l->items[i]);
  free(l->items);
  memset(l, 0, sizeof *l);
}

static bool is_wildcard(const GraphSite *s) {
  return s->event && strcmp(s->event, "*") == 0;
}

typedef struct SiteIds {
  size_t *ids;
  size_t n, cap;
} SiteIds;

#define GRAPH_ROLES 2
#define GRAPH_KINDS 3

/* A channel's sites of each role and kind that name their event, in site
 * order; and the first of them for each distinct event. A finding that
 * describes the other end reads these instead of every site on the channel:
 * n listeners of an event nobody sends on one channel cost n, not n^2. */
typedef struct EndLists {
  SiteIds named[GRAPH_ROLES][GRAPH_KINDS];
  SiteIds distinct[GRAPH_ROLES][GRAPH_KINDS];
} EndLists;

/* One distinct shape: its sites, the ends they make (end_key), and the
 * other shapes that are near misses of it. */
typedef struct ShapeSites {
  SiteIds sites;
  StrMap ends;
  EndLists lists;
  /* The listeners that hear a sent value, for linking: "kind:event" -> the
   * listeners naming it (their event, or a dispatch case); and per kind the
   * `*` listeners that hear everything. Both in site order. */
  StrMap hearers;
  SiteIds hear_all[GRAPH_KINDS];
  /* "role:kind:event" -> the sites of that role and kind whose event it is,
   * in site order: the other ends of a near-miss finding, without visiting
   * every site of the near shape per finding. */
  StrMap named;
  SiteIds near; /* indices into GraphShapeIndex.shapes */
} ShapeSites;

struct GraphShapeIndex {
  StrMap by_shape; /* shape -> ShapeSites */
  const char **shapes;
  ShapeSites **entries; /* parallel to shapes */
  size_t nshapes, scap, ecap;
  SiteIds unknown;     /* sites on an unknown channel */
  StrMap unknown_ends; /* and the ends they make */
  EndLists unknown_lists;
  StrMap end_shapes; /* end key -> SiteIds of the shapes that have that end */
};

static void free_ids(void *p) {
  SiteIds *ids = p;
  free(ids->ids);
  free(ids);
}

static void free_end_lists(EndLists *l) {
  for (int r = 0; r < GRAPH_ROLES; r++)
    for (int k = 0; k < GRAPH_KINDS; k++) {
      free(l->named[r][k].ids);
      free(l->distinct[r][k].ids);
    }
}

static void free_shape_sites(void *p) {
  ShapeSites *e = p;
  free(e->sites.ids);
  free_end_lists(&e->lists);
  strmap_free(&e->hearers, free_ids);
  strmap_free(&e->named, free_ids);
  for (int k = 0; k < GRAPH_KINDS; k++)
    free(e->hear_all[k].ids);
  free(e->near.ids);
  strmap_free(&e->ends, NULL);
  free(e);
}

static void shape_index_free(struct GraphShapeIndex *ix) {
  if (!ix)
    return;
  strmap_free(&ix->by_shape, free_shape_sites);
  free(ix->shapes);
  free(ix->entries);
  free(ix->unknown.ids);
  strmap_free(&ix->unknown_ends, NULL);
  free_end_lists(&ix->unknown_lists);
  strmap_free(&ix->end_shapes, free_ids);
  free(ix);
}

/* What a site offers the other end, as keys of its shape's `ends`:
 * "S:kind:E" a sender of E, "S?:kind" a sender of an unknown event,
 * "L:kind:E" a listener of E, "L?:kind" a listener of an unknown event,
 * "L*:kind" a listener of everything, "LC:kind:E" a `*` listener
 * dispatching on E. Matching an end is then a lookup. */
static char *end_key(const char *what, GraphKind kind, const char *event) {
  return event ? xasprintf("%s:%d:%s", what, (int)kind, event)
               : xasprintf("%s:%d", what, (int)kind);
}

static void put_end(StrMap *ends, const char *what, GraphKind kind, const char *event) {
  char *key = end_key(what, kind, event);
  strmap_put(ends, key, (void *)1);
  free(key);
}

static bool has_end(const StrMap *ends, const char *what, GraphKind kind, const char *event) {
  char *key = end_key(what, kind, event);
  bool yes = strmap_get(ends, key) != NULL;
  free(key);
  return yes;
}

static void add_ends(StrMap *ends, const GraphSite *site) {
  if (site->role == GRAPH_SENDER) {
    put_end(ends, site->event ? "S" : "S?", site->kind, site->event);
  } else if (!site->event) {
    put_end(ends, "L?", site->kind, NULL);
  } else if (!is_wildcard(site)) {
    put_end(ends, "L", site->kind, site->event);
  } else if (!site->dispatch) {
    put_end(ends, "L*", site->kind, NULL);
  } else {
    for (size_t k = 0; k < site->ncases; k++)
      put_end(ends, "LC", site->kind, site->cases[k].event);
  }
}

/* Two shapes one keyword apart share a signature: the shape with that
 * keyword segment written as "\x01". Only shapes that share one are
 * compared, so finding near misses does not compare every pair of shapes. */
static void add_signatures(StrMap *sigs, const char *shape, size_t h) {
  for (const char *seg = shape; seg;) {
    const char *end = strchr(seg, ':');
    size_t len = end ? (size_t)(end - seg) : strlen(seg);
    if (!memchr(seg, '{', len)) {
      char *sig = xasprintf("%.*s\x01%s", (int)(seg - shape), shape, seg + len);
      SiteIds *ids = strmap_get(sigs, sig);
      if (!ids) {
        ids = xcalloc(1, sizeof *ids);
        strmap_put(sigs, sig, ids);
      }
      ARRAY_PUSH(ids->ids, ids->n, ids->cap, h);
      free(sig);
    }
    seg = end ? end + 1 : NULL;
  }
}

static void link_near_misses(struct GraphShapeIndex *ix) {
  StrMap sigs = {0};
  for (size_t h = 0; h < ix->nshapes; h++)
    add_signatures(&sigs, ix->shapes[h], h);
  for (size_t k = 0; k < sigs.cap; k++) {
    const SiteIds *group = sigs.vals[k];
    if (group)
      ast_work_add((uint64_t)group->n * group->n);
    for (size_t a = 0; group && a < group->n; a++)
      for (size_t b = 0; b < group->n; b++) {
        size_t x = group->ids[a], y = group->ids[b];
        if (x != y && graph_near_miss(ix->shapes[x], ix->shapes[y]))
          ARRAY_PUSH(ix->entries[x]->near.ids, ix->entries[x]->near.n, ix->entries[x]->near.cap, y);
      }
  }
  strmap_free(&sigs, free_ids);
}

static int cmp_id(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return (x > y) - (x < y);
}

/* Which shapes offer each end, and each shape's near misses in ascending
 * order: "is this end offered on a near shape" then walks the shorter of the
 * two lists instead of looking the end up in every near shape. */
static void index_end_shapes(struct GraphShapeIndex *ix) {
  for (size_t h = 0; h < ix->nshapes; h++) {
    const StrMap *ends = &ix->entries[h]->ends;
    for (size_t k = 0; k < ends->cap; k++) {
      if (!ends->keys[k])
        continue;
      SiteIds *ids = strmap_get(&ix->end_shapes, ends->keys[k]);
      if (!ids) {
        ids = xcalloc(1, sizeof *ids);
        strmap_put(&ix->end_shapes, ends->keys[k], ids);
      }
      ARRAY_PUSH(ids->ids, ids->n, ids->cap, h);
    }
    SiteIds *near = &ix->entries[h]->near;
    if (near->n > 1)
      qsort(near->ids, near->n, sizeof *near->ids, cmp_id);
  }
}

/* `seen` holds "list address:event" for the events a distinct list has;
 * true when `event` is new to the list. */
static bool first_in(StrMap *seen, const SiteIds *list, const char *event) {
  char *key = xasprintf("%p:%s", (const void *)list, event);
  bool fresh = !strmap_get(seen, key);
  if (fresh)
    strmap_put(seen, key, (void *)1);
  free(key);
  return fresh;
}

static void add_to_lists(EndLists *l, const GraphSite *site, size_t i, StrMap *seen) {
  if (!site->event)
    return;
  SiteIds *named = &l->named[site->role][site->kind];
  SiteIds *distinct = &l->distinct[site->role][site->kind];
  ARRAY_PUSH(named->ids, named->n, named->cap, i);
  bool fresh = first_in(seen, distinct, site->event);
  for (size_t k = 0; site->role == GRAPH_LISTENER && site->dispatch && k < site->ncases; k++)
    fresh = first_in(seen, distinct, site->cases[k].event) || fresh;
  if (fresh)
    ARRAY_PUSH(distinct->ids, distinct->n, distinct->cap, i);
}

static SiteIds *hearers_of(StrMap *hearers, GraphKind kind, const char *event, bool create) {
  char *key = xasprintf("%d:%s", (int)kind, event);
  SiteIds *ids = strmap_get(hearers, key);
  if (!ids && create) {
    ids = xcalloc(1, sizeof *ids);
    strmap_put(hearers, key, ids);
  }
  free(key);
  return ids;
}

static void add_hearer(StrMap *hearers, GraphKind kind, const char *event, size_t i) {
  SiteIds *ids = hearers_of(hearers, kind, event, true);
  if (ids->n == 0 || ids->ids[ids->n - 1] != i)
    ARRAY_PUSH(ids->ids, ids->n, ids->cap, i);
}

static void add_listener(ShapeSites *e, const GraphSite *l, size_t i) {
  if (l->role != GRAPH_LISTENER || !l->event)
    return;
  if (!is_wildcard(l)) {
    add_hearer(&e->hearers, l->kind, l->event, i);
  } else if (!l->dispatch) {
    SiteIds *all = &e->hear_all[l->kind];
    ARRAY_PUSH(all->ids, all->n, all->cap, i);
  } else {
    for (size_t k = 0; k < l->ncases; k++)
      add_hearer(&e->hearers, l->kind, l->cases[k].event, i);
  }
}

static char *named_key(GraphRole role, GraphKind kind, const char *event) {
  return xasprintf("%d:%d:%s", (int)role, (int)kind, event);
}

static SiteIds *named_ends(const StrMap *named, GraphRole role, GraphKind kind, const char *event) {
  char *key = named_key(role, kind, event);
  SiteIds *ids = strmap_get(named, key);
  free(key);
  return ids;
}

static void add_named(StrMap *named, const GraphSite *site, size_t i) {
  if (!site->event)
    return;
  char *key = named_key(site->role, site->kind, site->event);
  SiteIds *ids = strmap_get(named, key);
  if (!ids) {
    ids = xcalloc(1, sizeof *ids);
    strmap_put(named, key, ids);
  }
  free(key);
  ARRAY_PUSH(ids->ids, ids->n, ids->cap, i);
}

static struct GraphShapeIndex *shape_index_build(const ContractGraph *g) {
  struct GraphShapeIndex *ix = xcalloc(1, sizeof *ix);
  StrMap seen = {0};
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *site = &g->sites[i];
    if (!site->channel_shape) {
      ARRAY_PUSH(ix->unknown.ids, ix->unknown.n, ix->unknown.cap, i);
      add_ends(&ix->unknown_ends, site);
      add_to_lists(&ix->unknown_lists, site, i, &seen);
      continue;
    }
    ShapeSites *e = strmap_get(&ix->by_shape, site->channel_shape);
    if (!e) {
      e = xcalloc(1, sizeof *e);
      strmap_put(&ix->by_shape, site->channel_shape, e);
      grow_array((void **)&ix->shapes, &ix->scap, ix->nshapes + 1, sizeof *ix->shapes);
      grow_array((void **)&ix->entries, &ix->ecap, ix->nshapes + 1, sizeof *ix->entries);
      ix->shapes[ix->nshapes] = site->channel_shape;
      ix->entries[ix->nshapes++] = e;
    }
    ARRAY_PUSH(e->sites.ids, e->sites.n, e->sites.cap, i);
    add_ends(&e->ends, site);
    add_to_lists(&e->lists, site, i, &seen);
    add_listener(e, site, i);
    add_named(&e->named, site, i);
  }
  strmap_free(&seen, NULL);
  link_near_misses(ix);
  index_end_shapes(ix);
  return ix;
}

static const ShapeSites *shape_sites(const ContractGraph *g, const char *shape) {
  return g->by_shape && shape ? strmap_get(&g->by_shape->by_shape, shape) : NULL;
}

const size_t *graph_sites_on(const ContractGraph *g, const char *shape, size_t *n) {
  const ShapeSites *e = shape_sites(g, shape);
  const SiteIds *ids = e ? &e->sites : g->by_shape && !shape ? &g->by_shape->unknown : NULL;
  *n = ids ? ids->n : 0;
  ast_work_add(*n); /* the caller visits them: the work counter sees the contract's cost */
  return ids ? ids->ids : NULL;
}

const size_t *graph_ends_on(const ContractGraph *g, const char *shape, GraphRole role,
                            GraphKind kind, bool distinct, size_t *n) {
  const ShapeSites *e = shape_sites(g, shape);
  const EndLists *l = e ? &e->lists : g->by_shape && !shape ? &g->by_shape->unknown_lists : NULL;
  const SiteIds *ids = !l ? NULL : distinct ? &l->distinct[role][kind] : &l->named[role][kind];
  *n = ids ? ids->n : 0;
  /* A distinct list is walked whole; of the others, callers read the length
   * and show the first few sites. */
  ast_work_add(distinct ? *n : 1);
  return ids ? ids->ids : NULL;
}

const size_t *graph_ends_named(const ContractGraph *g, const char *shape, GraphRole role,
                               GraphKind kind, const char *event, size_t *n) {
  const ShapeSites *e = shape_sites(g, shape);
  const SiteIds *ids = e && event ? named_ends(&e->named, role, kind, event) : NULL;
  *n = ids ? ids->n : 0;
  ast_work_add(1); /* callers read the first few */
  return ids ? ids->ids : NULL;
}

const size_t *graph_near_shapes(const ContractGraph *g, const char *shape, size_t *n) {
  const ShapeSites *e = g->by_shape && shape ? strmap_get(&g->by_shape->by_shape, shape) : NULL;
  *n = e ? e->near.n : 0;
  return e ? e->near.ids : NULL;
}

const char *const *graph_shapes(const ContractGraph *g, size_t *n) {
  *n = g->by_shape ? g->by_shape->nshapes : 0;
  return g->by_shape ? g->by_shape->shapes : NULL;
}

void graph_free(ContractGraph *g) {
  shape_index_free(g->by_shape);
  for (size_t i = 0; i < g->nsites; i++)
    graph_site_free(&g->sites[i]);
  free(g->sites);
  free(g->edges);
  pthread_mutex_destroy(&g->lock);
  memset(g, 0, sizeof *g);
}

const char *graph_kind_name(GraphKind k) {
  switch (k) {
  case GRAPH_BROADCAST:
    return "broadcast";
  case GRAPH_PRESENCE:
    return "presence";
  case GRAPH_POSTGRES:
    return "postgres_changes";
  }
  return "broadcast";
}

static const char *role_name(GraphRole r) {
  return r == GRAPH_SENDER ? "sender" : "listener";
}

const char *graph_channel_id(const GraphSite *s, char *buf, size_t size) {
  if (!s->channel_shape)
    return NULL;
  if (s->channel_fn)
    snprintf(buf, size, "fn:%s", s->channel_fn);
  else
    snprintf(buf, size, "shape:%s", s->channel_shape);
  return buf;
}

static int cmp_opt(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int cmp_site(const void *pa, const void *pb) {
  const GraphSite *a = pa, *b = pb;
  int c = strcmp(a->path, b->path);
  if (c)
    return c;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  if ((c = strcmp(role_name(a->role), role_name(b->role))))
    return c;
  if ((c = cmp_opt(a->event, b->event)))
    return c;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  return cmp_opt(a->channel_shape, b->channel_shape);
}

/* Two shapes one keyword apart: the same segments and `{}` places, exactly
 * one keyword segment different (`org:{}:conv:{}` / `org:{}:conversation:{}`). */
bool graph_near_miss(const char *a, const char *b) {
  if (!a || !b || strcmp(a, b) == 0)
    return false;
  int differ = 0;
  for (;;) {
    const char *ea = strchr(a, ':'), *eb = strchr(b, ':');
    size_t la = ea ? (size_t)(ea - a) : strlen(a), lb = eb ? (size_t)(eb - b) : strlen(b);
    bool ha = memchr(a, '{', la) != NULL, hb = memchr(b, '{', lb) != NULL;
    if (ha != hb)
      return false;
    if (la != lb || memcmp(a, b, la) != 0) {
      if (ha)
        return false;
      char *x = xstrndup(a, la), *y = xstrndup(b, lb);
      bool similar = channel_keyword_similar(x, y);
      free(x);
      free(y);
      if (!similar)
        return false;
      differ++;
    }
    if (!ea || !eb)
      return !ea && !eb && differ == 1;
    a = ea + 1;
    b = eb + 1;
  }
}

static void add_edge(ContractGraph *g, size_t from, size_t to, const char *event) {
  GraphEdge e = {from, to, event};
  ARRAY_PUSH(g->edges, g->nedges, g->ecap, e);
}

/* Whether a listener's event value is (or may be) sent on its channel. */
static bool value_sent(const ContractGraph *g, const GraphSite *l, const char *event) {
  const ShapeSites *e = shape_sites(g, l->channel_shape);
  if (e && (has_end(&e->ends, "S", l->kind, event) || has_end(&e->ends, "S?", l->kind, NULL)))
    return true;
  /* sent on a channel rtlint cannot tell: maybe this one */
  return g->by_shape && has_end(&g->by_shape->unknown_ends, "S", l->kind, event);
}

/* Whether a site of `role` and l's kind on a near miss of l's channel has
 * `event` as its one value. */
static bool near_end(const ContractGraph *g, const GraphSite *l, GraphRole role,
                     const char *event) {
  const ShapeSites *e = shape_sites(g, l->channel_shape);
  if (!e || !e->near.n)
    return false;
  char *key = end_key(role == GRAPH_SENDER ? "S" : "L", l->kind, event);
  const SiteIds *offering = strmap_get(&g->by_shape->end_shapes, key);
  free(key);
  if (!offering)
    return false;
  /* both lists ascend: one merge-like pass */
  ast_work_add(offering->n + e->near.n);
  for (size_t a = 0, b = 0; a < offering->n && b < e->near.n;) {
    if (offering->ids[a] == e->near.ids[b])
      return true;
    if (offering->ids[a] < e->near.ids[b])
      a++;
    else
      b++;
  }
  return false;
}

static bool value_sent_near(const ContractGraph *g, const GraphSite *l, const char *event) {
  return near_end(g, l, GRAPH_SENDER, event);
}

/* Whether a sender's event is (or may be) heard on its channel. */
static bool sender_heard(const ContractGraph *g, const GraphSite *s) {
  const ShapeSites *e = shape_sites(g, s->channel_shape);
  if (e &&
      (has_end(&e->ends, "L?", s->kind, NULL) || has_end(&e->ends, "L*", s->kind, NULL) ||
       has_end(&e->ends, "L", s->kind, s->event) || has_end(&e->ends, "LC", s->kind, s->event)))
    return true;
  /* heard on a channel rtlint cannot tell: maybe this one */
  const StrMap *unknown = g->by_shape ? &g->by_shape->unknown_ends : NULL;
  return unknown &&
         (has_end(unknown, "L", s->kind, s->event) || has_end(unknown, "LC", s->kind, s->event));
}

static bool heard_near(const ContractGraph *g, const GraphSite *s) {
  return near_end(g, s, GRAPH_LISTENER, s->event);
}

/* The reason a listener of one value meets no sender, or NULL. */
static const char *listener_reason(const ContractGraph *g, const GraphSite *l, const char *event) {
  if (value_sent(g, l, event))
    return NULL;
  return value_sent_near(g, l, event) ? GRAPH_CHANNEL_MISMATCH : GRAPH_NEVER_SENT;
}

static const char *site_reason(ContractGraph *g, GraphSite *s) {
  if (s->external || s->kind != GRAPH_BROADCAST)
    return NULL; /* presence and postgres_changes are sent by Supabase itself */
  if (!s->channel_shape)
    return GRAPH_UNKNOWN_CHANNEL;
  if (!s->event)
    return GRAPH_UNKNOWN_EVENT;
  if (s->role == GRAPH_SENDER) {
    if (is_wildcard(s) || sender_heard(g, s))
      return NULL;
    return heard_near(g, s) ? GRAPH_CHANNEL_MISMATCH : GRAPH_NEVER_HEARD;
  }
  if (!is_wildcard(s))
    return listener_reason(g, s, s->event);
  const char *worst = NULL;
  for (size_t k = 0; k < s->ncases; k++) {
    const char *r = listener_reason(g, s, s->cases[k].event);
    s->cases[k].reason = r;
    if (r && (!worst || strcmp(r, worst) < 0))
      worst = r;
  }
  return worst;
}

/* Edges from sender i to the listeners that hear it, in site order: the
 * listeners naming its event merged with those hearing everything (a
 * wildcard sender is heard by none). */
static void link_sender(ContractGraph *g, size_t i) {
  const GraphSite *s = &g->sites[i];
  ShapeSites *e = strmap_get(&g->by_shape->by_shape, s->channel_shape);
  if (is_wildcard(s))
    return;
  static const SiteIds none;
  const SiteIds *named = hearers_of(&e->hearers, s->kind, s->event, false);
  const SiteIds *a = named ? named : &none, *b = &e->hear_all[s->kind];
  ast_work_add(a->n + b->n);
  for (size_t x = 0, y = 0; x < a->n || y < b->n;) {
    bool take_a = y == b->n || (x < a->n && a->ids[x] < b->ids[y]);
    add_edge(g, i, take_a ? a->ids[x++] : b->ids[y++], s->event);
  }
}

void graph_link(ContractGraph *g) {
  if (g->linked)
    return;
  g->linked = true;
  if (g->nsites) /* sites is NULL in a project without realtime code */
    qsort(g->sites, g->nsites, sizeof *g->sites, cmp_site);
  for (size_t i = 0; i < g->nsites; i++)
    snprintf(g->sites[i].id, sizeof g->sites[i].id, "s%zu", i + 1);
  g->by_shape = shape_index_build(g);
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (s->role != GRAPH_SENDER || !s->channel_shape || !s->event)
      continue;
    link_sender(g, i);
  }
  for (size_t i = 0; i < g->nsites; i++)
    g->sites[i].reason = site_reason(g, &g->sites[i]);
}
