/* Layouts of app-router routes for provider-context-outside (rules/
 * provider_layout.h): which layouts render a page, whether one mounts the
 * organization provider, and the suggestion that mounts it in the nearest. */
#include "rules/provider_layout.h"

#include "core/util.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/app_paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROVIDER "OrganizationRealtimeProvider"
#define MAX_LAYOUTS 32

/* The page's app/ folder (absolute), or NULL for a pages-router file, a file
 * outside app/ and a layout itself. */
static char *app_dir(const Module *page) {
  const char *rel = page->app_path;
  if (path_has_dirs(rel, "pages") || !path_has_dirs(rel, "app"))
    return NULL;
  const char *base = strrchr(rel, '/');
  if (!base || strncmp(base + 1, "layout.", 7) == 0)
    return NULL;
  size_t rel_len = strlen(rel), fs_len = strlen(page->fs_path);
  if (rel_len > fs_len)
    return NULL;
  /* The first `app` segment of the app-relative path. */
  const char *app = NULL;
  for (const char *p = rel; !app && (p = strstr(p, "app/")); p++)
    if (p == rel || p[-1] == '/')
      app = p;
  return app ? xstrndup(page->fs_path, fs_len - rel_len + (size_t)(app - rel) + 3) : NULL;
}

static const Module *layout_in(RuleCtx *ctx, const char *dir) {
  char *path = xasprintf("%s/layout.tsx", dir);
  Module *m = project_module(ctx->proj, path);
  free(path);
  return m && m->status == SOURCE_OK && m->src.bytes ? m : NULL;
}

/* The page's layouts, nearest first; *root: the last one is app/'s own. */
static size_t layouts_of(RuleCtx *ctx, const Module *page, const Module **out, bool *root) {
  *root = false;
  char *app = app_dir(page);
  if (!app)
    return 0;
  size_t n = 0, keep = strlen(app);
  char *dir = xstrndup(page->fs_path, (size_t)(strrchr(page->fs_path, '/') - page->fs_path));
  while (n < MAX_LAYOUTS && strlen(dir) >= keep) {
    const Module *m = layout_in(ctx, dir);
    if (m) {
      out[n++] = m;
      *root = strlen(dir) == keep;
    }
    char *slash = strrchr(dir, '/');
    if (!slash)
      break;
    *slash = '\0';
  }
  free(dir);
  free(app);
  return n;
}

const Module *layout_nearest(RuleCtx *ctx, const Module *page) {
  const Module *found[MAX_LAYOUTS];
  bool root;
  return layouts_of(ctx, page, found, &root) ? found[0] : NULL;
}

/* ---- What a layout renders. ---- */

typedef struct Scan {
  const Source *src;
  size_t mounts;                      /* elements named PROVIDER */
  bool mounted_bare;                  /* one of them has no attributes */
  size_t children;                    /* `{children}` expressions */
  uint32_t children_at, children_end; /* the last one */
  bool binds_provider;                /* a top-level name PROVIDER */
} Scan;

static bool element_has_attributes(TSNode opening) {
  for (uint32_t i = 0, n = ts_node_named_child_count(opening); i < n; i++) {
    TSNode c = ts_node_named_child(opening, i);
    if (node_is(c, "jsx_attribute") || node_is(c, "jsx_expression") || node_is(c, "type_arguments"))
      return true;
  }
  return false;
}

static bool scan_node(TSNode n, void *data) {
  Scan *s = data;
  if (node_is(n, "jsx_opening_element") || node_is(n, "jsx_self_closing_element")) {
    if (node_text_eq(s->src, node_field(n, "name"), PROVIDER)) {
      s->mounts++;
      s->mounted_bare = s->mounted_bare || !element_has_attributes(n);
    }
  } else if (node_is(n, "jsx_expression") && ts_node_named_child_count(n) == 1 &&
             node_is(ts_node_named_child(n, 0), "identifier") &&
             node_text_eq(s->src, ts_node_named_child(n, 0), "children")) {
    s->children++;
    s->children_at = ts_node_start_byte(n);
    s->children_end = ts_node_end_byte(n);
  }
  return true;
}

/* Held while read: another thread may drop a tree nobody holds. */
static Scan scan_layout(const Module *layout) {
  Scan s = {.src = &layout->src};
  Module *m = (Module *)layout;
  project_hold(m);
  if (m->tree) {
    ast_walk(ts_tree_root_node(m->tree), scan_node, &s);
    s.binds_provider = scope_lookup_toplevel(m, PROVIDER).kind != BIND_NONE;
  }
  project_release(m);
  return s;
}

bool layout_mounts_provider(RuleCtx *ctx, const Module *page) {
  const Module *layouts[MAX_LAYOUTS];
  bool root;
  size_t n = layouts_of(ctx, page, layouts, &root);
  for (size_t i = 0; i < n; i++)
    if (scan_layout(layouts[i]).mounts > 0)
      return true;
  return false;
}

/* ---- The suggestion. ---- */

/* Where app/dashboard/layout.tsx imports the provider from, when it mounts it
 * with no props: the module and the specifier it writes. */
static bool dashboard_mount(RuleCtx *ctx, const Module *page, char **module_path, char *spec,
                            size_t spec_size) {
  char *app = app_dir(page);
  if (!app)
    return false;
  char *dir = xasprintf("%s/dashboard", app);
  Module *dash = (Module *)layout_in(ctx, dir);
  free(dir);
  free(app);
  if (!dash || !scan_layout(dash).mounted_bare)
    return false;
  project_hold(dash);
  Binding b = dash->tree ? scope_lookup_toplevel(dash, PROVIDER) : (Binding){0};
  project_release(dash);
  if (b.kind != BIND_IMPORT || strcmp(b.imported, PROVIDER) != 0 ||
      !project_resolve_import(ctx->proj, dash, b.source, module_path))
    return false;
  snprintf(spec, spec_size, "%s", b.source);
  return true;
}

/* The specifier layout writes for the provider's module: the dashboard's own
 * when it resolves to the same file from there (an alias), else a relative
 * one. */
static char *spec_from(RuleCtx *ctx, const Module *layout, const char *spec,
                       const char *module_path) {
  char *there = NULL;
  bool same = spec[0] != '.' && project_resolve_import(ctx->proj, layout, spec, &there) &&
              strcmp(there, module_path) == 0;
  free(there);
  if (same)
    return xstrdup(spec);
  const char *dot = strrchr(module_path, '.'), *slash = strrchr(module_path, '/');
  size_t len = dot && (!slash || dot > slash) ? (size_t)(dot - module_path) : strlen(module_path);
  return fix_relative_spec(layout->fs_path, module_path, len);
}

/* The layout to mount the provider in for one route: its nearest, when that
 * is not app/'s own, renders `{children}` once and binds no name PROVIDER. */
static const Module *mount_target(RuleCtx *ctx, const Module *route, Scan *scan) {
  const Module *layouts[MAX_LAYOUTS];
  bool root;
  size_t n = layouts_of(ctx, route, layouts, &root);
  if (n == 0 || (n == 1 && root))
    return NULL; /* the root layout renders the widget and public pages too */
  *scan = scan_layout(layouts[0]);
  return scan->children == 1 && scan->mounts == 0 && !scan->binds_provider ? layouts[0] : NULL;
}

bool layout_provider_suggest(RuleCtx *ctx, Diag *d, const Module *const *routes, size_t n) {
  char spec[512], *module_path = NULL;
  if (!d || n == 0 || !dashboard_mount(ctx, routes[0], &module_path, spec, sizeof spec))
    return false;
  const Module *targets[MAX_LAYOUTS];
  Scan scans[MAX_LAYOUTS];
  size_t nt = 0;
  bool ok = true;
  for (size_t i = 0; ok && i < n; i++) {
    Scan scan;
    /* Widget code takes useRealtime, never the organization's provider. */
    const Module *t =
        path_has_dirs(routes[i]->app_path, "widget") ? NULL : mount_target(ctx, routes[i], &scan);
    ok = t != NULL;
    bool seen = false;
    for (size_t k = 0; ok && k < nt; k++)
      seen = seen || targets[k] == t;
    ok = ok && (seen || nt < MAX_LAYOUTS);
    if (ok && !seen) {
      targets[nt] = t;
      scans[nt++] = scan;
    }
  }
  for (size_t k = 0; ok && k < nt; k++) {
    char *from = spec_from(ctx, targets[k], spec, module_path);
    Module *layout = (Module *)targets[k];
    project_hold(layout); /* the import edit reads its tree */
    ok = layout->tree && fix_require_named_import(d, ctx->proj, layout, PROVIDER, from);
    project_release(layout);
    free(from);
    diag_add_edit_in(d, &targets[k]->src, scans[k].children_at, scans[k].children_end,
                     "<" PROVIDER ">{children}</" PROVIDER ">");
  }
  free(module_path);
  if (!ok) {
    diag_drop_fix(d);
    return false;
  }
  diag_set_fix(d, FIX_SUGGESTION,
               arena_printf(ctx->arena, "mount <%s> in %s", PROVIDER, targets[0]->src.path));
  return true;
}
