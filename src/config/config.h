#ifndef RTLINT_CONFIG_CONFIG_H
#define RTLINT_CONFIG_CONFIG_H
#include "core/diag.h"
#include "resolve/project.h"
#include "rules/app_paths.h"
#include "rules/registry.h"
#include "standards/standards.h"

#include <stdbool.h>
#include <stddef.h>

/* rtlint.yaml: every key is documented in docs/configuration.md. Parsed with
 * libyaml; unknown keys, wrong types, unknown rules and bad globs are errors
 * reported as "FILE:LINE:COL: message" (exit 2), never ignored. */

typedef struct ConfigSeverity {
  size_t rule; /* index in rules_all */
  Severity severity;
} ConfigSeverity;

typedef struct ConfigOverride {
  char **files; /* globs, relative to Config.dir */
  size_t nfiles;
  char **exclude_files;
  size_t nexclude_files;
  ConfigSeverity *rules;
  size_t nrules;
} ConfigOverride;

typedef struct ConfigMigration {
  char *old_name;
  char **keys; /* UNIFIED_EVENTS keys */
  size_t nkeys;
} ConfigMigration;

/* realtime.external_senders / external_listeners: an end of the realtime
 * contract outside the repository (graph/external.c). */
typedef struct ConfigExternal {
  bool listener;
  char *channel; /* a UNIFIED_CHANNELS function or a segment shape */
  char *event;   /* a value, a UNIFIED_EVENTS key, or "*" */
  char *kind;    /* "broadcast" (default), "presence" or "postgres_changes" */
  uint32_t line; /* of the entry in the file */
} ConfigExternal;

typedef struct Config {
  char *path; /* the file read, as found or given */
  char *dir;  /* absolute folder holding it: globs and paths are relative to it */
  char **include, **exclude;
  size_t ninclude, nexclude;
  ConfigSeverity *rules;
  size_t nrules;
  ConfigOverride *overrides;
  size_t noverrides;
  int phases[8];
  size_t nphases;
  char *standards; /* absolute, or NULL */
  HookMigration *hooks;
  size_t nhooks;
  ConfigMigration *migrations;
  size_t nmigrations;
  /* Folders (globs) whose files are components / infrastructure for
   * supabase-channel-direct; empty means the rule's built-in defaults. */
  char **component_dirs, **infrastructure_dirs;
  size_t ncomponent_dirs, ninfrastructure_dirs;
  bool require_reason;
  /* resolve.allow_outside: absolute folders outside the configuration's
   * folder (the project root) whose files imports may read. */
  char **allow_outside;
  size_t nallow_outside;
  /* realtime.event_senders / event_listeners / channel_builders */
  UserSink *sinks;
  size_t nsinks;
  /* realtime.canonical_typing_indicator: absolute path of the canonical
   * TypingIndicator module (extension optional), or NULL. */
  char *canonical_typing_indicator;
  ConfigExternal *externals;
  size_t nexternals;
  uint64_t digest; /* of the file's text: cached results depend on all of it */
} Config;

/* Looks for rtlint.yaml, then .rtlint.yaml, in start_dir and each folder
 * above it. Returns the path (caller frees) or NULL. */
char *config_find(const char *start_dir);

/* Reads and checks a configuration file. On failure returns false and sets
 * *err (caller frees) to "PATH:LINE:COL: message". Either way c is freed
 * with config_free. */
bool config_load(Config *c, const char *path, char **err);
/* The same from memory; dir is the absolute folder paths are relative to. */
bool config_parse(Config *c, const char *display_path, const char *dir, const char *text,
                  size_t len, char **err);
void config_free(Config *c);

/* Every key the loader knows, as paths: "include", "overrides[].files",
 * "resolve.allow_outside"; from the tables the loader dispatches on (for
 * `rtlint --config-keys` and the schema test). */
void config_key_paths(void (*emit)(const char *path, void *ctx), void *ctx);

/* abs_path relative to the configuration's folder (caller frees), or NULL
 * when the file lies outside it. */
char *config_relpath(const Config *c, const char *abs_path);

/* include/exclude applied to a file (absolute path). */
bool config_includes(const Config *c, const char *abs_path);
/* Why include/exclude leave a file out ("excluded by rtlint.yaml (exclude:
 * 'drafts')", naming the file as `name` says; caller frees), or NULL when
 * the file is included. */
char *config_exclusion(const Config *c, const char *abs_path, const char *name);
/* component_dirs / infrastructure_dirs applied to a file, for the rules
 * (rules/app_paths.h). c is a Config; the signature is PathRoles.role_of. */
PathRole config_path_role(const void *c, const char *abs_path);

/* Severities for one file: `rules`, then each matching override in order,
 * then (unless use_phases is false) the `phases` filter. sel must hold the
 * defaults or what came before. */
void config_selection(const Config *c, const char *abs_path, bool use_phases, RuleSelection *sel);

/* True when abs_path lies in one of the given folders (globs). */
bool config_path_in(const Config *c, const char *abs_path, char *const *dirs, size_t ndirs);

/* Adds the configured deprecated hooks, event migrations and canonical
 * typing indicator to std. */
void config_apply_standards(const Config *c, Standards *std);

#endif
