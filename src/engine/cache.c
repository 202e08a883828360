#include "engine/cache.h"

#include "core/util.h"
#include "engine/record.h"
#include "rules/registry.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

static uint64_t hash_str(uint64_t h, const char *s) {
  return hash_fnv1a(s, strlen(s) + 1, h);
}

static void selection_key(const RuleSelection *sel, char out[17]) {
  uint64_t h = HASH_FNV_SEED;
  for (size_t i = 0; i < rules_count; i++)
    h = hash_fnv1a(&sel->severity[i], sizeof sel->severity[i], h);
  snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The running executable's bytes, hashed once per process. */
static uint64_t binary_digest(void) {
  uint64_t h = hash_str(HASH_FNV_SEED, RTLINT_VERSION);
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  char *bytes;
  size_t len;
  if (fd >= 0 && read_fd_all(fd, 1u << 20, SIZE_MAX / 4, &bytes, &len)) {
    h ^= XXH3_64bits(bytes, len);
    free(bytes);
  }
  if (fd >= 0)
    close(fd);
  return h;
}

void cache_run_key(const Standards *std, uint64_t config_digest, char out[17]) {
  uint64_t h = binary_digest() ^ config_digest;
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

bool cache_open(Cache *c, const char *dir, const Standards *std, uint64_t config_digest) {
  memset(c, 0, sizeof *c);
  if (!mkdirs(dir)) {
    fprintf(stderr, "rtlint: warning: cannot create cache directory %s: %s; not caching\n", dir,
            strerror(errno));
    return false;
  }
  c->dir = xstrdup(dir);
  cache_run_key(std, config_digest, c->run_key);
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
  return xasprintf("%s/%016llx.entry", c->dir, (unsigned long long)h);
}

static void warn_once(Cache *c, const char *path, const char *why) {
  if (!atomic_exchange(&c->warned, true))
    fprintf(stderr, "rtlint: warning: ignoring cache entry %s (%s)\n", path, why);
}

/* Every file resolution read still has the contents it had, and every import
 * that did not resolve still does not. */
static bool deps_valid(Project *p, RecordReader *r) {
  bool valid = true;
  uint64_t ndeps = record_read_uint(r);
  for (uint64_t i = 0; i < ndeps && r->ok; i++) {
    char *path = record_read_strdup(r);
    size_t len;
    const char *hash = record_read_str(r, &len);
    if (valid && r->ok) {
      const Module *dm = project_module_source(p, path);
      valid = dm && dm->status == SOURCE_OK && mem_eq_str(hash, len, dm->content_hash);
    }
    free(path);
  }
  uint64_t nmissing = record_read_uint(r);
  for (uint64_t i = 0; i < nmissing && r->ok; i++) {
    char *from = record_read_strdup(r);
    char *spec = record_read_strdup(r);
    if (valid && r->ok) {
      Module probe;
      memset(&probe, 0, sizeof probe);
      probe.fs_path = from;
      char *resolved = NULL;
      valid = !project_resolve_import(p, &probe, spec, &resolved);
      free(resolved);
    }
    free(from);
    free(spec);
  }
  return valid && r->ok;
}

/* One finding; false when it no longer fits its file (or did not parse). */
static bool load_diag(Project *p, RecordReader *r, DiagList *out) {
  char *id = record_read_strdup(r);
  Severity severity = (Severity)record_read_uint(r);
  char *path = record_read_strdup(r);
  uint32_t start = (uint32_t)record_read_uint(r), end = (uint32_t)record_read_uint(r);
  char *msg = record_read_strdup(r);
  char *help = record_read_uint(r) ? record_read_strdup(r) : NULL;
  FixApplicability app = (FixApplicability)record_read_uint(r);
  const RuleMeta *rule = rules_find(id);
  const Module *m = r->ok && rule ? project_module_source(p, path) : NULL;
  bool ok = m && m->status == SOURCE_OK && start <= end && end <= m->src.len;
  Diag *d = ok ? diag_add(out, rule, severity, &m->src, start, end, msg, help) : NULL;
  if (app != FIX_NONE) {
    char *title = record_read_strdup(r);
    uint64_t nedits = record_read_uint(r);
    for (uint64_t i = 0; i < nedits && r->ok; i++) {
      uint32_t es = (uint32_t)record_read_uint(r), ee = (uint32_t)record_read_uint(r);
      char *text = record_read_strdup(r);
      if (d)
        diag_add_edit(d, es, ee, text);
      free(text);
    }
    if (d)
      diag_set_fix(d, app, title);
    free(title);
  }
  free(id);
  free(path);
  free(msg);
  free(help);
  return ok && r->ok;
}

/* A whole entry in one read (entries are small). */
static bool read_entry(const char *path, char **bytes, size_t *len) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            read_fd_all(fd, (size_t)st.st_size, SIZE_MAX / 4, bytes, len);
  close(fd);
  return ok;
}

CachedFile cache_lookup(Cache *c, Project *p, const Module *m, const RuleSelection *sel,
                        DiagList *out) {
  CachedFile result = {false, 0, 0};
  if (!c->dir)
    return result;
  char *path = entry_path(c, m);
  char *data;
  size_t len;
  RecordReader r;
  if (!read_entry(path, &data, &len)) {
    free(path);
    return result;
  }
  if (!record_open(&r, data, len)) {
    warn_once(c, path, "corrupt, or written by another version");
    free(data);
    free(path);
    return result;
  }
  char want_selection[17];
  selection_key(sel, want_selection);
  /* Every field is read (no short-circuit): a mismatch is a miss, not corruption. */
  bool same_run = record_read_str_eq(&r, c->run_key);
  bool same_selection = record_read_str_eq(&r, want_selection);
  bool same_file = record_read_str_eq(&r, m->fs_path);
  bool same_contents = record_read_str_eq(&r, m->content_hash);
  bool same = same_run && same_selection && same_file && same_contents;
  uint32_t error_line = (uint32_t)record_read_uint(&r);
  uint32_t error_col = (uint32_t)record_read_uint(&r);
  if (same && deps_valid(p, &r)) {
    size_t before = out->n;
    uint64_t ndiags = record_read_uint(&r);
    bool ok = r.ok;
    for (uint64_t i = 0; i < ndiags && ok; i++)
      ok = load_diag(p, &r, out);
    if (ok) {
      result.hit = true;
      result.error_line = error_line;
      result.error_col = error_col;
    } else {
      for (size_t k = before; k < out->n; k++)
        diag_free(&out->items[k]);
      out->n = before;
      warn_once(c, path, r.ok ? "refers to findings that no longer fit the files" : "corrupt");
    }
  } else if (!r.ok) {
    warn_once(c, path, "corrupt");
  }
  free(data);
  free(path);
  return result;
}

static void write_diag(StrBuf *sb, const Diag *d, const char *fs_path) {
  record_str(sb, d->rule->id);
  record_uint(sb, (uint64_t)d->severity);
  record_str(sb, fs_path);
  record_uint(sb, d->start);
  record_uint(sb, d->end);
  record_str(sb, d->message);
  record_uint(sb, d->help != NULL);
  if (d->help)
    record_str(sb, d->help);
  record_uint(sb, (uint64_t)d->fix.applicability);
  if (d->fix.applicability == FIX_NONE)
    return;
  record_str(sb, d->fix.title ? d->fix.title : "");
  record_uint(sb, d->fix.nedits);
  for (size_t i = 0; i < d->fix.nedits; i++) {
    record_uint(sb, d->fix.edits[i].start);
    record_uint(sb, d->fix.edits[i].end);
    record_str(sb, d->fix.edits[i].text);
  }
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

static void write_deps(StrBuf *sb, const Module *m, const ResolveDeps *deps) {
  size_t ndeps = 0;
  for (size_t i = 0; i < deps->nmodules; i++)
    ndeps += deps->modules[i] != m && deps->modules[i]->content_hash[0];
  record_uint(sb, ndeps);
  for (size_t i = 0; i < deps->nmodules; i++) {
    if (deps->modules[i] == m || !deps->modules[i]->content_hash[0])
      continue;
    record_str(sb, deps->modules[i]->fs_path);
    record_str(sb, deps->modules[i]->content_hash);
  }
  record_uint(sb, deps->nmissing);
  for (size_t i = 0; i < deps->nmissing; i++) {
    const char *nl = strchr(deps->missing[i], '\n');
    char *from = xstrndup(deps->missing[i], (size_t)(nl - deps->missing[i]));
    record_str(sb, from);
    record_str(sb, nl + 1);
    free(from);
  }
}

void cache_store(Cache *c, const Module *m, const RuleSelection *sel, const ResolveDeps *deps,
                 const Diag *diags, size_t n, uint32_t error_line, uint32_t error_col) {
  if (!c->dir || !m->content_hash[0])
    return;
  for (size_t i = 0; i < n; i++)
    if (!fs_path_of(m, deps, diags[i].src))
      return; /* a finding this entry could not place again */
  char selection[17];
  selection_key(sel, selection);
  StrBuf sb = {0};
  record_begin(&sb);
  record_str(&sb, c->run_key);
  record_str(&sb, selection);
  record_str(&sb, m->fs_path);
  record_str(&sb, m->content_hash);
  record_uint(&sb, error_line);
  record_uint(&sb, error_col);
  write_deps(&sb, m, deps);
  record_uint(&sb, n);
  for (size_t i = 0; i < n; i++)
    write_diag(&sb, &diags[i], fs_path_of(m, deps, diags[i].src));
  record_end(&sb);
  char *path = entry_path(c, m);
  /* The pid keeps concurrent runs apart; within a run each file has its own
   * entry, so threads never share a temporary name. */
  char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  bool written = f && fwrite(sb.data, 1, sb.len, f) == sb.len;
  if (f && fclose(f) != 0)
    written = false;
  if (!written || rename(tmp, path) != 0)
    unlink(tmp);
  free(tmp);
  free(path);
  sb_free(&sb);
}
