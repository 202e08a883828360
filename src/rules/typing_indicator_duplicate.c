/* typing-indicator-duplicate: a `*TypingIndicator` component defined outside
 * the canonical components/unified-ui/components/Realtime/TypingIndicator.tsx,
 * or outside the one rtlint.yaml names (realtime.canonical_typing_indicator)
 * (standards: Migration strategy, Phase 4 "Unify typing indicator
 * implementations"). The finding suggests binding the duplicate's name to
 * the canonical component in its own file (the configured one, else the
 * standards' path when the project has it): every import and use of the
 * duplicate then gets the canonical one. */
#include "core/util.h"
#include "fix/imports.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"
#include "rules/ctx.h"
#include "rules/hook_calls.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const needles[] = {"TypingIndicator", NULL};

#define CANONICAL_STEM "components/unified-ui/components/Realtime/TypingIndicator"
#define CANONICAL CANONICAL_STEM ".tsx"
#define SUFFIX "TypingIndicator"

static bool is_builtin_canonical(const char *path) {
  size_t n = strlen(path), c = strlen(CANONICAL);
  return str_ends_with(path, CANONICAL) && (n == c || path[n - c - 1] == '/');
}

/* The length of path without a .ts/.tsx/.mts/.cts extension. */
static size_t stem_len(const char *path) {
  static const char *const exts[] = {".tsx", ".ts", ".mts", ".cts"};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
    if (str_ends_with(path, exts[i]))
      return strlen(path) - strlen(exts[i]);
  return strlen(path);
}

static bool same_module(const char *a, const char *b) {
  size_t la = stem_len(a), lb = stem_len(b);
  return la == lb && memcmp(a, b, la) == 0;
}

static bool is_canonical(const RuleCtx *ctx) {
  const char *configured = ctx->std->canonical_typing_indicator;
  if (configured)
    return same_module(ctx->mod->fs_path, configured);
  return is_builtin_canonical(ctx->mod->src.path) || is_builtin_canonical(ctx->mod->fs_path);
}

/* Uppercase first letter, ending in TypingIndicator. */
static bool is_indicator_name(const Source *src, TSNode id) {
  uint32_t len;
  const char *t = node_text(src, id, &len);
  size_t sl = strlen(SUFFIX);
  return len >= sl && isupper((unsigned char)t[0]) && memcmp(t + len - sl, SUFFIX, sl) == 0;
}

/* An arrow/function expression, possibly wrapped in memo(...),
 * React.memo(...), forwardRef(...) or React.forwardRef(...). */
static bool is_component_value(const Source *src, TSNode v, int depth) {
  v = node_unwrap(v);
  if (node_is(v, "arrow_function") || node_is(v, "function_expression") || node_is(v, "function") ||
      node_is(v, "class"))
    return true;
  if (depth < 3 && node_is(v, "call_expression")) {
    uint32_t len;
    const char *name = call_callee_name(src, v, &len);
    if (name && (mem_eq_str(name, len, "memo") || mem_eq_str(name, len, "forwardRef")))
      return is_component_value(src, call_argument(v, 0), depth + 1);
  }
  return false;
}

typedef struct Walk {
  RuleCtx *ctx;
} Walk;

/* The module spec names from this file when it is `target` and exports the
 * component as `export_name`, or NULL. Looked up through the resolver, so
 * the findings cache knows the suggestion depends on that file (or on its
 * absence). */
static const Module *canonical_at(RuleCtx *ctx, const char *spec, const char *target,
                                  const char *export_name) {
  Binding probe;
  memset(&probe, 0, sizeof probe);
  if (strlen(spec) >= sizeof probe.source)
    return NULL;
  memcpy(probe.source, spec, strlen(spec) + 1);
  const Module *t = resolve_import_target(ctx->res, ctx->mod, &probe);
  if (!t || (target && !same_module(t->fs_path, target)) ||
      !resolve_find_export(ctx->res, t, export_name, 0).found)
    return NULL;
  return t;
}

/* How this file imports the canonical module: through "@/" when the file's
 * tsconfig maps a tail of its path so, else relative; NULL when neither
 * resolves to it or it has no named export `export_name` (a canonical that
 * does not exist gets no suggestion). */
static char *canonical_spec(RuleCtx *ctx, const char *target, const char *export_name) {
  size_t stem = stem_len(target);
  for (const char *slash = strchr(target + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    char *spec = xasprintf("@/%.*s", (int)(stem - (size_t)(slash + 1 - target)), slash + 1);
    if (canonical_at(ctx, spec, target, export_name))
      return spec;
    free(spec);
  }
  char *spec = fix_relative_spec(ctx->mod->fs_path, target, stem);
  if (canonical_at(ctx, spec, target, export_name))
    return spec;
  free(spec);
  return NULL;
}

/* Without a configured canonical, the standards' path where this file finds
 * it (arena string), or NULL: `@/components/unified-ui/...`, else
 * components/unified-ui/... in the file's folder or one above it, up to the
 * project root (an app under src/ keeps it in src/components/). */
static const char *builtin_canonical(RuleCtx *ctx) {
  const Module *t = canonical_at(ctx, "@/" CANONICAL_STEM, NULL, "TypingIndicator");
  if (t && is_builtin_canonical(t->fs_path))
    return arena_strdup(ctx->arena, t->fs_path);
  const char *path = ctx->mod->fs_path, *root = ctx->proj->root;
  size_t rlen = root ? strlen(root) : 0;
  if (!root || strncmp(path, root, rlen) != 0 || (path[rlen] != '/' && rlen > 1))
    return NULL;
  for (const char *end = strrchr(path, '/'); end && (size_t)(end - path) >= rlen;) {
    char *target = xasprintf("%.*s/%s", (int)(end - path), path, CANONICAL);
    char *spec = fix_relative_spec(path, target, stem_len(target));
    const char *found = canonical_at(ctx, spec, target, "TypingIndicator")
                            ? arena_strdup(ctx->arena, target)
                            : NULL;
    free(spec);
    free(target);
    if (found)
      return found;
    if (end == path)
      break;
    const char *up = end - 1;
    while (up > path && *up != '/')
      up--;
    end = *up == '/' ? up : NULL;
  }
  return NULL;
}

/* The top-level statement declaring the component: its declaration, or the
 * export statement around it; null when it is nested or declares more. */
static TSNode top_statement(const Module *m, TSNode name) {
  TSNode decl = scope_node_parent(m, name);
  if (node_is(decl, "variable_declarator")) {
    decl = scope_node_parent(m, decl);
    if (ts_node_named_child_count(decl) != 1)
      return (TSNode){0};
  }
  TSNode up = scope_node_parent(m, decl);
  if (node_is(up, "export_statement")) {
    decl = up;
    up = scope_node_parent(m, up);
  }
  return node_is(up, "program") ? decl : (TSNode){0};
}

static bool exports_default(const Source *src, TSNode stmt) {
  uint32_t n = ts_node_child_count(stmt);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_child(stmt, i);
    if (!ts_node_is_named(c) && node_text_eq(src, c, "default"))
      return true;
  }
  return false;
}

/* Whether the file ends its imports with semicolons (yes when it has none). */
static bool module_semicolons(const Module *m) {
  size_t n;
  const TSNode *imports = scope_index_imports(scope_index_of(m), &n);
  return n == 0 || m->src.bytes[ts_node_end_byte(imports[0]) - 1] == ';';
}

static uint32_t import_point(const Module *m, bool *after) {
  size_t n;
  const TSNode *imports = scope_index_imports(scope_index_of(m), &n);
  *after = true;
  if (n)
    return ts_node_end_byte(imports[n - 1]);
  TSNode root = ts_tree_root_node(m->tree);
  TSNode first = ts_node_named_child(root, 0);
  if (node_is(first, "expression_statement") && node_is(ts_node_named_child(first, 0), "string"))
    return ts_node_end_byte(first);
  *after = false;
  return 0;
}

/* The suggestion: `import { TypingIndicator as X } from "<canonical>"`, and
 * the definition replaced by `export { X };` (`export default X;`, or
 * nothing when it was not exported), so the file's importers and its own
 * uses get the canonical component under the name they know. */
static void suggest_canonical(RuleCtx *ctx, Diag *d, TSNode name) {
  TSNode stmt = top_statement(ctx->mod, name);
  if (!d || ts_node_is_null(stmt))
    return;
  const char *target = ctx->std->canonical_typing_indicator;
  if (!target)
    target = builtin_canonical(ctx);
  if (!target)
    return;
  const char *base = strrchr(target, '/') ? strrchr(target, '/') + 1 : target;
  int base_len = (int)(stem_len(base));
  char *export_name = xstrndup(base, (size_t)base_len);
  char *spec = canonical_spec(ctx, target, export_name);
  free(export_name);
  if (!spec)
    return;
  const Source *src = &ctx->mod->src;
  char *local = node_text_dup(src, name);
  char quote = module_quote(ctx->mod);
  bool semi = module_semicolons(ctx->mod);
  char *binding = strlen(local) == (size_t)base_len && memcmp(local, base, (size_t)base_len) == 0
                      ? xstrdup(local)
                      : xasprintf("%.*s as %s", base_len, base, local);
  char *import =
      xasprintf("import { %s } from %c%s%c%s", binding, quote, spec, quote, semi ? ";" : "");
  bool after;
  uint32_t at = import_point(ctx->mod, &after);
  char *text = after ? xasprintf("\n%s", import) : xasprintf("%s\n", import);
  diag_add_edit(d, at, at, text);
  free(text);
  const char *exp = NULL;
  if (node_is(stmt, "export_statement"))
    exp = exports_default(src, stmt) ? "export default %s%s" : "export { %s }%s";
  char *todo = xasprintf("// TODO(rtlint): %s is now the canonical %.*s; check the props where it "
                         "is used and delete what only the old one used",
                         local, base_len, base);
  char *repl = exp ? xasprintf("%s\n", todo) : xstrdup(todo);
  if (exp) {
    char *e = xasprintf(exp, local, semi ? ";" : "");
    char *both = xasprintf("%s%s", repl, e);
    free(repl);
    free(e);
    repl = both;
  }
  diag_add_edit(d, ts_node_start_byte(stmt), ts_node_end_byte(stmt), repl);
  char *title = xasprintf("Use the canonical %.*s for %s", base_len, base, local);
  diag_set_fix(d, FIX_SUGGESTION, title);
  free(title);
  free(repl);
  free(todo);
  free(import);
  free(binding);
  free(local);
  free(spec);
}

static void report(RuleCtx *ctx, TSNode name) {
  uint32_t len;
  const char *t = node_text(&ctx->mod->src, name, &len);
  const char *configured = ctx->std->canonical_typing_indicator;
  char *shown = configured ? project_display_path(ctx->proj, configured) : xstrdup(CANONICAL);
  char *help = xasprintf("use `TypingIndicator` from %s and delete this copy once unused", shown);
  Diag *d = rule_report(ctx, ts_node_start_byte(name), ts_node_end_byte(name), help,
                        "`%.*s` is another typing indicator component; use the canonical "
                        "`TypingIndicator` (%s)",
                        (int)len, t, shown);
  free(help);
  free(shown);
  suggest_canonical(ctx, d, name);
}

static bool visit(TSNode n, void *data) {
  Walk *w = data;
  const Source *src = &w->ctx->mod->src;
  TSNode name = {0};
  if (node_is(n, "function_declaration") || node_is(n, "class_declaration") ||
      node_is(n, "abstract_class_declaration")) {
    name = node_field(n, "name");
  } else if (node_is(n, "variable_declarator")) {
    TSNode id = node_field(n, "name");
    if (node_is(id, "identifier") && is_component_value(src, node_field(n, "value"), 0))
      name = id;
  }
  if (!ts_node_is_null(name) && is_indicator_name(src, name))
    report(w->ctx, name);
  return true;
}

static void check(RuleCtx *ctx) {
  if (is_canonical(ctx))
    return;
  Walk w = {ctx};
  ast_walk(ts_tree_root_node(ctx->mod->tree), visit, &w);
}

const RuleMeta rule_typing_indicator_duplicate = {
    .id = "typing-indicator-duplicate",
    .phase = 4,
    .default_severity = SEV_WARNING,
    .fixable = FIX_SUGGESTION,
    .summary = "A typing indicator component defined outside the canonical "
               "`components/unified-ui/components/Realtime/TypingIndicator.tsx`.",
    .needles = needles,
    .check = check,
};
