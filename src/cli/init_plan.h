#ifndef RTLINT_CLI_INIT_PLAN_H
#define RTLINT_CLI_INIT_PLAN_H
/* What `rtlint init` writes, decided from the project's files alone (pure:
 * init.c does the file system), so the decisions are unit-tested. */
#include <stdbool.h>
#include <stddef.h>

typedef struct InitPlan {
  char *standards; /* the standards module found, or NULL */
  /* Folders (globs relative to the project folder) that reproduce the
   * built-in judgement of supabase-channel-direct for the files found:
   * the files it takes for component code lie in component_dirs, the others
   * in infrastructure_dirs or outside component_dirs. */
  char **component_dirs, **infrastructure_dirs, **excludes;
  size_t ncomponent_dirs, ninfrastructure_dirs, nexcludes;
} InitPlan;

/* rel_paths: the TS/TSX files found, relative to the project folder, '/'
 * separated. standards_suffix: where the standards module lives
 * ("lib/realtime/unified-channel-standards.ts"), or NULL. */
void init_plan_make(InitPlan *plan, char *const *rel_paths, size_t n, const char *standards_suffix);
void init_plan_free(InitPlan *plan);

/* The folder glob that holds rel_path among component_dirs ("components",
 * "src/app/dashboard", app/ + "*.tsx" for a file directly in app/); caller
 * frees. NULL when the built-in judgement does not take it for component
 * code. */
char *init_component_glob(const char *rel_path);

#endif
