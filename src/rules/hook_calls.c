#include "rules/hook_calls.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope_index.h"
#include "rules/app_paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool import_is_app_code(Project *p, const Module *m, const char *spec) {
  if (spec[0] == '.' || spec[0] == '/')
    return true;
  if (str_starts_with(spec, "@/") || str_starts_with(spec, "~/"))
    return true;
  char *path = NULL;
  bool ok = project_resolve_import(p, m, spec, &path);
  free(path);
  return ok;
}

static bool binding_ok(Project *p, const Module *m, const Binding *b) {
  if (b->kind == BIND_NONE)
    return true;
  return b->kind == BIND_IMPORT && import_is_app_code(p, m, b->source);
}

bool hook_call_name(Project *p, const Module *m, TSNode call, char *out, size_t cap) {
  const Source *src = &m->src;
  /* React hooks are named use*: other calls are not resolved at all. */
  uint32_t callee_len;
  const char *callee = call_callee_name(src, call, &callee_len);
  if (!callee || callee_len < 3 || strncmp(callee, "use", 3) != 0)
    return false;
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (node_is(fn, "identifier")) {
    char *name = node_text_dup(src, fn);
    Binding b = scope_lookup(m, fn, name);
    bool ok = binding_ok(p, m, &b) && strcmp(b.imported, "*") != 0;
    if (ok) {
      /* A named import is known by its exported name; a default import or
       * a global by the name written here. */
      bool named = b.kind == BIND_IMPORT && strcmp(b.imported, "default") != 0;
      snprintf(out, cap, "%s", named ? b.imported : name);
    }
    free(name);
    return ok;
  }
  if (node_is(fn, "member_expression")) {
    TSNode obj = node_unwrap(node_field(fn, "object"));
    TSNode prop = node_field(fn, "property");
    if (!node_is(obj, "identifier") || !node_is(prop, "property_identifier"))
      return false;
    char *name = node_text_dup(src, obj);
    Binding b = scope_lookup(m, obj, name);
    free(name);
    if (b.kind != BIND_IMPORT || strcmp(b.imported, "*") != 0 ||
        !import_is_app_code(p, m, b.source))
      return false;
    uint32_t len;
    const char *t = node_text(src, prop, &len);
    snprintf(out, cap, "%.*s", (int)len, t);
    return true;
  }
  return false;
}

bool module_defines_function(const Module *m, const char *name) {
  if (!m->tree)
    return false;
  Binding b = scope_lookup_toplevel(m, name);
  return b.kind == BIND_FUNCTION;
}

const char *module_realtime_type(const Module *m) {
  bool widget = path_has_dirs(m->app_path, "widget");
  bool dashboard = path_has_dirs(m->app_path, "dashboard");
  if (widget == dashboard)
    return NULL;
  return widget ? "widget" : "dashboard";
}

char module_quote(const Module *m) {
  size_t n;
  const TSNode *imports = scope_index_imports(scope_index_of(m), &n);
  TSNode source = n ? node_field(imports[0], "source") : (TSNode){0};
  if (ts_node_is_null(source))
    return '"';
  char q = m->src.bytes[ts_node_start_byte(source)];
  return q == '\'' ? q : '"';
}
