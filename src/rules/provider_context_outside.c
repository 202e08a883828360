/* provider-context-outside: useOrganizationRealtimeContext() in code that is
 * not rendered under OrganizationRealtimeProvider, which is mounted in
 * app/dashboard/layout.tsx (Page integration patterns §1; Critical
 * implementation rules §3) and, as Phase 3 extends it, in other layouts.
 *
 * A file outside app/dashboard/ is covered when every chain of importers
 * leads into app/dashboard/ or to a route whose layouts mount the provider.
 * It is reported when climbing its importers (linted files only; covered
 * files end a branch) reaches
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
#include "rules/provider_layout.h"

#include <stdlib.h>
#include <string.h>

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

/* The file's importers climbed breadth first, each branch ending under the
 * provider (app/dashboard/, or a route whose layouts mount it) or at a root:
 * a route file, or a file no linted file imports. */
typedef struct Climb {
  Step *q;
  size_t n, cap;
  size_t first_root;     /* the first root in the queue, SIZE_MAX: none */
  const Module **routes; /* every root that is a route */
  size_t nroutes, rcap;
  bool orphan; /* some root is imported by no linted file */
} Climb;

static bool covered(RuleCtx *ctx, const Module *m) {
  return path_is_dashboard(m->app_path) ||
         (path_is_route_file(m->app_path) && layout_mounts_provider(ctx, m));
}

static void climb(RuleCtx *ctx, Climb *c) {
  const ImportGraph *g = lazy_import_graph_get(ctx->imports);
  StrMap seen = {0};
  memset(c, 0, sizeof *c);
  c->first_root = SIZE_MAX;
  Step start = {ctx->mod, SIZE_MAX};
  ARRAY_PUSH(c->q, c->n, c->cap, start);
  for (size_t i = 0; i < c->n; i++) {
    const Module *m = c->q[i].mod;
    char key[STRMAP_NUM_KEY_SIZE(1)];
    strmap_put(&seen, strmap_num_key(key, (unsigned long long[]){(uintptr_t)m}, 1), &seen);
    if (i > 0 && covered(ctx, m))
      continue; /* this branch is rendered under the provider */
    Module *const *imps;
    size_t nimps = import_graph_importers(g, m, &imps);
    if (path_is_route_file(m->app_path) || nimps == 0) {
      if (c->first_root == SIZE_MAX)
        c->first_root = i;
      if (path_is_route_file(m->app_path))
        ARRAY_PUSH(c->routes, c->nroutes, c->rcap, m);
      else
        c->orphan = true;
      continue;
    }
    for (size_t k = 0; k < nimps; k++) {
      char ik[STRMAP_NUM_KEY_SIZE(1)];
      strmap_num_key(ik, (unsigned long long[]){(uintptr_t)imps[k]}, 1);
      if (strmap_get(&seen, ik))
        continue;
      strmap_put(&seen, ik, &seen);
      Step s = {imps[k], i};
      ARRAY_PUSH(c->q, c->n, c->cap, s);
    }
  }
  strmap_free(&seen, NULL);
}

static void climb_free(Climb *c) {
  free(c->q);
  free(c->routes);
}

/* Why the file is outside the provider, from the first root the climb met:
 * the chain from the file to it. NULL when every chain stays under it. */
static const char *uncovered_reason(RuleCtx *ctx, const Climb *c, const Module **route) {
  if (c->first_root == SIZE_MAX)
    return NULL;
  const Module *root = c->q[c->first_root].mod;
  bool root_is_route = path_is_route_file(root->app_path);
  *route = root_is_route ? root : NULL;
  /* Parents lead from the root back to this file (index 0). */
  size_t *path = NULL, len = 0, pcap = 0;
  for (size_t i = c->first_root; i != SIZE_MAX; i = c->q[i].parent)
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
      sb_appendf(&sb, " <- %s", c->q[path[k]].mod->src.path);
    if (!root_is_route)
      sb_append(&sb, " (imported by no linted file)");
  }
  free(path);
  char *text = sb_take(&sb);
  const char *out = arena_strdup(ctx->arena, text);
  free(text);
  return out;
}

/* Points the finding at the layout to mount the provider in: at its
 * `{children}` when it renders them once. */
static void relate_layout(RuleCtx *ctx, Diag *d, const Module *route) {
  const Module *layout = route ? layout_nearest(ctx, route) : NULL;
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
  if (n == 0) {
    free(calls);
    return;
  }
  Climb c;
  climb(ctx, &c);
  const Module *route = NULL;
  const char *reason = uncovered_reason(ctx, &c, &route);
  for (size_t i = 0; reason && i < n; i++) {
    TSNode fn = node_field(calls[i], "function");
    Diag *d =
        rule_report(ctx, ts_node_start_byte(fn), ts_node_end_byte(calls[i]), help_text,
                    "useOrganizationRealtimeContext() outside the dashboard provider: %s", reason);
    relate_layout(ctx, d, route);
    provider_context_suggest(ctx, d, calls[i], n);
    if (d && d->fix.applicability == FIX_NONE && !c.orphan)
      layout_provider_suggest(ctx, d, c.routes, c.nroutes);
  }
  climb_free(&c);
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
