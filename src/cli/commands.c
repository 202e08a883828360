#include "cli/commands.h"

#include "cli/fix_run.h"
#include "cli/project_root.h"
#include "cli/session.h"
#include "cli/standards_setup.h"
#include "cli/stdin_buffer.h"
#include "core/embedded.h"
#include "core/fsio.h"
#include "core/timing.h"
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
  return options_color(o->color, getenv("FORCE_COLOR"), getenv("NO_COLOR"),
                       out == stdout && isatty(fileno(stdout)));
}

static int exit_status(const LintResult *r, const Options *o, const OutputOptions *oo) {
  Summary s = output_summary(r, oo);
  if (s.errors)
    return EXIT_FINDINGS;
  if (o->max_warnings >= 0 && s.warnings > (size_t)o->max_warnings) {
    /* Exit 1 with "No errors" above it needs its reason said. */
    fprintf(stderr, "rtlint: %zu %s (more than --max-warnings %ld)\n", s.warnings,
            s.warnings == 1 ? "warning" : "warnings", o->max_warnings);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
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
  case FORMAT_COMPACT: /* OutputOptions.compact */
  case FORMAT_HTML:    /* report formats: options_parse refuses them for check */
  case FORMAT_MD:
  case FORMAT_DOT: /* rtlint graph's */
    output_text(out, r, oo);
    break;
  }
}

static const char *rule_id(size_t i) {
  return rules_all[i]->id;
}

/* --timing: on stderr, so the report itself is the same with and without. */
static void print_timing(const Options *o, uint64_t started) {
  if (o->timing)
    timing_print(stderr, timing_now() - started, o->jobs ? o->jobs : cpu_count(), rules_count,
                 rule_id);
}

int cmd_check(const Options *o) {
  if (o->timing)
    timing_enable();
  uint64_t started = timing_now();
  Overlay stdin_ov;
  overlay_init(&stdin_ov);
  if (o->stdin_filename && !stdin_buffer_read(&stdin_ov, o->stdin_filename)) {
    overlay_free(&stdin_ov);
    return EXIT_USAGE;
  }
  /* -o: a temporary renamed into place at the end (core/fsio.h), so a
   * failed run leaves no partial report; opened first, so an unwritable
   * path fails before the lint rather than after it. */
  OutputFile output;
  char *output_err = NULL;
  if (!output_file_open(&output, o->output, &output_err)) {
    fprintf(stderr, "rtlint: %s\n", output_err);
    free(output_err);
    overlay_free(&stdin_ov);
    return EXIT_USAGE;
  }
  /* Fixes are applied in memory, pass after pass, before anything is
   * written (cli/fix_run.h): the session reads through the overlay. */
  bool fixing = o->diff || o->fix_level != FIX_NONE;
  Session s;
  int status = session_open(
      &s, o,
      (SessionNeeds){.cache = true,
                     .overlay = o->stdin_filename || fixing ? overlay_fs(&stdin_ov) : NULL});
  if (status >= 0) {
    output_file_abort(&output);
    session_close(&s);
    overlay_free(&stdin_ov);
    return status;
  }
  FILE *out = output.f;
  if (o->diff) {
    FixSummary fs = fix_session(&s, &stdin_ov, o->fix_level, true, out);
    status = fs.diff_files ? EXIT_FINDINGS : EXIT_CLEAN;
  } else {
    bool fix_failed = false;
    if (o->fix_level != FIX_NONE && o->stdin_filename) {
      /* The fixed text is the output; the report of what remains goes to
       * -o FILE or stderr. */
      stdin_buffer_fix(&s, &stdin_ov, o->stdin_filename, o->fix_level, stdout);
      if (!o->output)
        out = stderr;
    } else if (o->fix_level != FIX_NONE) {
      FixSummary fs = fix_session(&s, &stdin_ov, o->fix_level, false, out);
      fix_failed = fs.write_failures > 0;
    }
    OutputOptions oo = {.color = want_color(o, out),
                        .quiet = o->quiet,
                        .compact = o->format == FORMAT_COMPACT,
                        .statistics = o->statistics,
                        .root = s.proj.root,
                        .cwd = s.proj.cwd,
                        .sarif_category = o->sarif_category,
                        .docs_url = o->sarif_docs_url};
    timing_enter(TIMING_OUTPUT);
    emit(out, &s.result, o->format, &oo);
    timing_leave();
    status = exit_status(&s.result, o, &oo);
    /* Fixes that could not be written (full disk, read-only file, ...):
     * the request was not carried out. */
    if (fix_failed)
      status = EXIT_USAGE;
    adoption_finish(&s.ad);
  }
  if (!output_file_close(&output, &output_err)) {
    fprintf(stderr, "rtlint: %s\n", output_err);
    free(output_err);
    status = EXIT_USAGE;
  }
  session_close(&s);
  overlay_free(&stdin_ov);
  print_timing(o, started);
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
  if (!options_known_rule(id))
    return EXIT_USAGE;
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
  if (!std->nchannel_patterns) {
    printf("\nisValidChannelName: the seed's patterns\n");
    return;
  }
  printf("\nisValidChannelName: the standards module's org patterns (%zu)\n",
         std->nchannel_patterns);
  for (size_t i = 0; i < std->nchannel_patterns; i++)
    printf("  /%s/\n", std->channel_patterns[i]);
}

int cmd_standards(const Options *o) {
  FileList files = {0};
  char *err = NULL;
  if (!o->standards && !discover_files(o->paths, o->npaths, NULL, &files, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    return EXIT_USAGE;
  }
  char *config = NULL, *common = NULL, *root = NULL;
  project_root_locate(o->config, o->paths, o->npaths, &config, &common, &root);
  Standards std;
  char *learned = NULL;
  bool ok = standards_setup(&std, o->standards, &files, common, root, NULL, &learned);
  free(config);
  free(common);
  if (!ok) {
    free(root);
    file_list_free(&files);
    return EXIT_USAGE;
  }
  printf("Project root: %s\n", root);
  free(root);
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
