#include "engine/cache.h"

#include "resolve/flow.h"

#include "core/fsio.h"
#include "core/util.h"
#include "engine/record.h"
#include "graph/site_record.h"
#include "rules/registry.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

static uint64_t hash_str(uint64_t h, const char *s) {
  return hash_fnv1a(s, strlen(s) + 1, h);
}

/* The file's rule selection, and the names summaries followed (a name that
 * becomes a wrapper's elsewhere changes which calls are followed). */
static void selection_key(const Cache *c, const RuleSelection *sel, char out[17]) {
  uint64_t h = hash_fnv1a(&c->flow_digest, sizeof c->flow_digest, HASH_FNV_SEED);
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
  for (size_t i = 0; i < std->nchannel_patterns; i++)
    h = hash_str(h, std->channel_patterns[i]);
  h = hash_str(h, std->module_suffix ? std->module_suffix : "");
  snprintf(out, 17, "%016llx", (unsigned long long)h);
}

bool cache_open(Cache *c, const char *dir, const Standards *std, uint64_t config_digest) {
  memset(c, 0, sizeof *c);
  c->dirfd = -1;
  char *why = NULL;
  /* A committed .rtlint-cache symlink must not send rtlint's writes
   * elsewhere, nor a folder someone else owns feed it entries. */
  int fd = fsio_open_private_dir(dir, true, &why);
  if (fd < 0) {
    fprintf(stderr, "rtlint: warning: cache directory refused: %s; not caching\n", why ? why : dir);
    free(why);
    return false;
  }
  c->dir = xstrdup(dir);
  c->dirfd = fd;
  cache_run_key(std, config_digest, c->run_key);
  /* Like ruff's cache: the directory ignores itself, so it never gets
   * committed. O_EXCL|O_NOFOLLOW: a planted .gitignore symlink, even a
   * dangling one, is left alone, never written through. */
  int ig = openat(fd, ".gitignore", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (ig >= 0) {
    static const char text[] = "# Automatically created by rtlint.\n*\n";
    bool ok = write(ig, text, sizeof text - 1) == (ssize_t)(sizeof text - 1);
    close(ig);
    if (!ok)
      unlinkat(fd, ".gitignore", 0);
  }
  return true;
}

/* Temporaries a killed run left behind ("<name>.rtlint-XXXXXX", core/fsio.h),
 * older than any live run's could be. */
#define STALE_TEMPORARY_SECONDS (60 * 60)

static bool temporary_name(const char *name) {
  const char *mark = strstr(name, ".rtlint-");
  return mark && strlen(mark) == strlen(".rtlint-XXXXXX");
}

/* Only after a run that stored entries: a warm run does not pay for the
 * listing. */
static void remove_stale_temporaries(Cache *c) {
  int fd = openat(c->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
  if (!d) {
    if (fd >= 0)
      close(fd);
    return;
  }
  time_t now = time(NULL);
  struct dirent *e;
  while ((e = readdir(d))) {
    struct stat st;
    if (temporary_name(e->d_name) && fstatat(c->dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
        st.st_mtime < now - STALE_TEMPORARY_SECONDS)
      unlinkat(c->dirfd, e->d_name, 0);
  }
  closedir(d);
}

void cache_close(Cache *c) {
  if (c->dirfd >= 0 && atomic_load(&c->stored))
    remove_stale_temporaries(c);
  free(c->dir);
  c->dir = NULL;
  if (c->dirfd >= 0)
    close(c->dirfd);
  c->dirfd = -1;
}

/* The entry's name inside the cache folder. */
static char *entry_name(const Module *m) {
  uint64_t h = hash_str(HASH_FNV_SEED, m->fs_path);
  return xasprintf("%016llx.entry", (unsigned long long)h);
}

static void warn_once(Cache *c, const char *name, const char *why) {
  if (!atomic_exchange(&c->warned, true))
    fprintf(stderr, "rtlint: warning: ignoring cache entry %s/%s (%s)\n", c->dir, name, why);
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

/* Why a finding read back cannot be trusted, or NULL. Entries are checked
 * field by field even behind a valid checksum: the cache folder is data the
 * repository can hold, and a hand-edited entry must not inject a finding or
 * a severity the file's rule selection does not give. */
static const char *diag_invalid(const RuleMeta *rule, uint64_t severity, const Module *m,
                                uint64_t start, uint64_t end, uint64_t app,
                                const RuleSelection *sel) {
  if (!rule)
    return "unknown rule";
  if (rule->project_wide)
    return "a finding of a rule that is never cached";
  if (severity != (uint64_t)sel->severity[rules_index(rule)] || severity == SEV_OFF)
    return "a severity the rule selection does not give";
  if (app > FIX_SAFE)
    return "an unknown fix applicability";
  if (!m || m->status != SOURCE_OK)
    return NULL; /* a file that is gone or changed: a plain miss */
  if (start > end || end > m->src.len)
    return "a range outside its file";
  return NULL;
}

/* A trail or related locations: at most max steps, more is corruption. */
static size_t read_steps(RecordReader *r, DiagStep *steps, size_t max) {
  uint64_t want = record_read_uint(r);
  size_t n = 0;
  if (want > max)
    r->ok = false; /* more than a run ever writes */
  for (; n < want && r->ok; n++) {
    steps[n].path = record_read_strdup(r);
    steps[n].line = (uint32_t)record_read_uint(r);
    steps[n].col = (uint32_t)record_read_uint(r);
    steps[n].col_utf16 = (uint32_t)record_read_uint(r);
    steps[n].label = record_read_strdup(r);
  }
  return n;
}

/* One finding; false with *why set (NULL: a plain miss) when it cannot be used. */
static bool load_diag(Project *p, RecordReader *r, const RuleSelection *sel, DiagList *out,
                      const char **why) {
  char *id = record_read_strdup(r);
  uint64_t severity = record_read_uint(r);
  char *path = record_read_strdup(r);
  uint64_t start = record_read_uint(r), end = record_read_uint(r);
  char *msg = record_read_strdup(r);
  char *help = record_read_uint(r) ? record_read_strdup(r) : NULL;
  DiagStep trail[FLOW_MAX_TRAIL], related[DIAG_MAX_RELATED];
  size_t ntrail = read_steps(r, trail, FLOW_MAX_TRAIL);
  size_t nrelated = read_steps(r, related, DIAG_MAX_RELATED);
  uint64_t app = record_read_uint(r);
  const RuleMeta *rule = r->ok ? rules_find(id) : NULL;
  const Module *m = r->ok && rule ? project_module_source(p, path) : NULL;
  *why = r->ok ? diag_invalid(rule, severity, m, start, end, app, sel) : "corrupt";
  bool ok = !*why && m && m->status == SOURCE_OK;
  Diag *d = ok ? diag_add(out, rule, (Severity)severity, &m->src, (uint32_t)start, (uint32_t)end,
                          msg, help)
               : NULL;
  for (size_t i = 0; i < ntrail; i++) {
    if (d && r->ok)
      diag_add_step(d, trail[i].path, trail[i].line, trail[i].col, trail[i].col_utf16,
                    trail[i].label);
    free(trail[i].path);
    free(trail[i].label);
  }
  for (size_t i = 0; i < nrelated; i++) {
    if (d && r->ok)
      diag_add_related(d, related[i].path, related[i].line, related[i].col, related[i].col_utf16,
                       related[i].label);
    free(related[i].path);
    free(related[i].label);
  }
  if (app != FIX_NONE && r->ok) {
    char *title = record_read_strdup(r);
    uint64_t nedits = record_read_uint(r);
    for (uint64_t i = 0; i < nedits && r->ok; i++) {
      char *in = record_read_strdup(r); /* "": the finding's file */
      uint64_t es = record_read_uint(r), ee = record_read_uint(r);
      char *text = record_read_strdup(r);
      const Module *em = d && r->ok && *in ? project_module_source(p, in) : m;
      if (d && r->ok && (!em || em->status != SOURCE_OK || es > ee || ee > em->src.len)) {
        *why = "a fix outside its file";
        ok = false;
      }
      if (d && ok)
        diag_add_edit_in(d, &em->src, (uint32_t)es, (uint32_t)ee, text);
      free(in);
      free(text);
    }
    if (d)
      diag_set_fix(d, (FixApplicability)app, title);
    free(title);
  }
  if (record_read_uint(r) && r->ok) {
    char *in = record_read_strdup(r);
    uint64_t os = record_read_uint(r), oe = record_read_uint(r);
    char *call = record_read_strdup(r);
    const Module *om = d && r->ok ? project_module_source(p, in) : NULL;
    if (d && r->ok && (!om || om->status != SOURCE_OK || os > oe || oe > om->src.len)) {
      *why = "a pending suggestion outside its file";
      ok = false;
    }
    if (d && ok)
      d->org_param = (DiagOrgParam){xstrdup(call), &om->src, (uint32_t)os, (uint32_t)oe};
    free(in);
    free(call);
  }
  free(id);
  free(path);
  free(msg);
  free(help);
  if (!r->ok)
    *why = "corrupt";
  return ok && r->ok;
}

/* Entries are small; anything larger is not one of ours. */
#define ENTRY_MAX_BYTES (64u << 20)

/* A whole entry in one read; false for a miss, with *why set when it is
 * worth a warning (not a regular file, a symlink, unreadable). */
static bool read_entry(const Cache *c, const char *name, char **bytes, size_t *len,
                       const char **why) {
  return fsio_read_file(c->dirfd, name, FSIO_NOFOLLOW, ENTRY_MAX_BYTES, bytes, len, why);
}

/* After the findings: the file's contract sites, when the entry holds them
 * and they are wanted. False when the entry cannot be trusted (*why set);
 * *read tells whether sites were added. */
static bool load_sites(Project *p, RecordReader *r, GraphSiteList *sites, bool *read,
                       const char **why) {
  *read = false;
  bool held = record_read_uint(r) != 0;
  if (!r->ok) {
    *why = "corrupt";
    return false;
  }
  if (!held || !sites)
    return true; /* the rest is not read: no trailing-data check */
  if (!graph_sites_read(r, p, sites, why))
    return !*why; /* a file a site points into changed: the findings still hold */
  if (r->p != r->end) {
    *why = "trailing data";
    return false;
  }
  *read = true;
  return true;
}

CachedFile cache_lookup(Cache *c, Project *p, const Module *m, const RuleSelection *sel,
                        DiagList *out, GraphSiteList *sites) {
  CachedFile result = {false, false, 0, 0};
  if (!c->dir)
    return result;
  char *name = entry_name(m);
  char *data;
  size_t len;
  RecordReader r;
  const char *why = NULL;
  if (!read_entry(c, name, &data, &len, &why)) {
    if (why)
      warn_once(c, name, why);
    free(name);
    return result;
  }
  if (!record_open(&r, data, len)) {
    warn_once(c, name, "corrupt, or written by another version");
    free(data);
    free(name);
    return result;
  }
  char want_selection[17];
  selection_key(c, sel, want_selection);
  /* Every field is read (no short-circuit): a mismatch is a miss, not corruption. */
  bool same_run = record_read_str_eq(&r, c->run_key);
  bool same_selection = record_read_str_eq(&r, want_selection);
  bool same_file = record_read_str_eq(&r, m->fs_path);
  bool same_contents = record_read_str_eq(&r, m->content_hash);
  bool same = same_run && same_selection && same_file && same_contents;
  uint64_t error_line = record_read_uint(&r);
  uint64_t error_col = record_read_uint(&r);
  if (same && r.ok &&
      (error_line > (uint64_t)m->src.len + 1 || error_col > (uint64_t)m->src.len + 1))
    why = "a syntax error position outside its file";
  if (same && !why && deps_valid(p, &r)) {
    size_t before = out->n;
    uint64_t ndiags = record_read_uint(&r);
    bool ok = r.ok;
    if (ok && ndiags > len) {
      ok = false;
      why = "an impossible number of findings";
    }
    for (uint64_t i = 0; i < ndiags && ok; i++)
      ok = load_diag(p, &r, sel, out, &why);
    size_t nsites = sites ? sites->n : 0;
    if (ok)
      ok = load_sites(p, &r, sites, &result.sites, &why);
    if (ok) {
      result.hit = true;
      result.error_line = (uint32_t)error_line;
      result.error_col = (uint32_t)error_col;
    } else {
      for (size_t k = before; k < out->n; k++)
        diag_free(&out->items[k]);
      out->n = before;
      for (size_t k = nsites; sites && k < sites->n; k++)
        graph_site_free(&sites->items[k]);
      if (sites)
        sites->n = nsites;
      if (why)
        warn_once(c, name, why);
    }
  } else if (why || !r.ok) {
    warn_once(c, name, why ? why : "corrupt");
  }
  free(data);
  free(name);
  return result;
}

static void write_steps(StrBuf *sb, const DiagStep *steps, size_t n) {
  record_uint(sb, n);
  for (size_t i = 0; i < n; i++) {
    record_str(sb, steps[i].path);
    record_uint(sb, steps[i].line);
    record_uint(sb, steps[i].col);
    record_uint(sb, steps[i].col_utf16);
    record_str(sb, steps[i].label);
  }
}

static const char *fs_path_of(const Module *m, const ResolveDeps *deps, const Source *src);

static void write_fix(StrBuf *sb, const Diag *d, const Module *m, const ResolveDeps *deps);

static void write_diag(StrBuf *sb, const Diag *d, const Module *m, const ResolveDeps *deps) {
  const char *fs_path = fs_path_of(m, deps, d->src);
  record_str(sb, d->rule->id);
  record_uint(sb, (uint64_t)d->severity);
  record_str(sb, fs_path);
  record_uint(sb, d->start);
  record_uint(sb, d->end);
  record_str(sb, d->message);
  record_uint(sb, d->help != NULL);
  if (d->help)
    record_str(sb, d->help);
  write_steps(sb, d->trail, d->ntrail);
  write_steps(sb, d->related, d->nrelated);
  record_uint(sb, (uint64_t)d->fix.applicability);
  if (d->fix.applicability != FIX_NONE)
    write_fix(sb, d, m, deps);
  record_uint(sb, d->org_param.call != NULL);
  if (d->org_param.call) {
    record_str(sb, fs_path_of(m, deps, d->org_param.src));
    record_uint(sb, d->org_param.start);
    record_uint(sb, d->org_param.end);
    record_str(sb, d->org_param.call);
  }
}

static void write_fix(StrBuf *sb, const Diag *d, const Module *m, const ResolveDeps *deps) {
  record_str(sb, d->fix.title ? d->fix.title : "");
  record_uint(sb, d->fix.nedits);
  for (size_t i = 0; i < d->fix.nedits; i++) {
    const Source *in = d->fix.edits[i].src;
    record_str(sb, in ? fs_path_of(m, deps, in) : "");
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

/* The finding's file and every file its fix edits are ones the entry names. */
static bool diag_placeable(const Module *m, const ResolveDeps *deps, const Diag *d) {
  if (!fs_path_of(m, deps, d->src))
    return false;
  for (size_t i = 0; i < d->fix.nedits; i++)
    if (d->fix.edits[i].src && !fs_path_of(m, deps, d->fix.edits[i].src))
      return false;
  return !d->org_param.call || fs_path_of(m, deps, d->org_param.src);
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

/* Written last: a reader that does not want them stops before. */
static void write_sites(StrBuf *sb, const GraphSiteList *sites) {
  StrBuf body = {0};
  /* Sites that cannot be checked again are not held. */
  bool held = sites && graph_sites_write(&body, sites->items, sites->n);
  record_uint(sb, held);
  if (held)
    sb_append_n(sb, body.data ? body.data : "", body.len);
  sb_free(&body);
}

void cache_store(Cache *c, const Module *m, const RuleSelection *sel, const ResolveDeps *deps,
                 const Diag *diags, size_t n, const GraphSiteList *sites, uint32_t error_line,
                 uint32_t error_col) {
  if (!c->dir || !m->content_hash[0])
    return;
  for (size_t i = 0; i < n; i++)
    if (!diag_placeable(m, deps, &diags[i]))
      return; /* a finding this entry could not place again */
  char selection[17];
  selection_key(c, sel, selection);
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
    write_diag(&sb, &diags[i], m, deps);
  write_sites(&sb, sites);
  record_end(&sb);
  char *name = entry_name(m);
  /* A temporary with a random name beside the entry, then a rename:
   * concurrent runs and threads never share one. A failure only costs the
   * next run a miss. */
  if (atomic_write_file(c->dirfd, name, sb.data, sb.len, 0666, ATOMIC_NO_FSYNC, NULL))
    atomic_store(&c->stored, true);
  free(name);
  sb_free(&sb);
}
