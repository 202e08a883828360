/* Linting arbitrary bytes with every rule on, import resolution across the
 * files of the input, suppressions, and fix generation and application.
 * Built twice: as TS (fuzz_lint_ts) and with FUZZ_LINT_TSX as TSX.
 *
 * Input: files cut at NUL bytes (fuzz_common.h): the linted file, then
 * files it can import (lib/a.ts, components/b.tsx, the standards module),
 * then tsconfig.json. A fixture file is a seed on its own. The findings are
 * then written in every output format; JSON and SARIF must parse back
 * (whatever the source holds is escaped). */
#include "fuzz_common.h"

#include "output/output.h"

#include "core/util.h"
#include "engine/engine.h"
#include "engine/suppress.h"
#include "resolve/importers.h"
#include "resolve/project.h"
#include "rules/registry.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef FUZZ_LINT_TSX
#define MAIN_FILE "/fuzz/app/page.tsx"
#else
#define MAIN_FILE "/fuzz/app/page.ts"
#endif

static const char *const paths[] = {
    MAIN_FILE,
    "/fuzz/lib/a.ts",
    "/fuzz/components/b.tsx",
    "/fuzz/lib/realtime/unified-channel-standards.ts",
    "/fuzz/tsconfig.json",
};
#define NFILES (sizeof paths / sizeof *paths)

typedef struct Files {
  FuzzPart parts[NFILES];
  size_t n;
} Files;

static int find(const Files *f, const char *abs_path) {
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(paths[i], abs_path) == 0)
      return (int)i;
  return -1;
}

static bool read_file(void *ctx, const char *abs_path, char **bytes, size_t *len) {
  int i = find(ctx, abs_path);
  if (i < 0)
    return false;
  const FuzzPart *p = &((Files *)ctx)->parts[i];
  *bytes = xmalloc(p->len + 1);
  memcpy(*bytes, p->data, p->len);
  *len = p->len;
  return true;
}

static bool file_exists(void *ctx, const char *abs_path) {
  return find(ctx, abs_path) >= 0;
}

static bool is_linted(void *ctx, const char *abs_path) {
  return true;
}

static Standards std;
static RuleSelection every_rule;

static void init(void) {
  char *err = NULL;
  if (!std_load_builtin(&std, &err)) {
    fprintf(stderr, "fuzz: %s\n", err);
    abort();
  }
  for (size_t i = 0; i < rules_count; i++)
    every_rule.severity[i] = SEV_ERROR;
}

typedef void (*Writer)(FILE *f, const LintResult *r, const OutputOptions *opt);

/* Writes r with w; a JSON format must give a document jansson reads. */
static void write_output(Writer w, const LintResult *r, bool json) {
  OutputOptions opt = {.color = true, .root = "/fuzz"};
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  w(f, r, &opt);
  fclose(f);
  if (json) {
    json_error_t err;
    json_t *doc = json_loadb(text, len, 0, &err);
    if (!doc) {
      fprintf(stderr, "fuzz: output is not JSON: %s at %d:%d\n%s\n", err.text, err.line, err.column,
              text);
      abort();
    }
    json_decref(doc);
  }
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!every_rule.severity[0])
    init();
  Files files;
  files.n = fuzz_split(data, size, files.parts, NFILES);
  ProjectFs fs = {
      .ctx = &files, .read_file = read_file, .file_exists = file_exists, .is_linted = is_linted};
  Project proj;
  project_init(&proj, &std);
  proj.fs = &fs;
  DiagList dl = {0};
  for (size_t i = 0; i < files.n && i + 1 < NFILES; i++)
    project_module(&proj, paths[i]);
  LazyImportGraph imports;
  lazy_import_graph_init(&imports, &proj);
  for (size_t i = 0; i < files.n && i + 1 < NFILES; i++) {
    Module *m = project_module(&proj, paths[i]);
    if (!m || m->status != SOURCE_OK)
      continue;
    lint_module(&proj, m, &every_rule, &(ModuleRun){0}, &dl);
    lint_module_project_wide(&proj, m, &every_rule, NULL, &imports, &dl);
  }
  lazy_import_graph_free(&imports);
  for (size_t i = 0; i < files.n && i + 1 < NFILES; i++) {
    Module *m = project_module(&proj, paths[i]);
    if (m && m->status == SOURCE_OK)
      suppress_apply(m, &dl, &every_rule, true);
  }
  fuzz_apply_fixes(&dl);
  LintResult r;
  memset(&r, 0, sizeof r);
  r.diags = dl;
  r.files_scanned = files.n;
  write_output(output_text, &r, false);
  write_output(output_github, &r, false);
  write_output(output_json, &r, true);
  write_output(output_sarif, &r, true);
  write_output(output_codeclimate, &r, true);
  diag_list_free(&dl);
  project_free(&proj);
  return 0;
}
