/* Ends outside the repository (database triggers, edge functions, a mobile
 * app) declared in rtlint.yaml's realtime.external_senders /
 * external_listeners: sites like any other, located in the configuration. */
#include "core/util.h"
#include "graph/model.h"

#include <stdlib.h>
#include <string.h>

/* "org:{orgId}:conv:{1}" -> "org:{}:conv:{}". */
static char *plain_shape(const char *shape) {
  StrBuf sb = {0};
  for (const char *p = shape; *p; p++) {
    const char *close = *p == '{' ? strchr(p, '}') : NULL;
    if (close) {
      sb_append(&sb, "{}");
      p = close;
    } else {
      sb_putc(&sb, *p);
    }
  }
  char *s = sb_take(&sb);
  sb_free(&sb);
  return s;
}

static GraphKind kind_of(const char *kind) {
  if (kind && strcmp(kind, "presence") == 0)
    return GRAPH_PRESENCE;
  if (kind && strcmp(kind, "postgres_changes") == 0)
    return GRAPH_POSTGRES;
  return GRAPH_BROADCAST;
}

void graph_add_external(ContractGraph *g, GraphRole role, const char *shape_or_fn,
                        const char *event, const char *kind, const char *config_path,
                        uint32_t line) {
  GraphSite s;
  memset(&s, 0, sizeof s);
  s.role = role;
  s.kind = kind_of(kind);
  const ChannelFn *fn = g->std ? std_channel_by_name(g->std, shape_or_fn) : NULL;
  if (fn) {
    s.channel_fn = xstrdup(fn->name);
    s.channel_shape = plain_shape(fn->shape);
  } else {
    s.channel_shape = plain_shape(shape_or_fn);
    for (size_t i = 0; g->std && i < g->std->nchannels; i++) {
      char *c = plain_shape(g->std->channels[i].shape);
      if (strcmp(c, s.channel_shape) == 0 &&
          (!s.channel_fn || strcmp(g->std->channels[i].name, s.channel_fn) < 0)) {
        free(s.channel_fn);
        s.channel_fn = xstrdup(g->std->channels[i].name);
      }
      free(c);
    }
  }
  /* An event given by its UNIFIED_EVENTS key stands for the key's value. */
  const EventDef *def = g->std ? std_event_by_key(g->std, event) : NULL;
  if (!def && g->std)
    def = std_event_by_value(g->std, event);
  s.event = xstrdup(def ? def->value : event);
  s.event_key = def ? xstrdup(def->key) : NULL;
  s.path = xstrdup(config_path);
  s.line = line;
  s.column = 1;
  s.external = true;
  pthread_mutex_lock(&g->lock);
  ARRAY_PUSH(g->sites, g->nsites, g->cap, s);
  pthread_mutex_unlock(&g->lock);
}
