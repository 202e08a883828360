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

Module *project_module(Project *p, const char *path) {
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
  char *display = project_display_path(p, abs);
  char *bytes = NULL;
  size_t len = 0;
  if (p->read_file && p->read_file(p->read_ctx, abs, &bytes, &len)) {
    m->status = src_from_memory(&m->src, bytes, len, display, &m->load_error);
    free(bytes);
  } else {
    m->status = src_load(&m->src, abs, display, &m->load_error);
  }
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

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash || slash == path)
    return xstrdup("/");
  return xstrndup(path, (size_t)(slash - path));
}

static void load_tsconfig(TsConfig *t, const char *file) {
  json_t *root = jsonc_load_file(file);
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
      if (is_file(file)) {
        cached->found = true;
        load_tsconfig(cached, file);
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

static bool try_candidates(const char *base, char **out) {
  for (const char *const *s = candidate_suffixes; *s; s++) {
    char *cand = xasprintf("%s%s", base, *s);
    Lang lang;
    if (lang_for_path(cand, &lang) && is_file(cand)) {
      *out = cand;
      return true;
    }
    free(cand);
  }
  /* `import x from './a.js'` names the compiled file of ./a.ts */
  if (str_ends_with(base, ".js")) {
    char *stem = xstrndup(base, strlen(base) - 3);
    bool ok = try_candidates(stem, out);
    free(stem);
    return ok;
  }
  return false;
}

static bool resolve_tsconfig_path(const TsConfig *t, const char *spec, char **out) {
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
      bool ok = try_candidates(abs, out);
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
    ok = try_candidates(abs, out_path);
    free(joined);
    free(abs);
  } else if (spec[0] != '/') {
    const TsConfig *t = tsconfig_for(p, dir);
    if (t && t->base_url) {
      ok = resolve_tsconfig_path(t, spec, out_path);
      if (!ok) {
        char *joined = xasprintf("%s/%s", t->base_url, spec);
        ok = try_candidates(joined, out_path);
        free(joined);
      }
    }
  }
  free(dir);
  return ok;
}

typedef struct MemoryFile {
  const char *bytes;
  size_t len;
} MemoryFile;

static bool read_memory(void *ctx, const char *abs_path, char **bytes, size_t *len) {
  (void)abs_path;
  const MemoryFile *mf = ctx;
  *bytes = xmalloc(mf->len + 1);
  memcpy(*bytes, mf->bytes, mf->len);
  *len = mf->len;
  return true;
}

Module *project_add_memory_module(Project *p, const char *path, const char *bytes, size_t len) {
  MemoryFile mf = {bytes, len};
  bool (*saved)(void *, const char *, char **, size_t *) = p->read_file;
  void *saved_ctx = p->read_ctx;
  p->read_file = read_memory;
  p->read_ctx = &mf;
  Module *m = project_module(p, path);
  p->read_file = saved;
  p->read_ctx = saved_ctx;
  return m;
}
