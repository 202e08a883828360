#include "cli/init_plan.h"

#include "config/glob.h"
#include "core/util.h"
#include "rules/app_paths.h"

#include <stdlib.h>
#include <string.h>

/* Folder names that hold build output or generated code, not sources. At
 * the top only (`lib/build/` may well be code) except the generated ones. */
static const char *const top_build_dirs[] = {"dist", "build", "out", ".next", "coverage", NULL};
static const char *const generated_dirs[] = {"generated", "__generated__", NULL};

/* A path prefix as a glob: characters globs treat specially are escaped. */
static char *glob_of(const char *s, size_t n) {
  StrBuf sb = {0};
  for (size_t i = 0; i < n; i++) {
    if (strchr("*?[]{}\\", s[i]))
      sb_putc(&sb, '\\');
    sb_putc(&sb, s[i]);
  }
  return sb.data ? sb_take(&sb) : xstrdup("");
}

/* Byte offsets where each folder segment of path starts, up to max; the
 * file name is not a folder. Returns the count. */
static size_t folder_starts(const char *path, size_t *starts, size_t max) {
  size_t n = 0, begin = 0;
  for (size_t i = 0; path[i]; i++)
    if (path[i] == '/') {
      if (n < max)
        starts[n++] = begin;
      begin = i + 1;
    }
  return n;
}

static bool segment_is(const char *path, size_t start, const char *name) {
  size_t len = strlen(name);
  return strncmp(path + start, name, len) == 0 && path[start + len] == '/';
}

static size_t segment_end(const char *path, size_t start) {
  return (size_t)(strchr(path + start, '/') - path);
}

char *init_component_glob(const char *rel) {
  if (!path_is_component_code(rel))
    return NULL;
  size_t starts[64];
  size_t n = folder_starts(rel, starts, 64);
  for (size_t i = 0; i < n; i++) {
    if (segment_is(rel, starts[i], "components") || segment_is(rel, starts[i], "hooks"))
      return glob_of(rel, segment_end(rel, starts[i]));
    if (!segment_is(rel, starts[i], "app"))
      continue;
    if (i + 1 < n) /* app/<folder>: app/api never gets here */
      return glob_of(rel, segment_end(rel, starts[i + 1]));
    /* A file directly in app/ (page.tsx, layout.tsx): its extension. */
    char *folder = glob_of(rel, segment_end(rel, starts[i]));
    const char *dot = strrchr(rel, '.');
    char *glob = xasprintf("%s/*%s", folder, dot ? dot : "");
    free(folder);
    return glob;
  }
  return NULL;
}

static void add_unique(char ***items, size_t *n, char *s) {
  for (size_t i = 0; i < *n; i++)
    if (strcmp((*items)[i], s) == 0) {
      free(s);
      return;
    }
  size_t cap = *n;
  ARRAY_PUSH(*items, *n, cap, s);
}

static bool any_glob(char *const *globs, size_t n, const char *rel) {
  for (size_t i = 0; i < n; i++)
    if (glob_match(globs[i], rel))
      return true;
  return false;
}

/* The folder through the first "a/b" segments of rel, or NULL. */
static char *folder_through(const char *rel, const char *first, const char *second) {
  size_t starts[64];
  size_t n = folder_starts(rel, starts, 64);
  for (size_t i = 0; i + 1 < n; i++)
    if (segment_is(rel, starts[i], first) && segment_is(rel, starts[i + 1], second))
      return glob_of(rel, segment_end(rel, starts[i + 1]));
  return NULL;
}

static void note_excludes(InitPlan *plan, const char *rel) {
  size_t starts[64];
  size_t n = folder_starts(rel, starts, 64);
  for (size_t i = 0; i < n; i++) {
    for (const char *const *d = generated_dirs; *d; d++)
      if (segment_is(rel, starts[i], *d))
        add_unique(&plan->excludes, &plan->nexcludes, glob_of(rel, segment_end(rel, starts[i])));
    for (const char *const *d = top_build_dirs; i == 0 && *d; d++)
      if (segment_is(rel, 0, *d))
        add_unique(&plan->excludes, &plan->nexcludes, glob_of(rel, segment_end(rel, 0)));
  }
}

void init_plan_make(InitPlan *plan, char *const *rel, size_t n, const char *standards_suffix) {
  memset(plan, 0, sizeof *plan);
  for (size_t i = 0; i < n; i++) {
    if (standards_suffix && !plan->standards && str_ends_with(rel[i], standards_suffix) &&
        (strlen(rel[i]) == strlen(standards_suffix) ||
         rel[i][strlen(rel[i]) - strlen(standards_suffix) - 1] == '/'))
      plan->standards = xstrdup(rel[i]);
    note_excludes(plan, rel[i]);
    char *glob = init_component_glob(rel[i]);
    if (glob)
      add_unique(&plan->component_dirs, &plan->ncomponent_dirs, glob);
    char *infra = folder_through(rel[i], "lib", "realtime");
    if (infra)
      add_unique(&plan->infrastructure_dirs, &plan->ninfrastructure_dirs, infra);
  }
  /* A file the globs take for component code that the built-in judgement
   * does not (an app/api folder below components/): its folder becomes
   * infrastructure, so the configuration changes no finding. */
  for (size_t i = 0; i < n; i++) {
    if (path_is_component_code(rel[i]) ||
        !any_glob(plan->component_dirs, plan->ncomponent_dirs, rel[i]) ||
        any_glob(plan->infrastructure_dirs, plan->ninfrastructure_dirs, rel[i]))
      continue;
    char *folder = folder_through(rel[i], "app", "api");
    if (!folder) {
      const char *slash = strrchr(rel[i], '/');
      folder = glob_of(rel[i], slash ? (size_t)(slash - rel[i]) : 0);
    }
    add_unique(&plan->infrastructure_dirs, &plan->ninfrastructure_dirs, folder);
  }
}

static void free_list(char **items, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(items[i]);
  free(items);
}

void init_plan_free(InitPlan *plan) {
  free(plan->standards);
  free_list(plan->component_dirs, plan->ncomponent_dirs);
  free_list(plan->infrastructure_dirs, plan->ninfrastructure_dirs);
  free_list(plan->excludes, plan->nexcludes);
  memset(plan, 0, sizeof *plan);
}
