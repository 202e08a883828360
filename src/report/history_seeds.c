/* The working tree's lint as history's first passes (history.h). */
#include "report/history.h"
#include "report/history_passes.h"

#include "core/fsio.h"
#include "core/util.h"
#include "resolve/flow_names.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void flow_record_release(void *p) {
  if (p)
    flow_record_free(p);
  free(p);
}

struct HistorySeeds {
  char *std_id; /* as measure_commit names the standards it learned */
  ProjectFs fs; /* the disk, recording existence probes */
  pthread_mutex_t lock;
  StrMap oids;      /* absolute path -> git_oid of the file on disk */
  StrMap passes;    /* absolute path -> PassRec */
  StrMap facts;     /* facts_key -> FactsRec */
  StrMap parsed;    /* absolute paths the lint parsed (its prefilter let them through) */
  StrMap flow;      /* blob id -> FlowRecord of the working tree's files */
  char **tsconfigs; /* absolute tsconfig.json paths the lint looked for */
  bool *tsconfig_found;
  size_t ntsconfigs;
};

static bool disk_oid(const char *abs, git_oid *oid) {
  char *bytes = NULL;
  size_t len = 0;
  const char *why = NULL;
  if (!fsio_read_file(AT_FDCWD, abs, 0, SOURCE_MAX_BYTES, &bytes, &len, &why))
    return false;
  bool ok = git_odb_hash(oid, bytes, len, GIT_OBJECT_BLOB) == 0;
  free(bytes);
  return ok;
}

/* What project.c's is_file asks the disk, recorded with the file's blob id
 * as hook_exists records a commit's: a file that cannot be hashed gets an id
 * no blob has, so the pass is never reused. */
static bool seeds_exists(void *ctx, const char *abs) {
  HistorySeeds *s = ctx;
  struct stat st;
  bool exists = stat(abs, &st) == 0 && S_ISREG(st.st_mode);
  if (!pass_recording())
    return exists;
  if (!exists) {
    pass_record(abs, NULL);
    return false;
  }
  TreeEnt e = {0};
  pthread_mutex_lock(&s->lock);
  git_oid *known = strmap_get(&s->oids, abs);
  if (known)
    e.oid = *known;
  pthread_mutex_unlock(&s->lock);
  if (!known && disk_oid(abs, &e.oid)) {
    git_oid *copy = xmalloc(sizeof *copy);
    *copy = e.oid;
    pthread_mutex_lock(&s->lock);
    if (strmap_get(&s->oids, abs))
      free(copy);
    else
      strmap_put(&s->oids, abs, copy);
    pthread_mutex_unlock(&s->lock);
  }
  pass_record(abs, &e);
  return true;
}

HistorySeeds *history_seeds_new(void) {
  git_libgit2_init();
  HistorySeeds *s = xcalloc(1, sizeof *s);
  pthread_mutex_init(&s->lock, NULL);
  s->fs = (ProjectFs){.ctx = s, .file_exists = seeds_exists};
  return s;
}

void history_seeds_standards(HistorySeeds *s, const char *standards_path, bool flow,
                             uint64_t flow_digest) {
  git_oid oid;
  free(s->std_id);
  if (!standards_path) {
    s->std_id = xstrdup("builtin");
  } else if (disk_oid(standards_path, &oid)) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    s->std_id = xasprintf("%s %s", hex, standards_path);
  } else {
    s->std_id = xstrdup(""); /* matches no commit's standards */
  }
  char *named = history_std_id_with_flow(s->std_id, flow, flow_digest);
  free(s->std_id);
  s->std_id = named;
}

const ProjectFs *history_seeds_fs(HistorySeeds *s) {
  return &s->fs;
}

void history_seeds_begin(HistorySeeds *s, Module *m) {
  (void)s;
  PassRec *r = xcalloc(1, sizeof *r);
  git_odb_hash(&r->file_oid, m->src.bytes, m->src.len, GIT_OBJECT_BLOB);
  r->std_id = xstrdup(""); /* named by take_seeds, once the standards are known */
  pass_record_begin(r);
}

/* A pass whose findings all lie in its own file: one located in another
 * file is kept or dropped by whether that file is linted, which the working
 * tree and a commit may see differently. */
void history_seeds_passed(HistorySeeds *s, const Module *m, const Diag *found, size_t nfound,
                          bool trusted) {
  PassRec *r = pass_record_end();
  for (size_t i = 0; trusted && i < nfound; i++)
    trusted = found[i].src == &m->src;
  if (!r || !trusted) {
    pass_rec_free(r);
    return;
  }
  r->diags = xcalloc(nfound + 1, sizeof *r->diags);
  for (size_t i = 0; i < nfound; i++)
    flat_from_diag(&r->diags[r->ndiags++], &found[i]);
  pthread_mutex_lock(&s->lock);
  PassRec *before = strmap_get(&s->passes, m->fs_path);
  strmap_put(&s->passes, m->fs_path, r);
  if (m->tree)
    strmap_put(&s->parsed, m->fs_path, s);
  pthread_mutex_unlock(&s->lock);
  pass_rec_free(before);
}

void history_seeds_facts(HistorySeeds *s, const Project *proj, Module *m,
                         const RuleSelection *enabled, const SiteSpan *sites, size_t nsites) {
  if (m->status != SOURCE_OK || !s->std_id)
    return;
  /* A file the lint passed was hashed then; the others are hashed here.
   * (The passes are read only once the lint is over.) */
  const PassRec *pass = strmap_get(&s->passes, m->fs_path);
  git_oid oid;
  if (pass)
    oid = pass->file_oid;
  else
    git_odb_hash(&oid, m->src.bytes, m->src.len, GIT_OBJECT_BLOB);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  pthread_mutex_lock(&s->lock);
  bool known = strmap_get(&s->flow, hex) != NULL;
  pthread_mutex_unlock(&s->lock);
  if (!known) {
    FlowRecord *rec = xcalloc(1, sizeof *rec);
    flow_record_build(m->src.bytes, rec);
    pthread_mutex_lock(&s->lock);
    if (strmap_get(&s->flow, hex)) { /* the same text in another file, measured meanwhile */
      flow_record_free(rec);
      free(rec);
    } else {
      strmap_put(&s->flow, hex, rec);
    }
    pthread_mutex_unlock(&s->lock);
  }
  /* Only for files the lint passed: whether one has a syntax error to count
   * is known when it parsed it, which the prefilter (its needles and the
   * wrapper names) decided as a commit with the same names decides. */
  if (!pass)
    return;
  bool wants = strmap_get(&s->parsed, m->fs_path) != NULL;
  FactsRec *f = xcalloc(1, sizeof *f);
  f->sites = xcalloc(nsites + 1, sizeof *f->sites);
  memcpy(f->sites, sites, nsites * sizeof *sites);
  f->nsites = nsites;
  f->nnotices = wants && m->has_syntax_error;
  f->project_wide = lint_project_wide_wanted(proj, m, enabled);
  f->directives = strstr(m->src.bytes, SUPPRESS_MARKER) != NULL;
  char *key = facts_key(&oid, s->std_id, m->fs_path, enabled);
  pthread_mutex_lock(&s->lock);
  FactsRec *before = strmap_get(&s->facts, key);
  strmap_put(&s->facts, key, f);
  pthread_mutex_unlock(&s->lock);
  facts_rec_free(before);
  free(key);
}

void history_seeds_tsconfigs(HistorySeeds *s, const Project *proj) {
  s->tsconfigs = xcalloc(proj->ntsconfigs + 1, sizeof *s->tsconfigs);
  s->tsconfig_found = xcalloc(proj->ntsconfigs + 1, sizeof *s->tsconfig_found);
  for (size_t i = 0; i < proj->ntsconfigs; i++) {
    const TsConfig *t = proj->tsconfigs[i];
    s->tsconfigs[s->ntsconfigs] = xasprintf("%s/tsconfig.json", strcmp(t->dir, "/") ? t->dir : "");
    s->tsconfig_found[s->ntsconfigs++] = t->found;
  }
}

bool history_seeds_tsconfigs_match(HistorySeeds *s,
                                   bool (*tree_blob)(void *ctx, const char *abs, git_oid *oid),
                                   void *ctx) {
  for (size_t i = 0; i < s->ntsconfigs; i++) {
    git_oid in_tree, on_disk;
    bool in = tree_blob(ctx, s->tsconfigs[i], &in_tree);
    if (in != s->tsconfig_found[i])
      return false;
    if (in && (!disk_oid(s->tsconfigs[i], &on_disk) || !git_oid_equal(&in_tree, &on_disk)))
      return false;
  }
  return true;
}

void history_seeds_free(HistorySeeds *s) {
  if (!s)
    return;
  for (size_t i = 0; i < s->ntsconfigs; i++)
    free(s->tsconfigs[i]);
  free(s->tsconfigs);
  free(s->tsconfig_found);
  strmap_free(&s->oids, free);
  strmap_free(&s->passes, pass_rec_free);
  strmap_free(&s->facts, facts_rec_free);
  strmap_free(&s->parsed, NULL);
  strmap_free(&s->flow, flow_record_release);
  pthread_mutex_destroy(&s->lock);
  free(s->std_id);
  free(s);
  git_libgit2_shutdown();
}

void history_seeds_take(HistorySeeds *s, StrMap *passes, StrMap *facts, StrMap *flow) {
  *passes = s->passes;
  *facts = s->facts;
  *flow = s->flow;
  memset(&s->flow, 0, sizeof s->flow);
  memset(&s->passes, 0, sizeof s->passes);
  memset(&s->facts, 0, sizeof s->facts);
  for (size_t i = 0; i < passes->cap; i++) {
    PassRec *rec = passes->keys[i] ? passes->vals[i] : NULL;
    if (rec) {
      free(rec->std_id);
      rec->std_id = xstrdup(s->std_id ? s->std_id : "");
    }
  }
}
