/* rtlint init [DIR]: a commented rtlint.yaml for the project in DIR, from
 * what its files show (init_plan.c decides); never over an existing one. */
#include "cli/commands.h"
#include "cli/init_plan.h"
#include "cli/yaml_text.h"
#include "config/config.h"
#include "core/util.h"
#include "discover/discover.h"
#include "standards/standards.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void put_list(FILE *f, const char *key, char *const *items, size_t n) {
  fprintf(f, "%s:\n", key);
  for (size_t i = 0; i < n; i++) {
    fputs("  - ", f);
    yaml_put_quoted(f, items[i]);
    fputc('\n', f);
  }
}

static void write_config(FILE *f, const InitPlan *plan, const char *suffix) {
  fputs("# rtlint.yaml, written by `rtlint init` from this project's files. Every key is\n"
        "# explained in rtlint's docs/configuration.md; schemas/rtlint.schema.json checks it.\n"
        "# Paths and globs are relative to this file's folder, which is also the project root.\n\n",
        f);
  fputs("# Where UNIFIED_CHANNELS and UNIFIED_EVENTS are defined: rtlint learns the standards\n"
        "# from this file instead of its built-in catalog (`rtlint standards` compares them).\n",
        f);
  if (plan->standards) {
    fputs("standards: ", f);
    yaml_put_quoted(f, plan->standards);
    fputc('\n', f);
  } else {
    fprintf(f, "# Not found in this project: the built-in catalog applies.\n# standards: %s\n",
            suffix ? suffix : "lib/realtime/unified-channel-standards.ts");
  }
  fputs("\n# Folders whose files are components or hooks: supabase-channel-direct and\n"
        "# channel-error-unhandled hold them to useRealtime() and the provider. These are the\n"
        "# folders rtlint's built-in judgement already takes for component code here; add\n"
        "# or remove folders to change what counts.\n",
        f);
  if (plan->ncomponent_dirs)
    put_list(f, "component_dirs", plan->component_dirs, plan->ncomponent_dirs);
  else
    fputs("# component_dirs: [\"components\", \"hooks\"]\n", f);
  fputs("\n# Folders allowed to use Supabase channels directly (the realtime layer).\n", f);
  if (plan->ninfrastructure_dirs)
    put_list(f, "infrastructure_dirs", plan->infrastructure_dirs, plan->ninfrastructure_dirs);
  else
    fputs("# infrastructure_dirs: [\"lib/realtime\"]\n", f);
  fputs("\n# Generated code and build output: not linted. (.gitignore'd files and node_modules\n"
        "# are skipped anyway.)\n",
        f);
  if (plan->nexcludes)
    put_list(f, "exclude", plan->excludes, plan->nexcludes);
  else
    fputs("# exclude: [\"generated\", \"**/*.generated.ts\"]\n", f);
  fputs("\n# Severity per rule: error, warn or off (`rtlint rules` lists them).\n"
        "# rules:\n"
        "#   channel-hand-built: error\n"
        "\n# Per-folder severities, applied in order (a later match wins).\n"
        "# overrides:\n"
        "#   - files: [\"components/legacy/**\"]\n"
        "#     rules:\n"
        "#       channel-hand-built: warn\n"
        "\n# Only the rules of these migration phases (rules for every phase always run).\n"
        "# phases: [1, 2]\n"
        "\n# Every rtlint-disable comment must say why after ` -- `.\n"
        "# require_reason: true\n",
        f);
}

static void say_list(const char *key, char *const *items, size_t n, const char *none) {
  printf("  %-20s ", key);
  if (!n)
    printf("%s", none);
  for (size_t i = 0; i < n; i++)
    printf("%s%s", i ? ", " : "", items[i]);
  putchar('\n');
}

/* The found files relative to dir_abs ('/'-separated). */
static char **relative_paths(const FileList *files, const char *dir_abs, const char *cwd) {
  char **rel = xcalloc(files->n + 1, sizeof *rel);
  size_t n = strlen(dir_abs);
  for (size_t i = 0; i < files->n; i++) {
    char *abs = path_absolute(cwd, files->paths[i]);
    bool below = strcmp(dir_abs, "/") == 0 || (strncmp(abs, dir_abs, n) == 0 && abs[n] == '/');
    rel[i] = xstrdup(below ? abs + (strcmp(dir_abs, "/") == 0 ? 1 : n + 1) : abs);
    free(abs);
  }
  return rel;
}

int cmd_init(const Options *o) {
  const char *dir = o->paths[0];
  struct stat st;
  if (stat(dir, &st) != 0) {
    fprintf(stderr, "rtlint: init: %s: %s\n", dir, strerror(errno));
    return EXIT_USAGE;
  }
  if (!S_ISDIR(st.st_mode)) {
    fprintf(stderr, "rtlint: init: %s is not a folder (give the project's folder)\n", dir);
    return EXIT_USAGE;
  }
  bool here = strcmp(dir, ".") == 0;
  char *target = here ? xstrdup("rtlint.yaml") : xasprintf("%s/rtlint.yaml", dir);
  char *hidden = here ? xstrdup(".rtlint.yaml") : xasprintf("%s/.rtlint.yaml", dir);
  const char *existing = access(target, F_OK) == 0   ? target
                         : access(hidden, F_OK) == 0 ? hidden
                                                     : NULL;
  if (existing) {
    fprintf(stderr,
            "rtlint: init: %s already exists; rtlint init never overwrites a configuration "
            "(edit it, or move it away first)\n",
            existing);
    free(target);
    free(hidden);
    return EXIT_USAGE;
  }
  free(hidden);
  char cwd_buf[PATH_MAX];
  const char *cwd = getcwd(cwd_buf, sizeof cwd_buf) ? cwd_buf : "/";
  char *dir_abs = path_absolute(cwd, dir);
  /* A configuration further up stops applying here once this one exists. */
  char *above = config_find(dir_abs);
  FileList files = {0};
  char *err = NULL;
  char *args[] = {(char *)dir};
  if (!discover_files(args, 1, NULL, &files, &err)) {
    fprintf(stderr, "rtlint: init: %s\n", err);
    free(err);
    free(target);
    free(above);
    free(dir_abs);
    return EXIT_USAGE;
  }
  char **rel = relative_paths(&files, dir_abs, cwd);
  Standards builtin;
  char *std_err = NULL;
  bool have_builtin = std_load_builtin(&builtin, &std_err);
  free(std_err);
  const char *suffix = have_builtin ? builtin.module_suffix : NULL;
  InitPlan plan;
  init_plan_make(&plan, rel, files.n, suffix);
  /* O_EXCL: a file that appeared since the check above is not overwritten. */
  int fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  int status = EXIT_CLEAN;
  if (!f) {
    fprintf(stderr, "rtlint: init: cannot write %s: %s\n", target, strerror(errno));
    if (fd >= 0)
      close(fd);
    status = EXIT_USAGE;
  } else {
    write_config(f, &plan, suffix);
    if (ferror(f) | (fclose(f) != 0)) {
      fprintf(stderr, "rtlint: init: cannot write %s: %s\n", target, strerror(errno));
      unlink(target);
      status = EXIT_USAGE;
    }
  }
  if (status == EXIT_CLEAN) {
    printf("Wrote %s for the %zu TypeScript %s found:\n", target, files.n,
           files.n == 1 ? "file" : "files");
    printf("  %-20s %s\n", "standards",
           plan.standards ? plan.standards : "not found (the built-in catalog applies)");
    say_list("component_dirs", plan.component_dirs, plan.ncomponent_dirs,
             "none found (the built-in judgement applies)");
    say_list("infrastructure_dirs", plan.infrastructure_dirs, plan.ninfrastructure_dirs,
             "none found");
    say_list("exclude", plan.excludes, plan.nexcludes, "nothing generated found");
    if (above)
      printf("Until now %s applied here; below %s this file replaces it (rtlint reads one "
             "configuration, the nearest).\n",
             above, dir);
    printf("Review it, then run rtlint (rtlint --print-config FILE shows what applies to a "
           "file).\n");
  }
  init_plan_free(&plan);
  std_free(&builtin);
  for (size_t i = 0; i < files.n; i++)
    free(rel[i]);
  free(rel);
  free(dir_abs);
  free(above);
  file_list_free(&files);
  free(target);
  return status;
}
