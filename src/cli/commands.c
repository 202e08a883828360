#include "cli/commands.h"

#include "cli/adoption.h"
#include "cli/fix_run.h"
#include "cli/standards_setup.h"
#include "core/embedded.h"
#include "core/util.h"
#include "discover/discover.h"
#include "engine/cache.h"
#include "output/output.h"
#include "resolve/project.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool want_color(const Options *o, FILE *out) {
  if (o->color == COLOR_ALWAYS)
    return true;
  if (o->color == COLOR_NEVER)
    return false;
  const char *no_color = getenv("NO_COLOR");
  if (no_color && *no_color)
    return false;
  return out == stdout && isatty(fileno(stdout));
}

static int exit_status(const LintResult *r, const Options *o, const OutputOptions *oo) {
  Summary s = output_summary(r, oo);
  if (s.errors)
    return EXIT_FINDINGS;
  if (o->max_warnings >= 0 && s.warnings > (size_t)o->max_warnings)
    return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

/* A project for the files being linted: adoption hooks (--staged reads the
 * index) and the learned standards module. */
static void project_start(Project *proj, const Standards *std, Adoption *ad, const char *learned) {
  project_init(proj, std);
  adoption_project(ad, proj);
  if (learned)
    proj->standards_path = path_absolute(proj->cwd, learned);
}

static bool open_cache(Cache *cache, const Options *o, const Standards *std, const Adoption *ad) {
  return cache_open(cache, options_cache_dir(o), std, ad->have_config ? ad->config.digest : 0);
}

static void emit(FILE *out, const LintResult *r, Format format, const OutputOptions *oo) {
  switch (format) {
  case FORMAT_JSON:
    output_json(out, r, oo);
    break;
  case FORMAT_SARIF:
    output_sarif(out, r, oo);
    break;
  case FORMAT_GITHUB:
    output_github(out, r, oo);
    break;
  case FORMAT_CODECLIMATE:
    output_codeclimate(out, r, oo);
    break;
  case FORMAT_TEXT:
  case FORMAT_HTML: /* report formats: options_parse refuses them for check */
  case FORMAT_MD:
    output_text(out, r, oo);
    break;
  }
}

int cmd_check(const Options *o) {
  /* Adoption (cli/adoption.c): rtlint.yaml, per-file rule selection,
   * suppressions, --staged, --changed-since, --baseline. */
  Adoption ad;
  int early = adoption_begin(&ad, o);
  if (early >= 0)
    return early;
  FileList files = {0};
  if ((early = adoption_files(&ad, o, &files)) >= 0) {
    file_list_free(&files);
    adoption_end(&ad);
    return early;
  }
  Standards std;
  char *learned = NULL;
  FileList std_candidates = {0};
  for (size_t i = 0; i < files.n; i++)
    file_list_add(&std_candidates, files.paths[i]);
  adoption_standards_candidates(&ad, &std_candidates);
  bool std_ok = standards_setup(&std, adoption_standards_file(&ad, o), &std_candidates, &learned);
  file_list_free(&std_candidates);
  if (!std_ok) {
    file_list_free(&files);
    adoption_end(&ad);
    return EXIT_USAGE;
  }
  adoption_standards(&ad, &std);
  /* After learning the standards, which may live in another shard's files. */
  FileList other_shards = {0};
  if (o->shard_count)
    file_list_shard(&files, o->shard_index, o->shard_count, &other_shards);
  FILE *out = stdout;
  if (o->output && !(out = fopen(o->output, "w"))) {
    fprintf(stderr, "rtlint: cannot write %s\n", o->output);
    std_free(&std);
    free(learned);
    file_list_free(&files);
    file_list_free(&other_shards);
    adoption_end(&ad);
    return EXIT_USAGE;
  }
  Project proj;
  project_start(&proj, &std, &ad, learned);
  LintOptions lo;
  lint_options_defaults(&lo);
  lo.jobs = o->jobs;
  if (o->file_budget >= 0)
    lo.file_budget = (uint64_t)o->file_budget;
  lo.prefilter = !o->no_prefilter;
  Cache cache;
  /* --fix and --diff rewrite files and lint again: no cache for them. */
  bool cached = options_cache_dir(o) && open_cache(&cache, o, &std, &ad);
  if (cached) {
    lo.cache = &cache;
    proj.hash_contents = true;
  }
  ad.setup.run = &lo;
  ad.setup.other_shards = other_shards.paths;
  ad.setup.nother_shards = other_shards.n;
  LintResult result;
  adoption_lint(&ad, &proj, &files, &result);
  int status;
  if (o->diff) {
    FixSummary fs = fix_run(&proj, &result, o->fix_level, true, out);
    status = fs.diff_files ? EXIT_FINDINGS : EXIT_CLEAN;
  } else {
    if (o->fix_level != FIX_NONE) {
      FixSummary fs = fix_run(&proj, &result, o->fix_level, false, out);
      if (fs.files_written) {
        /* Report what remains: lint the fixed files afresh. */
        fprintf(stderr, "rtlint: applied %zu %s in %zu %s\n", fs.fixes_applied,
                fs.fixes_applied == 1 ? "fix" : "fixes", fs.files_written,
                fs.files_written == 1 ? "file" : "files");
        lint_result_free(&result);
        project_free(&proj);
        project_start(&proj, &std, &ad, learned);
        adoption_lint(&ad, &proj, &files, &result);
      }
    }
    OutputOptions oo = {.color = want_color(o, out), .quiet = o->quiet, .root = proj.cwd};
    emit(out, &result, o->format, &oo);
    status = exit_status(&result, o, &oo);
    adoption_finish(&ad);
  }
  if (cached)
    cache_close(&cache);
  if (out != stdout && fclose(out) != 0) {
    fprintf(stderr, "rtlint: cannot write %s\n", o->output);
    status = EXIT_USAGE;
  }
  lint_result_free(&result);
  project_free(&proj);
  std_free(&std);
  free(learned);
  file_list_free(&files);
  file_list_free(&other_shards);
  adoption_end(&ad);
  return status;
}

static void rules_json(void) {
  json_t *arr = json_array();
  for (size_t i = 0; i < rules_count; i++) {
    const RuleMeta *r = rules_all[i];
    char url[256];
    json_array_append_new(arr, json_pack("{s:s, s:i, s:s, s:s, s:s, s:s}", "id", r->id, "phase",
                                         r->phase, "severity", severity_name(r->default_severity),
                                         "fix", fix_applicability_name(r->fixable), "summary",
                                         r->summary, "docs", rules_doc_url(r, url, sizeof url)));
  }
  json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', stdout);
  json_decref(arr);
}

int cmd_rules(const Options *o) {
  if (o->format == FORMAT_JSON) {
    rules_json();
    return EXIT_CLEAN;
  }
  printf("%-34s %-5s %-8s %-10s %s\n", "RULE", "PHASE", "SEVERITY", "FIX", "SUMMARY");
  for (size_t i = 0; i < rules_count; i++) {
    const RuleMeta *r = rules_all[i];
    printf("%-34s %-5s %-8s %-10s %s\n", r->id, rules_phase_name(r->phase),
           severity_name(r->default_severity), fix_applicability_name(r->fixable), r->summary);
  }
  return EXIT_CLEAN;
}

int cmd_explain(const Options *o) {
  const char *id = o->paths[0];
  if (!rules_find(id)) {
    fprintf(stderr, "rtlint: unknown rule '%s' (see rtlint rules)\n", id);
    return EXIT_USAGE;
  }
  char *path = xasprintf("docs/rules/%s.md", id);
  const EmbeddedFile *doc = embedded_find(path);
  free(path);
  if (!doc) {
    fprintf(stderr, "rtlint: internal error: no documentation for %s\n", id);
    return EXIT_USAGE;
  }
  fwrite(doc->data, 1, doc->len, stdout);
  return EXIT_CLEAN;
}

static void print_diff(const Standards *learned, const Standards *builtin) {
  size_t changes = 0;
  for (size_t i = 0; i < builtin->nchannels; i++) {
    const ChannelFn *b = &builtin->channels[i];
    const ChannelFn *l = std_channel_by_name(learned, b->name);
    if (!l)
      printf("  - channel %s (%s) is in the built-in catalog only\n", b->name, b->shape), changes++;
    else if (strcmp(l->shape, b->shape) != 0)
      printf("  ~ channel %s: %s here, %s built in\n", b->name, l->shape, b->shape), changes++;
  }
  for (size_t i = 0; i < learned->nchannels; i++)
    if (!std_channel_by_name(builtin, learned->channels[i].name))
      printf("  + channel %s (%s) is not in the built-in catalog\n", learned->channels[i].name,
             learned->channels[i].shape),
          changes++;
  for (size_t i = 0; i < builtin->nevents; i++) {
    const EventDef *b = &builtin->events[i];
    const EventDef *l = std_event_by_key(learned, b->key);
    if (!l)
      printf("  - event %s (\"%s\") is in the built-in catalog only\n", b->key, b->value),
          changes++;
    else if (strcmp(l->value, b->value) != 0)
      printf("  ~ event %s: \"%s\" here, \"%s\" built in\n", b->key, l->value, b->value), changes++;
  }
  for (size_t i = 0; i < learned->nevents; i++)
    if (!std_event_by_key(builtin, learned->events[i].key))
      printf("  + event %s (\"%s\") is not in the built-in catalog\n", learned->events[i].key,
             learned->events[i].value),
          changes++;
  if (!changes)
    printf("  (identical to the built-in catalog)\n");
}

static void print_catalog(const Standards *std) {
  printf("\nUNIFIED_CHANNELS (%zu)\n", std->nchannels);
  for (size_t i = 0; i < std->nchannels; i++) {
    const ChannelFn *c = &std->channels[i];
    StrBuf sig = {0};
    sb_appendf(&sig, "%s(", c->name);
    for (size_t p = 0; p < c->nparams; p++)
      sb_appendf(&sig, "%s%s", p ? ", " : "", c->params[p]);
    sb_putc(&sig, ')');
    printf("  %-44s %s\n", sb_cstr(&sig), c->shape);
    sb_free(&sig);
  }
  printf("\nUNIFIED_EVENTS (%zu)\n", std->nevents);
  for (size_t i = 0; i < std->nevents; i++)
    printf("  %-28s \"%s\"\n", std->events[i].key, std->events[i].value);
}

int cmd_standards(const Options *o) {
  FileList files = {0};
  char *err = NULL;
  if (!o->standards && !discover_files(o->paths, o->npaths, NULL, &files, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    return EXIT_USAGE;
  }
  Standards std;
  char *learned = NULL;
  if (!standards_setup(&std, o->standards, &files, &learned)) {
    file_list_free(&files);
    return EXIT_USAGE;
  }
  if (learned)
    printf("Standards source: %s (learned from the codebase)\n", learned);
  else
    printf("Standards source: %s\n", std.source);
  print_catalog(&std);
  if (learned) {
    Standards builtin;
    char *berr = NULL;
    if (std_load_builtin(&builtin, &berr)) {
      printf("\nDifferences from the built-in catalog:\n");
      print_diff(&std, &builtin);
    }
    free(berr);
    std_free(&builtin);
  }
  std_free(&std);
  free(learned);
  file_list_free(&files);
  return EXIT_CLEAN;
}
