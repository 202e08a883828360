/* The contract graph's document, checked against the agreed shape
 * (docs/graph.md) and indexed for the views. Every value is checked before it
 * is used, so a hand-edited or truncated document is a message, not a crash. */
#include "graph/view_model.h"

#include "core/strmap.h"
#include "core/util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[GV_NKINDS] = {"broadcast", "presence", "postgres_changes"};
static const char *const reason_ids[GV_NREASONS] = {"event-never-sent", "event-never-heard",
                                                    "channel-mismatch", "unknown-channel",
                                                    "unknown-event"};
static const char *const reason_texts[GV_NREASONS] = {"event never sent", "event never heard",
                                                      "channel mismatch", "unknown channel",
                                                      "unknown event"};

const char *gv_kind_name(GvKind k) {
  return kind_names[k];
}

const char *gv_reason_id(GvReason r) {
  return r < GV_NREASONS ? reason_ids[r] : "matched";
}

const char *gv_reason_text(GvReason r) {
  return r < GV_NREASONS ? reason_texts[r] : "matched";
}

bool gv_reason_is_finding(GvReason r) {
  return r == GV_NEVER_SENT || r == GV_NEVER_HEARD || r == GV_MISMATCH;
}

static const char *const status_texts[] = {"matched",  "never sent",      "never heard",
                                           "mismatch", "no sender known", "no listener known"};
static const char *const status_ids[] = {"matched",  "never-sent", "never-heard",
                                         "mismatch", "no-sender",  "no-listener"};

const char *gv_status_text(GvStatus s) {
  return status_texts[s];
}

const char *gv_status_id(GvStatus s) {
  return status_ids[s];
}

bool gv_status_is_finding(GvStatus s) {
  return s == GV_ROW_NEVER_SENT || s == GV_ROW_NEVER_HEARD || s == GV_ROW_MISMATCH;
}

const char *gv_channel_label(const GvGraph *g, int channel) {
  return channel < 0 ? "unknown channel" : g->channels[channel].label;
}

char *gv_site_place(const GvSite *s) {
  return xasprintf("%s:%lld", s->path, s->line);
}

char *gv_site_event(const GvSite *s) {
  if (!s->event)
    return xstrdup("unknown event");
  if (strcmp(s->event, "*") != 0 || !s->has_hears)
    return xstrdup(s->event);
  StrBuf sb = {0};
  sb_append(&sb, "* (hears ");
  for (size_t i = 0; i < s->nhears; i++)
    sb_appendf(&sb, "%s%s", i ? ", " : "", s->hears[i]);
  if (!s->nhears)
    sb_append(&sb, "nothing");
  sb_putc(&sb, ')');
  return sb_take(&sb);
}

/* --- checking ------------------------------------------------------------ */

typedef struct {
  char *err;
} Check;

static bool fail(Check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(Check *c, const char *fmt, ...) {
  if (!c->err) {
    va_list ap;
    va_start(ap, fmt);
    c->err = xvasprintf(fmt, ap);
    va_end(ap);
  }
  return false;
}

static const json_t *member(Check *c, const json_t *obj, const char *where, const char *key) {
  const json_t *v = json_object_get(obj, key);
  if (!v)
    fail(c, "%s has no \"%s\"", where, key);
  return v;
}

/* A string member (NULL allowed when nullable): *out is NULL for null. */
static bool str_member(Check *c, const json_t *obj, const char *where, const char *key,
                       bool nullable, const char **out) {
  *out = NULL;
  const json_t *v = member(c, obj, where, key);
  if (!v)
    return false;
  if (json_is_null(v) && nullable) {
    *out = NULL;
    return true;
  }
  if (!json_is_string(v))
    return fail(c, "%s.%s is not a string%s", where, key, nullable ? " or null" : "");
  *out = json_string_value(v);
  return true;
}

static bool int_member(Check *c, const json_t *obj, const char *where, const char *key,
                       long long *out) {
  *out = 0;
  const json_t *v = member(c, obj, where, key);
  if (!v)
    return false;
  if (!json_is_integer(v) || json_integer_value(v) < 0)
    return fail(c, "%s.%s is not a whole number", where, key);
  *out = (long long)json_integer_value(v);
  return true;
}

static bool enum_member(Check *c, const json_t *obj, const char *where, const char *key,
                        const char *const *names, int n, int *out) {
  const char *s;
  *out = 0;
  if (!str_member(c, obj, where, key, false, &s))
    return false;
  for (int i = 0; i < n; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = i;
      return true;
    }
  return fail(c, "%s.%s is \"%.40s\", not one of the agreed values", where, key, s);
}

static const json_t *array_member(Check *c, const json_t *doc, const char *key) {
  const json_t *v = member(c, doc, "the document", key);
  if (v && !json_is_array(v)) {
    fail(c, "\"%s\" is not an array", key);
    return NULL;
  }
  return v;
}

/* Ids are looked up through a map holding index + 1 (NULL is "absent"). */
static void put_index(StrMap *m, const char *key, size_t i) {
  strmap_put(m, key, (void *)(uintptr_t)(i + 1));
}

static bool get_index(const StrMap *m, const char *key, size_t *out) {
  uintptr_t v = (uintptr_t)strmap_get(m, key);
  *out = 0;
  if (!v)
    return false;
  *out = (size_t)(v - 1);
  return true;
}

static bool load_channels(Check *c, GvGraph *g, const json_t *arr, StrMap *ids) {
  g->nchannels = json_array_size(arr);
  g->channels = xcalloc(g->nchannels + 1, sizeof *g->channels);
  for (size_t i = 0; i < g->nchannels; i++) {
    const json_t *o = json_array_get(arr, i);
    char where[48];
    snprintf(where, sizeof where, "channels[%zu]", i);
    GvChannel *ch = &g->channels[i];
    if (!json_is_object(o))
      return fail(c, "%s is not an object", where);
    if (!str_member(c, o, where, "id", false, &ch->id) ||
        !str_member(c, o, where, "function", true, &ch->function) ||
        !str_member(c, o, where, "shape", false, &ch->shape) ||
        !str_member(c, o, where, "label", false, &ch->label))
      return false;
    size_t dup;
    if (get_index(ids, ch->id, &dup))
      return fail(c, "%s.id \"%.60s\" is also channels[%zu].id", where, ch->id, dup);
    put_index(ids, ch->id, i);
  }
  return true;
}

static bool load_event(Check *c, GvSite *s, const json_t *o, const char *where) {
  const json_t *ev = member(c, o, where, "event");
  if (!ev)
    return false;
  char evwhere[64];
  snprintf(evwhere, sizeof evwhere, "%s.event", where);
  if (!json_is_object(ev))
    return fail(c, "%s is not an object", evwhere);
  if (!str_member(c, ev, evwhere, "value", true, &s->event) ||
      !str_member(c, ev, evwhere, "key", true, &s->key))
    return false;
  const json_t *hears = json_object_get(o, "hears");
  if (!hears || json_is_null(hears))
    return true;
  if (!json_is_array(hears))
    return fail(c, "%s.hears is not an array", where);
  s->has_hears = true;
  s->nhears = json_array_size(hears);
  s->hears = xcalloc(s->nhears + 1, sizeof *s->hears);
  for (size_t k = 0; k < s->nhears; k++) {
    const json_t *h = json_array_get(hears, k);
    if (!json_is_string(h))
      return fail(c, "%s.hears[%zu] is not a string", where, k);
    s->hears[k] = json_string_value(h);
  }
  return true;
}

static bool load_sites(Check *c, GvGraph *g, const json_t *arr, const StrMap *channel_ids,
                       StrMap *ids) {
  static const char *const roles[] = {"sender", "listener"};
  g->nsites = json_array_size(arr);
  g->sites = xcalloc(g->nsites + 1, sizeof *g->sites);
  for (size_t i = 0; i < g->nsites; i++) {
    const json_t *o = json_array_get(arr, i);
    char where[48];
    snprintf(where, sizeof where, "sites[%zu]", i);
    GvSite *s = &g->sites[i];
    s->reason = GV_MATCHED;
    if (!json_is_object(o))
      return fail(c, "%s is not an object", where);
    int role = 0, kind = 0;
    const char *channel = NULL;
    if (!str_member(c, o, where, "id", false, &s->id) ||
        !enum_member(c, o, where, "role", roles, 2, &role) ||
        !enum_member(c, o, where, "kind", kind_names, GV_NKINDS, &kind) ||
        !str_member(c, o, where, "channel", true, &channel) || !load_event(c, s, o, where) ||
        !str_member(c, o, where, "path", false, &s->path) ||
        !int_member(c, o, where, "line", &s->line) ||
        !int_member(c, o, where, "column", &s->column) ||
        !str_member(c, o, where, "function", true, &s->function))
      return false;
    const json_t *ext = member(c, o, where, "external");
    if (!ext)
      return false;
    if (!json_is_boolean(ext))
      return fail(c, "%s.external is not true or false", where);
    s->external = json_is_true(ext);
    s->role = (GvRole)role;
    s->kind = (GvKind)kind;
    s->channel = -1;
    if (channel) {
      size_t ci;
      if (!get_index(channel_ids, channel, &ci))
        return fail(c, "%s.channel \"%.60s\" is not a channels[].id", where, channel);
      s->channel = (int)ci;
    }
    size_t dup;
    if (get_index(ids, s->id, &dup))
      return fail(c, "%s.id \"%.60s\" is also sites[%zu].id", where, s->id, dup);
    put_index(ids, s->id, i);
    if (s->role == GV_SENDER)
      g->nsenders++;
    else
      g->nlisteners++;
    g->nexternal += s->external;
  }
  return true;
}

static bool site_ref(Check *c, const json_t *o, const char *where, const char *key,
                     const StrMap *site_ids, size_t *out) {
  const char *id = NULL;
  *out = 0;
  if (!str_member(c, o, where, key, false, &id))
    return false;
  if (!get_index(site_ids, id, out))
    return fail(c, "%s.%s \"%.60s\" is not a sites[].id", where, key, id);
  return true;
}

static bool load_edges(Check *c, GvGraph *g, const json_t *arr, const StrMap *channel_ids,
                       const StrMap *site_ids) {
  g->nedges = json_array_size(arr);
  g->edges = xcalloc(g->nedges + 1, sizeof *g->edges);
  for (size_t i = 0; i < g->nedges; i++) {
    const json_t *o = json_array_get(arr, i);
    char where[48];
    snprintf(where, sizeof where, "edges[%zu]", i);
    GvEdge *e = &g->edges[i];
    const char *channel = NULL;
    if (!json_is_object(o))
      return fail(c, "%s is not an object", where);
    if (!site_ref(c, o, where, "from", site_ids, &e->from) ||
        !site_ref(c, o, where, "to", site_ids, &e->to) ||
        !str_member(c, o, where, "channel", true, &channel) ||
        !str_member(c, o, where, "event", false, &e->event))
      return false;
    if (g->sites[e->from].role != GV_SENDER || g->sites[e->to].role != GV_LISTENER)
      return fail(c, "%s does not go from a sender to a listener", where);
    e->channel = -1;
    size_t ci;
    if (channel && !get_index(channel_ids, channel, &ci))
      return fail(c, "%s.channel \"%.60s\" is not a channels[].id", where, channel);
    if (channel)
      e->channel = (int)ci;
  }
  return true;
}

static bool load_unmatched(Check *c, GvGraph *g, const json_t *arr, const StrMap *site_ids) {
  for (size_t i = 0; i < json_array_size(arr); i++) {
    const json_t *o = json_array_get(arr, i);
    char where[48];
    snprintf(where, sizeof where, "unmatched[%zu]", i);
    size_t site;
    int reason = 0;
    if (!json_is_object(o))
      return fail(c, "%s is not an object", where);
    if (!site_ref(c, o, where, "site", site_ids, &site) ||
        !enum_member(c, o, where, "reason", reason_ids, GV_NREASONS, &reason))
      return false;
    if (g->sites[site].reason != GV_MATCHED)
      return fail(c, "%s names site \"%.60s\" a second time", where, g->sites[site].id);
    g->sites[site].reason = (GvReason)reason;
    g->by_reason[reason]++;
    g->nunmatched++;
  }
  return true;
}

/* --- rows -------------------------------------------------------------- */

typedef struct {
  size_t *items, n, cap;
} IndexList;

typedef struct {
  GvRow row;
  IndexList senders, listeners;
  size_t first_site; /* order of unknown rows */
  size_t made;       /* index before sorting */
} RowBuild;

static char *row_key(GvKind kind, int channel, const char *event) {
  return xasprintf("%d:%d:%zu:%s", (int)kind, channel, strlen(event), event);
}

static size_t row_for(RowBuild **rows, size_t *n, size_t *cap, StrMap *keys, GvKind kind,
                      int channel, const char *event, size_t site) {
  char *key = row_key(kind, channel, event);
  size_t i;
  if (!get_index(keys, key, &i)) {
    RowBuild rb = {.row = {.kind = kind, .channel = channel, .event = event}, .first_site = site};
    i = *n;
    ARRAY_PUSH(*rows, *n, *cap, rb);
    put_index(keys, key, i);
  }
  free(key);
  return i;
}

static void add_site_row(GvSite *s, size_t row) {
  for (size_t k = 0; k < s->nrows; k++)
    if (s->rows[k] == row)
      return;
  s->rows = xrealloc(s->rows, (s->nrows + 1) * sizeof *s->rows);
  s->rows[s->nrows++] = row;
}

static void push_index(IndexList *l, size_t v) {
  ARRAY_PUSH(l->items, l->n, l->cap, v);
}

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Sorted, once each. */
static size_t *unique(IndexList *l, size_t *n) {
  if (l->n) /* qsort wants a valid pointer even for nothing */
    qsort(l->items, l->n, sizeof *l->items, cmp_size);
  size_t k = 0;
  for (size_t i = 0; i < l->n; i++)
    if (!k || l->items[k - 1] != l->items[i])
      l->items[k++] = l->items[i];
  *n = k;
  return l->items;
}

static int cmp_rows(const void *a, const void *b) {
  const RowBuild *x = a, *y = b;
  if (x->row.unknown != y->row.unknown)
    return x->row.unknown ? 1 : -1;
  if (x->row.unknown)
    return x->first_site < y->first_site ? -1 : x->first_site > y->first_site;
  if (x->row.channel != y->row.channel)
    return x->row.channel < y->row.channel ? -1 : 1;
  if (x->row.kind != y->row.kind)
    return x->row.kind < y->row.kind ? -1 : 1;
  return strcmp(x->row.event, y->row.event);
}

static bool any_reason(const GvGraph *g, const size_t *sites, size_t n, GvReason reason) {
  for (size_t k = 0; k < n; k++)
    if (g->sites[sites[k]].reason == reason)
      return true;
  return false;
}

static GvStatus row_status(const GvGraph *g, const GvRow *r) {
  if (any_reason(g, r->senders, r->nsenders, GV_MISMATCH) ||
      any_reason(g, r->listeners, r->nlisteners, GV_MISMATCH))
    return GV_ROW_MISMATCH;
  if (r->nsenders && r->nlisteners)
    return GV_ROW_MATCHED;
  if (r->nlisteners)
    return any_reason(g, r->listeners, r->nlisteners, GV_NEVER_SENT) ? GV_ROW_NEVER_SENT
                                                                     : GV_ROW_NO_SENDER;
  return any_reason(g, r->senders, r->nsenders, GV_NEVER_HEARD) ? GV_ROW_NEVER_HEARD
                                                                : GV_ROW_NO_LISTENER;
}

/* Each site stands at one row per event it sends or hears (a wildcard
 * listener with "hears" at one per case); an edge passes through its
 * sender's row, and brings its sender into the rows where its listener
 * stands for that event. */
static void build_rows(GvGraph *g) {
  RowBuild *rows = NULL;
  size_t n = 0, cap = 0;
  StrMap keys = {0};
  for (size_t i = 0; i < g->nsites; i++) {
    GvSite *s = &g->sites[i];
    if (s->channel < 0 || !s->event) {
      RowBuild rb = {
          .row = {.kind = s->kind, .channel = s->channel, .event = s->event, .unknown = true},
          .first_site = i};
      ARRAY_PUSH(rows, n, cap, rb);
      add_site_row(s, n - 1);
    } else if (s->role == GV_LISTENER && strcmp(s->event, "*") == 0 && s->nhears) {
      for (size_t k = 0; k < s->nhears; k++)
        add_site_row(s, row_for(&rows, &n, &cap, &keys, s->kind, s->channel, s->hears[k], i));
    } else {
      add_site_row(s, row_for(&rows, &n, &cap, &keys, s->kind, s->channel, s->event, i));
    }
  }
  strmap_free(&keys, NULL);
  /* Sort, then renumber what points at rows. */
  for (size_t i = 0; i < n; i++)
    rows[i].made = i;
  if (n)
    qsort(rows, n, sizeof *rows, cmp_rows);
  size_t *order = xcalloc(n + 1, sizeof *order);
  for (size_t i = 0; i < n; i++)
    order[rows[i].made] = i;
  for (size_t i = 0; i < g->nsites; i++) {
    GvSite *s = &g->sites[i];
    for (size_t k = 0; k < s->nrows; k++)
      s->rows[k] = order[s->rows[k]];
    qsort(s->rows, s->nrows, sizeof *s->rows, cmp_size);
    for (size_t k = 0; k < s->nrows; k++)
      push_index(s->role == GV_SENDER ? &rows[s->rows[k]].senders : &rows[s->rows[k]].listeners, i);
  }
  free(order);
  for (size_t i = 0; i < g->nedges; i++) {
    GvEdge *e = &g->edges[i];
    const GvSite *from = &g->sites[e->from], *to = &g->sites[e->to];
    e->row = from->rows[0];
    push_index(&rows[e->row].listeners, e->to);
    for (size_t k = 0; k < to->nrows; k++) {
      const GvRow *r = &rows[to->rows[k]].row;
      if (r->event && (strcmp(r->event, e->event) == 0 || strcmp(r->event, "*") == 0))
        push_index(&rows[to->rows[k]].senders, e->from);
    }
  }
  g->nrows = n;
  g->rows = xcalloc(n + 1, sizeof *g->rows);
  for (size_t i = 0; i < n; i++) {
    GvRow *r = &g->rows[i];
    *r = rows[i].row;
    r->senders = unique(&rows[i].senders, &r->nsenders);
    r->listeners = unique(&rows[i].listeners, &r->nlisteners);
    r->status = row_status(g, r);
  }
  free(rows);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void index_files(GvGraph *g) {
  const char **paths = xcalloc(g->nsites + 1, sizeof *paths);
  for (size_t i = 0; i < g->nsites; i++)
    paths[i] = g->sites[i].path;
  qsort(paths, g->nsites, sizeof *paths, cmp_str);
  StrMap index = {0};
  for (size_t i = 0; i < g->nsites; i++)
    if (!g->nfiles || strcmp(paths[g->nfiles - 1], paths[i]) != 0) {
      paths[g->nfiles] = paths[i];
      put_index(&index, paths[i], g->nfiles++);
    }
  for (size_t i = 0; i < g->nsites; i++)
    get_index(&index, g->sites[i].path, &g->sites[i].file);
  strmap_free(&index, NULL);
  g->files = paths;
}

bool gv_load(GvGraph *g, const json_t *doc, char **err) {
  memset(g, 0, sizeof *g);
  Check c = {0};
  StrMap channel_ids = {0}, site_ids = {0};
  const json_t *version, *tool, *arrays[4];
  static const char *const names[4] = {"channels", "sites", "edges", "unmatched"};
  bool ok = false;
  if (!json_is_object(doc)) {
    fail(&c, "the document is not a JSON object");
    goto out;
  }
  version = member(&c, doc, "the document", "schema_version");
  if (!version)
    goto out;
  if (!json_is_integer(version) || json_integer_value(version) != 1) {
    fail(&c, "schema_version is not 1 (this rtlint reads version 1 of the graph)");
    goto out;
  }
  tool = member(&c, doc, "the document", "tool");
  if (!tool)
    goto out;
  if (!json_is_object(tool)) {
    fail(&c, "\"tool\" is not an object");
    goto out;
  }
  for (int i = 0; i < 4; i++)
    if (!(arrays[i] = array_member(&c, doc, names[i])))
      goto out;
  ok = load_channels(&c, g, arrays[0], &channel_ids) &&
       load_sites(&c, g, arrays[1], &channel_ids, &site_ids) &&
       load_edges(&c, g, arrays[2], &channel_ids, &site_ids) &&
       load_unmatched(&c, g, arrays[3], &site_ids);
  if (ok) {
    build_rows(g);
    index_files(g);
  }
out:
  strmap_free(&channel_ids, NULL);
  strmap_free(&site_ids, NULL);
  if (!ok) {
    gv_free(g);
    *err = c.err ? c.err : xstrdup("not a contract graph document");
  }
  return ok;
}

void gv_free(GvGraph *g) {
  for (size_t i = 0; i < g->nsites; i++) {
    free(g->sites[i].hears);
    free(g->sites[i].rows);
  }
  for (size_t i = 0; i < g->nrows; i++) {
    free(g->rows[i].senders);
    free(g->rows[i].listeners);
  }
  free(g->channels);
  free(g->sites);
  free(g->edges);
  free(g->rows);
  free(g->files);
  memset(g, 0, sizeof *g);
}
