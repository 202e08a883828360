#include "engine/engine.h"

#include "config/config.h"
#include "core/arena.h"
#include "core/fsio.h"
#include "core/strmap.h"
#include "core/timing.h"
#include "core/util.h"
#include "engine/cache.h"
#include "engine/file_index.h"
#include "engine/flow_pass.h"
#include "engine/order.h"
#include "engine/parallel.h"
#include "engine/prefilter.h"
#include "engine/suppress.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "parse/parser.h"
#include "resolve/facts.h"
#include "resolve/flow.h"
#include "resolve/importers.h"
#include "rules/channel_org_param.h"
#include "rules/contract_report.h"
#include "rules/ctx.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void selection_defaults(RuleSelection *sel) {
  memset(sel, 0, sizeof *sel);
  for (size_t i = 0; i < rules_count; i++)
    sel->severity[i] = rules_all[i]->default_severity;
}

bool selection_any_enabled(const RuleSelection *sel) {
  for (size_t i = 0; i < rules_count; i++)
    if (sel->severity[i] != SEV_OFF)
      return true;
  return false;
}

static void report_load_problem(const Module *m, uint32_t error_line, uint32_t error_col,
                                NoticeList *notices) {
  if (m->status != SOURCE_OK) {
    notice_add(notices, m->src.path ? m->src.path : m->fs_path, src_status_name(m->status),
               m->load_error, 0, 0);
    return;
  }
  if (error_line) {
    /* tree-sitter's grammar rejects some valid TypeScript (README, "Known
     * grammar gaps"): the message must not claim the code is wrong. */
    char *message = xasprintf("rtlint could not parse line %u (grammar limitation or syntax "
                              "error); the rest was linted",
                              error_line);
    notice_add(notices, m->src.path, NOTICE_PARSE_ERROR, message, error_line, error_col);
    free(message);
  }
}

typedef enum RuleSubset { RULES_ALL, RULES_CACHEABLE, RULES_PROJECT_WIDE } RuleSubset;

static bool in_subset(const RuleMeta *r, RuleSubset subset) {
  return subset == RULES_ALL || (subset == RULES_PROJECT_WIDE) == r->project_wide;
}

/* What every file of a run shares. gate: the run's prefilter, so that a file
 * runs only the rules whose needles it contains (NULL: every selected rule). */
typedef struct RunShared {
  const struct Config *config;
  const Prefilter *gate;
  LazyImportGraph *imports;
  const LintFileHook *hook;
  const struct FlowNames *flow_names; /* NULL: no rule reads wrapper sites */
  ContractGraph *graph;               /* NULL: no contract rule is on */
  bool spare_thread;                  /* fewer files than threads: a core is idle */
} RunShared;

/* What a project-wide pass does with the file's contract sites (NULL: they
 * join the run's graph). */
typedef struct SiteSink {
  bool cached;         /* the cache entry gave them: not collected again */
  GraphSiteList *keep; /* kept here for the cache entry, not added */
  bool collected;      /* set by the pass */
} SiteSink;

static bool contract_rule(const RuleMeta *rule) {
  return graph_rule_index(rule) >= 0;
}

static void lint_module_rules(Project *proj, Module *m, const RuleSelection *sel,
                              const RunShared *run_with, RuleSubset subset, ResolveDeps *deps,
                              SiteSink *sink, DiagList *out) {
  const struct Config *config = run_with->config;
  const Prefilter *gate = run_with->gate;
  bool run[RULES_MAX];
  bool any = false;
  for (size_t i = 0; i < rules_count; i++) {
    run[i] = sel->severity[i] != SEV_OFF && in_subset(rules_all[i], subset) &&
             !(sink && sink->cached && contract_rule(rules_all[i])) &&
             prefilter_rule_wants(gate, rules_all[i], proj->std, m->src.bytes);
    any = any || run[i];
  }
  if (!any)
    return;
  Arena arena = {0};
  Facts facts;
  timing_enter(TIMING_RESOLVE);
  facts_collect_split(&facts, m, &arena, run_with->spare_thread);
  timing_leave();
  Resolver res;
  resolver_init(&res, proj, &arena);
  res.deps = deps;
  res.self = m;
  res.flow_names = run_with->flow_names;
  fix_import_memo_begin();
  if (run_with->flow_names)
    flow_add_sites(&res, m, &facts, &arena);
  /* The contract's sites, once per file: in the pass that runs the
   * project-wide rules (every time, cache or not). */
  bool contract = false;
  for (size_t i = 0; i < rules_count && run_with->graph && subset != RULES_CACHEABLE; i++)
    contract = contract || (run[i] && contract_rule(rules_all[i]));
  if (contract) {
    GraphSiteList own = {0};
    GraphSiteList *into = sink && sink->keep ? sink->keep : &own;
    graph_collect(into, run_with->graph->std, &res, m, &facts);
    graph_add_sites(run_with->graph, &own);
    if (sink)
      sink->collected = true;
  }
  PathRoles roles = {config_path_role, config};
  for (size_t i = 0; i < rules_count; i++) {
    if (!run[i])
      continue;
    RuleCtx ctx = {
        .rule = rules_all[i],
        .severity = sel->severity[i],
        .mod = m,
        .proj = proj,
        .std = proj->std,
        .facts = &facts,
        .res = &res,
        .arena = &arena,
        .out = out,
        .roles = config ? &roles : NULL,
        .imports = run_with->imports,
    };
    uint64_t t0 = timing_enabled ? timing_now() : 0;
    timing_enter(TIMING_RULES);
    rules_all[i]->check(&ctx);
    timing_leave();
    if (timing_enabled)
      timing_add_rule(i, timing_now() - t0);
  }
  fix_import_memo_end();
  if (run_with->hook && run_with->hook->linted && subset != RULES_PROJECT_WIDE)
    run_with->hook->linted(run_with->hook->ctx, proj, m, &facts);
  resolver_release(&res);
  arena_free(&arena);
}

void selection_merge(RuleSelection *acc, const RuleSelection *s) {
  for (size_t r = 0; r < rules_count; r++)
    if (s->severity[r] > acc->severity[r])
      acc->severity[r] = s->severity[r];
}

void lint_module(Project *proj, Module *m, const RuleSelection *sel, const ModuleRun *run,
                 DiagList *out) {
  RunShared shared = {run->config, run->gate, NULL, run->hook, run->flow_names, NULL, false};
  project_hold(m);
  if (m->tree)
    lint_module_rules(proj, m, sel, &shared, RULES_CACHEABLE, NULL, NULL, out);
  project_release(m);
}

bool lint_project_wide_wanted(const Project *proj, const Module *m, const RuleSelection *sel) {
  if (m->status != SOURCE_OK)
    return false;
  for (size_t r = 0; r < rules_count; r++)
    if (rules_all[r]->project_wide && sel->severity[r] != SEV_OFF &&
        rule_text_may_fire(rules_all[r], proj->std, m->src.bytes))
      return true;
  return false;
}

void lint_module_project_wide(Project *proj, Module *m, const RuleSelection *sel,
                              const struct Config *config, LazyImportGraph *imports,
                              DiagList *out) {
  if (!lint_project_wide_wanted(proj, m, sel))
    return;
  RunShared shared = {config, NULL, imports, NULL, NULL, NULL, false};
  project_hold(m);
  if (m->tree)
    lint_module_rules(proj, m, sel, &shared, RULES_PROJECT_WIDE, NULL, NULL, out);
  project_release(m);
}

static bool same_finding(const Diag *a, const Diag *b) {
  return a->rule == b->rule && a->src == b->src && a->start == b->start && a->end == b->end &&
         strcmp(a->message, b->message) == 0;
}

/* A fix changes only files of the run (unless LintOptions.fix_unlinted): one
 * that also edits a file this run does not lint (`rtlint --fix a.ts`, the
 * name built in b.ts) is withheld, as the user did not name that file. */
static void withhold_fix_outside_run(Diag *d) {
  for (size_t i = 0; i < d->fix.nedits; i++)
    if (d->fix.edits[i].src && !module_of_source(d->fix.edits[i].src)->linted) {
      diag_drop_fix(d);
      d->fix_outside_run = true;
      return;
    }
}

/* A building site reached from several uses is reported once, and only in
 * files being linted (cached results keep them all, whatever was linted). */
static void dedupe(DiagList *list, bool fix_unlinted) {
  size_t w = 0;
  for (size_t r = 0; r < list->n; r++) {
    if ((w > 0 && same_finding(&list->items[w - 1], &list->items[r])) ||
        !module_of_source(list->items[r].src)->linted) {
      diag_free(&list->items[r]);
      continue;
    }
    if (!fix_unlinted)
      withhold_fix_outside_run(&list->items[r]);
    list->items[w++] = list->items[r];
  }
  list->n = w;
}

void lint_options_defaults(LintOptions *o) {
  memset(o, 0, sizeof *o);
  o->prefilter = true;
  o->file_budget = LINT_DEFAULT_FILE_BUDGET;
}

/* Work shared by the pool: each worker takes the next index. */
typedef struct Pool {
  Project *proj;
  char *const *paths;
  char **abs_paths;
  Module **mods;
  uint32_t *error_line, *error_col; /* syntax error of a file the rules saw */
  uint64_t file_budget;
  uint64_t *over_budget; /* operations spent when a file ran out of budget, else 0 */
  size_t n;
  DiagList *found; /* per worker */
  const LintSetup *setup;
  const RuleSelection *fixed; /* one selection for all files, or NULL */
  RuleSelection *sels;        /* each file's selection */
  const Prefilter *pf;
  Cache *cache;
  const FileIndex *files;  /* files known to hold no needle, or NULL */
  const FileStamp **known; /* each file's stamp when the index let it be skipped */
  bool *filtered;          /* read, and held no needle */
  RunShared shared;        /* configuration, prefilter and import graph of the run */
  bool keep_trees;         /* the trees are freed by a TreeReaper after the run */
  void (*step)(struct Pool *pool, size_t i, DiagList *out);
} Pool;

static void select_step(Pool *pool, size_t i, DiagList *out) {
  (void)out;
  pool->abs_paths[i] = path_absolute(pool->proj->cwd, pool->paths[i]);
  if (pool->fixed)
    pool->sels[i] = *pool->fixed;
  else
    lint_selection_for(pool->setup, pool->abs_paths[i], &pool->sels[i]);
}

static void load_step(Pool *pool, size_t i, DiagList *out) {
  (void)out;
  if (pool->files &&
      (pool->known[i] = file_index_unchanged(pool->files, pool->abs_paths[i], pool->paths[i])))
    return; /* no needle last time, unchanged since: not even read */
  timing_enter(TIMING_READ);
  Module *m = project_module_source(pool->proj, pool->paths[i]);
  timing_leave();
  pool->mods[i] = m;
  if (m)
    m->linted = true;
}

static void lint_file(Pool *pool, size_t i, DiagList *out);

/* Whether a cached file still needs the project-wide pass: a rule that
 * reads the whole import graph may fire there, or a file that calls one of
 * the app's wrappers holds sites of the rules that read them (the
 * contract's) without their needles. Not for the contract rules when the
 * entry gave the file's sites. */
static bool project_wide_wanted(const Pool *pool, const Module *m, const RuleSelection *sel,
                                bool contract_cached) {
  for (size_t r = 0; r < rules_count; r++) {
    const RuleMeta *rule = rules_all[r];
    if (!rule->project_wide || sel->severity[r] == SEV_OFF ||
        (contract_cached && contract_rule(rule)))
      continue;
    if (rule_text_may_fire(rule, pool->proj->std, m->src.bytes) ||
        (rule->flow_sites && prefilter_rule_wants(pool->pf, rule, pool->proj->std, m->src.bytes)))
      return true;
  }
  return false;
}

/* A file's whole lint, timed for --timing's slowest files. */
/* The hook's pass of a file linted with every rule at once (one facts
 * collection): the findings of the rules whose findings depend on the file
 * alone. What the project-wide rules probed is recorded with the pass too,
 * which only makes it less often reusable. */
static void pass_cacheable(Pool *pool, Module *m, const Diag *found, size_t n) {
  const LintFileHook *hook = pool->shared.hook;
  Diag *own = xcalloc(n + 1, sizeof *own);
  size_t nown = 0;
  for (size_t k = 0; k < n; k++)
    if (!found[k].rule->project_wide)
      own[nown++] = found[k]; /* shallow: the hook copies what it keeps */
  hook->passed(hook->ctx, pool->proj, m, own, nown, !budget_exceeded());
  free(own);
}

/* Moves the findings of the rules whose findings depend on the file alone
 * before the project-wide rules' ones, each group in its order; returns how
 * many there are. */
static size_t cacheable_first(Diag *found, size_t n) {
  if (n == 0)
    return 0;
  Diag *wide = xcalloc(n, sizeof *wide);
  size_t nown = 0, nwide = 0;
  for (size_t k = 0; k < n; k++) {
    if (found[k].rule->project_wide)
      wide[nwide++] = found[k];
    else
      found[nown++] = found[k];
  }
  memcpy(found + nown, wide, nwide * sizeof *wide);
  free(wide);
  return nown;
}

static void lint_step(Pool *pool, size_t i, DiagList *out) {
  if (!timing_enabled) {
    lint_file(pool, i, out);
    return;
  }
  uint64_t t0 = timing_now();
  lint_file(pool, i, out);
  timing_add_file(pool->paths[i], timing_now() - t0);
}

static void lint_file(Pool *pool, size_t i, DiagList *out) {
  Module *m = pool->mods[i];
  const RuleSelection *sel = &pool->sels[i];
  if (!m || m->status != SOURCE_OK)
    return;
  const LintFileHook *hook = pool->shared.hook;
  bool record = hook && hook->passed;
  if (!prefilter_wants(pool->pf, m->src.bytes, m->src.len)) {
    /* Nothing here can fire; it is parsed later only if an import needs it.
     * A file with a syntax error but no needle is not reported either. */
    pool->filtered[i] = true;
    if (record) {
      hook->begin(hook->ctx, m);
      hook->passed(hook->ctx, pool->proj, m, NULL, 0, true);
    }
    return;
  }
  CachedFile cf = {false, false, 0, 0};
  ContractGraph *graph = pool->shared.graph;
  GraphSiteList cached_sites = {0};
  if (pool->cache)
    cf = cache_lookup(pool->cache, pool->proj, m, sel, out, graph ? &cached_sites : NULL);
  if (cf.sites)
    graph_add_sites(graph, &cached_sites);
  graph_site_list_free(&cached_sites); /* the array a read that missed left */
  if (cf.hit) {
    /* Only the rules that read the whole import graph still run, and only
     * where their needles are; the contract's sites come from the entry: a
     * warm run parses almost nothing. */
    pool->error_line[i] = cf.error_line;
    pool->error_col[i] = cf.error_col;
    if (project_wide_wanted(pool, m, sel, cf.sites)) {
      SiteSink sink = {.cached = cf.sites};
      project_hold(m);
      if (m->tree)
        lint_module_rules(pool->proj, m, sel, &pool->shared, RULES_PROJECT_WIDE, NULL, &sink, out);
      project_release(m);
    }
    return;
  }
  project_hold(m);
  if (!m->tree) { /* SOURCE_PARSE_TIMEOUT: reported as a notice */
    project_release(m);
    return;
  }
  size_t first = out->n;
  budget_start(pool->file_budget);
  if (m->has_syntax_error) {
    uint32_t byte = 0;
    parse_first_error(m->tree, &byte);
    SrcPos pos = src_pos(&m->src, byte);
    pool->error_line[i] = pos.line;
    pool->error_col[i] = pos.col;
  }
  if (!pool->cache) {
    if (record)
      hook->begin(hook->ctx, m);
    size_t before = out->n;
    lint_module_rules(pool->proj, m, sel, &pool->shared, RULES_ALL, NULL, NULL, out);
    if (record) /* items is NULL before the first finding: NULL + 0 is undefined */
      pass_cacheable(pool, m, out->n > before ? out->items + before : NULL, out->n - before);
  } else {
    ResolveDeps deps;
    memset(&deps, 0, sizeof deps);
    size_t before = out->n;
    if (record)
      hook->begin(hook->ctx, m);
    /* Every rule in one pass (one facts collection); what the project-wide
     * rules read is recorded too, which only makes the entry less often
     * reusable, and the entry keeps the contract's sites. */
    GraphSiteList sites = {0};
    SiteSink sink = {.keep = &sites};
    lint_module_rules(pool->proj, m, sel, &pool->shared, RULES_ALL, &deps, &sink, out);
    size_t nfound = cacheable_first(out->items + before, out->n - before);
    /* items is NULL before the first finding: NULL + 0 is undefined. */
    if (record)
      hook->passed(hook->ctx, pool->proj, m, nfound ? out->items + before : NULL, nfound,
                   !budget_exceeded());
    if (!budget_exceeded())
      cache_store(pool->cache, m, sel, &deps, nfound ? out->items + before : NULL, nfound,
                  sink.collected ? &sites : NULL, pool->error_line[i], pool->error_col[i]);
    if (graph)
      graph_add_sites(graph, &sites);
    graph_site_list_free(&sites);
    resolve_deps_free(&deps);
  }
  if (budget_exceeded()) {
    /* Partial findings would depend on where the budget ran out: none. */
    pool->over_budget[i] = budget_spent();
    for (size_t k = first; k < out->n; k++)
      diag_free(&out->items[k]);
    out->n = first;
  }
  budget_start(0);
  project_release(m);
  /* One tree per worker: unless another file's resolution reads it, the tree
   * is not needed again (suppressions re-parse the few files with them). */
  if (!pool->keep_trees)
    project_drop_tree(m);
}

static void pool_step(void *ctx, unsigned worker, size_t i) {
  Pool *pool = ctx;
  pool->step(pool, i, &pool->found[worker]);
}

/* One step over every file on the pool's threads; what the workers found is
 * appended to out (its order is fixed later by the sort). */
static void run_pool(Pool *pool, unsigned jobs, DiagList *out) {
  pool->found = xcalloc(jobs, sizeof *pool->found);
  parallel_for(pool->n, jobs, pool_step, pool);
  for (unsigned t = 0; t < jobs; t++) {
    DiagList *d = &pool->found[t];
    for (size_t k = 0; k < d->n; k++) {
      grow_array((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items);
      out->items[out->n++] = d->items[k];
    }
    free(d->items);
  }
  free(pool->found);
  pool->found = NULL;
}

/* The union of every file's selection: what the prefilter must let through. */
static void selection_union(const RuleSelection *sels, size_t n, RuleSelection *out) {
  memset(out, 0, sizeof *out);
  for (size_t i = 0; i < n; i++)
    selection_merge(out, &sels[i]);
}

/* The files the index let the run skip are still linted: one loaded later by
 * an import keeps the findings located in it. */
static void mark_skipped_linted(Project *proj, const Pool *pool, StrMap *skipped) {
  for (size_t i = 0; i < pool->n; i++)
    if (pool->known[i]) {
      strmap_put(skipped, pool->abs_paths[i], (void *)pool->known[i]);
      project_expect_linted(proj, pool->abs_paths[i]);
    }
  for (size_t i = 0; i < pool->setup->nother_shards; i++) {
    char *abs = path_absolute(proj->cwd, pool->setup->other_shards[i]);
    strmap_put(skipped, abs, (void *)pool->setup); /* any non-NULL value: a set */
    project_expect_linted(proj, abs);
    free(abs);
  }
}

static bool has_findings_in(const DiagList *diags, const Module *m) {
  for (size_t i = 0; i < diags->n; i++)
    if (diags->items[i].src == &m->src)
      return true;
  return false;
}

/* Files this run did not lint itself (another shard's, or skipped as
 * unchanged) where findings landed: their directives silence those
 * findings; reporting the directives is the job of the run that lints them. */
static void suppress_in_unlinted(Project *proj, const StrMap *unlinted, const LintSetup *setup,
                                 const RuleSelection *fixed, DiagList *diags) {
  static const char *const directive_rules[] = {"invalid-suppression", "unused-suppression"};
  for (size_t i = 0; i < proj->nmodules; i++) {
    Module *m = proj->modules[i];
    if (!strmap_get(unlinted, m->fs_path) || m->status != SOURCE_OK ||
        !strstr(m->src.bytes, SUPPRESS_MARKER) || !has_findings_in(diags, m))
      continue;
    RuleSelection sel;
    if (fixed)
      sel = *fixed;
    else
      lint_selection_for(setup, m->fs_path, &sel);
    for (size_t k = 0; k < sizeof directive_rules / sizeof *directive_rules; k++)
      sel.severity[rules_index(rules_find(directive_rules[k]))] = SEV_OFF;
    project_hold(m);
    if (m->tree)
      suppress_apply(m, diags, &sel, false);
    project_release(m);
  }
}

static void open_file_index(Project *proj, const Pool *pool, FileIndex *files) {
  if (!pool->cache || !pool->cache->dir || pool->pf->always || proj->fs)
    return;
  uint64_t seed = hash_fnv1a(pool->cache->run_key, sizeof pool->cache->run_key, HASH_FNV_SEED);
  file_index_load(files, pool->cache->dir, prefilter_key(pool->pf, seed));
}

/* Next time, skip what held no needle now (or was skipped and is unchanged). */
static void save_file_index(const Pool *pool, const FileIndex *files) {
  FileStamp *stamps = xcalloc(pool->n ? pool->n : 1, sizeof *stamps);
  size_t unchanged = 0;
  for (size_t i = 0; i < pool->n; i++) {
    if (pool->known[i]) {
      stamps[i] = *pool->known[i];
      unchanged++;
    } else if (pool->filtered[i]) {
      stamps[i] = pool->mods[i]->src.stamp;
    }
  }
  file_index_save(files, pool->abs_paths, stamps, pool->n, unchanged);
  free(stamps);
}

/* The names of the last run, beside the file index: the index skips files
 * that held none of the needles then, names included. */
#define FLOW_DIGEST_FILE "flow-names"

static bool flow_digest_saved(const Cache *c, uint64_t digest) {
  char *bytes = NULL;
  size_t len = 0;
  const char *why = NULL;
  if (!fsio_read_file(c->dirfd, FLOW_DIGEST_FILE, FSIO_NOFOLLOW, 64, &bytes, &len, &why))
    return false;
  char want[17];
  snprintf(want, sizeof want, "%016llx", (unsigned long long)digest);
  bool same = len == 16 && memcmp(bytes, want, 16) == 0;
  free(bytes);
  return same;
}

static void flow_digest_save(const Cache *c, uint64_t digest) {
  char text[17];
  snprintf(text, sizeof text, "%016llx", (unsigned long long)digest);
  (void)atomic_write_file(c->dirfd, FLOW_DIGEST_FILE, text, 16, 0666, ATOMIC_NO_FSYNC, NULL);
}

static bool flow_wanted(const RuleSelection *enabled) {
  for (size_t r = 0; r < rules_count; r++)
    if (enabled->severity[r] != SEV_OFF && rules_all[r]->flow_sites)
      return true;
  return false;
}

/* The wrapper names of the run (resolve/flow_names.h), when a rule reads
 * wrapper sites. Files the file index let the run skip held no needle and
 * no name last time; when the names changed since, they are read now. */
static bool flow_names_for_run(Project *proj, Pool *pool, const RuleSelection *enabled,
                               unsigned jobs, FlowNames *names) {
  if (!flow_wanted(enabled))
    return false;
  const LintSetup *setup = pool->setup;
  /* Files the index skips are linted, not import targets to record. */
  for (size_t i = 0; i < pool->n; i++)
    if (pool->known[i])
      project_expect_linted(proj, pool->abs_paths[i]);
  flow_pass(proj, pool->mods, pool->n, setup->other_shards, setup->nother_shards, jobs, names);
  if (pool->files) {
    if (!flow_digest_saved(pool->cache, names->digest)) {
      bool unskipped = false;
      const FileIndex *files = pool->files;
      pool->files = NULL; /* load_step reads the file now */
      for (size_t i = 0; i < pool->n; i++)
        if (pool->known[i]) {
          pool->known[i] = NULL;
          load_step(pool, i, NULL);
          unskipped = unskipped || pool->mods[i];
        }
      pool->files = files;
      if (unskipped) {
        flow_names_free(names);
        flow_pass(proj, pool->mods, pool->n, setup->other_shards, setup->nother_shards, jobs,
                  names);
      }
    }
    flow_digest_save(pool->cache, names->digest);
  }
  if (pool->cache)
    pool->cache->flow_digest = names->digest;
  return true;
}

/* A run of fewer files than threads (one file: an editor's, a hook's) leaves
 * a core idle while the flow pass reads the files' text: a helper parses
 * them meanwhile, without touching the modules, which take the trees when it
 * is joined. Not with the cache: a file it answers is not parsed at all. */
typedef struct ParseAhead {
  Module **mods;
  TSTree **trees;
  size_t n;
  pthread_t thread;
  bool started;
} ParseAhead;

static void *parse_ahead_main(void *arg) {
  ParseAhead *pa = arg;
  for (size_t i = 0; i < pa->n; i++)
    pa->trees[i] = project_parse_detached(pa->mods[i]);
  parse_thread_cleanup();
  return NULL;
}

static void parse_ahead_start(ParseAhead *pa, const Pool *pool, unsigned threads,
                              const RuleSelection *enabled) {
  memset(pa, 0, sizeof *pa);
  if (pool->cache || threads <= pool->n || !flow_wanted(enabled))
    return;
  pa->mods = xcalloc(pool->n + 1, sizeof *pa->mods);
  pa->trees = xcalloc(pool->n + 1, sizeof *pa->trees);
  for (size_t i = 0; i < pool->n; i++) {
    Module *m = pool->mods[i];
    if (m && m->status == SOURCE_OK && !atomic_load(&m->parsed) &&
        prefilter_wants(pool->pf, m->src.bytes, m->src.len))
      pa->mods[pa->n++] = m;
  }
  pa->started = pa->n && pthread_create(&pa->thread, NULL, parse_ahead_main, pa) == 0;
}

static void parse_ahead_join(ParseAhead *pa) {
  if (pa->started) {
    pthread_join(pa->thread, NULL);
    for (size_t i = 0; i < pa->n; i++)
      project_adopt_parse(pa->mods[i], pa->trees[i]);
  }
  free(pa->mods);
  free(pa->trees);
}

/* With a thread to spare (fewer files than threads), the files' trees are
 * freed on it while the caller orders and prints the findings: freeing a
 * large tree costs about a twentieth of its parse. */
typedef struct TreeReaper {
  Module **mods;
  size_t n;
  pthread_t thread;
} TreeReaper;

static void *reaper_main(void *arg) {
  TreeReaper *r = arg;
  for (size_t i = 0; i < r->n; i++)
    project_drop_tree(r->mods[i]);
  return NULL;
}

static TreeReaper *reaper_start(Module *const *mods, size_t n) {
  TreeReaper *r = xcalloc(1, sizeof *r);
  r->mods = xcalloc(n + 1, sizeof *r->mods);
  for (size_t i = 0; i < n; i++)
    if (mods[i])
      r->mods[r->n++] = mods[i];
  if (pthread_create(&r->thread, NULL, reaper_main, r) != 0) {
    reaper_main(r);
    free(r->mods);
    free(r);
    return NULL;
  }
  return r;
}

static void reaper_join(TreeReaper *r) {
  if (!r)
    return;
  pthread_join(r->thread, NULL);
  free(r->mods);
  free(r);
}

/* Each linted module's selection, by module: a finding asks for its file's. */
typedef struct ModuleSelections {
  const Pool *pool;
  StrMap index; /* module address -> its index in the pool + 1 */
} ModuleSelections;

static Severity contract_severity(void *ctx, const Module *m, const RuleMeta *rule) {
  const ModuleSelections *ms = ctx;
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)m}, 1);
  size_t i = (size_t)(uintptr_t)strmap_get(&ms->index, key);
  return i ? ms->pool->sels[i - 1].severity[rules_index(rule)] : SEV_OFF;
}

/* The contract rules' findings, once every file's sites are in. */
static void report_contract(const ContractGraph *g, Pool *pool, DiagList *out) {
  ModuleSelections ms = {pool, {0}};
  for (size_t i = 0; i < pool->n; i++) {
    char key[STRMAP_NUM_KEY_SIZE(1)];
    strmap_num_key(key, (unsigned long long[]){(uintptr_t)pool->mods[i]}, 1);
    if (pool->mods[i] && !strmap_get(&ms.index, key))
      strmap_put(&ms.index, key, (void *)(uintptr_t)(i + 1));
  }
  graph_report(g, contract_severity, &ms, out);
  strmap_free(&ms.index, NULL);
}

static void lint_run(Project *proj, char *const *paths, size_t npaths, const LintSetup *setup,
                     const RuleSelection *fixed, LintResult *out) {
  memset(out, 0, sizeof *out);
  LintOptions defaults;
  lint_options_defaults(&defaults);
  const LintOptions *opt = setup->run ? setup->run : &defaults;
  unsigned jobs = parallel_jobs(opt->jobs, npaths);
  size_t slots = npaths ? npaths : 1;
  Pool pool = {.proj = proj, .paths = paths, .n = npaths, .setup = setup, .fixed = fixed};
  pool.abs_paths = xcalloc(slots, sizeof *pool.abs_paths);
  pool.mods = xcalloc(slots, sizeof *pool.mods);
  pool.sels = xcalloc(slots, sizeof *pool.sels);
  pool.known = xcalloc(slots, sizeof *pool.known);
  pool.filtered = xcalloc(slots, sizeof *pool.filtered);
  pool.error_line = xcalloc(slots, sizeof *pool.error_line);
  pool.error_col = xcalloc(slots, sizeof *pool.error_col);
  pool.over_budget = xcalloc(slots, sizeof *pool.over_budget);
  pool.file_budget = opt->file_budget;
  pool.cache = opt->cache;
  pool.step = select_step;
  run_pool(&pool, jobs, &out->diags);
  /* The contract rules judge the whole project: a partial run (a folder,
   * the staged files, a buffer) reports none of them, so it does not collect
   * the contract for them either, unless rtlint graph or the report asks. */
  for (size_t i = 0; !setup->whole_project && !opt->graph && i < npaths; i++)
    for (size_t r = 0; r < rules_count; r++)
      if (contract_rule(rules_all[r]))
        pool.sels[i].severity[r] = SEV_OFF;
  selection_union(pool.sels, npaths, &out->enabled);
  Prefilter pf;
  prefilter_init(&pf, &out->enabled, proj->std);
  if (!opt->prefilter)
    pf.always = true;
  pool.pf = &pf;
  LazyImportGraph imports;
  lazy_import_graph_init(&imports, proj);
  ContractGraph own_graph;
  ContractGraph *graph = opt->graph;
  if (!graph && graph_rules_enabled(&out->enabled)) {
    graph_init(&own_graph, proj->std);
    graph = &own_graph;
  }
  if (graph && !graph->std)
    graph->std = proj->std;
  if (graph)
    graph_add_config_externals(graph, setup->config, proj);
  pool.shared = (RunShared){setup->config, &pf, &imports, opt->hook, NULL, graph, false};
  FileIndex files;
  memset(&files, 0, sizeof files);
  open_file_index(proj, &pool, &files);
  if (files.path)
    pool.files = &files;
  /* Load everything first so a finding located in another linted file (a
   * channel name built there) can be reported while linting its user. */
  pool.step = load_step;
  run_pool(&pool, jobs, &out->diags);
  unsigned threads = opt->jobs ? opt->jobs : cpu_count();
  ParseAhead ahead;
  parse_ahead_start(&ahead, &pool, threads, &out->enabled);
  FlowNames names;
  bool flow = flow_names_for_run(proj, &pool, &out->enabled, jobs, &names);
  parse_ahead_join(&ahead);
  if (flow) {
    pf.names = &names;
    pool.shared.flow_names = &names;
    out->flow = true;
    out->flow_digest = names.digest;
  }
  StrMap skipped = {0};
  mark_skipped_linted(proj, &pool, &skipped);
  pool.step = lint_step;
  pool.keep_trees = threads > npaths;
  pool.shared.spare_thread = pool.keep_trees;
  run_pool(&pool, jobs, &out->diags);
  for (size_t i = 0; i < npaths; i++) {
    Module *m = pool.mods[i];
    if (m || pool.known[i])
      out->files_scanned++;
    if (!m)
      continue;
    /* Syntax errors are known only for files that were parsed for the rules:
     * files the prefilter skipped cannot break a rule. */
    report_load_problem(m, pool.error_line[i], pool.error_col[i], &out->notices);
    if (pool.over_budget[i]) {
      char *msg =
          xasprintf("skipped after %llu operations (the budget is --file-budget %g million): "
                    "no findings reported for this file",
                    (unsigned long long)pool.over_budget[i], (double)pool.file_budget / 1e6);
      notice_add(&out->notices, m->src.path, "over-budget", msg, 0, 0);
      free(msg);
    }
  }
  if (graph) {
    graph_link(graph);
    if (setup->whole_project)
      report_contract(graph, &pool, &out->diags);
    if (graph != opt->graph)
      graph_free(graph);
  }
  /* After every rule ran: a finding can land in a file other than the one
   * being linted, and a directive is unused only if nothing reached it. */
  for (size_t i = 0; i < npaths; i++) {
    Module *m = pool.mods[i];
    if (!m || m->status != SOURCE_OK || !strstr(m->src.bytes, SUPPRESS_MARKER))
      continue;
    project_hold(m);
    if (m->tree)
      suppress_apply(m, &out->diags, &pool.sels[i], setup->require_reason);
    project_release(m);
  }
  suppress_in_unlinted(proj, &skipped, setup, fixed, &out->diags);
  if (graph && setup->whole_project)
    graph_fixes_respect_suppressions(&out->diags);
  /* Suggestions that depend on every caller in the project. */
  if (setup->whole_project)
    channel_org_param_pass(proj, &imports, &out->diags);
  if (pool.files)
    save_file_index(&pool, &files);
  if (pool.keep_trees)
    out->reaper = reaper_start(pool.mods, npaths);
  lazy_import_graph_free(&imports);
  if (flow)
    flow_names_free(&names);
  strmap_free(&skipped, NULL);
  file_index_free(&files);
  for (size_t i = 0; i < npaths; i++)
    free(pool.abs_paths[i]);
  free(pool.abs_paths);
  free(pool.mods);
  free(pool.sels);
  free(pool.known);
  free(pool.filtered);
  free(pool.error_line);
  free(pool.error_col);
  free(pool.over_budget);
  prefilter_free(&pf);
  diag_list_sort(&out->diags);
  dedupe(&out->diags, opt->fix_unlinted);
  notice_list_sort(&out->notices);
}

void lint_files(Project *proj, char *const *paths, size_t npaths, const RuleSelection *sel,
                const LintOptions *opt, LintResult *out) {
  LintSetup setup = {.cli = sel, .run = opt};
  lint_run(proj, paths, npaths, &setup, sel, out);
}

void lint_files_ex(Project *proj, char *const *paths, size_t npaths, const LintSetup *setup,
                   LintResult *out) {
  lint_run(proj, paths, npaths, setup, NULL, out);
}

void lint_selection_for(const LintSetup *setup, const char *abs_path, RuleSelection *sel) {
  selection_defaults(sel);
  if (setup->config)
    config_selection(setup->config, abs_path, !setup->cli_phases, sel);
  if (!setup->cli)
    return;
  for (size_t r = 0; r < rules_count; r++) {
    if (setup->cli->severity[r] == SEV_OFF)
      sel->severity[r] = SEV_OFF;
    else if (setup->cli_forced && setup->cli_forced[r] && sel->severity[r] == SEV_OFF)
      sel->severity[r] = setup->cli->severity[r];
  }
}

void lint_result_free(LintResult *r) {
  reaper_join(r->reaper);
  r->reaper = NULL;
  diag_list_free(&r->diags);
  notice_list_free(&r->notices);
}
