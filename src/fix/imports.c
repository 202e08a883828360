#include "fix/imports.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "resolve/scope_index.h"

#include <stdlib.h>

#define STANDARDS_SPEC_ALIAS "@/lib/realtime/unified-channel-standards"

typedef struct ImportStyle {
  char quote;
  bool semicolon;
  bool uses_alias; /* some import already goes through "@/" */
  TSNode last_import;
  TSNode standards_import; /* an import from the standards module */
} ImportStyle;

static bool spec_is_standards(Project *p, const Module *m, const char *spec) {
  if (strstr(spec, "unified-channel-standards"))
    return true;
  char *path = NULL;
  bool yes = false;
  if (project_resolve_import(p, m, spec, &path)) {
    const Module *t = project_module_source(p, path);
    yes = t && t->is_standards;
  }
  free(path);
  return yes;
}

static ImportStyle scan_imports(Project *p, const Module *m) {
  ImportStyle st;
  memset(&st, 0, sizeof st);
  st.quote = '"';
  st.semicolon = true;
  bool first = true;
  /* The index lists the imports: a file with many fixes would otherwise
   * rescan every top-level statement for each. */
  size_t n;
  const TSNode *imports = scope_index_imports(scope_index_of(m), &n);
  for (size_t i = 0; i < n; i++) {
    TSNode imp = imports[i];
    TSNode source = node_field(imp, "source");
    StrBuf spec = {0};
    node_string_value(&m->src, source, &spec);
    if (first) {
      st.quote = m->src.bytes[ts_node_start_byte(source)];
      st.semicolon = m->src.bytes[ts_node_end_byte(imp) - 1] == ';';
      first = false;
    }
    st.uses_alias = st.uses_alias || str_starts_with(sb_cstr(&spec), "@/");
    if (ts_node_is_null(st.standards_import) && spec_is_standards(p, m, sb_cstr(&spec)))
      st.standards_import = imp;
    st.last_import = imp;
    sb_free(&spec);
  }
  return st;
}

static TSNode named_imports_of(TSNode imp) {
  return node_child_of(node_child_of(imp, "import_clause"), "named_imports");
}

/* The path from m's directory to the standards module, when the tree has
 * one; "./lib/realtime/..." style relative specifiers without extension. */
char *fix_relative_spec(const char *from, const char *to, size_t to_len) {
  size_t common = 0;
  for (size_t i = 0; from[i] && i < to_len && from[i] == to[i]; i++)
    if (from[i] == '/')
      common = i + 1;
  StrBuf sb = {0};
  int ups = 0;
  for (const char *c = from + common; *c; c++)
    ups += *c == '/';
  if (ups == 0)
    sb_append(&sb, "./");
  for (int i = 0; i < ups; i++)
    sb_append(&sb, "../");
  sb_append_n(&sb, to + common, to_len - common);
  return sb_take(&sb);
}

static char *relative_spec(Project *p, const Module *m) {
  const Module *target = NULL;
  pthread_mutex_lock(&p->lock);
  for (size_t i = 0; i < p->nmodules && !target; i++)
    if (p->modules[i]->is_standards)
      target = p->modules[i];
  pthread_mutex_unlock(&p->lock);
  if (!target)
    return NULL;
  const char *to = target->fs_path;
  const char *dot = strrchr(to, '.');
  const char *slash = strrchr(to, '/');
  return fix_relative_spec(m->fs_path, to, dot && dot > slash ? (size_t)(dot - to) : strlen(to));
}

static bool tsconfig_maps_alias(Project *p, const Module *m) {
  const char *const probe = STANDARDS_SPEC_ALIAS;
  char *path = NULL;
  bool ok = project_resolve_import(p, m, probe, &path);
  free(path);
  return ok;
}

/* After a leading "use client" / "use strict" directive, else at 0. */
static uint32_t top_insert_point(const Module *m, bool *after_directive) {
  TSNode root = ts_tree_root_node(m->tree);
  uint32_t pos = 0;
  *after_directive = false;
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(root, i);
    if (node_is(st, "comment"))
      continue;
    if (node_is(st, "expression_statement") && node_is(ts_node_named_child(st, 0), "string")) {
      pos = ts_node_end_byte(st);
      *after_directive = true;
      continue;
    }
    break;
  }
  return pos;
}

/* The edit fix_require_standard_import adds, or false when m binds name. */
static bool standard_import_edit(Project *p, const Module *m, const char *name, Edit *out) {
  if (scope_lookup_toplevel(m, name).kind != BIND_NONE)
    return false;
  ImportStyle st = scan_imports(p, m);
  TSNode named =
      ts_node_is_null(st.standards_import) ? (TSNode){0} : named_imports_of(st.standards_import);
  if (!ts_node_is_null(named)) {
    uint32_t count = ts_node_named_child_count(named);
    if (count > 0) {
      TSNode last = ts_node_named_child(named, count - 1);
      *out = (Edit){ts_node_end_byte(last), ts_node_end_byte(last), xasprintf(", %s", name), NULL};
    } else {
      *out = (Edit){ts_node_start_byte(named), ts_node_end_byte(named), xasprintf("{ %s }", name),
                    NULL};
    }
    return true;
  }
  char *spec = NULL;
  if (st.uses_alias || tsconfig_maps_alias(p, m))
    spec = xstrdup(STANDARDS_SPEC_ALIAS);
  else if (!(spec = relative_spec(p, m)))
    spec = xstrdup(STANDARDS_SPEC_ALIAS);
  char *stmt = xasprintf("import { %s } from %c%s%c%s", name, st.quote, spec, st.quote,
                         st.semicolon ? ";" : "");
  if (!ts_node_is_null(st.last_import)) {
    uint32_t at = ts_node_end_byte(st.last_import);
    *out = (Edit){at, at, xasprintf("\n%s", stmt), NULL};
  } else {
    bool after_directive;
    uint32_t at = top_insert_point(m, &after_directive);
    *out = (Edit){at, at, after_directive ? xasprintf("\n\n%s", stmt) : xasprintf("%s\n\n", stmt),
                  NULL};
  }
  free(stmt);
  free(spec);
  return true;
}

/* While one file's rules run, every finding that needs UNIFIED_EVENTS (or
 * UNIFIED_CHANNELS) in a module gets the same edit: it is worked out once.
 * Only between begin and end, while the modules asked about are held. */
#define IMPORT_MEMO_SIZE 4
static _Thread_local struct {
  bool active;
  size_t n, next;
  struct {
    const Module *m;
    char *name;
    bool needed;
    Edit edit;
  } e[IMPORT_MEMO_SIZE];
} memo;

void fix_import_memo_begin(void) {
  memo.active = true;
}

void fix_import_memo_end(void) {
  for (size_t i = 0; i < memo.n; i++) {
    free(memo.e[i].name);
    free(memo.e[i].edit.text);
  }
  memset(&memo, 0, sizeof memo);
}

void fix_require_standard_import(Diag *d, Project *p, const Module *m, const char *name) {
  for (size_t i = 0; memo.active && i < memo.n; i++)
    if (memo.e[i].m == m && strcmp(memo.e[i].name, name) == 0) {
      if (memo.e[i].needed)
        diag_add_edit_in(d, &m->src, memo.e[i].edit.start, memo.e[i].edit.end, memo.e[i].edit.text);
      return;
    }
  Edit edit = {0};
  bool needed = standard_import_edit(p, m, name, &edit);
  if (needed)
    diag_add_edit_in(d, &m->src, edit.start, edit.end, edit.text);
  if (!memo.active) {
    free(edit.text);
    return;
  }
  size_t slot = memo.n < IMPORT_MEMO_SIZE ? memo.n++ : memo.next++ % IMPORT_MEMO_SIZE;
  free(memo.e[slot].name);
  free(memo.e[slot].edit.text);
  memo.e[slot].m = m;
  memo.e[slot].name = xstrdup(name);
  memo.e[slot].needed = needed;
  memo.e[slot].edit = edit;
}

/* m's import of exactly `spec` with named imports, or a null node. */
static TSNode named_import_of_spec(const Module *m, const char *spec) {
  size_t n;
  const TSNode *imports = scope_index_imports(scope_index_of(m), &n);
  for (size_t i = 0; i < n; i++) {
    StrBuf sb = {0};
    node_string_value(&m->src, node_field(imports[i], "source"), &sb);
    bool same = strcmp(sb_cstr(&sb), spec) == 0;
    sb_free(&sb);
    TSNode named = named_imports_of(imports[i]);
    bool type_only =
        strncmp(m->src.bytes + ts_node_start_byte(imports[i]), "import type ", 12) == 0;
    if (same && !type_only && !ts_node_is_null(named))
      return named;
  }
  return (TSNode){0};
}

bool fix_require_named_import(Diag *d, Project *p, const Module *m, const char *name,
                              const char *spec) {
  Binding b = scope_lookup_toplevel(m, name);
  if (b.kind == BIND_IMPORT)
    return strcmp(b.source, spec) == 0 && strcmp(b.imported, name) == 0;
  if (b.kind != BIND_NONE)
    return false;
  TSNode named = named_import_of_spec(m, spec);
  uint32_t count = ts_node_is_null(named) ? 0 : ts_node_named_child_count(named);
  if (count > 0) {
    TSNode last = ts_node_named_child(named, count - 1);
    char *text = xasprintf(", %s", name);
    diag_add_edit_in(d, &m->src, ts_node_end_byte(last), ts_node_end_byte(last), text);
    free(text);
    return true;
  }
  ImportStyle st = scan_imports(p, m);
  char *stmt = xasprintf("import { %s } from %c%s%c%s", name, st.quote, spec, st.quote,
                         st.semicolon ? ";" : "");
  bool after_directive = false;
  uint32_t at = ts_node_is_null(st.last_import) ? top_insert_point(m, &after_directive)
                                                : ts_node_end_byte(st.last_import);
  char *text = !ts_node_is_null(st.last_import) ? xasprintf("\n%s", stmt)
               : after_directive                ? xasprintf("\n\n%s", stmt)
                                                : xasprintf("%s\n\n", stmt);
  diag_add_edit_in(d, &m->src, at, at, text);
  free(text);
  free(stmt);
  return true;
}
