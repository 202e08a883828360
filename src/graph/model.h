#ifndef RTLINT_GRAPH_MODEL_H
#define RTLINT_GRAPH_MODEL_H
/* The realtime contract (issue 17): every place the project sends or hears
 * an event, on which channel shape, and which of them meet. Sites are
 * collected per file during the lint (graph_collect, on the worker's
 * thread, from the facts and summaries the rules already computed), then
 * linked once the whole run is in (graph_link). docs/contract.md tells the
 * matching rules. */
#include "core/diag.h"
#include "resolve/facts.h"
#include "resolve/value.h"
#include "rules/event_rename.h"
#include "standards/standards.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum GraphRole { GRAPH_SENDER, GRAPH_LISTENER } GraphRole;
typedef enum GraphKind { GRAPH_BROADCAST, GRAPH_PRESENCE, GRAPH_POSTGRES } GraphKind;

/* How the event expression of a site (or of a dispatch case) may be
 * rewritten to a UNIFIED_EVENTS key, recorded while the file's tree is at
 * hand (graph/rename.c) for the contract rules' fixes: only for one custom
 * value written as one expression. */
typedef struct GraphRename {
  uint32_t start, end;                      /* the expression replaced */
  bool standard;                            /* `UNIFIED_EVENTS.KEY` may be written there */
  char *custom;                             /* event-name-custom's own replacement there, or NULL */
  FixApplicability custom_app;              /* and its applicability */
  char *custom_keys[EVENT_RENAME_MAX_KEYS]; /* the keys custom names */
  size_t ncustom_keys;
  Edit *imports; /* what brings UNIFIED_EVENTS into the file (none when bound) */
  size_t nimports;
} GraphRename;

/* A case a `*` listener's dispatch names, with where it names it. */
typedef struct GraphCase {
  char *event;
  const Module *mod; /* NULL for external sites */
  uint32_t start, end;
  const char *reason;  /* filled by graph_link: why no sender sends it, or NULL */
  GraphRename *rename; /* NULL: not to be rewritten */
} GraphCase;

typedef struct GraphSite {
  GraphRole role;
  GraphKind kind;
  char *channel_fn;    /* UNIFIED_CHANNELS function, or NULL */
  char *channel_shape; /* "org:{}:conv:{}", or NULL when unknown */
  char *event;         /* the value, "*" for a wildcard listener, NULL unknown */
  char *event_key;     /* UNIFIED_EVENTS key of event, or NULL */
  bool dispatch;       /* a `*` listener whose handler dispatches on the event */
  GraphCase *cases;    /* with dispatch: the cases named, sorted, unique */
  size_t ncases, casecap;
  char *path; /* display path (relative to the project root) */
  uint32_t line, column;
  char *function; /* the enclosing named function, or NULL */
  bool external;
  const Module *mod; /* where a finding stands (NULL for external sites) */
  uint32_t start, end;
  uint32_t call_start, call_end; /* the sink call (a dispatch's owner) */
  /* How the event reaches the sink through the app's own functions
   * (resolve/flow.h), for the findings; empty for a direct site. */
  struct GraphStep {
    const Module *mod;
    uint32_t at;
    char *label;
  } * trail;
  size_t ntrail;
  bool case_unknown;   /* a dispatch case that cannot be told */
  GraphRename *rename; /* NULL: not to be rewritten */
  /* Filled by graph_link. */
  char id[24];
  const char *reason; /* the unmatched reason, or NULL */
} GraphSite;

typedef struct GraphEdge {
  size_t from, to; /* indices of sites */
  const char *event;
} GraphEdge;

struct GraphShapeIndex;

typedef struct ContractGraph {
  pthread_mutex_t lock;
  const Standards *std;
  GraphSite *sites;
  size_t nsites, cap;
  GraphEdge *edges;
  size_t nedges, ecap;
  bool linked;
  struct GraphShapeIndex *by_shape; /* built by graph_link */
} ContractGraph;

void graph_init(ContractGraph *g, const Standards *std);
void graph_free(ContractGraph *g);

/* One file's sites, before they join a graph. */
typedef struct GraphSiteList {
  GraphSite *items;
  size_t n, cap;
} GraphSiteList;

/* The realtime sites of module m (its facts, with the wrapper sites
 * flow_add_sites added), appended to out: resolves each site's channel and
 * event with r. */
void graph_collect(GraphSiteList *out, const Standards *std, Resolver *r, const Module *m,
                   const Facts *facts);
/* Moves the sites of l into g (l is left empty). Thread-safe. */
void graph_add_sites(ContractGraph *g, GraphSiteList *l);
void graph_site_list_free(GraphSiteList *l);
void graph_site_free(GraphSite *s);

/* The rename of the event site e's expression whose one value is `value`
 * (graph/rename.c), or NULL: a UNIFIED_EVENTS value, several values or
 * branches, or nothing may be written there. */
GraphRename *graph_rename_at(Resolver *r, const Standards *std, const Module *m, const EventSite *e,
                             const char *value);
void graph_rename_free(GraphRename *rn);

/* An end outside the repository declared in rtlint.yaml. shape_or_fn is a
 * UNIFIED_CHANNELS function name or a segment shape; kind NULL: broadcast. */
void graph_add_external(ContractGraph *g, GraphRole role, const char *shape_or_fn,
                        const char *event, const char *kind, const char *config_path,
                        uint32_t line);

/* Sorts the sites (path, line, column, role, event), numbers them s1.., and
 * computes the edges and each site's unmatched reason. */
void graph_link(ContractGraph *g);
/* Once linked: the indices of the sites on channel shape `shape` (NULL: on an
 * unknown channel), in site order; and the distinct shapes, in site order.
 * Matching ends look at one shape's sites, so the contract costs what each
 * channel holds, not the square of the sites. */
const size_t *graph_sites_on(const ContractGraph *g, const char *shape, size_t *n);
const char *const *graph_shapes(const ContractGraph *g, size_t *n);
/* Once linked: the sites on `shape` (NULL: an unknown channel) of `role` and
 * `kind` that name their event, in site order; with `distinct`, only those
 * that name an event (or, dispatching, a case) no site before them named. */
const size_t *graph_ends_on(const ContractGraph *g, const char *shape, GraphRole role,
                            GraphKind kind, bool distinct, size_t *n);
/* Once linked: the sites on `shape` of `role` and `kind` whose event is
 * `event`, in site order. */
const size_t *graph_ends_named(const ContractGraph *g, const char *shape, GraphRole role,
                               GraphKind kind, const char *event, size_t *n);
/* The shapes (indices into graph_shapes) that are near misses of `shape`. */
const size_t *graph_near_shapes(const ContractGraph *g, const char *shape, size_t *n);

/* The channel id of a site ("fn:conversation", "shape:org:{}:conv:{}"), or
 * NULL when unknown; written into buf. */
const char *graph_channel_id(const GraphSite *s, char *buf, size_t size);

/* Unmatched reasons: the three rules' ids, and two that never are findings. */
#define GRAPH_NEVER_SENT "event-never-sent"
#define GRAPH_NEVER_HEARD "event-never-heard"
#define GRAPH_CHANNEL_MISMATCH "channel-mismatch"
#define GRAPH_UNKNOWN_CHANNEL "unknown-channel"
#define GRAPH_UNKNOWN_EVENT "unknown-event"

const char *graph_kind_name(GraphKind k);

/* Two channel shapes one keyword apart (`org:{}:conv:{}` and
 * `org:{}:conversation:{}`): same segments and `{}` places, one keyword
 * segment a similar word. */
bool graph_near_miss(const char *a, const char *b);

#endif
