#include "cli/session.h"

#include "cli/standards_setup.h"
#include "core/path.h"
#include "core/timing.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

/* A project for the files being linted: adoption hooks (--staged reads the
 * index) and the learned standards module. */
static void project_start(Session *s) {
  project_init(&s->proj, &s->std);
  adoption_project(&s->ad, &s->proj);
  if (s->overlay)
    s->proj.fs = s->overlay;
  if (s->learned)
    s->proj.standards_path = path_absolute(s->proj.cwd, s->learned);
  s->have_proj = true;
}

/* The memo's standards when they were made from what this session would
 * use (s->std then borrows them: have_std stays false). */
static bool reuse_standards(Session *s, const FileList *candidates, char **key) {
  StandardsMemo *memo = s->std_memo;
  *key = NULL;
  if (!memo || !memo->key || !memo->std.module_suffix)
    return false;
  *key = standards_memo_key(adoption_standards_file(&s->ad, s->o), candidates, s->ad.common_dir,
                            s->ad.root, s->overlay, memo->std.module_suffix,
                            s->ad.have_config ? s->ad.config.digest : 0);
  if (strcmp(*key, memo->key) != 0)
    return false;
  s->std = memo->std;
  s->learned = memo->learned ? xstrdup(memo->learned) : NULL;
  return true;
}

/* Hands the session's standards to the memo (which frees them later). */
static void remember_standards(Session *s, const FileList *candidates, char *key) {
  StandardsMemo *memo = s->std_memo;
  if (!key)
    key = standards_memo_key(adoption_standards_file(&s->ad, s->o), candidates, s->ad.common_dir,
                             s->ad.root, s->overlay, s->std.module_suffix,
                             s->ad.have_config ? s->ad.config.digest : 0);
  standards_memo_free(memo);
  memo->key = key;
  memo->std = s->std;
  memo->learned = s->learned ? xstrdup(s->learned) : NULL;
  s->have_std = false;
}

static bool learn_standards(Session *s) {
  FileList candidates = {0};
  for (size_t i = 0; i < s->files.n; i++)
    file_list_add(&candidates, s->files.paths[i]);
  /* Learned again after sharding (session_relint): another shard's files. */
  for (size_t i = 0; i < s->other_shards.n; i++)
    file_list_add(&candidates, s->other_shards.paths[i]);
  adoption_standards_candidates(&s->ad, &candidates);
  char *key = NULL;
  if (reuse_standards(s, &candidates, &key)) {
    free(key);
    file_list_free(&candidates);
    return true;
  }
  bool ok = standards_setup(&s->std, adoption_standards_file(&s->ad, s->o), &candidates,
                            s->ad.common_dir, s->ad.root, s->overlay, &s->learned);
  if (ok) {
    s->have_std = true;
    adoption_standards(&s->ad, &s->std);
    if (s->std_memo && s->std.module_suffix)
      remember_standards(s, &candidates, key);
    else
      free(key);
  } else {
    free(key);
  }
  file_list_free(&candidates);
  return ok;
}

/* Whether the run lints the whole project (every PATH is the project root or
 * a folder above it): the contract rules judge a sender by every listener of
 * the project, so a partial view (a folder, the staged files, one shard, an
 * editor's buffer) must not report them. */
static bool whole_project(const Session *s) {
  const Options *o = s->o;
  /* An overlay holds an editor's buffers, or the text --fix and --diff have
   * fixed so far: that is still the whole project. */
  bool fixing = o->diff || o->fix_level != FIX_NONE;
  if (o->staged || o->stdin_filename || o->shard_count || (s->overlay && !fixing) || !s->ad.root)
    return false;
  /* The report's history lints each commit's files on their own: its
   * headline leaves the contract out too, so that the two agree. */
  if (o->command == CMD_REPORT)
    return false;
  for (size_t i = 0; i < o->npaths; i++) {
    char *abs = path_absolute(s->proj.cwd, o->paths[i]);
    size_t n = strlen(abs);
    bool covers = strcmp(abs, "/") == 0 ||
                  (strncmp(s->ad.root, abs, n) == 0 && (!s->ad.root[n] || s->ad.root[n] == '/'));
    free(abs);
    if (!covers)
      return false;
  }
  return true;
}

static void lint(Session *s) {
  s->ad.setup.whole_project = whole_project(s);
  s->ad.setup.run = &s->run;
  s->ad.setup.other_shards = s->other_shards.paths;
  s->ad.setup.nother_shards = s->other_shards.n;
  adoption_lint(&s->ad, &s->proj, &s->files, &s->result);
  s->have_result = true;
}

int session_open(Session *s, const Options *o, SessionNeeds needs) {
  memset(s, 0, sizeof *s);
  s->o = o;
  s->overlay = needs.overlay;
  s->std_memo = needs.std_memo;
  int early = adoption_begin(&s->ad, o);
  if (early >= 0)
    return early;
  timing_enter(TIMING_DISCOVER);
  early = adoption_files(&s->ad, o, &s->files);
  timing_leave();
  if (early >= 0)
    return early;
  if (!learn_standards(s))
    return EXIT_USAGE;
  /* After learning the standards, which may live in another shard's files. */
  if (o->shard_count)
    file_list_shard(&s->files, o->shard_index, o->shard_count, &s->other_shards);
  project_start(s);
  if (needs.fs && !s->proj.fs)
    s->proj.fs = needs.fs;
  lint_options_defaults(&s->run);
  s->run.jobs = o->jobs;
  s->run.prefilter = !o->no_prefilter;
  s->run.hook = needs.hook;
  s->run.graph = needs.graph;
  s->run.fix_unlinted = needs.fix_unlinted;
  if (o->file_budget >= 0)
    s->run.file_budget = (uint64_t)o->file_budget;
  if (needs.cache && options_cache_dir(o) &&
      cache_open(&s->cache, options_cache_dir(o), &s->std,
                 (s->ad.have_config ? s->ad.config.digest : 0) ^ project_scope_digest(&s->proj))) {
    s->cached = true;
    s->run.cache = &s->cache;
    s->proj.hash_contents = true;
  }
  lint(s);
  return -1;
}

/* The standards learned again, as a fix may have changed the module (a new
 * catalog entry): the next pass judges by what it declares now. */
static void relearn_standards(Session *s) {
  if (s->have_std)
    std_free(&s->std);
  s->have_std = false;
  free(s->learned);
  s->learned = NULL;
  learn_standards(s);
}

void session_relint(Session *s) {
  lint_result_free(&s->result);
  project_free(&s->proj);
  relearn_standards(s);
  project_start(s);
  if (s->cached) /* cached findings were judged by the standards as they were */
    cache_run_key(&s->std,
                  (s->ad.have_config ? s->ad.config.digest : 0) ^ project_scope_digest(&s->proj),
                  s->cache.run_key);
  lint(s);
}

void session_close(Session *s) {
  if (s->cached)
    cache_close(&s->cache);
  if (s->have_result)
    lint_result_free(&s->result);
  if (s->have_proj)
    project_free(&s->proj);
  if (s->have_std)
    std_free(&s->std);
  free(s->learned);
  file_list_free(&s->files);
  file_list_free(&s->other_shards);
  adoption_end(&s->ad);
  memset(s, 0, sizeof *s);
}
