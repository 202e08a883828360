#ifndef RTLINT_STANDARDS_STANDARDS_H
#define RTLINT_STANDARDS_STANDARDS_H
#include <stdbool.h>
#include <stddef.h>

/* A UNIFIED_CHANNELS function: shape "org:{0}:conv:{1}" where {N} is the
 * function's N-th parameter. */
typedef struct ChannelFn {
  char *name;
  char **params;
  size_t nparams;
  char *shape;
} ChannelFn;

typedef struct EventDef {
  char *key;   /* TYPING_START */
  char *value; /* typing:start */
} EventDef;

/* An old custom event name and the UNIFIED_EVENTS keys it may become. */
typedef struct EventMigration {
  char *old_name;
  char **keys;
  size_t nkeys;
} EventMigration;

/* Another word for one of the catalog's words (rules/migrations.json
 * "event_synonyms": began -> start; "channel_resources": thread ->
 * conversation). */
typedef struct WordSynonym {
  char *word;
  char *canonical;
} WordSynonym;

typedef struct LegacyChannel {
  char *prefix;   /* "conversation" in `conversation:${id}` */
  char *function; /* UNIFIED_CHANNELS function replacing it */
} LegacyChannel;

/* A name of a deprecated hook's call (a parameter, an options property, a
 * destructured result) and its useRealtime counterpart; to NULL when it has
 * none. */
typedef struct HookNameMap {
  char *from;
  char *to;
} HookNameMap;

typedef enum HookArguments {
  HOOK_ARGS_UNMAPPED = 0, /* no mapping known: no fix (a hook only named in rtlint.yaml) */
  HOOK_ARGS_POSITIONAL,   /* useX(a, b): params name them in order */
  HOOK_ARGS_OBJECT,       /* useX({ a, b }): the properties are the names */
} HookArguments;

/* How a deprecated hook's call becomes useRealtime (rules/migrations.json
 * "hooks"; docs/rules/hook-deprecated.md). */
typedef struct HookMigration {
  char *hook;
  char *replacement;
  char *type; /* the useRealtime type literal, "folder" (the file's folder decides), or NULL */
  HookArguments arguments;
  char **params; /* positional parameter names */
  size_t nparams;
  HookNameMap *options; /* parameter / property name -> useRealtime option key */
  size_t noptions;
  HookNameMap *results; /* destructured result name -> useRealtime result property */
  size_t nresults;
} HookMigration;

typedef struct Standards {
  ChannelFn *channels;
  size_t nchannels;
  EventDef *events;
  size_t nevents;
  EventMigration *migrations;
  size_t nmigrations;
  LegacyChannel *legacy;
  size_t nlegacy;
  HookMigration *hooks;
  size_t nhooks;
  /* rules/migrations.json "event_spellings": the characters that separate
   * an event name's words (any stands for any other), and whether letter case
   * counts: std_event_near_miss. */
  char *event_separators;
  bool event_ignore_case;
  WordSynonym *event_synonyms; /* std_event_synonym */
  size_t nevent_synonyms;
  WordSynonym *resource_synonyms; /* std_resource_word */
  size_t nresource_synonyms;
  char *realtime_hook;     /* "useRealtime": what deprecated hooks become */
  char **realtime_modules; /* import specifiers a project may keep it at, tried in order */
  size_t nrealtime_modules;
  /* The configuration's realtime.canonical_typing_indicator (absolute path,
   * extension optional), or NULL: typing-indicator-duplicate suggests it. */
  char *canonical_typing_indicator;
  char *module_suffix; /* "lib/realtime/unified-channel-standards.ts" */
  char *source;        /* "built-in catalog" or the learned file's path */
  bool learned;
  /* The standards module's own isValidChannelName org patterns
   * (standards/learn.h), which replace the seed's; none when it keeps no such
   * list (the seed's then apply). */
  char **channel_patterns;
  size_t nchannel_patterns;
  void *validators; /* compiled PCRE2 patterns (opaque) */
} Standards;

/* Loads the built-in catalog and migration maps embedded from rules/. On
 * failure returns false with a message in *err (caller frees). */
bool std_load_builtin(Standards *std, char **err);
void std_free(Standards *std);

/* Replaces channels and events with those read from a standards module
 * (UNIFIED_CHANNELS arrow functions returning templates, UNIFIED_EVENTS
 * strings). Returns false with *err when the file has neither. */
bool std_learn_from_file(Standards *std, const char *path, const char *display, char **err);
/* The same for a file's bytes held in memory (a blob read from git); `path`
 * picks the grammar by extension. */
bool std_learn_from_memory(Standards *std, const char *bytes, size_t len, const char *path,
                           const char *display, char **err);

/* The seed's isValidChannelName, implemented with its own patterns. */
bool std_valid_channel(const Standards *std, const char *name);
bool std_valid_event(const Standards *std, const char *name);
/* extractOrgId / extractResourceType / extractResourceId; caller frees. */
char *std_extract_org_id(const char *channel);
char *std_extract_resource_type(const char *channel);
char *std_extract_resource_id(const char *channel);

const EventDef *std_event_by_value(const Standards *std, const char *value);
const EventDef *std_event_by_key(const Standards *std, const char *key);
const ChannelFn *std_channel_by_name(const Standards *std, const char *name);
const EventMigration *std_event_migration(const Standards *std, const char *old_name);
/* The catalog's resource word that a channel name's `word` stands for
 * (rules/migrations.json "channel_resources": thread -> conversation, any
 * letter case); NULL when the map has none. */
const char *std_resource_word(const Standards *std, const char *word);
/* The UNIFIED_EVENTS entry that `name` spells with other separators or in
 * other letter case ("typing.start", "TYPING:START" -> typing:start), as
 * event_separators and event_ignore_case say; NULL when none does, when
 * `name` is a catalog value itself, or when two entries both match. */
const EventDef *std_event_near_miss(const Standards *std, const char *name);
/* The UNIFIED_EVENTS entry whose words `name` has, in any order, once the
 * words of both are read through event_synonyms ("typing.began",
 * "messageNew" -> typing:start, message:created). Words are split at one
 * event_separators character and where a lower-case letter or digit meets an
 * upper-case one; case counts as event_ignore_case says. NULL when no entry
 * or two entries match, when a word is empty, or when `name` is a catalog
 * value itself. */
const EventDef *std_event_synonym(const Standards *std, const char *name);
/* Whether some UNIFIED_EVENTS entry is a near miss or a synonym of `name`,
 * one or several (then which is meant cannot be told): the name is not an
 * event the catalog lacks. */
bool std_event_resembles(const Standards *std, const char *name);
const HookMigration *std_hook(const Standards *std, const char *name);
/* Adds a hook without a mapping (no fix) unless it is known; returns the
 * entry (valid until the next addition), NULL when it was known already. */
HookMigration *std_add_hook(Standards *std, const char *hook, const char *replacement);
/* The counterpart of `from` in a map, NULL when it has none. */
/* Adds a copy of h (its mapping too) unless the hook is known. */
void std_add_hook_copy(Standards *std, const HookMigration *h);
void hook_migration_free(HookMigration *h);
const char *hook_map_lookup(const HookNameMap *map, size_t n, const char *from);

#endif
