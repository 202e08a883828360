/* provider-context-outside: useOrganizationRealtimeContext() in code that is
 * not rendered under OrganizationRealtimeProvider, which is mounted only in
 * app/dashboard/layout.tsx (Page integration patterns §1; Critical
 * implementation rules §3).
 *
 * A file outside app/dashboard/ is covered when every chain of importers
 * leads into app/dashboard/. It is reported when climbing its importers
 * (linted files only; dashboard files end a branch) reaches
 *   - a route file outside app/dashboard/ (app/widget/page.tsx, the root
 *     app/layout.tsx, pages/...), or
 *   - a file that no linted file imports (WidgetChat.tsx imported by nobody:
 *     nothing places it under the provider).
 * Files reached only through import cycles are left alone. */
#include "core/util.h"
#include "parse/ast.h"
#include "resolve/importers.h"
#include "rules/app_paths.h"
#include "rules/ctx.h"
#include "rules/hook_calls.h"
#include "rules/provider_context_fix.h"

#include <stdlib.h>

#define CONTEXT_HOOK "useOrganizationRealtimeContext"
#define MAX_SHOWN 6

static const char *const needles[] = {CONTEXT_HOOK, NULL};

static const char *const help_text =
    "outside the dashboard use useRealtime({ type, organizationId, conversationId }), or mount "
    "OrganizationRealtimeProvider above this code";

typedef struct Step {
  const Module *mod;
  size_t parent; /* index in the queue; SIZE_MAX for the start */
} Step;

static bool queued(const Step *q, size_t n, const Module *m) {
  for (size_t i = 0; i < n; i++)
    if (q[i].mod == m)
      return true;
  return false;
}

/* Describes why the module is outside the provider, or NULL when all its
 * importer chains stay under app/dashboard/. */
static const char *uncovered_reason(RuleCtx *ctx, const Module **route) {
  const ImportGraph *g = lazy_import_graph_get(ctx->imports);
  Step *q = NULL;
  size_t n = 0, cap = 0, root = SIZE_MAX;
  bool root_is_route = false;
  Step start = {ctx->mod, SIZE_MAX};
  ARRAY_PUSH(q, n, cap, start);
  for (size_t i = 0; i < n && root == SIZE_MAX; i++) {
    const Module *m = q[i].mod;
    if (i > 0 && path_is_dashboard(m->app_path))
      continue; /* this branch is rendered under the provider */
    Module *const *imps;
    size_t nimps = import_graph_importers(g, m, &imps);
    if (path_is_route_file(m->app_path) || nimps == 0) {
      root = i;
      root_is_route = nimps == 0 ? path_is_route_file(m->app_path) : true;
      break;
    }
    for (size_t k = 0; k < nimps; k++) {
      if (queued(q, n, imps[k]))
        continue;
      Step s = {imps[k], i};
      ARRAY_PUSH(q, n, cap, s);
    }
  }
  if (root == SIZE_MAX) {
    free(q);
    return NULL;
  }
  *route = root_is_route ? q[root].mod : NULL;
  /* Parents lead from the root back to this file (index 0). */
  size_t *path = NULL, len = 0, pcap = 0;
  for (size_t i = root; i != SIZE_MAX; i = q[i].parent)
    ARRAY_PUSH(path, len, pcap, i);
  StrBuf sb = {0};
  const char *self = ctx->mod->src.path;
  if (len == 1) {
    sb_appendf(&sb, "%s %s", self,
               root_is_route ? "is a route rendered outside app/dashboard/"
                             : "is not under app/dashboard/ and no linted file imports it");
  } else {
    /* self <- importer <- ... <- root, eliding the middle of long chains. */
    sb_append(&sb, self);
    size_t shown = len - 1; /* entries after self: path[len-2] .. path[0] */
    size_t skip = shown > MAX_SHOWN ? shown - MAX_SHOWN : 0;
    if (skip)
      sb_append(&sb, " <- ...");
    for (size_t k = len - 1 - skip; k-- > 0;)
      sb_appendf(&sb, " <- %s", q[path[k]].mod->src.path);
    if (!root_is_route)
      sb_append(&sb, " (imported by no linted file)");
  }
  free(path);
  char *text = sb_take(&sb);
  const char *out = arena_strdup(ctx->arena, text);
  free(text);
  free(q);
  return out;
}

/* The layout Next.js's app router wraps a page in: layout.tsx in the page's
 * folder or the nearest one above it, up to app/. A page under no such
 * layout, a layout itself (its own JSX is not its children) and a
 * pages-router file have none. */
static const Module *nearest_layout(RuleCtx *ctx, const Module *page) {
  const char *rel = page->app_path;
  if (path_has_dirs(rel, "pages") || !path_has_dirs(rel, "app"))
    return NULL;
  const char *base = strrchr(rel, '/');
  if (!base || strncmp(base + 1, "layout.", 7) == 0)
    return NULL;
  size_t rel_len = strlen(rel), fs_len = strlen(page->fs_path);
  if (rel_len > fs_len)
    return NULL;
  /* The app/ folder: the first `app` segment of the app-relative path. */
  const char *app = NULL;
  for (const char *p = rel; !app && (p = strstr(p, "app/")); p++)
    if (p == rel || p[-1] == '/')
      app = p;
  if (!app)
    return NULL;
  size_t keep_min = fs_len - rel_len + (size_t)(app - rel) + 3; /* ".../app" */
  char *dir = xstrndup(page->fs_path, fs_len - strlen(base));
  const Module *found = NULL;
  while (!found && strlen(dir) >= keep_min) {
    char *cand = xasprintf("%s/layout.tsx", dir);
    Module *m = project_module(ctx->proj, cand);
    free(cand);
    if (m && m->status == SOURCE_OK && m->src.bytes)
      found = m;
    char *slash = strrchr(dir, '/');
    if (!slash)
      break;
    *slash = '\0';
  }
  free(dir);
  return found;
}

/* Points the finding at the layout to mount the provider in: at its
 * `{children}` when it renders them once. */
static void relate_layout(RuleCtx *ctx, Diag *d, const Module *route) {
  const Module *layout = route ? nearest_layout(ctx, route) : NULL;
  if (!d || !layout)
    return;
  const char *b = layout->src.bytes, *first = strstr(b, "{children}");
  if (first && !strstr(first + 1, "{children}"))
    rule_relate(
        d, layout, (uint32_t)(first - b),
        "nearest layout of the route: wrap {children} in <OrganizationRealtimeProvider> here");
  else
    rule_relate(d, layout, 0,
                "nearest layout of the route: mount <OrganizationRealtimeProvider> in it");
}

/* The calls of the context hook in the file, in order. */
static TSNode *context_calls(RuleCtx *ctx, size_t *n) {
  TSNode *found = NULL;
  size_t cap = 0;
  *n = 0;
  for (size_t i = 0; i < ctx->facts->ncalls; i++) {
    TSNode call = ctx->facts->calls[i];
    char name[128];
    if (!hook_call_name(ctx->proj, ctx->mod, call, name, sizeof name) ||
        strcmp(name, CONTEXT_HOOK) != 0)
      continue;
    if (*n == cap)
      found = xrealloc(found, (cap = cap ? 2 * cap : 4) * sizeof *found);
    found[(*n)++] = call;
  }
  return found;
}

static void check(RuleCtx *ctx) {
  if (path_is_dashboard(ctx->mod->app_path) || module_defines_function(ctx->mod, CONTEXT_HOOK))
    return;
  /* Found once: the suggestion for each call depends on how many there are. */
  size_t n;
  TSNode *calls = context_calls(ctx, &n);
  const Module *route = NULL;
  const char *reason = n ? uncovered_reason(ctx, &route) : NULL;
  for (size_t i = 0; reason && i < n; i++) {
    TSNode fn = node_field(calls[i], "function");
    Diag *d =
        rule_report(ctx, ts_node_start_byte(fn), ts_node_end_byte(calls[i]), help_text,
                    "useOrganizationRealtimeContext() outside the dashboard provider: %s", reason);
    relate_layout(ctx, d, route);
    provider_context_suggest(ctx, d, calls[i], n);
  }
  free(calls);
}

const RuleMeta rule_provider_context_outside = {
    .id = "provider-context-outside",
    .phase = 3,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SUGGESTION,
    .summary = "`useOrganizationRealtimeContext()` is called in code that is not rendered under "
               "`OrganizationRealtimeProvider`.",
    .needles = needles,
    .project_wide = true,
    .check = check,
};
