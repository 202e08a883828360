#include "graph/json.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static json_t *channels_json(const ContractGraph *g) {
  char **ids = xcalloc(g->nsites + 1, sizeof *ids);
  size_t n = 0;
  for (size_t i = 0; i < g->nsites; i++) {
    char buf[512];
    const char *id = graph_channel_id(&g->sites[i], buf, sizeof buf);
    if (id)
      ids[n++] = xstrdup(id);
  }
  qsort(ids, n, sizeof *ids, cmp_str);
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && strcmp(ids[i], ids[i - 1]) == 0)
      continue;
    const GraphSite *s = NULL;
    for (size_t k = 0; k < g->nsites && !s; k++) {
      char buf[512];
      const char *id = graph_channel_id(&g->sites[k], buf, sizeof buf);
      if (id && strcmp(id, ids[i]) == 0)
        s = &g->sites[k];
    }
    json_t *c = json_object();
    json_object_set_new(c, "id", json_string(ids[i]));
    json_object_set_new(c, "function", str_or_null(s->channel_fn));
    json_object_set_new(c, "shape", json_string(s->channel_shape));
    char *label =
        s->channel_fn ? xasprintf("UNIFIED_CHANNELS.%s", s->channel_fn) : xstrdup(s->channel_shape);
    json_object_set_new(c, "label", json_string(label));
    free(label);
    json_array_append_new(arr, c);
  }
  for (size_t i = 0; i < n; i++)
    free(ids[i]);
  free(ids);
  return arr;
}

static json_t *site_json(const GraphSite *s) {
  json_t *o = json_object();
  char buf[512];
  json_object_set_new(o, "id", json_string(s->id));
  json_object_set_new(o, "role", json_string(s->role == GRAPH_SENDER ? "sender" : "listener"));
  json_object_set_new(o, "kind", json_string(graph_kind_name(s->kind)));
  json_object_set_new(o, "channel", str_or_null(graph_channel_id(s, buf, sizeof buf)));
  json_t *ev = json_object();
  json_object_set_new(ev, "value", str_or_null(s->event));
  json_object_set_new(ev, "key", str_or_null(s->event_key));
  json_object_set_new(o, "event", ev);
  if (s->dispatch) {
    json_t *hears = json_array();
    for (size_t k = 0; k < s->ncases; k++)
      json_array_append_new(hears, json_string(s->cases[k].event));
    json_object_set_new(o, "hears", hears);
  }
  json_object_set_new(o, "path", json_string(s->path));
  json_object_set_new(o, "line", json_integer(s->line));
  json_object_set_new(o, "column", json_integer(s->column));
  json_object_set_new(o, "function", str_or_null(s->function));
  json_object_set_new(o, "external", json_boolean(s->external));
  return o;
}

json_t *graph_to_json(const ContractGraph *g) {
  json_t *root = json_object();
  json_object_set_new(root, "schema_version", json_integer(GRAPH_SCHEMA_VERSION));
  json_object_set_new(root, "tool",
                      json_pack("{s:s, s:s}", "name", "rtlint", "version", RTLINT_VERSION));
  json_object_set_new(root, "channels", channels_json(g));
  json_t *sites = json_array();
  for (size_t i = 0; i < g->nsites; i++)
    json_array_append_new(sites, site_json(&g->sites[i]));
  json_object_set_new(root, "sites", sites);
  json_t *edges = json_array();
  for (size_t i = 0; i < g->nedges; i++) {
    const GraphEdge *e = &g->edges[i];
    char buf[512];
    json_t *o = json_object();
    json_object_set_new(o, "from", json_string(g->sites[e->from].id));
    json_object_set_new(o, "to", json_string(g->sites[e->to].id));
    json_object_set_new(o, "channel",
                        str_or_null(graph_channel_id(&g->sites[e->from], buf, sizeof buf)));
    json_object_set_new(o, "event", json_string(e->event));
    json_array_append_new(edges, o);
  }
  json_object_set_new(root, "edges", edges);
  json_t *unmatched = json_array();
  for (size_t i = 0; i < g->nsites; i++)
    if (g->sites[i].reason) {
      json_t *o = json_object();
      json_object_set_new(o, "site", json_string(g->sites[i].id));
      json_object_set_new(o, "reason", json_string(g->sites[i].reason));
      json_array_append_new(unmatched, o);
    }
  json_object_set_new(root, "unmatched", unmatched);
  return root;
}

void graph_json_write(FILE *f, const json_t *graph) {
  json_dumpf(graph, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', f);
}
