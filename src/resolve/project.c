#include "resolve/project.h"

#include "core/util.h"
#include "resolve/importers.h"
#include "resolve/jsonc.h"

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
  if (m->tree)
    ts_tree_delete(m->tree);
  free(m);
}

static void tsconfig_free(TsConfig *t) {
  free(t->dir);
  free(t->base_url);
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
  free(p->standards_path);
  import_graph_free(p->import_graph);
  pthread_mutex_destroy(&p->lock);
}

/* One pass over one buffer: called for every file of every run. */
char *path_absolute(const char *cwd, const char *path) {
  size_t ncwd = path[0] == '/' ? 0 : strlen(cwd), npath = strlen(path);
  char *in = xmalloc(ncwd + npath + 2);
  memcpy(in, cwd, ncwd);
  in[ncwd] = '/';
  memcpy(in + ncwd + 1, path, npath + 1);
  char *out = xmalloc(ncwd + npath + 3);
  size_t w = 0;
  for (const char *p = in; *p;) {
    while (*p == '/')
      p++;
    const char *seg = p;
    while (*p && *p != '/')
      p++;
    size_t n = (size_t)(p - seg);
    if (n == 0 || (n == 1 && seg[0] == '.'))
      continue;
    if (n == 2 && seg[0] == '.' && seg[1] == '.') {
      while (w > 0 && out[--w] != '/')
        ;
      continue;
    }
    out[w++] = '/';
    memcpy(out + w, seg, n);
    w += n;
  }
  if (w == 0)
    out[w++] = '/';
  out[w] = '\0';
  free(in);
  return out;
}

char *project_display_path(const Project *p, const char *abs_path) {
  size_t n = strlen(p->cwd);
  if (strcmp(p->cwd, "/") != 0 && strncmp(abs_path, p->cwd, n) == 0 && abs_path[n] == '/')
    return xstrdup(abs_path + n + 1);
  return xstrdup(abs_path);
}

static bool is_standards_path(const Project *p, const char *abs) {
  if (p->standards_path)
    return strcmp(abs, p->standards_path) == 0;
  return p->std && p->std->module_suffix && str_ends_with(abs, p->std->module_suffix);
}

/* The bytes of a file: through the --staged index hook, the ProjectFs of a
 * historical commit, or the disk. */
static SourceStatus load_source(Project *p, Source *src, const char *abs, const char *display,
                                char **detail) {
  char *bytes = NULL;
  size_t len = 0;
  if (p->read_file && p->read_file(p->read_ctx, abs, &bytes, &len)) {
    SourceStatus st = src_from_memory(src, bytes, len, display, detail);
    free(bytes);
    return st;
  }
  if (!p->fs || !p->fs->read_file)
    return src_load(src, abs, display, detail);
  if (!p->fs->read_file(p->fs->ctx, abs, &bytes, &len)) {
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

void project_parse(Module *m) {
  pthread_mutex_lock(&m->parse_lock);
  if (!atomic_load(&m->parsed) && m->status == SOURCE_OK) {
    m->tree = parse_source(&m->src, m->lang);
    if (m->tree) {
      m->has_syntax_error = ts_node_has_error(ts_tree_root_node(m->tree));
    } else { /* from now on a file that could not be checked, like an unreadable one */
      m->status = SOURCE_PARSE_TIMEOUT;
      m->load_error =
          xasprintf("parsing took more than %d s; the file was not checked", PARSE_BUDGET_SECONDS);
    }
  }
  atomic_store(&m->parsed, true);
  pthread_mutex_unlock(&m->parse_lock);
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
  if (p->linted_unloaded && strmap_get(p->linted_unloaded, abs))
    m->linted = true;
  char *display = project_display_path(p, abs);
  if (mem_bytes)
    m->status = src_from_memory(&m->src, mem_bytes, mem_len, display, &m->load_error);
  else
    m->status = load_source(p, &m->src, abs, display, &m->load_error);
  if (m->status != SOURCE_OK) {
    m->src.path = display;
  } else {
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

static json_t *tsconfig_json(Project *p, const char *file) {
  if (!p->fs || !p->fs->read_file)
    return jsonc_load_file(file);
  char *bytes = NULL;
  size_t len = 0;
  if (!p->fs->read_file(p->fs->ctx, file, &bytes, &len))
    return NULL;
  char *clean = jsonc_strip(bytes, len);
  free(bytes);
  json_t *root = json_loads(clean, 0, NULL);
  free(clean);
  return root;
}

static void load_tsconfig(Project *p, TsConfig *t, const char *file) {
  json_t *root = tsconfig_json(p, file);
  if (!root)
    return;
  json_t *opts = json_object_get(root, "compilerOptions");
  const char *base = json_string_value(json_object_get(opts, "baseUrl"));
  char *joined = xasprintf("%s/%s", t->dir, base ? base : ".");
  t->base_url = path_absolute("/", joined);
  free(joined);
  json_t *paths = json_object_get(opts, "paths");
  const char *key;
  json_t *val;
  t->paths = xcalloc(json_object_size(paths) + 1, sizeof *t->paths);
  json_object_foreach(paths, key, val) {
    TsPath *tp = &t->paths[t->npaths++];
    tp->pattern = xstrdup(key);
    tp->ntargets = json_array_size(val);
    tp->targets = xcalloc(tp->ntargets + 1, sizeof *tp->targets);
    for (size_t i = 0; i < tp->ntargets; i++) {
      const char *target = json_string_value(json_array_get(val, i));
      tp->targets[i] = xstrdup(target ? target : "");
    }
  }
  json_decref(root);
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
      sb_append(&sb, t->base_url);
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
  bool memo = !p->fs && !p->read_file;
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
  return ok;
}
