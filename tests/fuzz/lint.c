/* Linting arbitrary bytes with every rule on, import resolution across the
 * files of the input, suppressions, and fix generation and application.
 * Built twice: as TS (fuzz_lint_ts) and with FUZZ_LINT_TSX as TSX.
 *
 * Input: files cut at NUL bytes (fuzz_common.h): the linted file, then
 * files it can import (lib/a.ts, components/b.tsx, the standards module),
 * then tsconfig.json. A fixture file is a seed on its own. */
#include "fuzz_common.h"

#include "core/util.h"
#include "engine/engine.h"
#include "engine/suppress.h"
#include "resolve/project.h"
#include "rules/registry.h"

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
  for (size_t i = 0; i < files.n && i + 1 < NFILES; i++) {
    Module *m = project_module(&proj, paths[i]);
    if (!m || m->status != SOURCE_OK)
      continue;
    lint_module(&proj, m, &every_rule, &dl);
    lint_module_project_wide(&proj, m, &every_rule, &dl);
  }
  for (size_t i = 0; i < files.n && i + 1 < NFILES; i++) {
    Module *m = project_module(&proj, paths[i]);
    if (m && m->status == SOURCE_OK)
      suppress_apply(m, &dl, &every_rule, true);
  }
  fuzz_apply_fixes(&dl);
  diag_list_free(&dl);
  project_free(&proj);
  return 0;
}
