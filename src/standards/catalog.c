#include "standards/standards.h"

#include "core/embedded.h"
#include "core/util.h"
#include "standards/validate.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char *json_str(json_t *obj, const char *key) {
  const char *s = json_string_value(json_object_get(obj, key));
  return s ? xstrdup(s) : NULL;
}

static json_t *load_embedded_json(const char *path, char **err) {
  const EmbeddedFile *f = embedded_find(path);
  if (!f) {
    *err = xasprintf("%s is missing from the build", path);
    return NULL;
  }
  json_error_t jerr;
  json_t *root = json_loadb(f->data, f->len, 0, &jerr);
  if (!root)
    *err = xasprintf("%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
  return root;
}

static bool load_channels(Standards *std, json_t *arr) {
  size_t i;
  json_t *item;
  std->nchannels = json_array_size(arr);
  std->channels = xcalloc(std->nchannels, sizeof *std->channels);
  json_array_foreach(arr, i, item) {
    ChannelFn *c = &std->channels[i];
    c->name = json_str(item, "name");
    c->shape = json_str(item, "shape");
    json_t *params = json_object_get(item, "params");
    c->nparams = json_array_size(params);
    c->params = xcalloc(c->nparams, sizeof *c->params);
    for (size_t p = 0; p < c->nparams; p++)
      c->params[p] = xstrdup(json_string_value(json_array_get(params, p)));
    if (!c->name || !c->shape)
      return false;
  }
  return true;
}

static bool load_events(Standards *std, json_t *arr) {
  size_t i;
  json_t *item;
  std->nevents = json_array_size(arr);
  std->events = xcalloc(std->nevents, sizeof *std->events);
  json_array_foreach(arr, i, item) {
    std->events[i].key = json_str(item, "key");
    std->events[i].value = json_str(item, "value");
    if (!std->events[i].key || !std->events[i].value)
      return false;
  }
  return true;
}

static void load_migrations(Standards *std, json_t *mig) {
  const char *name;
  json_t *val;
  json_t *events = json_object_get(mig, "events");
  std->migrations = xcalloc(json_object_size(events), sizeof *std->migrations);
  json_object_foreach(events, name, val) {
    EventMigration *m = &std->migrations[std->nmigrations++];
    m->old_name = xstrdup(name);
    m->nkeys = json_array_size(val);
    m->keys = xcalloc(m->nkeys, sizeof *m->keys);
    for (size_t k = 0; k < m->nkeys; k++)
      m->keys[k] = xstrdup(json_string_value(json_array_get(val, k)));
  }
  json_t *hooks = json_object_get(mig, "hooks");
  json_object_foreach(hooks, name, val) std_add_hook(std, name, json_string_value(val));
  json_t *legacy = json_object_get(mig, "legacy_channels");
  std->nlegacy = json_array_size(legacy);
  std->legacy = xcalloc(std->nlegacy, sizeof *std->legacy);
  for (size_t i = 0; i < std->nlegacy; i++) {
    std->legacy[i].prefix = json_str(json_array_get(legacy, i), "prefix");
    std->legacy[i].function = json_str(json_array_get(legacy, i), "function");
  }
}

bool std_load_builtin(Standards *std, char **err) {
  memset(std, 0, sizeof *std);
  *err = NULL;
  json_t *cat = load_embedded_json("rules/standards.json", err);
  if (!cat)
    return false;
  json_t *mig = load_embedded_json("rules/migrations.json", err);
  if (!mig) {
    json_decref(cat);
    return false;
  }
  bool ok = load_channels(std, json_object_get(cat, "channels")) &&
            load_events(std, json_object_get(cat, "events"));
  std->module_suffix = json_str(cat, "module");
  if (ok)
    ok = std_validators_compile(std, json_object_get(cat, "validation"), err);
  else
    *err = xstrdup("rules/standards.json: a channel or event lacks a name, shape, key or value");
  load_migrations(std, mig);
  std->source = xstrdup("built-in catalog (rules/standards.json)");
  json_decref(cat);
  json_decref(mig);
  return ok && std->module_suffix;
}

void std_free_channels(Standards *std) {
  for (size_t i = 0; i < std->nchannels; i++) {
    free(std->channels[i].name);
    free(std->channels[i].shape);
    for (size_t p = 0; p < std->channels[i].nparams; p++)
      free(std->channels[i].params[p]);
    free(std->channels[i].params);
  }
  free(std->channels);
  std->channels = NULL;
  std->nchannels = 0;
}

void std_free_events(Standards *std) {
  for (size_t i = 0; i < std->nevents; i++) {
    free(std->events[i].key);
    free(std->events[i].value);
  }
  free(std->events);
  std->events = NULL;
  std->nevents = 0;
}

void std_free(Standards *std) {
  std_free_channels(std);
  std_free_events(std);
  for (size_t i = 0; i < std->nmigrations; i++) {
    free(std->migrations[i].old_name);
    for (size_t k = 0; k < std->migrations[i].nkeys; k++)
      free(std->migrations[i].keys[k]);
    free(std->migrations[i].keys);
  }
  free(std->migrations);
  for (size_t i = 0; i < std->nlegacy; i++) {
    free(std->legacy[i].prefix);
    free(std->legacy[i].function);
  }
  free(std->legacy);
  for (size_t i = 0; i < std->nhooks; i++) {
    free(std->hooks[i].hook);
    free(std->hooks[i].replacement);
  }
  free(std->hooks);
  free(std->module_suffix);
  free(std->source);
  std_validators_free(std);
  memset(std, 0, sizeof *std);
}

const EventDef *std_event_by_value(const Standards *std, const char *value) {
  for (size_t i = 0; i < std->nevents; i++)
    if (strcmp(std->events[i].value, value) == 0)
      return &std->events[i];
  return NULL;
}

const EventDef *std_event_by_key(const Standards *std, const char *key) {
  for (size_t i = 0; i < std->nevents; i++)
    if (strcmp(std->events[i].key, key) == 0)
      return &std->events[i];
  return NULL;
}

bool std_valid_event(const Standards *std, const char *name) {
  return std_event_by_value(std, name) != NULL;
}

const ChannelFn *std_channel_by_name(const Standards *std, const char *name) {
  for (size_t i = 0; i < std->nchannels; i++)
    if (strcmp(std->channels[i].name, name) == 0)
      return &std->channels[i];
  return NULL;
}

const EventMigration *std_event_migration(const Standards *std, const char *old_name) {
  for (size_t i = 0; i < std->nmigrations; i++)
    if (strcmp(std->migrations[i].old_name, old_name) == 0)
      return &std->migrations[i];
  return NULL;
}

const HookMigration *std_hook(const Standards *std, const char *name) {
  for (size_t i = 0; i < std->nhooks; i++)
    if (strcmp(std->hooks[i].hook, name) == 0)
      return &std->hooks[i];
  return NULL;
}

void std_add_hook(Standards *std, const char *hook, const char *replacement) {
  if (std_hook(std, hook))
    return;
  std->hooks = xrealloc(std->hooks, (std->nhooks + 1) * sizeof *std->hooks);
  std->hooks[std->nhooks].hook = xstrdup(hook);
  std->hooks[std->nhooks].replacement = xstrdup(replacement ? replacement : "useRealtime()");
  std->nhooks++;
}
