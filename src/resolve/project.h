#ifndef RTLINT_RESOLVE_PROJECT_H
#define RTLINT_RESOLVE_PROJECT_H
#include "core/source.h"
#include "core/strmap.h"
#include "parse/parser.h"
#include "standards/standards.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <tree_sitter/api.h>

/* A parsed TS/TSX file. Linted files and files parsed only because an import
 * led there share this cache, so each is read and parsed once. */
typedef struct Module {
  char *fs_path; /* normalized absolute path: the cache key */
  Source src;
  Lang lang;
  TSTree *tree;
  SourceStatus status;
  char *load_error; /* when status != SOURCE_OK */
  bool has_syntax_error;
  bool is_standards; /* the UNIFIED_* single source of truth */
  bool linted;       /* among the files being checked (not only imported) */
  atomic_bool parsed;
  /* How many lints use the tree now (this module's own, or one whose
   * resolution reads it); -1 while the tree is being dropped. A counter, not
   * a lock: holders of several modules never wait on each other. */
  atomic_int tree_users;
  atomic_bool import_target;  /* resolution has read it: keep its tree */
  char content_hash[33];      /* XXH3-128 of the contents in hex, when the project hashes */
  pthread_mutex_t parse_lock; /* the tree is built once, by whichever thread needs it first */
  /* Name lookup's index of the tree (resolve/scope_index.h): built on first
   * use under parse_lock, freed with the tree. */
  _Atomic(struct ScopeIndex *) scopes;
} Module;

typedef struct TsPath {
  char *pattern;  /* e.g. "@/<star>" */
  char **targets; /* e.g. "./src/<star>", relative to base_url */
  size_t ntargets;
} TsPath;

typedef struct TsConfig {
  char *dir;      /* directory holding tsconfig.json */
  char *base_url; /* absolute */
  TsPath *paths;
  size_t npaths;
  bool found;
  const struct TsConfig *governing; /* nearest tsconfig at or above dir, or NULL */
} TsConfig;

/* Where a Project reads files from. NULL (the default) means the file system.
 * A report over git history sets hooks that read a commit's tree instead, so
 * imports between files of that commit resolve without a checkout. Every hook
 * gets absolute normalized paths; read_file returns malloc'd bytes (caller
 * frees). is_linted, when set, marks a module as linted when it is first
 * loaded (so findings located in it are kept even when it is loaded only
 * through an import while another file is linted). */
typedef struct ProjectFs {
  void *ctx;
  bool (*read_file)(void *ctx, const char *abs_path, char **bytes, size_t *len);
  bool (*file_exists)(void *ctx, const char *abs_path);
  bool (*is_linted)(void *ctx, const char *abs_path);
} ProjectFs;

typedef struct Project {
  char *cwd; /* absolute; display paths are relative to it */
  const Standards *std;
  char *standards_path; /* absolute path of an explicit --standards file, or NULL */
  Module **modules;     /* in load order */
  size_t nmodules, cap;
  StrMap index;         /* fs_path -> Module */
  TsConfig **tsconfigs; /* one per directory asked about */
  size_t ntsconfigs, tscap;
  StrMap tsindex;     /* dir -> TsConfig */
  StrMap resolved;    /* "dir\nspecifier" -> resolved path (see project_resolve_import) */
  bool hash_contents; /* fill Module.content_hash at load (the cache needs it) */
  pthread_mutex_t lock;
  /* Built lazily by project_import_graph() (resolve/importers.h). */
  struct ImportGraph *import_graph;
  /* Where file contents come from when not the working tree (--staged: the
   * git index). Returns true with a malloc'd buffer, false to read the disk. */
  bool (*read_file)(void *ctx, const char *abs_path, char **bytes, size_t *len);
  void *read_ctx;
  const ProjectFs *fs; /* NULL: the file system */
  /* Absolute paths of files being linted that the run did not load (they
   * were unchanged and held no needle): loaded later, they count as linted
   * too. Set by the engine for the duration of a run. */
  const StrMap *linted_unloaded;
} Project;

void project_init(Project *p, const Standards *std);
void project_free(Project *p);

/* Returns the module for a file, reading and parsing it on first use; NULL
 * when the path is not a TS/TSX file. A module that failed to load is
 * returned with status != SOURCE_OK and no tree. Thread-safe. */
Module *project_module(Project *p, const char *path);
/* Like project_module but does not parse: the prefilter decides first. */
Module *project_module_source(Project *p, const char *path);
/* Builds m's tree if it has none yet (no-op for modules that failed to load). */
void project_parse(Module *m);
/* Keeps m's tree alive (parsing it if needed) until project_release. */
void project_hold(Module *m);
void project_release(Module *m);
/* Frees m's tree when no one holds it and no resolution has read it; a
 * later project_parse rebuilds it. */
void project_drop_tree(Module *m);

/* Adds a module whose text is given (staged content, a historical blob)
 * under path; later project_module(path) calls return it. Replaces nothing:
 * returns the cached module if path was loaded already. */
Module *project_add_memory_module(Project *p, const char *path, const char *bytes, size_t len);

/* Resolves an import specifier seen in `from` to a file path (relative
 * paths, index files, tsconfig baseUrl/paths). Returns false when the target
 * is outside the project's TypeScript (packages) or does not exist. */
bool project_resolve_import(Project *p, const Module *from, const char *spec, char **out_path);

/* True when spec matches a tsconfig `paths` entry (of from's tsconfig) that
 * can resolve it to a file whose name the spec does not spell: an exact
 * alias, or a target with text after its `*`. Elsewhere a specifier spells
 * its target's file name (or, for an index file, its directory's). */
bool project_spec_may_alias(Project *p, const Module *from, const char *spec);

/* Display path: relative to cwd when below it. Caller frees. */
char *project_display_path(const Project *p, const char *abs_path);
/* Absolute, normalized ("." and ".." removed). Caller frees. */
char *path_absolute(const char *cwd, const char *path);

#endif
