/* --print-config FILE: the configuration in effect for one file, written as
 * an rtlint.yaml (overrides and phases already applied, so every rule is
 * listed with its severity there); --config-keys: the keys the loader knows,
 * for the schema test. */
#include "cli/adoption.h"
#include "cli/commands.h"
#include "cli/yaml_text.h"
#include "core/util.h"
#include "resolve/project.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void put_list(FILE *f, const char *key, char *const *items, size_t n) {
  if (!n)
    return;
  fprintf(f, "%s:\n", key);
  for (size_t i = 0; i < n; i++) {
    fputs("  - ", f);
    yaml_put_quoted(f, items[i]);
    fputc('\n', f);
  }
}

/* A path the loader made absolute, shown relative to the configuration's
 * folder when it lies there (as it would be written). */
static void put_path(FILE *f, const Config *c, const char *abs) {
  char *rel = config_relpath(c, abs);
  yaml_put_quoted(f, rel ? rel : abs);
  free(rel);
}

static void put_name_map(FILE *f, const char *key, const HookNameMap *map, size_t n) {
  if (!n)
    return;
  fprintf(f, "    %s:\n", key);
  for (size_t i = 0; i < n; i++) {
    fputs("      ", f);
    yaml_put_quoted(f, map[i].from);
    fputs(": ", f);
    if (map[i].to)
      yaml_put_quoted(f, map[i].to);
    else
      fputc('~', f);
    fputc('\n', f);
  }
}

/* The useRealtime mapping of a configured hook (docs/rules/hook-deprecated.md). */
static void put_hook_mapping(FILE *f, const HookMigration *h) {
  if (h->type) {
    fputs("    type: ", f);
    yaml_put_quoted(f, h->type);
    fputc('\n', f);
  }
  if (h->arguments != HOOK_ARGS_UNMAPPED)
    fprintf(f, "    arguments: %s\n",
            h->arguments == HOOK_ARGS_POSITIONAL ? "positional" : "object");
  if (h->nparams) {
    fputs("    params:\n", f);
    for (size_t i = 0; i < h->nparams; i++) {
      fputs("      - ", f);
      yaml_put_quoted(f, h->params[i]);
      fputc('\n', f);
    }
  }
  put_name_map(f, "options", h->options, h->noptions);
  put_name_map(f, "results", h->results, h->nresults);
}

static void print_effective(FILE *f, const Config *c, const char *shown, const char *abs,
                            const LintSetup *setup) {
  RuleSelection sel;
  lint_selection_for(setup, abs, &sel);
  fprintf(f, "# The configuration rtlint applies to %s\n", shown);
  if (c) {
    fprintf(f, "# read from %s, with its overrides and phases applied", c->path);
    char *why = config_exclusion(c, abs, c->path);
    if (why)
      fprintf(f, "\n# this file is not linted: %s", why);
    free(why);
    PathRole role = config_path_role(c, abs);
    fprintf(f, "\n# supabase-channel-direct sees it as %s\n",
            role == PATH_ROLE_INFRASTRUCTURE ? "infrastructure (infrastructure_dirs)"
            : role == PATH_ROLE_COMPONENT    ? "a component (component_dirs)"
            : role == PATH_ROLE_OTHER        ? "no component (outside component_dirs)"
                                             : "its path says (no component_dirs configured)");
  } else {
    fputs("# no rtlint.yaml found: the built-in defaults\n", f);
  }
  if (c && c->standards) {
    fputs("standards: ", f);
    put_path(f, c, c->standards);
    fputc('\n', f);
  }
  if (c) {
    put_list(f, "component_dirs", c->component_dirs, c->ncomponent_dirs);
    put_list(f, "infrastructure_dirs", c->infrastructure_dirs, c->ninfrastructure_dirs);
    if (c->nhooks) {
      fputs("deprecated_hooks:\n", f);
      for (size_t i = 0; i < c->nhooks; i++) {
        fputs("  - name: ", f);
        yaml_put_quoted(f, c->hooks[i].hook);
        if (c->hooks[i].replacement) {
          fputs("\n    replacement: ", f);
          yaml_put_quoted(f, c->hooks[i].replacement);
        }
        fputc('\n', f);
        put_hook_mapping(f, &c->hooks[i]);
      }
    }
    if (c->nmigrations) {
      fputs("event_migrations:\n", f);
      for (size_t i = 0; i < c->nmigrations; i++) {
        fputs("  ", f);
        yaml_put_quoted(f, c->migrations[i].old_name);
        fputs(":\n", f);
        for (size_t k = 0; k < c->migrations[i].nkeys; k++) {
          fputs("    - ", f);
          yaml_put_quoted(f, c->migrations[i].keys[k]);
          fputc('\n', f);
        }
      }
    }
    if (c->canonical_typing_indicator) {
      fputs("realtime:\n  canonical_typing_indicator: ", f);
      put_path(f, c, c->canonical_typing_indicator);
      fputc('\n', f);
    }
    if (c->nallow_outside) {
      fputs("resolve:\n  allow_outside:\n", f);
      for (size_t i = 0; i < c->nallow_outside; i++) {
        fputs("    - ", f);
        put_path(f, c, c->allow_outside[i]);
        fputc('\n', f);
      }
    }
  }
  fprintf(f, "require_reason: %s\n", setup->require_reason ? "true" : "false");
  fputs("rules:\n", f);
  for (size_t r = 0; r < rules_count; r++)
    fprintf(f, "  %s: %s\n", rules_all[r]->id,
            sel.severity[r] == SEV_WARNING ? "warn" : severity_name(sel.severity[r]));
}

int cmd_print_config(const Options *o) {
  /* The configuration is found from FILE, as a run linting it would. */
  Options for_file = *o;
  char *paths[] = {(char *)o->print_config};
  for_file.paths = paths;
  for_file.npaths = 1;
  Adoption a;
  int status = adoption_begin(&a, &for_file);
  if (status >= 0)
    return status;
  char buf[PATH_MAX];
  const char *cwd = getcwd(buf, sizeof buf) ? buf : "/";
  char *abs = path_absolute(cwd, o->print_config);
  print_effective(stdout, a.have_config ? &a.config : NULL, o->print_config, abs, &a.setup);
  free(abs);
  adoption_end(&a);
  return EXIT_CLEAN;
}

static void put_key(const char *path, void *ctx) {
  fprintf(ctx, "%s\n", path);
}

int cmd_config_keys(void) {
  config_key_paths(put_key, stdout);
  return EXIT_CLEAN;
}
