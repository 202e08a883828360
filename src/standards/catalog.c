#include "standards/standards.h"

#include "core/embedded.h"
#include "core/util.h"
#include "standards/validate.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static HookNameMap *load_name_map(json_t *obj, size_t *n) {
  const char *key;
  json_t *val;
  *n = 0;
  HookNameMap *map = xcalloc(json_object_size(obj) + 1, sizeof *map);
  json_object_foreach(obj, key, val) {
    map[*n].from = xstrdup(key);
    map[*n].to = json_is_string(val) ? xstrdup(json_string_value(val)) : NULL;
    ++*n;
  }
  return map;
}

/* A hook's entry: a string (the replacement only, no mapping) or an object. */
static void load_hook(Standards *std, const char *name, json_t *val) {
  if (json_is_string(val)) {
    std_add_hook(std, name, json_string_value(val));
    return;
  }
  HookMigration *h =
      std_add_hook(std, name, json_string_value(json_object_get(val, "replacement")));
  if (!h)
    return;
  h->type = json_str(val, "type");
  const char *args = json_string_value(json_object_get(val, "arguments"));
  h->arguments = !args                             ? HOOK_ARGS_UNMAPPED
                 : strcmp(args, "positional") == 0 ? HOOK_ARGS_POSITIONAL
                 : strcmp(args, "object") == 0     ? HOOK_ARGS_OBJECT
                                                   : HOOK_ARGS_UNMAPPED;
  json_t *params = json_object_get(val, "params");
  h->nparams = json_array_size(params);
  h->params = xcalloc(h->nparams + 1, sizeof *h->params);
  for (size_t i = 0; i < h->nparams; i++)
    h->params[i] = xstrdup(json_string_value(json_array_get(params, i)));
  h->options = load_name_map(json_object_get(val, "options"), &h->noptions);
  h->results = load_name_map(json_object_get(val, "results"), &h->nresults);
}

static WordSynonym *load_synonyms(json_t *words, size_t *n) {
  const char *word;
  json_t *val;
  WordSynonym *out = xcalloc(json_object_size(words) + 1, sizeof *out);
  *n = 0;
  json_object_foreach(words, word, val) {
    if (!json_is_string(val))
      continue;
    WordSynonym *syn = &out[(*n)++];
    syn->word = xstrdup(word);
    syn->canonical = xstrdup(json_string_value(val));
  }
  return out;
}

static void free_synonyms(WordSynonym *syn, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(syn[i].word);
    free(syn[i].canonical);
  }
  free(syn);
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
  json_t *spellings = json_object_get(mig, "event_spellings");
  std->event_separators = json_str(spellings, "separators");
  std->event_ignore_case = json_is_true(json_object_get(spellings, "ignore_case"));
  std->event_synonyms = load_synonyms(
      json_object_get(json_object_get(mig, "event_synonyms"), "words"), &std->nevent_synonyms);
  std->resource_synonyms =
      load_synonyms(json_object_get(json_object_get(mig, "channel_resources"), "words"),
                    &std->nresource_synonyms);
  json_t *hooks = json_object_get(mig, "hooks");
  json_object_foreach(hooks, name, val) load_hook(std, name, val);
  json_t *rt = json_object_get(mig, "use_realtime");
  std->realtime_hook = json_str(rt, "name");
  if (!std->realtime_hook)
    std->realtime_hook = xstrdup("useRealtime");
  json_t *mods = json_object_get(rt, "modules");
  std->nrealtime_modules = json_array_size(mods);
  std->realtime_modules = xcalloc(std->nrealtime_modules + 1, sizeof *std->realtime_modules);
  for (size_t i = 0; i < std->nrealtime_modules; i++)
    std->realtime_modules[i] = xstrdup(json_string_value(json_array_get(mods, i)));
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

static void free_name_map(HookNameMap *map, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(map[i].from);
    free(map[i].to);
  }
  free(map);
}

void hook_migration_free(HookMigration *h) {
  free(h->hook);
  free(h->replacement);
  free(h->type);
  for (size_t i = 0; i < h->nparams; i++)
    free(h->params[i]);
  free(h->params);
  free_name_map(h->options, h->noptions);
  free_name_map(h->results, h->nresults);
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
  for (size_t i = 0; i < std->nhooks; i++)
    hook_migration_free(&std->hooks[i]);
  free(std->hooks);
  free(std->event_separators);
  free_synonyms(std->event_synonyms, std->nevent_synonyms);
  free_synonyms(std->resource_synonyms, std->nresource_synonyms);
  free(std->realtime_hook);
  for (size_t i = 0; i < std->nrealtime_modules; i++)
    free(std->realtime_modules[i]);
  free(std->realtime_modules);
  free(std->canonical_typing_indicator);
  for (size_t i = 0; i < std->nchannel_patterns; i++)
    free(std->channel_patterns[i]);
  free(std->channel_patterns);
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

const char *std_resource_word(const Standards *std, const char *word) {
  for (size_t i = 0; i < std->nresource_synonyms; i++)
    if (strcasecmp(std->resource_synonyms[i].word, word) == 0)
      return std->resource_synonyms[i].canonical;
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

HookMigration *std_add_hook(Standards *std, const char *hook, const char *replacement) {
  if (std_hook(std, hook))
    return NULL;
  std->hooks = xrealloc(std->hooks, (std->nhooks + 1) * sizeof *std->hooks);
  HookMigration *h = &std->hooks[std->nhooks++];
  memset(h, 0, sizeof *h);
  h->hook = xstrdup(hook);
  h->replacement = xstrdup(replacement ? replacement : "useRealtime()");
  return h;
}

static HookNameMap *copy_name_map(const HookNameMap *map, size_t n) {
  HookNameMap *out = xcalloc(n + 1, sizeof *out);
  for (size_t i = 0; i < n; i++) {
    out[i].from = xstrdup(map[i].from);
    out[i].to = map[i].to ? xstrdup(map[i].to) : NULL;
  }
  return out;
}

void std_add_hook_copy(Standards *std, const HookMigration *src) {
  HookMigration *h = std_add_hook(std, src->hook, src->replacement);
  if (!h)
    return;
  h->type = src->type ? xstrdup(src->type) : NULL;
  h->arguments = src->arguments;
  h->nparams = src->nparams;
  h->params = xcalloc(src->nparams + 1, sizeof *h->params);
  for (size_t i = 0; i < src->nparams; i++)
    h->params[i] = xstrdup(src->params[i]);
  h->options = copy_name_map(src->options, src->noptions);
  h->noptions = src->noptions;
  h->results = copy_name_map(src->results, src->nresults);
  h->nresults = src->nresults;
}

const char *hook_map_lookup(const HookNameMap *map, size_t n, const char *from) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(map[i].from, from) == 0)
      return map[i].to;
  return NULL;
}
