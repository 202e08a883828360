#include "resolve/project.h"

#include "core/util.h"
#include "resolve/jsonc.h"
#include "resolve/scope_index.h"

#include <jansson.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

/* Project.resolved's value for a specifier that resolves to nothing. */
#define NOT_FOUND ((char *)1)

void project_init(Project *p, const Standards *std) {
  memset(p, 0, sizeof *p);
  p->std = std;
  char buf[PATH_MAX];
  p->cwd = xstrdup(getcwd(buf, sizeof buf) ? buf : "/");
  pthread_mutex_init(&p->lock, NULL);
}

static void module_free(Module *m) {
  pthread_mutex_destroy(&m->parse_lock);
  free(m->fs_path);
  free(m->load_error);
  src_free(&m->src);
  scope_index_free(atomic_load(&m->scopes));
  if (m->tree)
    ts_tree_delete(m->tree);
  free(m);
}

static void tsconfig_free(TsConfig *t) {
  free(t->dir);
  free(t->base_url);
  free(t->paths_base);
  free(t->problem);
  for (size_t i = 0; i < t->npaths; i++) {
    free(t->paths[i].pattern);
    for (size_t j = 0; j < t->paths[i].ntargets; j++)
      free(t->paths[i].targets[j]);
    free(t->paths[i].targets);
  }
  free(t->paths);
}

void project_free(Project *p) {
  for (size_t i = 0; i < p->nmodules; i++)
    module_free(p->modules[i]);
  free(p->modules);
  strmap_free(&p->index, NULL);
  strmap_free(&p->tsindex, NULL);
  for (size_t i = 0; i < p->app_dirs.cap; i++)
    if (p->app_dirs.keys[i] && p->app_dirs.vals[i] != NOT_FOUND)
      free(p->app_dirs.vals[i]);
  strmap_free(&p->app_dirs, NULL);
  for (size_t i = 0; i < p->resolved.cap; i++)
    if (p->resolved.keys[i] && p->resolved.vals[i] != NOT_FOUND)
      free(p->resolved.vals[i]);
  strmap_free(&p->resolved, NULL);
  for (size_t i = 0; i < p->ntsconfigs; i++) {
    tsconfig_free(p->tsconfigs[i]);
    free(p->tsconfigs[i]);
  }
  free(p->tsconfigs);
  free(p->cwd);
  free(p->root);
  for (size_t i = 0; i < p->nallow_outside; i++)
    free(p->allow_outside[i]);
  free(p->allow_outside);
  free(p->standards_path);
  strmap_free(&p->expected_linted, NULL);
  pthread_mutex_destroy(&p->lock);
}

/* One pass over one buffer: called for every file of every run. */
/* True when abs lies below dir (both absolute and normalized). */
static bool path_below(const char *dir, const char *abs) {
  size_t n = strlen(dir);
  if (strcmp(dir, "/") == 0)
    return abs[0] == '/';
  return strncmp(abs, dir, n) == 0 && abs[n] == '/';
}

char *project_display_path(const Project *p, const char *abs_path) {
  const char *base = p->root ? p->root : p->cwd;
  if (strcmp(base, "/") != 0 && path_below(base, abs_path))
    return xstrdup(abs_path + strlen(base) + 1);
  return xstrdup(abs_path);
}

void project_set_root(Project *p, const char *root, char *const *allow_outside, size_t nallow) {
  free(p->root);
  p->root = path_absolute("/", root);
  p->allow_outside = xrealloc(p->allow_outside, (p->nallow_outside + nallow) * sizeof(char *));
  for (size_t i = 0; i < nallow; i++)
    p->allow_outside[p->nallow_outside++] = path_absolute("/", allow_outside[i]);
}

/* Resolution reads files of the project only: an import of
 * "../../outside/conf" must not put another folder's constants into
 * messages (CI logs, SARIF uploads). */
static bool resolution_may_read(const Project *p, const char *abs) {
  if (!p->root || path_below(p->root, abs))
    return true;
  for (size_t i = 0; i < p->nallow_outside; i++)
    if (strcmp(p->allow_outside[i], abs) == 0 || path_below(p->allow_outside[i], abs))
      return true;
  return false;
}

static bool is_standards_path(const Project *p, const char *abs) {
  if (p->standards_path)
    return strcmp(abs, p->standards_path) == 0;
  return p->std && p->std->module_suffix && str_ends_with(abs, p->std->module_suffix);
}

/* The bytes of a file: through the ProjectFs (the --staged index, a
 * historical commit), or the disk. */
static SourceStatus load_source(Project *p, Source *src, const char *abs, const char *display,
                                char **detail) {
  char *bytes = NULL;
  size_t len = 0;
  if (!p->fs || !p->fs->read_file)
    return src_load(src, abs, display, detail);
  if (!p->fs->read_file(p->fs->ctx, abs, &bytes, &len)) {
    if (p->fs->disk_fallback)
      return src_load(src, abs, display, detail);
    memset(src, 0, sizeof *src);
    *detail = xstrdup("cannot read file: No such file or directory");
    return SOURCE_UNREADABLE;
  }
  SourceStatus st = src_from_memory(src, bytes, len, display, detail);
  free(bytes);
  return st;
}

/* Caller holds p->lock. */
static Module *find_loaded(Project *p, const char *abs) {
  return strmap_get(&p->index, abs);
}

/* Caller holds p->lock. */
static void index_insert(Project *p, Module *m) {
  strmap_put(&p->index, m->fs_path, m);
  ARRAY_PUSH(p->modules, p->nmodules, p->cap, m);
}

/* Caller holds m->parse_lock; tree is m's parse (NULL: it ran out of time). */
static void install_parse(Module *m, TSTree *tree) {
  m->tree = tree;
  if (m->tree) {
    m->has_syntax_error = ts_node_has_error(ts_tree_root_node(m->tree));
  } else { /* from now on a file that could not be checked, like an unreadable one */
    m->status = SOURCE_PARSE_TIMEOUT;
    m->load_error =
        xasprintf("parsing took more than %d s; the file was not checked", PARSE_BUDGET_SECONDS);
  }
}

void project_parse(Module *m) {
  pthread_mutex_lock(&m->parse_lock);
  if (!atomic_load(&m->parsed) && m->status == SOURCE_OK)
    install_parse(m, parse_source_incremental(&m->src, m->lang, m->edited_tree));
  atomic_store(&m->parsed, true);
  pthread_mutex_unlock(&m->parse_lock);
}

TSTree *project_parse_detached(const Module *m) {
  return parse_source_incremental(&m->src, m->lang, m->edited_tree);
}

void project_adopt_parse(Module *m, TSTree *tree) {
  pthread_mutex_lock(&m->parse_lock);
  bool wanted = !atomic_load(&m->parsed) && m->status == SOURCE_OK;
  if (wanted)
    install_parse(m, tree);
  atomic_store(&m->parsed, true);
  pthread_mutex_unlock(&m->parse_lock);
  if (!wanted && tree)
    ts_tree_delete(tree);
}

static bool is_file(Project *p, const char *path);
static char *dir_of(const char *path);

/* The app folder of files in dir (see Module.app_path), or NULL. Each
 * folder is examined once. */
static const char *app_dir_for(Project *p, const char *dir) {
  if (!p->root || !(strcmp(dir, p->root) == 0 || path_below(p->root, dir)))
    return NULL;
  pthread_mutex_lock(&p->lock);
  const char *known = strmap_get(&p->app_dirs, dir);
  pthread_mutex_unlock(&p->lock);
  if (known)
    return known == NOT_FOUND ? NULL : known;
  char *file = xasprintf("%s/package.json", strcmp(dir, "/") == 0 ? "" : dir);
  const char *found = NULL;
  if (is_file(p, file)) {
    found = dir;
  } else if (strcmp(dir, p->root) != 0) {
    char *up = dir_of(dir);
    found = app_dir_for(p, up);
    free(up);
  }
  free(file);
  pthread_mutex_lock(&p->lock);
  char *stored = strmap_get(&p->app_dirs, dir);
  if (!stored) {
    stored = found ? xstrdup(found) : NOT_FOUND;
    strmap_put(&p->app_dirs, dir, stored);
  }
  pthread_mutex_unlock(&p->lock);
  return stored == NOT_FOUND ? NULL : stored;
}

static const char *app_path_of(Project *p, const Module *m) {
  char *dir = dir_of(m->fs_path);
  const char *app = app_dir_for(p, dir);
  free(dir);
  if (!app || (p->root && strcmp(app, p->root) == 0))
    return m->src.path;
  return m->fs_path + strlen(app) + 1;
}

void project_expect_linted(Project *p, const char *abs_path) {
  pthread_mutex_lock(&p->lock);
  strmap_put(&p->expected_linted, abs_path, p); /* any non-NULL value: a set */
  pthread_mutex_unlock(&p->lock);
}

size_t project_expected_linted(Project *p, char ***out) {
  pthread_mutex_lock(&p->lock);
  size_t n = 0;
  *out = xcalloc(p->expected_linted.cap + 1, sizeof **out);
  for (size_t i = 0; i < p->expected_linted.cap; i++)
    if (p->expected_linted.keys[i])
      (*out)[n++] = p->expected_linted.keys[i];
  pthread_mutex_unlock(&p->lock);
  return n;
}

static Module *module_get(Project *p, const char *path, const char *mem_bytes, size_t mem_len) {
  Lang lang;
  if (!lang_for_path(path, &lang))
    return NULL;
  char *abs = path_absolute(p->cwd, path);
  pthread_mutex_lock(&p->lock);
  Module *m = find_loaded(p, abs);
  pthread_mutex_unlock(&p->lock);
  if (m) {
    free(abs);
    return m;
  }
  m = xcalloc(1, sizeof *m);
  m->fs_path = abs;
  m->lang = lang;
  m->is_standards = is_standards_path(p, abs);
  pthread_mutex_init(&m->parse_lock, NULL);
  if (p->fs && p->fs->is_linted)
    m->linted = p->fs->is_linted(p->fs->ctx, abs);
  if (p->fs && p->fs->edited_tree)
    m->edited_tree = p->fs->edited_tree(p->fs->ctx, abs);
  pthread_mutex_lock(&p->lock);
  if (strmap_get(&p->expected_linted, abs))
    m->linted = true;
  pthread_mutex_unlock(&p->lock);
  char *display = project_display_path(p, abs);
  if (mem_bytes)
    m->status = src_from_memory(&m->src, mem_bytes, mem_len, display, &m->load_error);
  else
    m->status = load_source(p, &m->src, abs, display, &m->load_error);
  if (m->status != SOURCE_OK)
    m->src.path = display;
  m->app_path = app_path_of(p, m);
  if (m->status == SOURCE_OK) {
    free(display);
    if (p->hash_contents) {
      XXH128_hash_t h = XXH3_128bits(m->src.bytes, m->src.len);
      snprintf(m->content_hash, sizeof m->content_hash, "%016llx%016llx",
               (unsigned long long)h.high64, (unsigned long long)h.low64);
    }
  }
  pthread_mutex_lock(&p->lock);
  Module *raced = find_loaded(p, abs);
  if (raced) {
    pthread_mutex_unlock(&p->lock);
    module_free(m);
    return raced;
  }
  index_insert(p, m);
  pthread_mutex_unlock(&p->lock);
  return m;
}

void project_hold(Module *m) {
  for (;;) {
    int users = atomic_load(&m->tree_users);
    if (users < 0) {
      sched_yield(); /* another thread is freeing the tree: a moment */
      continue;
    }
    if (atomic_compare_exchange_weak(&m->tree_users, &users, users + 1))
      break;
  }
  if (!atomic_load(&m->parsed))
    project_parse(m);
}

void project_release(Module *m) {
  atomic_fetch_sub(&m->tree_users, 1);
}

void project_drop_tree(Module *m) {
  int idle = 0;
  if (atomic_load(&m->import_target) || !atomic_compare_exchange_strong(&m->tree_users, &idle, -1))
    return;
  pthread_mutex_lock(&m->parse_lock);
  if (m->tree && !atomic_load(&m->import_target)) {
    scope_index_free(atomic_exchange(&m->scopes, NULL));
    ts_tree_delete(m->tree);
    m->tree = NULL;
    atomic_store(&m->parsed, false);
  }
  pthread_mutex_unlock(&m->parse_lock);
  atomic_store(&m->tree_users, 0);
}

Module *project_module_source(Project *p, const char *path) {
  return module_get(p, path, NULL, 0);
}

Module *project_add_memory_module(Project *p, const char *path, const char *bytes, size_t len) {
  return module_get(p, path, bytes ? bytes : "", bytes ? len : 0);
}

Module *project_module(Project *p, const char *path) {
  Module *m = project_module_source(p, path);
  if (m && !atomic_load(&m->parsed))
    project_parse(m);
  return m;
}

static bool is_file(Project *p, const char *path) {
  if (p->fs && p->fs->file_exists)
    return p->fs->file_exists(p->fs->ctx, path);
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash || slash == path)
    return xstrdup("/");
  return xstrndup(path, (size_t)(slash - path));
}

static json_t *tsconfig_json(Project *p, const char *file, char **err) {
  if (!p->fs || !p->fs->read_file)
    return jsonc_load_file(file, err);
  char *bytes = NULL;
  size_t len = 0;
  if (!p->fs->read_file(p->fs->ctx, file, &bytes, &len)) {
    if (p->fs->disk_fallback)
      return jsonc_load_file(file, err);
    *err = xstrdup("cannot read file");
    return NULL;
  }
  json_t *root = jsonc_parse(bytes, len, err);
  free(bytes);
  return root;
}

/* The file an `extends` names: a path relative to the extending file's
 * folder (".json" may be left out), or a package in node_modules at or
 * above that folder: its tsconfig.json, or the file it names
 * ("@tsconfig/next/tsconfig.json", "pkg/base"). NULL when there is none. */
static char *tsconfig_extends_path(Project *p, const char *dir, const char *spec) {
  bool relative = spec[0] == '.' || spec[0] == '/';
  char *at = xstrdup(dir);
  for (;;) {
    char *joined = spec[0] == '/' ? xstrdup(spec)
                   : relative     ? xasprintf("%s/%s", at, spec)
                                  : xasprintf("%s/node_modules/%s", at, spec);
    char *base = path_absolute("/", joined);
    free(joined);
    char *cands[] = {xstrdup(base), xasprintf("%s.json", base),
                     relative ? NULL : xasprintf("%s/tsconfig.json", base)};
    free(base);
    char *found = NULL;
    for (size_t i = 0; i < 3; i++) {
      if (cands[i] && !found && is_file(p, cands[i]))
        found = cands[i];
      else
        free(cands[i]);
    }
    if (found || relative || strcmp(at, "/") == 0) {
      free(at);
      return found;
    }
    char *up = dir_of(at);
    free(at);
    at = up;
  }
}

/* What a chain of tsconfig files says, the extending file winning. */
typedef struct TsLayers {
  char *base_url;  /* absolute, or NULL when no file sets baseUrl */
  json_t *paths;   /* the last `paths` set (a reference held) */
  char *paths_dir; /* the folder of the file that set it */
  char *problem;   /* the first problem met */
} TsLayers;

enum { TSCONFIG_MAX_EXTENDS = 16 };

static void ts_problem(TsLayers *l, char *msg) {
  if (!l->problem)
    l->problem = msg;
  else
    free(msg);
}

/* Reads `file` and, first, what it extends (in order; TypeScript 5 allows a
 * list). Problems are noted in l->problem and what could be read is kept.
 * `shown` names an extended file in messages; NULL for the tsconfig itself. */
static void tsconfig_layer(Project *p, TsLayers *l, const char *file, const char *shown,
                           int depth) {
  const char *in = shown ? " in " : "", *name = shown ? shown : "";
  char *err = NULL;
  json_t *root = tsconfig_json(p, file, &err);
  if (!root) {
    ts_problem(l, xasprintf("cannot read tsconfig%s%s: %s", in, name, err));
    free(err);
    return;
  }
  char *dir = dir_of(file);
  json_t *ext = json_object_get(root, "extends");
  size_t next = json_is_array(ext) ? json_array_size(ext) : ext ? 1 : 0;
  for (size_t i = 0; i < next; i++) {
    const char *spec = json_string_value(json_is_array(ext) ? json_array_get(ext, i) : ext);
    if (!spec) {
      ts_problem(l, xasprintf("\"extends\"%s%s must be a string or a list of strings", in, name));
      continue;
    }
    char *target = tsconfig_extends_path(p, dir, spec);
    if (!target) {
      ts_problem(l, xasprintf("extends \"%s\"%s%s: no such file", spec, in, name));
    } else if (depth >= TSCONFIG_MAX_EXTENDS) {
      ts_problem(l, xasprintf("extends \"%s\"%s%s: more than %d levels (a cycle?)", spec, in, name,
                              TSCONFIG_MAX_EXTENDS));
    } else {
      char *target_shown = project_display_path(p, target);
      tsconfig_layer(p, l, target, target_shown, depth + 1);
      free(target_shown);
    }
    free(target);
  }
  json_t *opts = json_object_get(root, "compilerOptions");
  const char *base = json_string_value(json_object_get(opts, "baseUrl"));
  if (base) {
    char *joined = base[0] == '/' ? xstrdup(base) : xasprintf("%s/%s", dir, base);
    free(l->base_url);
    l->base_url = path_absolute("/", joined);
    free(joined);
  }
  json_t *paths = json_object_get(opts, "paths");
  if (json_is_object(paths)) {
    json_decref(l->paths);
    l->paths = json_incref(paths);
    free(l->paths_dir);
    l->paths_dir = xstrdup(dir);
  }
  free(dir);
  json_decref(root);
}

static void load_tsconfig(Project *p, TsConfig *t, const char *file) {
  TsLayers l = {0};
  tsconfig_layer(p, &l, file, NULL, 0);
  t->problem = l.problem;
  t->base_url = l.base_url ? xstrdup(l.base_url) : xstrdup(t->dir);
  t->paths_base = xstrdup(l.base_url ? l.base_url : l.paths_dir ? l.paths_dir : t->dir);
  const char *key;
  json_t *val;
  t->paths = xcalloc(json_object_size(l.paths) + 1, sizeof *t->paths);
  json_object_foreach(l.paths, key, val) {
    TsPath *tp = &t->paths[t->npaths++];
    tp->pattern = xstrdup(key);
    tp->ntargets = json_array_size(val);
    tp->targets = xcalloc(tp->ntargets + 1, sizeof *tp->targets);
    for (size_t i = 0; i < tp->ntargets; i++) {
      const char *target = json_string_value(json_array_get(val, i));
      tp->targets[i] = xstrdup(target ? target : "");
    }
  }
  json_decref(l.paths);
  free(l.paths_dir);
  free(l.base_url);
}

/* Caller holds p->lock. */
static TsConfig *tsdir_find(Project *p, const char *dir) {
  return strmap_get(&p->tsindex, dir);
}

/* Caller holds p->lock. */
static void tsdir_insert(Project *p, TsConfig *t) {
  strmap_put(&p->tsindex, t->dir, t);
  ARRAY_PUSH(p->tsconfigs, p->ntsconfigs, p->tscap, t);
}

/* The tsconfig.json governing `dir`: the nearest one at or above it. Each
 * directory is examined once; the file system is touched outside the lock. */
static const TsConfig *tsconfig_for(Project *p, const char *dir) {
  pthread_mutex_lock(&p->lock);
  TsConfig *known = tsdir_find(p, dir);
  pthread_mutex_unlock(&p->lock);
  if (known)
    return known->governing;
  TsConfig *t = xcalloc(1, sizeof *t);
  t->dir = xstrdup(dir);
  char *file = xasprintf("%s/tsconfig.json", strcmp(dir, "/") == 0 ? "" : dir);
  if (is_file(p, file)) {
    t->found = true;
    load_tsconfig(p, t, file);
  }
  free(file);
  if (t->found) {
    t->governing = t;
  } else if (strcmp(dir, "/") != 0) {
    char *up = dir_of(dir);
    t->governing = tsconfig_for(p, up);
    free(up);
  }
  pthread_mutex_lock(&p->lock);
  TsConfig *raced = tsdir_find(p, dir);
  if (!raced)
    tsdir_insert(p, t);
  pthread_mutex_unlock(&p->lock);
  if (raced) {
    tsconfig_free(t);
    free(t);
    return raced->governing;
  }
  return t->governing;
}

static const char *const candidate_suffixes[] = {
    "", ".ts", ".tsx", ".mts", ".cts", "/index.ts", "/index.tsx", NULL,
};

static bool try_candidates(Project *p, const char *base, char **out) {
  for (const char *const *s = candidate_suffixes; *s; s++) {
    char *cand = xasprintf("%s%s", base, *s);
    Lang lang;
    if (lang_for_path(cand, &lang) && is_file(p, cand)) {
      *out = cand;
      return true;
    }
    free(cand);
  }
  /* `import x from './a.js'` names the compiled file of ./a.ts */
  if (str_ends_with(base, ".js")) {
    char *stem = xstrndup(base, strlen(base) - 3);
    bool ok = try_candidates(p, stem, out);
    free(stem);
    return ok;
  }
  return false;
}

/* Whether spec matches a `paths` pattern ("@/<star>", or exact); *mid and
 * *midlen: the text the star stands for (empty for an exact pattern). */
static bool path_pattern_match(const TsPath *tp, const char *spec, const char **mid,
                               size_t *midlen) {
  const char *star = strchr(tp->pattern, '*');
  if (!star) {
    *mid = spec;
    *midlen = 0;
    return strcmp(spec, tp->pattern) == 0;
  }
  size_t pre = (size_t)(star - tp->pattern), suflen = strlen(star + 1), slen = strlen(spec);
  if (slen < pre + suflen || strncmp(spec, tp->pattern, pre) != 0 ||
      strcmp(spec + slen - suflen, star + 1) != 0)
    return false;
  *mid = spec + pre;
  *midlen = slen - pre - suflen;
  return true;
}

static bool resolve_tsconfig_path(Project *p, const TsConfig *t, const char *spec, char **out) {
  for (size_t i = 0; i < t->npaths; i++) {
    const TsPath *tp = &t->paths[i];
    const char *mid;
    size_t midlen;
    if (!path_pattern_match(tp, spec, &mid, &midlen))
      continue;
    for (size_t j = 0; j < tp->ntargets; j++) {
      const char *tstar = strchr(tp->targets[j], '*');
      StrBuf sb = {0};
      sb_append(&sb, t->paths_base);
      sb_putc(&sb, '/');
      if (tstar) {
        sb_append_n(&sb, tp->targets[j], (size_t)(tstar - tp->targets[j]));
        sb_append_n(&sb, mid, midlen);
        sb_append(&sb, tstar + 1);
      } else {
        sb_append(&sb, tp->targets[j]);
      }
      char *joined = sb_take(&sb);
      char *abs = path_absolute("/", joined);
      free(joined);
      bool ok = try_candidates(p, abs, out);
      free(abs);
      if (ok)
        return true;
    }
  }
  return false;
}

/* A `paths` target that names the file itself, not only a prefix of it:
 * no star, text after the star, or a star inside a file name. */
static bool target_renames(const char *target) {
  const char *star = strchr(target, '*');
  return !star || star[1] != '\0' || (star > target && star[-1] != '/');
}

bool project_spec_may_alias(Project *p, const Module *from, const char *spec) {
  if (spec[0] == '.' || spec[0] == '/')
    return false;
  char *dir = dir_of(from->fs_path);
  const TsConfig *t = tsconfig_for(p, dir);
  free(dir);
  for (size_t i = 0; t && i < t->npaths; i++) {
    const TsPath *tp = &t->paths[i];
    const char *mid;
    size_t midlen;
    if (!path_pattern_match(tp, spec, &mid, &midlen))
      continue;
    bool exact = !strchr(tp->pattern, '*');
    for (size_t j = 0; j < tp->ntargets; j++)
      if (exact || target_renames(tp->targets[j]))
        return true;
  }
  return false;
}

/* Files do not change during a run: a specifier resolves from a directory
 * the same way every time (each resolution stats up to seven candidates).
 * Not with ProjectFs hooks, whose callers watch every probe. */

static bool resolve_memoized(Project *p, const char *key, char **out_path) {
  pthread_mutex_lock(&p->lock);
  char *known = strmap_get(&p->resolved, key);
  pthread_mutex_unlock(&p->lock);
  if (!known)
    return false;
  *out_path = known == NOT_FOUND ? NULL : xstrdup(known);
  return true;
}

static void resolve_remember(Project *p, const char *key, const char *path) {
  pthread_mutex_lock(&p->lock);
  if (!strmap_get(&p->resolved, key))
    strmap_put(&p->resolved, key, path ? xstrdup(path) : NOT_FOUND);
  pthread_mutex_unlock(&p->lock);
}

static bool resolve_uncached(Project *p, const char *dir, const char *spec, char **out_path);

bool project_resolve_import(Project *p, const Module *from, const char *spec, char **out_path) {
  *out_path = NULL;
  char *dir = dir_of(from->fs_path);
  bool memo = !p->fs;
  char *key = memo ? xasprintf("%s\n%s", dir, spec) : NULL;
  bool ok;
  if (key && resolve_memoized(p, key, out_path)) {
    ok = *out_path != NULL;
  } else {
    ok = resolve_uncached(p, dir, spec, out_path);
    if (key)
      resolve_remember(p, key, ok ? *out_path : NULL);
  }
  free(key);
  free(dir);
  return ok;
}

static bool resolve_uncached(Project *p, const char *dir, const char *spec, char **out_path) {
  bool ok = false;
  if (spec[0] == '.') {
    char *joined = xasprintf("%s/%s", dir, spec);
    char *abs = path_absolute("/", joined);
    ok = try_candidates(p, abs, out_path);
    free(joined);
    free(abs);
  } else if (spec[0] != '/') {
    const TsConfig *t = tsconfig_for(p, dir);
    if (t && t->base_url) {
      ok = resolve_tsconfig_path(p, t, spec, out_path);
      if (!ok) {
        char *joined = xasprintf("%s/%s", t->base_url, spec);
        ok = try_candidates(p, joined, out_path);
        free(joined);
      }
    }
  }
  if (ok && !resolution_may_read(p, *out_path)) {
    free(*out_path);
    *out_path = NULL;
    ok = false;
  }
  return ok;
}

void project_tsconfig_notices(Project *p, char *const *paths, size_t npaths, NoticeList *out) {
  StrMap seen = {0};
  for (size_t i = 0; i < npaths; i++) {
    char *abs = path_absolute(p->cwd, paths[i]);
    char *dir = dir_of(abs);
    const TsConfig *t = tsconfig_for(p, dir);
    if (t && t->problem && !strmap_get(&seen, t->dir)) {
      strmap_put(&seen, t->dir, (void *)t);
      char *file = xasprintf("%s/tsconfig.json", strcmp(t->dir, "/") == 0 ? "" : t->dir);
      char *shown = project_display_path(p, file);
      char *msg =
          xasprintf("%s; imports through its `paths` and `baseUrl` may not resolve", t->problem);
      notice_add(out, shown, "tsconfig", msg, 0, 0);
      free(msg);
      free(shown);
      free(file);
    }
    free(dir);
    free(abs);
  }
  strmap_free(&seen, NULL);
}

static uint64_t hash_text(uint64_t h, const char *s) {
  return hash_fnv1a(s ? s : "", s ? strlen(s) + 1 : 1, h);
}

uint64_t project_scope_digest(const Project *p) {
  uint64_t h = hash_text(HASH_FNV_SEED, p->root);
  for (size_t i = 0; i < p->nallow_outside; i++)
    h = hash_text(h, p->allow_outside[i]);
  return hash_text(h, p->standards_path);
}
