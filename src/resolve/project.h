#ifndef RTLINT_RESOLVE_PROJECT_H
#define RTLINT_RESOLVE_PROJECT_H
#include "core/diag.h"
#include "core/path.h"
#include "core/source.h"
#include "core/strmap.h"
#include "parse/parser.h"
#include "standards/standards.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
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
  /* The path Next.js conventions (app/, components/, pages/) are read from:
   * relative to the app folder, the nearest one holding package.json at or
   * below the project root, else src.path. Points into fs_path or src.path. */
  const char *app_path;
  const TSTree *edited_tree; /* ProjectFs.edited_tree's, parsed from incrementally */
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

/* The module a finding's source belongs to: every Diag's src is a module's. */
static inline const Module *module_of_source(const Source *src) {
  return (const Module *)((const char *)src - offsetof(Module, src));
}

typedef struct TsPath {
  char *pattern;  /* e.g. "@/<star>" */
  char **targets; /* e.g. "./src/<star>", relative to base_url */
  size_t ntargets;
} TsPath;

typedef struct TsConfig {
  char *dir;        /* directory holding tsconfig.json */
  char *base_url;   /* absolute: compilerOptions.baseUrl, else dir */
  char *paths_base; /* absolute: what `paths` targets are relative to (baseUrl, else the
                       folder of the tsconfig that set `paths`, as TypeScript does) */
  TsPath *paths;
  size_t npaths;
  bool found;
  char *problem; /* why (part of) it could not be read: a notice; NULL when fine */
  const struct TsConfig *governing; /* nearest tsconfig at or above dir, or NULL */
} TsConfig;

/* Where a Project reads files from. NULL (the default) means the file system.
 * --staged reads the git index, falling back to the disk for files not in
 * it; a report over git history reads a commit's tree instead, so imports
 * between files of that commit resolve without a checkout. Every hook gets
 * absolute normalized paths; read_file returns malloc'd bytes (caller frees).
 * file_exists NULL: the disk says. is_linted, when set, marks a module as
 * linted when it is first loaded (so findings located in it are kept even
 * when it is loaded only through an import while another file is linted). */
typedef struct ProjectFs {
  void *ctx;
  bool (*read_file)(void *ctx, const char *abs_path, char **bytes, size_t *len);
  bool disk_fallback; /* read_file false: read the disk (else: no such file) */
  bool (*file_exists)(void *ctx, const char *abs_path);
  bool (*is_linted)(void *ctx, const char *abs_path);
  /* A syntax tree of an earlier text of the file, edited (ts_tree_edit) to
   * match the text read_file gives, for an incremental parse; NULL: none.
   * It stays the hook's: valid until the Project is freed. */
  const TSTree *(*edited_tree)(void *ctx, const char *abs_path);
} ProjectFs;

/* A sink the configuration declares (rtlint.yaml `realtime:`): a function or
 * method the analysis cannot see into, and the argument that is the name. */
typedef enum UserSinkKind {
  USER_SINK_EVENT_SENDER,
  USER_SINK_EVENT_LISTENER,
  USER_SINK_CHANNEL_BUILDER
} UserSinkKind;

typedef struct UserSink {
  char *object; /* NULL: a plain function call; "*": any receiver; else the receiver's name */
  char *name;   /* the function or method name */
  UserSinkKind kind;
  unsigned argument; /* 0-based */
} UserSink;

typedef struct Project {
  char *cwd;            /* absolute working folder: relative input paths are relative to it */
  char *root;           /* absolute project root: display paths are relative to it, and imports
                           resolve only to files below it or below allow_outside; NULL: cwd, unbounded */
  char **allow_outside; /* absolute folders outside root that imports may read */
  size_t nallow_outside;
  const Standards *std;
  char *standards_path; /* absolute path of an explicit --standards file, or NULL */
  Module **modules;     /* in load order */
  size_t nmodules, cap;
  StrMap index;         /* fs_path -> Module */
  TsConfig **tsconfigs; /* one per directory asked about */
  size_t ntsconfigs, tscap;
  StrMap tsindex;     /* dir -> TsConfig */
  StrMap app_dirs;    /* dir -> its app folder (see Module.app_path), or the NOT_FOUND mark */
  StrMap resolved;    /* "dir\nspecifier" -> resolved path (see project_resolve_import) */
  bool hash_contents; /* fill Module.content_hash at load (the cache needs it) */
  pthread_mutex_t lock;
  const ProjectFs *fs; /* NULL: the file system */
  /* Absolute paths of files linted without being loaded (unchanged and
   * without needles, or another shard's): loaded later, they count as
   * linted too. See project_expect_linted. */
  StrMap expected_linted;
  /* Sinks the configuration declares (owned by the configuration). */
  const UserSink *user_sinks;
  size_t nuser_sinks;
} Project;

void project_init(Project *p, const Standards *std);
void project_free(Project *p);

/* Returns the module for a file, reading and parsing it on first use; NULL
 * when the path is not a TS/TSX file. A module that failed to load is
 * returned with status != SOURCE_OK and no tree. Thread-safe. */
Module *project_module(Project *p, const char *path);
/* Like project_module but does not parse: the prefilter decides first. */
/* What decides how files resolve and which paths findings carry beyond the
 * files themselves (root, allow_outside, the explicit standards file): the
 * findings cache keys its entries with it, so a run from another root (a
 * subfolder named alone) does not reuse another run's answers. */
uint64_t project_scope_digest(const Project *p);

Module *project_module_source(Project *p, const char *path);
/* Builds m's tree if it has none yet (no-op for modules that failed to load). */
void project_parse(Module *m);
/* m's tree, built without touching m (another thread may read m meanwhile):
 * what project_parse would build. project_adopt_parse then installs it as
 * project_parse would have (a NULL tree: the parse ran out of time); the
 * tree is freed instead when m was parsed meanwhile. */
TSTree *project_parse_detached(const Module *m);
void project_adopt_parse(Module *m, TSTree *tree);
/* Keeps m's tree alive (parsing it if needed) until project_release. */
void project_hold(Module *m);
void project_release(Module *m);
/* Frees m's tree when no one holds it and no resolution has read it; a
 * later project_parse rebuilds it. */
void project_drop_tree(Module *m);

/* Says that the file at abs_path is among the files being checked although
 * it is not loaded now: if an import loads it later, it counts as linted
 * (findings located in it are kept). Thread-safe. */
void project_expect_linted(Project *p, const char *abs_path);
/* The paths given to project_expect_linted, in no particular order (the
 * array is malloc'd, the strings are the project's). */
size_t project_expected_linted(Project *p, char ***out);

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

/* Sets the project root (absolute, normalized) and the folders outside it
 * that resolution may read (copied). */
void project_set_root(Project *p, const char *root, char *const *allow_outside, size_t nallow);

/* Adds one notice (kind "tsconfig") for each tsconfig.json governing one of
 * the files that could not be read in full: unreadable, invalid JSON, or an
 * `extends` that is missing or invalid. The same notices whatever resolution
 * happened to read (a warm cache reads nothing). */
void project_tsconfig_notices(Project *p, char *const *paths, size_t npaths, NoticeList *out);

/* Display path: relative to the root (else cwd) when below it. Caller frees. */
char *project_display_path(const Project *p, const char *abs_path);

#endif
