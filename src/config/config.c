#include "config/config.h"

#include "config/glob.h"
#include "core/fsio.h"
#include "core/strmap.h"
#include "core/util.h"
#include "resolve/project.h"
#include "rules/registry.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* ---- finding and reading the file ---- */

char *config_find(const char *start_dir) {
  char *dir = path_absolute("/", start_dir);
  for (;;) {
    static const char *const names[] = {"rtlint.yaml", ".rtlint.yaml"};
    for (size_t i = 0; i < 2; i++) {
      char *cand =
          strcmp(dir, "/") == 0 ? xasprintf("/%s", names[i]) : xasprintf("%s/%s", dir, names[i]);
      if (path_is_regular_file(cand)) {
        free(dir);
        return cand;
      }
      free(cand);
    }
    if (!path_up(dir))
      break;
  }
  free(dir);
  return NULL;
}

/* ---- the checker: walks libyaml's document tree ---- */

typedef struct Parse {
  yaml_document_t *doc;
  const char *path;
  const char *dir;
  char *err;
} Parse;

static bool fail(Parse *p, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(Parse *p, const yaml_node_t *n, const char *fmt, ...) {
  if (p->err)
    return false;
  va_list ap;
  va_start(ap, fmt);
  char *msg = xvasprintf(fmt, ap);
  va_end(ap);
  p->err =
      xasprintf("%s:%zu:%zu: %s", p->path, n->start_mark.line + 1, n->start_mark.column + 1, msg);
  free(msg);
  return false;
}

static const char *kind_name(const yaml_node_t *n) {
  switch (n->type) {
  case YAML_SCALAR_NODE:
    return "a scalar";
  case YAML_SEQUENCE_NODE:
    return "a list";
  case YAML_MAPPING_NODE:
    return "a mapping";
  default:
    return "nothing";
  }
}

static yaml_node_t *node(Parse *p, int id) {
  return yaml_document_get_node(p->doc, id);
}

static bool is_null(const yaml_node_t *n) {
  if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return false;
  const char *v = (const char *)n->data.scalar.value;
  return !*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0;
}

static const char *scalar(const yaml_node_t *n) {
  return (const char *)n->data.scalar.value;
}

static bool want_string(Parse *p, const yaml_node_t *n, const char *what, const char **out) {
  if (n->type != YAML_SCALAR_NODE || is_null(n))
    return fail(p, n, "%s must be a string, not %s", what, is_null(n) ? "null" : kind_name(n));
  *out = scalar(n);
  return true;
}

static bool want_kind(Parse *p, const yaml_node_t *n, yaml_node_type_t type, const char *what) {
  if (n->type == type)
    return true;
  return fail(p, n, "%s must be %s, not %s", what,
              type == YAML_SEQUENCE_NODE ? "a list" : "a mapping",
              is_null(n) ? "null" : kind_name(n));
}

static bool string_list(Parse *p, const yaml_node_t *n, const char *what, bool globs, char ***out,
                        size_t *nout) {
  if (!want_kind(p, n, YAML_SEQUENCE_NODE, what))
    return false;
  for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
    yaml_node_t *item = node(p, *it);
    const char *s = NULL;
    if (!want_string(p, item, globs ? "a glob" : "an entry", &s))
      return false;
    if (globs) {
      size_t off;
      const char *why;
      if (!glob_valid(s, &off, &why)) {
        yaml_node_t at = *item;
        /* Point at the offending character when the scalar is plain. */
        if (item->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
          at.start_mark.column += off;
        else if (item->data.scalar.style != YAML_LITERAL_SCALAR_STYLE &&
                 item->data.scalar.style != YAML_FOLDED_SCALAR_STYLE)
          at.start_mark.column += off + 1;
        return fail(p, &at, "bad glob '%s': %s", s, why);
      }
    }
    char *copy = xstrdup(s);
    size_t cap = *nout;
    ARRAY_PUSH(*out, *nout, cap, copy);
  }
  return true;
}

typedef bool (*KeyFn)(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx);

/* Calls fn for each key of a mapping; duplicate keys are errors. */
static bool each_key(Parse *p, yaml_node_t *map, const char *what, KeyFn fn, void *ctx) {
  if (!want_kind(p, map, YAML_MAPPING_NODE, what))
    return false;
  /* The keys seen so far, in a map: comparing each key with all earlier
   * ones made 100,000 keys take minutes. */
  StrMap seen = {0};
  bool ok = true;
  for (yaml_node_pair_t *a = map->data.mapping.pairs.start; ok && a < map->data.mapping.pairs.top;
       a++) {
    yaml_node_t *k = node(p, a->key);
    const char *key = NULL;
    if (!want_string(p, k, "a key", &key)) {
      ok = false;
    } else if (strmap_get(&seen, key)) {
      ok = fail(p, k, "duplicate key '%s'", key);
    } else {
      strmap_put(&seen, key, (void *)1);
      ok = fn(p, key, k, node(p, a->value), ctx);
    }
  }
  strmap_free(&seen, NULL);
  return ok;
}

static bool severity_of(Parse *p, yaml_node_t *v, Severity *out) {
  const char *s = NULL;
  if (!want_string(p, v, "a rule's severity", &s))
    return false;
  if (strcmp(s, "error") == 0)
    *out = SEV_ERROR;
  else if (strcmp(s, "warn") == 0 || strcmp(s, "warning") == 0)
    *out = SEV_WARNING;
  else if (strcmp(s, "off") == 0)
    *out = SEV_OFF;
  else
    return fail(p, v, "unknown severity '%s' (expected error, warn or off)", s);
  return true;
}

typedef struct RulesOut {
  ConfigSeverity **items;
  size_t *n;
} RulesOut;

static bool rule_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  RulesOut *out = ctx;
  const RuleMeta *rule = rules_find(key);
  if (!rule)
    return fail(p, k, "unknown rule '%s' (see rtlint rules)", key);
  ConfigSeverity cs = {rules_index(rule), SEV_OFF};
  if (!severity_of(p, v, &cs.severity))
    return false;
  size_t cap = *out->n;
  ARRAY_PUSH(*out->items, *out->n, cap, cs);
  return true;
}

static bool parse_rules(Parse *p, yaml_node_t *v, ConfigSeverity **items, size_t *n) {
  RulesOut out = {items, n};
  return each_key(p, v, "rules", rule_key, &out);
}

static bool parse_phases(Parse *p, yaml_node_t *v, int *phases, size_t *n) {
  if (!want_kind(p, v, YAML_SEQUENCE_NODE, "phases"))
    return false;
  for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
    yaml_node_t *item = node(p, *it);
    const char *s = item->type == YAML_SCALAR_NODE ? scalar(item) : "";
    if (item->type != YAML_SCALAR_NODE || strlen(s) != 1 || s[0] < '1' || s[0] > '4')
      return fail(p, item, "a phase must be 1, 2, 3 or 4");
    if (*n < 8)
      phases[(*n)++] = s[0] - '0';
  }
  return true;
}

static bool override_files(Parse *p, void *ctx, yaml_node_t *v) {
  ConfigOverride *o = ctx;
  return string_list(p, v, "files", true, &o->files, &o->nfiles);
}

static bool override_exclude_files(Parse *p, void *ctx, yaml_node_t *v) {
  ConfigOverride *o = ctx;
  return string_list(p, v, "exclude_files", true, &o->exclude_files, &o->nexclude_files);
}

static bool override_rules(Parse *p, void *ctx, yaml_node_t *v) {
  ConfigOverride *o = ctx;
  return parse_rules(p, v, &o->rules, &o->nrules);
}

/* The keys of each mapping, in tables: the loader dispatches on them, its
 * "expected ..." messages list them, and config_key_paths() shows them to
 * the schema test (tests/config_schema.py). parse reads the value into ctx
 * (the Config, ConfigOverride or HookMigration being filled). */
typedef struct ConfigKey {
  const char *key;
  bool (*parse)(Parse *p, void *ctx, yaml_node_t *v);
} ConfigKey;
#define NKEYS(table) (sizeof(table) / sizeof(table)[0])

static const ConfigKey override_keys[] = {
    {"files", override_files},
    {"exclude_files", override_exclude_files},
    {"rules", override_rules},
};

/* Reads the value of key with the table's entry for it, or fails with the
 * table's keys as "expected a, b or c". shown: the key as the message names
 * it; where: " in an override" and the like. */
static bool dispatch(Parse *p, const ConfigKey *table, size_t n, const char *key, const char *shown,
                     const char *where, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(key, table[i].key) == 0)
      return table[i].parse(p, ctx, v);
  StrBuf expected = {0};
  for (size_t i = 0; i < n; i++)
    sb_appendf(&expected, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", table[i].key);
  fail(p, k, "unknown key '%s'%s (expected %s)", shown, where, sb_cstr(&expected));
  sb_free(&expected);
  return false;
}

static bool override_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  return dispatch(p, override_keys, NKEYS(override_keys), key, key, " in an override", k, v, ctx);
}

static bool parse_overrides(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  if (!want_kind(p, v, YAML_SEQUENCE_NODE, "overrides"))
    return false;
  for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
    yaml_node_t *item = node(p, *it);
    grow_array((void **)&c->overrides, &(size_t){c->noverrides}, c->noverrides + 1,
               sizeof *c->overrides);
    ConfigOverride *o = &c->overrides[c->noverrides++];
    memset(o, 0, sizeof *o);
    if (!each_key(p, item, "an override", override_key, o))
      return false;
    if (!o->nfiles)
      return fail(p, item, "an override needs 'files' (a list of globs)");
  }
  return true;
}

static bool hook_name(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  const char *s = NULL;
  if (!want_string(p, v, "name", &s))
    return false;
  h->hook = xstrdup(s);
  return true;
}

static bool hook_replacement(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  const char *s = NULL;
  if (!want_string(p, v, "replacement", &s))
    return false;
  h->replacement = xstrdup(s);
  return true;
}

static bool hook_type(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  const char *s = NULL;
  if (!want_string(p, v, "type", &s))
    return false;
  free(h->type);
  h->type = xstrdup(s);
  return true;
}

static bool hook_arguments(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  const char *s = NULL;
  if (!want_string(p, v, "arguments", &s))
    return false;
  if (strcmp(s, "positional") == 0)
    h->arguments = HOOK_ARGS_POSITIONAL;
  else if (strcmp(s, "object") == 0)
    h->arguments = HOOK_ARGS_OBJECT;
  else
    return fail(p, v, "a deprecated hook's arguments must be 'positional' or 'object', not '%s'",
                s);
  return true;
}

static bool hook_params(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  return string_list(p, v, "params", false, &h->params, &h->nparams);
}

/* One `from: to` of a name map; `to` null (`~`) means no counterpart. */
typedef struct NameMapParse {
  HookNameMap *map;
  size_t n;
} NameMapParse;

static bool name_map_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  (void)k;
  NameMapParse *nm = ctx;
  const char *to = NULL;
  if (!is_null(v) && !want_string(p, v, "a useRealtime name (or ~ for none)", &to))
    return false;
  size_t cap = nm->n;
  HookNameMap e = {xstrdup(key), to ? xstrdup(to) : NULL};
  ARRAY_PUSH(nm->map, nm->n, cap, e);
  return true;
}

static bool parse_name_map(Parse *p, yaml_node_t *v, const char *what, HookNameMap **map,
                           size_t *n) {
  NameMapParse nm = {*map, *n};
  bool ok = each_key(p, v, what, name_map_key, &nm);
  *map = nm.map;
  *n = nm.n;
  return ok;
}

static bool hook_options(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  return parse_name_map(p, v, "options", &h->options, &h->noptions);
}

static bool hook_results(Parse *p, void *ctx, yaml_node_t *v) {
  HookMigration *h = ctx;
  return parse_name_map(p, v, "results", &h->results, &h->nresults);
}

static const ConfigKey hook_keys[] = {
    {"name", hook_name},           {"replacement", hook_replacement}, {"type", hook_type},
    {"arguments", hook_arguments}, {"params", hook_params},           {"options", hook_options},
    {"results", hook_results},
};

static bool hook_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  return dispatch(p, hook_keys, NKEYS(hook_keys), key, key, " in a deprecated hook", k, v, ctx);
}

static bool parse_hooks(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  if (!want_kind(p, v, YAML_SEQUENCE_NODE, "deprecated_hooks"))
    return false;
  for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
    yaml_node_t *item = node(p, *it);
    HookMigration h = {0};
    if (item->type == YAML_SCALAR_NODE && !is_null(item)) {
      h.hook = xstrdup(scalar(item));
    } else if (item->type == YAML_MAPPING_NODE) {
      bool ok = each_key(p, item, "a deprecated hook", hook_key, &h);
      if (ok && !h.hook)
        ok = fail(p, item, "a deprecated hook needs 'name'");
      if (ok && h.arguments == HOOK_ARGS_UNMAPPED && (h.nparams || h.noptions || h.nresults))
        ok = fail(p, item, "a deprecated hook's mapping needs 'arguments' (positional or object)");
      if (ok && h.arguments == HOOK_ARGS_POSITIONAL && !h.nparams)
        ok = fail(p, item, "positional arguments need 'params', their names in order");
      if (!ok) {
        hook_migration_free(&h);
        return false;
      }
    } else {
      return fail(p, item, "a deprecated hook must be a name or {name, replacement}, not %s",
                  kind_name(item));
    }
    size_t cap = c->nhooks;
    ARRAY_PUSH(c->hooks, c->nhooks, cap, h);
  }
  return true;
}

static bool migration_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  Config *c = ctx;
  ConfigMigration m = {xstrdup(key), NULL, 0};
  bool ok;
  if (v->type == YAML_SCALAR_NODE && !is_null(v)) {
    m.keys = xcalloc(1, sizeof *m.keys);
    m.keys[m.nkeys++] = xstrdup(scalar(v));
    ok = true;
  } else if (v->type == YAML_SEQUENCE_NODE) {
    ok = string_list(p, v, "event_migrations", false, &m.keys, &m.nkeys);
    if (ok && !m.nkeys)
      ok = fail(p, v, "event '%s' needs at least one UNIFIED_EVENTS key", key);
  } else {
    ok = fail(p, v, "an event migration must be a UNIFIED_EVENTS key or a list of keys, not %s",
              is_null(v) ? "null" : kind_name(v));
  }
  size_t cap = c->nmigrations;
  ARRAY_PUSH(c->migrations, c->nmigrations, cap, m);
  return ok;
}

static bool bool_of(Parse *p, yaml_node_t *v, const char *what, bool *out) {
  const char *s = v->type == YAML_SCALAR_NODE ? scalar(v) : "";
  if (v->type == YAML_SCALAR_NODE && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
    *out = s[0] == 't';
    return true;
  }
  return fail(p, v, "%s must be true or false", what);
}

static bool resolve_allow_outside(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  size_t first = c->nallow_outside;
  if (!string_list(p, v, "resolve.allow_outside", false, &c->allow_outside, &c->nallow_outside))
    return false;
  for (size_t i = first; i < c->nallow_outside; i++) {
    char *s = c->allow_outside[i];
    char *joined = s[0] == '/' ? xstrdup(s) : xasprintf("%s/%s", p->dir, s);
    c->allow_outside[i] = path_absolute("/", joined);
    free(joined);
    free(s);
  }
  return true;
}

static const ConfigKey resolve_keys[] = {
    {"allow_outside", resolve_allow_outside},
};

static bool resolve_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  char *shown = xasprintf("resolve.%s", key);
  bool ok = dispatch(p, resolve_keys, NKEYS(resolve_keys), key, shown, "", k, v, ctx);
  free(shown);
  return ok;
}

typedef struct SinkParse {
  UserSink sink;
  bool have_pattern, have_argument;
} SinkParse;

/* `name`, `object.method` or `*.method`: identifiers only. */
static bool sink_pattern(Parse *p, yaml_node_t *v, UserSink *out) {
  const char *s = NULL;
  if (!want_string(p, v, "a sink's pattern", &s))
    return false;
  const char *dot = strchr(s, '.');
  const char *name = dot ? dot + 1 : s;
  size_t olen = dot ? (size_t)(dot - s) : 0;
  bool ok = *name != 0 && !strchr(name, '.') && (!dot || olen > 0);
  for (const char *c = s; ok && *c; c++)
    ok = *c == '.' || *c == '_' || *c == '$' || (*c >= '0' && *c <= '9') ||
         ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z') || (*c == '*' && c == s && olen == 1);
  if (!ok || strlen(name) >= 128)
    return fail(p, v, "bad sink pattern '%s' (expected a function name, object.method or *.method)",
                s);
  out->name = xstrdup(name);
  out->object = dot ? xasprintf("%.*s", (int)olen, s) : NULL;
  return true;
}

static bool sink_pattern_key(Parse *p, void *ctx, yaml_node_t *v) {
  SinkParse *sp = ctx;
  sp->have_pattern = sink_pattern(p, v, &sp->sink);
  return sp->have_pattern;
}

static bool sink_argument_key(Parse *p, void *ctx, yaml_node_t *v) {
  SinkParse *sp = ctx;
  const char *s = v->type == YAML_SCALAR_NODE ? scalar(v) : "";
  char *end = NULL;
  unsigned long n = strtoul(s, &end, 10);
  if (v->type != YAML_SCALAR_NODE || !*s || *end || s[0] == '-' || n > 15)
    return fail(p, v, "a sink's argument must be an argument index from 0 to 15");
  sp->sink.argument = (unsigned)n;
  sp->have_argument = true;
  return true;
}

static const ConfigKey sink_keys[] = {
    {"pattern", sink_pattern_key},
    {"argument", sink_argument_key},
};

static bool sink_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  return dispatch(p, sink_keys, NKEYS(sink_keys), key, key, " in a sink", k, v, ctx);
}

static bool parse_sinks(Parse *p, Config *c, yaml_node_t *v, const char *what, UserSinkKind kind) {
  if (!want_kind(p, v, YAML_SEQUENCE_NODE, what))
    return false;
  for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
    yaml_node_t *item = node(p, *it);
    SinkParse sp;
    memset(&sp, 0, sizeof sp);
    sp.sink.kind = kind;
    bool ok = each_key(p, item, "a sink", sink_key, &sp);
    if (ok && (!sp.have_pattern || !sp.have_argument))
      ok = fail(p, item, "a sink needs 'pattern' and 'argument'");
    if (!ok) {
      free(sp.sink.name);
      free(sp.sink.object);
      return false;
    }
    size_t cap = c->nsinks;
    ARRAY_PUSH(c->sinks, c->nsinks, cap, sp.sink);
  }
  return true;
}

static bool realtime_event_senders(Parse *p, void *ctx, yaml_node_t *v) {
  return parse_sinks(p, ctx, v, "realtime.event_senders", USER_SINK_EVENT_SENDER);
}

static bool realtime_event_listeners(Parse *p, void *ctx, yaml_node_t *v) {
  return parse_sinks(p, ctx, v, "realtime.event_listeners", USER_SINK_EVENT_LISTENER);
}

static bool realtime_channel_builders(Parse *p, void *ctx, yaml_node_t *v) {
  return parse_sinks(p, ctx, v, "realtime.channel_builders", USER_SINK_CHANNEL_BUILDER);
}

static bool realtime_canonical_typing_indicator(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  const char *s = NULL;
  if (!want_string(p, v, "realtime.canonical_typing_indicator", &s))
    return false;
  if (!s[0])
    return fail(p, v,
                "realtime.canonical_typing_indicator needs a path, such as "
                "components/shared/TypingIndicator");
  /* Relative to the configuration's folder; the extension may be left out. */
  char *joined = s[0] == '/' ? xstrdup(s) : xasprintf("%s/%s", p->dir, s);
  free(c->canonical_typing_indicator);
  c->canonical_typing_indicator = path_absolute("/", joined);
  free(joined);
  return true;
}

static bool external_channel_key(Parse *p, void *ctx, yaml_node_t *v) {
  const char *s = NULL;
  if (!want_string(p, v, "an external end's channel", &s))
    return false;
  if (!*s)
    return fail(p, v, "an external end's channel must not be empty");
  ((ConfigExternal *)ctx)->channel = xstrdup(s);
  return true;
}

static bool external_event_key(Parse *p, void *ctx, yaml_node_t *v) {
  const char *s = NULL;
  if (!want_string(p, v, "an external end's event", &s))
    return false;
  if (!*s)
    return fail(p, v, "an external end's event must not be empty");
  ((ConfigExternal *)ctx)->event = xstrdup(s);
  return true;
}

static bool external_kind_key(Parse *p, void *ctx, yaml_node_t *v) {
  const char *s = NULL;
  if (!want_string(p, v, "an external end's kind", &s))
    return false;
  if (strcmp(s, "broadcast") != 0 && strcmp(s, "presence") != 0 &&
      strcmp(s, "postgres_changes") != 0)
    return fail(p, v, "unknown kind '%s' (expected broadcast, presence or postgres_changes)", s);
  ((ConfigExternal *)ctx)->kind = xstrdup(s);
  return true;
}

static const ConfigKey external_keys[] = {
    {"channel", external_channel_key},
    {"event", external_event_key},
    {"kind", external_kind_key},
};

static bool external_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  return dispatch(p, external_keys, NKEYS(external_keys), key, key, " in an external end", k, v,
                  ctx);
}

static void external_free(ConfigExternal *e) {
  free(e->channel);
  free(e->event);
  free(e->kind);
}

static bool parse_externals(Parse *p, Config *c, yaml_node_t *v, const char *what, bool listener) {
  if (!want_kind(p, v, YAML_SEQUENCE_NODE, what))
    return false;
  for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
    yaml_node_t *item = node(p, *it);
    ConfigExternal e;
    memset(&e, 0, sizeof e);
    e.listener = listener;
    e.line = (uint32_t)item->start_mark.line + 1;
    bool ok = each_key(p, item, "an external end", external_key, &e);
    if (ok && (!e.channel || !e.event))
      ok = fail(p, item, "an external end needs 'channel' and 'event'");
    if (!ok) {
      external_free(&e);
      return false;
    }
    size_t cap = c->nexternals;
    ARRAY_PUSH(c->externals, c->nexternals, cap, e);
  }
  return true;
}

static bool realtime_external_senders(Parse *p, void *ctx, yaml_node_t *v) {
  return parse_externals(p, ctx, v, "realtime.external_senders", false);
}

static bool realtime_external_listeners(Parse *p, void *ctx, yaml_node_t *v) {
  return parse_externals(p, ctx, v, "realtime.external_listeners", true);
}

static const ConfigKey realtime_keys[] = {
    {"canonical_typing_indicator", realtime_canonical_typing_indicator},
    {"event_senders", realtime_event_senders},
    {"event_listeners", realtime_event_listeners},
    {"channel_builders", realtime_channel_builders},
    {"external_senders", realtime_external_senders},
    {"external_listeners", realtime_external_listeners},
};

static bool realtime_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  char *shown = xasprintf("realtime.%s", key);
  bool ok = dispatch(p, realtime_keys, NKEYS(realtime_keys), key, shown, "", k, v, ctx);
  free(shown);
  return ok;
}

static bool top_include(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return string_list(p, v, "include", true, &c->include, &c->ninclude);
}

static bool top_exclude(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return string_list(p, v, "exclude", true, &c->exclude, &c->nexclude);
}

static bool top_rules(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return parse_rules(p, v, &c->rules, &c->nrules);
}

static bool top_phases(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return parse_phases(p, v, c->phases, &c->nphases);
}

static bool top_standards(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  const char *s = NULL;
  if (!want_string(p, v, "standards", &s))
    return false;
  char *joined = s[0] == '/' ? xstrdup(s) : xasprintf("%s/%s", p->dir, s);
  c->standards = path_absolute("/", joined);
  free(joined);
  return true;
}

static bool top_event_migrations(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return each_key(p, v, "event_migrations", migration_key, c);
}

static bool top_component_dirs(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return string_list(p, v, "component_dirs", true, &c->component_dirs, &c->ncomponent_dirs);
}

static bool top_infrastructure_dirs(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return string_list(p, v, "infrastructure_dirs", true, &c->infrastructure_dirs,
                     &c->ninfrastructure_dirs);
}

static bool top_require_reason(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return bool_of(p, v, "require_reason", &c->require_reason);
}

static bool top_resolve(Parse *p, void *ctx, yaml_node_t *v) {
  Config *c = ctx;
  return each_key(p, v, "resolve", resolve_key, c);
}

static bool top_realtime(Parse *p, void *ctx, yaml_node_t *v) {
  return each_key(p, v, "realtime", realtime_key, ctx);
}

static const ConfigKey top_keys[] = {
    {"include", top_include},
    {"exclude", top_exclude},
    {"rules", top_rules},
    {"overrides", parse_overrides},
    {"phases", top_phases},
    {"standards", top_standards},
    {"deprecated_hooks", parse_hooks},
    {"event_migrations", top_event_migrations},
    {"component_dirs", top_component_dirs},
    {"infrastructure_dirs", top_infrastructure_dirs},
    {"require_reason", top_require_reason},
    {"resolve", top_resolve},
    {"realtime", top_realtime},
};

static bool top_key(Parse *p, const char *key, yaml_node_t *k, yaml_node_t *v, void *ctx) {
  return dispatch(p, top_keys, NKEYS(top_keys), key, key, "", k, v, ctx);
}

static void emit_keys(const char *prefix, const ConfigKey *table, size_t n,
                      void (*emit)(const char *path, void *ctx), void *ctx) {
  for (size_t i = 0; i < n; i++) {
    char *path = xasprintf("%s%s", prefix, table[i].key);
    emit(path, ctx);
    free(path);
  }
}

void config_key_paths(void (*emit)(const char *path, void *ctx), void *ctx) {
  emit_keys("", top_keys, NKEYS(top_keys), emit, ctx);
  emit_keys("overrides[].", override_keys, NKEYS(override_keys), emit, ctx);
  emit_keys("deprecated_hooks[].", hook_keys, NKEYS(hook_keys), emit, ctx);
  emit_keys("resolve.", resolve_keys, NKEYS(resolve_keys), emit, ctx);
  emit_keys("realtime.", realtime_keys, NKEYS(realtime_keys), emit, ctx);
  static const char *const sink_lists[] = {"event_senders", "event_listeners", "channel_builders"};
  for (size_t i = 0; i < NKEYS(sink_lists); i++) {
    char *prefix = xasprintf("realtime.%s[].", sink_lists[i]);
    emit_keys(prefix, sink_keys, NKEYS(sink_keys), emit, ctx);
    free(prefix);
  }
  emit_keys("realtime.external_senders[].", external_keys, NKEYS(external_keys), emit, ctx);
  emit_keys("realtime.external_listeners[].", external_keys, NKEYS(external_keys), emit, ctx);
}

/* libyaml's scanner slows down quadratically with flow nesting (100,000
 * nested '[' took minutes); no configuration needs more than a few levels. */
#define CONFIG_MAX_FLOW_DEPTH 64

/* Counts '[' and '{' outside quotes and comments. */
static bool flow_too_deep(const char *text, size_t len, size_t *at) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < len; i++) {
    char ch = text[i];
    if (quote) {
      if (ch == '\\' && quote == '"' && i + 1 < len)
        i++;
      else if (ch == quote)
        quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
      while (i < len && text[i] != '\n')
        i++;
    } else if (ch == '[' || ch == '{') {
      if (++depth > CONFIG_MAX_FLOW_DEPTH) {
        *at = i;
        return true;
      }
    } else if ((ch == ']' || ch == '}') && depth > 0) {
      depth--;
    }
  }
  return false;
}

bool config_parse(Config *c, const char *display_path, const char *dir, const char *text,
                  size_t len, char **err) {
  memset(c, 0, sizeof *c);
  c->path = xstrdup(display_path);
  c->dir = path_absolute("/", dir);
  c->digest = hash_fnv1a(text, len, HASH_FNV_SEED);
  *err = NULL;
  size_t deep_at;
  if (flow_too_deep(text, len, &deep_at)) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < deep_at; i++, col++)
      if (text[i] == '\n')
        line++, col = 0;
    *err = xasprintf("%s:%zu:%zu: invalid YAML: brackets nested deeper than %d levels",
                     display_path, line, col, CONFIG_MAX_FLOW_DEPTH);
    return false;
  }
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
  if (!yaml_parser_load(&parser, &doc)) {
    yaml_mark_t m = parser.problem_mark;
    *err = xasprintf("%s:%zu:%zu: invalid YAML: %s%s%s", display_path, m.line + 1, m.column + 1,
                     parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
                     parser.context ? parser.context : "");
    yaml_parser_delete(&parser);
    return false;
  }
  Parse p = {&doc, display_path, c->dir, NULL};
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  if (root && !is_null(root))
    each_key(&p, root, "the configuration", top_key, c);
  yaml_document_delete(&doc);
  /* One document only: a second one would be silently ignored. */
  if (!p.err) {
    yaml_document_t extra;
    if (yaml_parser_load(&parser, &extra)) {
      yaml_node_t *r2 = yaml_document_get_root_node(&extra);
      if (r2)
        fail(&p, r2, "only one YAML document is allowed");
      yaml_document_delete(&extra);
    }
  }
  yaml_parser_delete(&parser);
  if (p.err) {
    *err = p.err;
    return false;
  }
  return true;
}

bool config_load(Config *c, const char *path, char **err) {
  FILE *f = fsio_fopen_read(path, 0);
  if (!f) {
    memset(c, 0, sizeof *c);
    *err = xasprintf("rtlint: cannot read configuration %s: %s", path,
                     errno == EINVAL ? "not a regular file" : strerror(errno));
    return false;
  }
  StrBuf sb = {0};
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    sb_append_n(&sb, buf, n);
  fclose(f);
  char cwd[PATH_MAX];
  char *abs = path_absolute(getcwd(cwd, sizeof cwd) ? cwd : "/", path);
  char *slash = strrchr(abs, '/');
  char *dir = slash == abs ? xstrdup("/") : xstrndup(abs, (size_t)(slash - abs));
  bool ok = config_parse(c, path, dir, sb.data ? sb.data : "", sb.len, err);
  free(dir);
  free(abs);
  sb_free(&sb);
  return ok;
}

static void free_list(char **items, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(items[i]);
  free(items);
}

void config_free(Config *c) {
  free(c->path);
  free(c->dir);
  free_list(c->include, c->ninclude);
  free_list(c->exclude, c->nexclude);
  free(c->rules);
  for (size_t i = 0; i < c->noverrides; i++) {
    free_list(c->overrides[i].files, c->overrides[i].nfiles);
    free_list(c->overrides[i].exclude_files, c->overrides[i].nexclude_files);
    free(c->overrides[i].rules);
  }
  free(c->overrides);
  free(c->standards);
  for (size_t i = 0; i < c->nhooks; i++)
    hook_migration_free(&c->hooks[i]);
  free(c->hooks);
  for (size_t i = 0; i < c->nmigrations; i++) {
    free(c->migrations[i].old_name);
    free_list(c->migrations[i].keys, c->migrations[i].nkeys);
  }
  free(c->migrations);
  free_list(c->component_dirs, c->ncomponent_dirs);
  free_list(c->infrastructure_dirs, c->ninfrastructure_dirs);
  free_list(c->allow_outside, c->nallow_outside);
  for (size_t i = 0; i < c->nsinks; i++) {
    free(c->sinks[i].name);
    free(c->sinks[i].object);
  }
  free(c->sinks);
  free(c->canonical_typing_indicator);
  for (size_t i = 0; i < c->nexternals; i++)
    external_free(&c->externals[i]);
  free(c->externals);
  memset(c, 0, sizeof *c);
}

/* ---- using it ---- */

char *config_relpath(const Config *c, const char *abs_path) {
  size_t n = strlen(c->dir);
  if (strcmp(c->dir, "/") == 0)
    return xstrdup(abs_path + 1);
  if (strncmp(abs_path, c->dir, n) == 0 && abs_path[n] == '/')
    return xstrdup(abs_path + n + 1);
  return NULL;
}

static bool any_match(char *const *globs, size_t n, const char *rel) {
  for (size_t i = 0; i < n; i++)
    if (glob_match(globs[i], rel))
      return true;
  return false;
}

bool config_includes(const Config *c, const char *abs_path) {
  char *rel = config_relpath(c, abs_path);
  if (!rel)
    return true; /* outside the configured tree: the configuration does not speak for it */
  bool ok = (!c->ninclude || any_match(c->include, c->ninclude, rel)) &&
            !any_match(c->exclude, c->nexclude, rel);
  free(rel);
  return ok;
}

static const char *first_match(char *const *globs, size_t n, const char *rel) {
  for (size_t i = 0; i < n; i++)
    if (glob_match(globs[i], rel))
      return globs[i];
  return NULL;
}

char *config_exclusion(const Config *c, const char *abs_path, const char *name) {
  char *rel = config_relpath(c, abs_path);
  if (!rel)
    return NULL;
  char *why = NULL;
  const char *glob = first_match(c->exclude, c->nexclude, rel);
  if (c->ninclude && !first_match(c->include, c->ninclude, rel))
    why = xasprintf("no glob of %s's include matches it", name);
  else if (glob)
    why = xasprintf("excluded by %s (exclude: '%s')", name, glob);
  free(rel);
  return why;
}

static void apply_severities(const ConfigSeverity *items, size_t n, RuleSelection *sel) {
  for (size_t i = 0; i < n; i++)
    sel->severity[items[i].rule] = items[i].severity;
}

void config_selection(const Config *c, const char *abs_path, bool use_phases, RuleSelection *sel) {
  apply_severities(c->rules, c->nrules, sel);
  char *rel = config_relpath(c, abs_path);
  for (size_t i = 0; rel && i < c->noverrides; i++) {
    const ConfigOverride *o = &c->overrides[i];
    if (any_match(o->files, o->nfiles, rel) && !any_match(o->exclude_files, o->nexclude_files, rel))
      apply_severities(o->rules, o->nrules, sel);
  }
  free(rel);
  if (use_phases && c->nphases)
    for (size_t r = 0; r < rules_count; r++) {
      int phase = rules_all[r]->phase;
      if (phase == PHASE_ALL)
        continue;
      bool in = false;
      for (size_t i = 0; i < c->nphases; i++)
        in = in || c->phases[i] == phase;
      if (!in)
        sel->severity[r] = SEV_OFF;
    }
}

bool config_path_in(const Config *c, const char *abs_path, char *const *dirs, size_t ndirs) {
  char *rel = config_relpath(c, abs_path);
  bool in = rel && any_match(dirs, ndirs, rel);
  free(rel);
  return in;
}

void config_apply_standards(const Config *c, Standards *std) {
  if (c->canonical_typing_indicator) {
    free(std->canonical_typing_indicator);
    std->canonical_typing_indicator = xstrdup(c->canonical_typing_indicator);
  }
  for (size_t i = 0; i < c->nhooks; i++)
    std_add_hook_copy(std, &c->hooks[i]);
  if (c->nmigrations == 0)
    return;
  /* Old names by index + 1, and room reserved once: looking each name up in
   * the list and growing it by one made 100,000 migrations quadratic. */
  StrMap known = {0};
  for (size_t i = 0; i < std->nmigrations; i++)
    strmap_put(&known, std->migrations[i].old_name, (void *)(uintptr_t)(i + 1));
  std->migrations =
      xrealloc(std->migrations, (std->nmigrations + c->nmigrations) * sizeof *std->migrations);
  for (size_t i = 0; i < c->nmigrations; i++) {
    const ConfigMigration *cm = &c->migrations[i];
    size_t at = (size_t)(uintptr_t)strmap_get(&known, cm->old_name);
    EventMigration *m;
    if (at) {
      /* The configuration wins over the built-in map. */
      m = &std->migrations[at - 1];
      free_list(m->keys, m->nkeys);
    } else {
      m = &std->migrations[std->nmigrations++];
      m->old_name = xstrdup(cm->old_name);
      strmap_put(&known, m->old_name, (void *)(uintptr_t)std->nmigrations);
    }
    m->nkeys = cm->nkeys;
    m->keys = xcalloc(cm->nkeys, sizeof *m->keys);
    for (size_t k = 0; k < cm->nkeys; k++)
      m->keys[k] = xstrdup(cm->keys[k]);
  }
  strmap_free(&known, NULL);
}

PathRole config_path_role(const void *config, const char *abs_path) {
  const Config *c = config;
  if (c->ninfrastructure_dirs &&
      config_path_in(c, abs_path, c->infrastructure_dirs, c->ninfrastructure_dirs))
    return PATH_ROLE_INFRASTRUCTURE;
  if (!c->ncomponent_dirs)
    return PATH_ROLE_DEFAULT;
  return config_path_in(c, abs_path, c->component_dirs, c->ncomponent_dirs) ? PATH_ROLE_COMPONENT
                                                                            : PATH_ROLE_OTHER;
}
