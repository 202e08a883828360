#include "engine/cache.h"

#include "core/util.h"
#include "rules/registry.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_FORMAT 3

static uint64_t hash_str(uint64_t h, const char *s) {
  return hash_fnv1a(s, strlen(s) + 1, h);
}

static void selection_key(const RuleSelection *sel, char out[17]) {
  uint64_t h = HASH_FNV_SEED;
  for (size_t i = 0; i < rules_count; i++)
    h = hash_fnv1a(&sel->severity[i], sizeof sel->severity[i], h);
  snprintf(out, 17, "%016llx", (unsigned long long)h);
}

void cache_run_key(const Standards *std, char out[17]) {
  uint64_t h = hash_str(HASH_FNV_SEED, RTLINT_VERSION);
  for (size_t i = 0; i < rules_count; i++)
    h = hash_str(h, rules_all[i]->id);
  for (size_t i = 0; i < std->nchannels; i++) {
    h = hash_str(h, std->channels[i].name);
    h = hash_str(h, std->channels[i].shape);
  }
  for (size_t i = 0; i < std->nevents; i++) {
    h = hash_str(h, std->events[i].key);
    h = hash_str(h, std->events[i].value);
  }
  for (size_t i = 0; i < std->nhooks; i++)
    h = hash_str(h, std->hooks[i].hook);
  h = hash_str(h, std->module_suffix ? std->module_suffix : "");
  snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static bool mkdirs(const char *dir) {
  char *d = xstrdup(dir);
  for (char *p = d + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    if (mkdir(d, 0777) != 0 && errno != EEXIST) {
      free(d);
      return false;
    }
    *p = '/';
  }
  bool ok = mkdir(d, 0777) == 0 || errno == EEXIST;
  free(d);
  return ok;
}

bool cache_open(Cache *c, const char *dir, const Standards *std) {
  memset(c, 0, sizeof *c);
  if (!mkdirs(dir)) {
    fprintf(stderr, "rtlint: warning: cannot create cache directory %s: %s; not caching\n", dir,
            strerror(errno));
    return false;
  }
  c->dir = xstrdup(dir);
  cache_run_key(std, c->run_key);
  /* Like ruff's cache: the directory ignores itself, so it never gets committed. */
  char *ignore = xasprintf("%s/.gitignore", dir);
  if (access(ignore, F_OK) != 0) {
    FILE *f = fopen(ignore, "w");
    if (f) {
      fputs("# Automatically created by rtlint.\n*\n", f);
      fclose(f);
    }
  }
  free(ignore);
  return true;
}

void cache_close(Cache *c) {
  free(c->dir);
  c->dir = NULL;
}

static char *entry_path(const Cache *c, const Module *m) {
  uint64_t h = hash_str(HASH_FNV_SEED, m->fs_path);
  return xasprintf("%s/%016llx.json", c->dir, (unsigned long long)h);
}

static void warn_once(Cache *c, const char *path, const char *why) {
  if (!atomic_exchange(&c->warned, true))
    fprintf(stderr, "rtlint: warning: ignoring cache entry %s (%s)\n", path, why);
}

static bool deps_valid(Project *p, json_t *deps, json_t *missing) {
  size_t i;
  json_t *d;
  json_array_foreach(deps, i, d) {
    const char *path = json_string_value(json_object_get(d, "path"));
    const char *hash = json_string_value(json_object_get(d, "hash"));
    if (!path || !hash)
      return false;
    const Module *dm = project_module_source(p, path);
    if (!dm || dm->status != SOURCE_OK || strcmp(dm->content_hash, hash) != 0)
      return false;
  }
  json_array_foreach(missing, i, d) {
    const char *from = json_string_value(json_object_get(d, "from"));
    const char *spec = json_string_value(json_object_get(d, "spec"));
    if (!from || !spec)
      return false;
    Module probe;
    memset(&probe, 0, sizeof probe);
    probe.fs_path = (char *)from;
    char *resolved = NULL;
    bool now_resolves = project_resolve_import(p, &probe, spec, &resolved);
    free(resolved);
    if (now_resolves)
      return false;
  }
  return true;
}

static bool load_diag(Project *p, json_t *jd, DiagList *out) {
  const char *id = json_string_value(json_object_get(jd, "rule"));
  const RuleMeta *rule = id ? rules_find(id) : NULL;
  const char *path = json_string_value(json_object_get(jd, "path"));
  const char *msg = json_string_value(json_object_get(jd, "message"));
  if (!rule || !path || !msg)
    return false;
  const Module *m = project_module_source(p, path);
  if (!m || m->status != SOURCE_OK)
    return false;
  const char *help = json_string_value(json_object_get(jd, "help"));
  Diag *d = diag_add(out, rule, (Severity)json_integer_value(json_object_get(jd, "severity")),
                     &m->src, (uint32_t)json_integer_value(json_object_get(jd, "start")),
                     (uint32_t)json_integer_value(json_object_get(jd, "end")), msg, help);
  json_t *fix = json_object_get(jd, "fix");
  if (json_is_object(fix)) {
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(fix, "edits"), i, e) {
      const char *text = json_string_value(json_object_get(e, "text"));
      diag_add_edit(d, (uint32_t)json_integer_value(json_object_get(e, "start")),
                    (uint32_t)json_integer_value(json_object_get(e, "end")), text ? text : "");
    }
    const char *title = json_string_value(json_object_get(fix, "title"));
    diag_set_fix(d, (FixApplicability)json_integer_value(json_object_get(fix, "applicability")),
                 title ? title : "");
  }
  return d->end <= m->src.len && d->start <= d->end;
}

/* Reads the entry in one go: jansson's file reader goes a character at a
 * time through stdio, which showed in warm-run profiles. */
static json_t *load_entry(const char *path, json_error_t *err) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  StrBuf sb = {0};
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    sb_append_n(&sb, buf, n);
  fclose(f);
  json_t *root = json_loadb(sb.data ? sb.data : "", sb.len, 0, err);
  sb_free(&sb);
  return root;
}

CachedFile cache_lookup(Cache *c, Project *p, const Module *m, const RuleSelection *sel,
                        DiagList *out) {
  CachedFile r = {false, 0, 0};
  if (!c->dir)
    return r;
  char *path = entry_path(c, m);
  json_error_t err;
  json_t *root = load_entry(path, &err);
  if (!root) {
    if (access(path, F_OK) == 0)
      warn_once(c, path, "not valid JSON");
    free(path);
    return r;
  }
  const char *run = json_string_value(json_object_get(root, "run"));
  const char *file = json_string_value(json_object_get(root, "file"));
  const char *hash = json_string_value(json_object_get(root, "hash"));
  const char *selection = json_string_value(json_object_get(root, "selection"));
  json_t *diags = json_object_get(root, "diagnostics");
  char want_selection[17];
  selection_key(sel, want_selection);
  if (json_integer_value(json_object_get(root, "format")) != CACHE_FORMAT || !run || !file ||
      !hash || !selection || !json_is_array(diags)) {
    warn_once(c, path, "written by another version or corrupt");
  } else if (strcmp(run, c->run_key) == 0 && strcmp(selection, want_selection) == 0 &&
             strcmp(file, m->fs_path) == 0 && strcmp(hash, m->content_hash) == 0 &&
             deps_valid(p, json_object_get(root, "deps"), json_object_get(root, "missing"))) {
    size_t before = out->n, i;
    json_t *jd;
    bool ok = true;
    json_array_foreach(diags, i, jd) ok = ok && load_diag(p, jd, out);
    if (ok) {
      r.hit = true;
      r.error_line = (uint32_t)json_integer_value(json_object_get(root, "error_line"));
      r.error_col = (uint32_t)json_integer_value(json_object_get(root, "error_col"));
    } else {
      for (size_t k = before; k < out->n; k++)
        diag_free(&out->items[k]);
      out->n = before;
      warn_once(c, path, "refers to findings that no longer fit the files");
    }
  }
  json_decref(root);
  free(path);
  return r;
}

static json_t *diag_json(const Diag *d, const char *fs_path) {
  json_t *o = json_pack("{s:s, s:i, s:s, s:i, s:i, s:s}", "rule", d->rule->id, "severity",
                        (json_int_t)d->severity, "path", fs_path, "start", (json_int_t)d->start,
                        "end", (json_int_t)d->end, "message", d->message);
  json_object_set_new(o, "help", d->help ? json_string(d->help) : json_null());
  if (d->fix.applicability != FIX_NONE) {
    json_t *edits = json_array();
    for (size_t i = 0; i < d->fix.nedits; i++)
      json_array_append_new(
          edits, json_pack("{s:i, s:i, s:s}", "start", (json_int_t)d->fix.edits[i].start, "end",
                           (json_int_t)d->fix.edits[i].end, "text", d->fix.edits[i].text));
    json_object_set_new(o, "fix",
                        json_pack("{s:i, s:s, s:o}", "applicability",
                                  (json_int_t)d->fix.applicability, "title",
                                  d->fix.title ? d->fix.title : "", "edits", edits));
  }
  return o;
}

/* Findings are keyed by file path; a finding located in another file (a
 * channel name built there) carries that file's path. */
static const char *fs_path_of(const Module *m, const ResolveDeps *deps, const Source *src) {
  if (&m->src == src)
    return m->fs_path;
  for (size_t i = 0; i < deps->nmodules; i++)
    if (&deps->modules[i]->src == src)
      return deps->modules[i]->fs_path;
  return NULL;
}

void cache_store(Cache *c, const Module *m, const RuleSelection *sel, const ResolveDeps *deps,
                 const Diag *diags, size_t n, uint32_t error_line, uint32_t error_col) {
  if (!c->dir || !m->content_hash[0])
    return;
  char selection[17];
  selection_key(sel, selection);
  json_t *root =
      json_pack("{s:i, s:s, s:s, s:s, s:s, s:i, s:i}", "format", CACHE_FORMAT, "run", c->run_key,
                "selection", selection, "file", m->fs_path, "hash", m->content_hash, "error_line",
                (json_int_t)error_line, "error_col", (json_int_t)error_col);
  json_t *jdeps = json_array(), *jmissing = json_array(), *jdiags = json_array();
  for (size_t i = 0; i < deps->nmodules; i++)
    if (deps->modules[i] != m && deps->modules[i]->content_hash[0])
      json_array_append_new(jdeps, json_pack("{s:s, s:s}", "path", deps->modules[i]->fs_path,
                                             "hash", deps->modules[i]->content_hash));
  for (size_t i = 0; i < deps->nmissing; i++) {
    const char *nl = strchr(deps->missing[i], '\n');
    char *from = xstrndup(deps->missing[i], (size_t)(nl - deps->missing[i]));
    json_array_append_new(jmissing, json_pack("{s:s, s:s}", "from", from, "spec", nl + 1));
    free(from);
  }
  bool complete = true;
  for (size_t i = 0; i < n; i++) {
    const char *path = fs_path_of(m, deps, diags[i].src);
    if (!path) {
      complete = false;
      break;
    }
    json_array_append_new(jdiags, diag_json(&diags[i], path));
  }
  json_object_set_new(root, "deps", jdeps);
  json_object_set_new(root, "missing", jmissing);
  json_object_set_new(root, "diagnostics", jdiags);
  if (complete) {
    char *path = entry_path(c, m);
    /* The pid keeps concurrent runs apart; within a run each file has its
     * own entry, so threads never share a temporary name. */
    char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
    if (json_dump_file(root, tmp, JSON_COMPACT) != 0 || rename(tmp, path) != 0)
      unlink(tmp);
    free(tmp);
    free(path);
  }
  json_decref(root);
}
