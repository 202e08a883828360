#include "resolve/project.h"

#include "core/util.h"
#include "resolve/jsonc.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void project_init(Project *p, const Standards *std) {
  memset(p, 0, sizeof *p);
  p->std = std;
  char buf[PATH_MAX];
  p->cwd = xstrdup(getcwd(buf, sizeof buf) ? buf : "/");
  pthread_mutex_init(&p->lock, NULL);
}

static void module_free(Module *m) {
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
  for (size_t i = 0; i < p->ntsconfigs; i++)
    tsconfig_free(&p->tsconfigs[i]);
  free(p->tsconfigs);
  free(p->cwd);
  free(p->standards_path);
  pthread_mutex_destroy(&p->lock);
}

char *path_absolute(const char *cwd, const char *path) {
  StrBuf in = {0};
  if (path[0] != '/') {
    sb_append(&in, cwd);
    sb_putc(&in, '/');
  }
  sb_append(&in, path);
  /* Normalize segment by segment. */
  char *raw = sb_take(&in);
  char **segs = NULL;
  size_t nsegs = 0, cap = 0;
  for (char *tok = strtok(raw, "/"); tok; tok = strtok(NULL, "/")) {
    if (strcmp(tok, ".") == 0)
      continue;
    if (strcmp(tok, "..") == 0) {
      if (nsegs)
        nsegs--;
      continue;
    }
    ARRAY_PUSH(segs, nsegs, cap, tok);
  }
  StrBuf out = {0};
  for (size_t i = 0; i < nsegs; i++) {
    sb_putc(&out, '/');
    sb_append(&out, segs[i]);
  }
  if (nsegs == 0)
    sb_putc(&out, '/');
  free(segs);
  free(raw);
  return sb_take(&out);
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

static Module *find_loaded(Project *p, const char *abs) {
  for (size_t i = 0; i < p->nmodules; i++)
    if (strcmp(p->modules[i]->fs_path, abs) == 0)
      return p->modules[i];
  return NULL;
}

/* Reads a file through the Project's hooks, or from disk. */
static SourceStatus load_source(Project *p, Source *src, const char *abs, const char *display,
                                char **detail) {
  if (!p->fs || !p->fs->read_file)
    return src_load(src, abs, display, detail);
  char *bytes = NULL;
  size_t len = 0;
  if (!p->fs->read_file(p->fs->ctx, abs, &bytes, &len)) {
    memset(src, 0, sizeof *src);
    *detail = xstrdup("cannot read file: No such file or directory");
    return SOURCE_UNREADABLE;
  }
  SourceStatus st = src_from_memory(src, bytes, len, display, detail);
  free(bytes);
  return st;
}

/* Creates the module for abs (taking ownership) from bytes, or through
 * load_source when bytes is NULL, and adds it unless another thread did. */
static Module *module_create(Project *p, char *abs, Lang lang, const char *bytes, size_t len) {
  Module *m = xcalloc(1, sizeof *m);
  m->fs_path = abs;
  m->lang = lang;
  m->is_standards = is_standards_path(p, abs);
  if (p->fs && p->fs->is_linted)
    m->linted = p->fs->is_linted(p->fs->ctx, abs);
  char *display = project_display_path(p, abs);
  if (bytes)
    m->status = src_from_memory(&m->src, bytes, len, display, &m->load_error);
  else
    m->status = load_source(p, &m->src, abs, display, &m->load_error);
  free(display);
  if (m->status == SOURCE_OK) {
    m->tree = parse_source(&m->src, lang);
    m->has_syntax_error = ts_node_has_error(ts_tree_root_node(m->tree));
  }
  pthread_mutex_lock(&p->lock);
  Module *raced = find_loaded(p, abs);
  if (raced) {
    pthread_mutex_unlock(&p->lock);
    module_free(m);
    return raced;
  }
  ARRAY_PUSH(p->modules, p->nmodules, p->cap, m);
  pthread_mutex_unlock(&p->lock);
  return m;
}

static Module *module_get(Project *p, const char *path, const char *bytes, size_t len) {
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
  return module_create(p, abs, lang, bytes, len);
}

Module *project_module(Project *p, const char *path) {
  return module_get(p, path, NULL, 0);
}

Module *project_add_memory_module(Project *p, const char *path, const char *bytes, size_t len) {
  return module_get(p, path, bytes ? bytes : "", bytes ? len : 0);
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

/* The tsconfig.json governing `dir`: the nearest one above it. Cached. */
static const TsConfig *tsconfig_for(Project *p, const char *dir) {
  pthread_mutex_lock(&p->lock);
  const TsConfig *best = NULL;
  size_t best_len = 0;
  char *d = xstrdup(dir);
  for (;;) {
    char *file = xasprintf("%s/tsconfig.json", d);
    TsConfig *cached = NULL;
    for (size_t i = 0; i < p->ntsconfigs; i++)
      if (strcmp(p->tsconfigs[i].dir, d) == 0)
        cached = &p->tsconfigs[i];
    if (!cached) {
      grow_array((void **)&p->tsconfigs, &p->tscap, p->ntsconfigs + 1, sizeof *p->tsconfigs);
      cached = &p->tsconfigs[p->ntsconfigs++];
      memset(cached, 0, sizeof *cached);
      cached->dir = xstrdup(d);
      if (is_file(p, file)) {
        cached->found = true;
        load_tsconfig(p, cached, file);
      }
    }
    free(file);
    if (cached->found && strlen(cached->dir) >= best_len) {
      best = cached;
      best_len = strlen(cached->dir);
      break;
    }
    if (strcmp(d, "/") == 0)
      break;
    char *up = dir_of(d);
    free(d);
    d = up;
  }
  free(d);
  pthread_mutex_unlock(&p->lock);
  return best;
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

static bool resolve_tsconfig_path(Project *p, const TsConfig *t, const char *spec, char **out) {
  for (size_t i = 0; i < t->npaths; i++) {
    const TsPath *tp = &t->paths[i];
    const char *star = strchr(tp->pattern, '*');
    size_t pre = star ? (size_t)(star - tp->pattern) : strlen(tp->pattern);
    const char *suffix = star ? star + 1 : "";
    size_t slen = strlen(spec), suflen = strlen(suffix);
    if (strncmp(spec, tp->pattern, pre) != 0)
      continue;
    if (!star && strcmp(spec, tp->pattern) != 0)
      continue;
    if (star && (slen < pre + suflen || strcmp(spec + slen - suflen, suffix) != 0))
      continue;
    const char *mid = spec + pre;
    size_t midlen = star ? slen - pre - suflen : 0;
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

bool project_resolve_import(Project *p, const Module *from, const char *spec, char **out_path) {
  *out_path = NULL;
  char *dir = dir_of(from->fs_path);
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
  free(dir);
  return ok;
}
