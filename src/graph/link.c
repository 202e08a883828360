/* graph_link: which senders meet which listeners, and why an end meets
 * nobody. Channels match when their shapes are equal (a UNIFIED_CHANNELS
 * function is its shape), events when their values are equal; a `*`
 * listener hears everything, or exactly its cases when it dispatches; kinds
 * never meet across broadcast/presence/postgres_changes. An end whose match
 * depends on something unknown (an unknown channel or event at the other
 * end) is left alone: docs/contract.md. */
#include "core/util.h"
#include "graph/model.h"
#include "rules/channel_naming.h"

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

void graph_free(ContractGraph *g) {
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

static bool same_channel(const GraphSite *a, const GraphSite *b) {
  return a->channel_shape && b->channel_shape && strcmp(a->channel_shape, b->channel_shape) == 0;
}

static bool is_wildcard(const GraphSite *s) {
  return s->event && strcmp(s->event, "*") == 0;
}

static bool hears_value(const GraphSite *l, const char *event) {
  if (!l->event)
    return false;
  if (!is_wildcard(l))
    return strcmp(l->event, event) == 0;
  if (!l->dispatch)
    return true;
  for (size_t k = 0; k < l->ncases; k++)
    if (strcmp(l->cases[k].event, event) == 0)
      return true;
  return false;
}

bool graph_event_heard(const GraphSite *sender, const GraphSite *listener) {
  return sender->kind == listener->kind && sender->event && !is_wildcard(sender) &&
         hears_value(listener, sender->event);
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
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (s->role != GRAPH_SENDER || s->kind != l->kind)
      continue;
    if (same_channel(s, l) && (!s->event || strcmp(s->event, event) == 0))
      return true;
    if (!s->channel_shape && s->event && strcmp(s->event, event) == 0)
      return true; /* sent on a channel rtlint cannot tell: maybe this one */
  }
  return false;
}

static bool value_sent_near(const ContractGraph *g, const GraphSite *l, const char *event) {
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (s->role == GRAPH_SENDER && s->kind == l->kind && s->event && strcmp(s->event, event) == 0 &&
        graph_near_miss(s->channel_shape, l->channel_shape))
      return true;
  }
  return false;
}

/* Whether a sender's event is (or may be) heard on its channel. */
static bool sender_heard(const ContractGraph *g, const GraphSite *s) {
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *l = &g->sites[i];
    if (l->role != GRAPH_LISTENER || l->kind != s->kind)
      continue;
    if (same_channel(s, l) && (!l->event || hears_value(l, s->event)))
      return true;
    if (!l->channel_shape && l->event && (!is_wildcard(l) || l->dispatch) &&
        hears_value(l, s->event))
      return true; /* heard on a channel rtlint cannot tell: maybe this one */
  }
  return false;
}

static bool heard_near(const ContractGraph *g, const GraphSite *s) {
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *l = &g->sites[i];
    if (l->role == GRAPH_LISTENER && l->kind == s->kind && l->event && !is_wildcard(l) &&
        strcmp(l->event, s->event) == 0 && graph_near_miss(s->channel_shape, l->channel_shape))
      return true;
  }
  return false;
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

void graph_link(ContractGraph *g) {
  if (g->linked)
    return;
  g->linked = true;
  if (g->nsites) /* sites is NULL in a project without realtime code */
    qsort(g->sites, g->nsites, sizeof *g->sites, cmp_site);
  for (size_t i = 0; i < g->nsites; i++)
    snprintf(g->sites[i].id, sizeof g->sites[i].id, "s%zu", i + 1);
  for (size_t i = 0; i < g->nsites; i++) {
    const GraphSite *s = &g->sites[i];
    if (s->role != GRAPH_SENDER || !s->channel_shape || !s->event)
      continue;
    for (size_t j = 0; j < g->nsites; j++) {
      const GraphSite *l = &g->sites[j];
      if (l->role == GRAPH_LISTENER && same_channel(s, l) && graph_event_heard(s, l))
        add_edge(g, i, j, s->event);
    }
  }
  for (size_t i = 0; i < g->nsites; i++)
    g->sites[i].reason = site_reason(g, &g->sites[i]);
}
