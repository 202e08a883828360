#include "resolve/scope.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/scope_index.h"

#include <stdint.h>
#include <stdio.h>

static TSNode param_name_node(TSNode param) {
  /* required_parameter / optional_parameter have a `pattern` field. */
  TSNode pat = node_field(param, "pattern");
  if (!ts_node_is_null(pat))
    return pat;
  return param;
}

int function_param_index(const Module *m, TSNode fn, const char *name) {
  TSNode single = node_field(fn, "parameter");
  if (!ts_node_is_null(single))
    return node_is(single, "identifier") && node_text_eq(&m->src, single, name) ? 0 : -1;
  TSNode params = node_field(fn, "parameters");
  if (ts_node_is_null(params))
    return -1;
  uint32_t n = ts_node_named_child_count(params);
  int index = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    if (node_is(p, "comment"))
      continue;
    TSNode pat = param_name_node(p);
    if (node_is(pat, "identifier") && node_text_eq(&m->src, pat, name))
      return index;
    index++;
  }
  return -1;
}

static bool is_ident_char(char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Whether [start, end) of params lies in a type annotation: a name written
 * in a parameter's type (`{ a }: { orgId: string }`) binds nothing. */
static bool in_type_annotation(const Module *m, TSNode params, uint32_t start, uint32_t end) {
  for (TSNode n = ts_node_descendant_for_byte_range(params, start, end);
       !ts_node_is_null(n) && !ts_node_eq(n, params); n = scope_node_parent(m, n))
    if (node_is(n, "type_annotation"))
      return true;
  return false;
}

/* Any mention of name inside a destructuring parameter also shadows it,
 * except in a type annotation. */
static bool params_mention(const Module *m, TSNode fn, const char *name) {
  TSNode params = node_field(fn, "parameters");
  if (ts_node_is_null(params))
    return false;
  uint32_t len;
  const char *t = node_text(&m->src, params, &len);
  size_t nlen = strlen(name);
  for (uint32_t i = 0; i + nlen <= len; i++) {
    if (memcmp(t + i, name, nlen) != 0)
      continue;
    char before = i ? t[i - 1] : ' ', after = i + nlen < len ? t[i + nlen] : ' ';
    uint32_t at = ts_node_start_byte(params) + i;
    if (!is_ident_char(before) && !is_ident_char(after) &&
        !in_type_annotation(m, params, at, at + (uint32_t)nlen))
      return true;
  }
  return false;
}
typedef struct Returns {
  TSNode fn;
  TSNode *out;
  size_t n, max;
} Returns;

static bool collect_return(TSNode n, void *data) {
  Returns *rs = data;
  if (node_is_function(n) && !ts_node_eq(n, rs->fn))
    return false; /* a nested function's returns are its own */
  if (node_is(n, "class_declaration") || node_is(n, "class"))
    return false;
  if (node_is(n, "return_statement")) {
    if (ts_node_named_child_count(n) > 0 && rs->n < rs->max)
      rs->out[rs->n++] = ts_node_named_child(n, 0);
    return false;
  }
  return rs->n < rs->max;
}

size_t function_returns(TSNode fn, TSNode *out, size_t max) {
  TSNode body = node_field(fn, "body");
  if (ts_node_is_null(body) || max == 0)
    return 0;
  if (!node_is(body, "statement_block")) {
    out[0] = body;
    return 1;
  }
  Returns rs = {fn, out, 0, max};
  ast_walk(body, collect_return, &rs);
  return rs.n;
}

typedef struct Assigned {
  const Module *m;
  const char *name;
  bool found;
} Assigned;

static bool find_assignment(TSNode n, void *data) {
  Assigned *a = data;
  if (a->found)
    return false;
  if (node_is(n, "assignment_expression") || node_is(n, "augmented_assignment_expression")) {
    TSNode left = node_field(n, "left");
    if (node_is(left, "identifier") && node_text_eq(&a->m->src, left, a->name))
      a->found = true;
  } else if (node_is(n, "update_expression")) {
    TSNode arg = node_field(n, "argument");
    if (node_is(arg, "identifier") && node_text_eq(&a->m->src, arg, a->name))
      a->found = true;
  }
  return true;
}

/* A block's assignments are collected once (scope_index_assigned); a for
 * loop's head is small enough to walk. */
static bool reassigned_in(const Module *m, TSNode scope, const char *name) {
  const ScopeIndex *ix = scope_index_of(m);
  int32_t i = scope_index_innermost(ix, scope);
  if (i >= 0 && ts_node_eq(scope_index_node(ix, i), scope))
    return scope_index_assigned(m, ix, i, name);
  Assigned a = {m, name, false};
  ast_walk(scope, find_assignment, &a);
  return a.found;
}

/* Patterns nested deeper than this are not looked into (no unbounded
 * recursion); scope_function_of follows as many useCallback wrappers. */
#define PATTERN_MAX_DEPTH 32

static bool destructured_default_at(const Module *m, TSNode pattern, const char *name, Binding *b,
                                    int depth);

/* `const { a = "x" } = obj` / `const [a = "x"] = arr`: the literal default. */
static bool destructured_default(const Module *m, TSNode pattern, const char *name, Binding *b) {
  return destructured_default_at(m, pattern, name, b, 0);
}

static bool destructured_default_at(const Module *m, TSNode pattern, const char *name, Binding *b,
                                    int depth) {
  if (depth > PATTERN_MAX_DEPTH)
    return false;
  uint32_t n = ts_node_named_child_count(pattern);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(pattern, i);
    if (node_is(c, "object_assignment_pattern") || node_is(c, "assignment_pattern")) {
      TSNode left = node_field(c, "left");
      if ((node_is(left, "shorthand_property_identifier_pattern") || node_is(left, "identifier")) &&
          node_text_eq(&m->src, left, name)) {
        b->kind = BIND_VALUE;
        b->node = node_field(c, "right");
        b->decl = left;
        return true;
      }
    } else if (node_is(c, "pair_pattern")) {
      TSNode v = node_field(c, "value");
      if (node_is(v, "assignment_pattern") || node_is(v, "object_pattern")) {
        TSNode holder = node_is(v, "assignment_pattern") ? scope_node_parent(m, v) : v;
        if (node_is(v, "assignment_pattern")) {
          TSNode left = node_field(v, "left");
          if (node_is(left, "identifier") && node_text_eq(&m->src, left, name)) {
            b->kind = BIND_VALUE;
            b->node = node_field(v, "right");
            b->decl = left;
            return true;
          }
        } else if (destructured_default_at(m, holder, name, b, depth + 1)) {
          return true;
        }
      } else if (node_is(v, "identifier") && node_text_eq(&m->src, v, name)) {
        b->kind = BIND_UNKNOWN;
        b->decl = v;
        return true;
      }
    } else if ((node_is(c, "shorthand_property_identifier_pattern") || node_is(c, "identifier")) &&
               node_text_eq(&m->src, c, name)) {
      b->kind = BIND_UNKNOWN;
      b->decl = c;
      return true;
    } else if (node_is(c, "object_pattern") || node_is(c, "array_pattern")) {
      if (destructured_default_at(m, c, name, b, depth + 1))
        return true;
    }
  }
  return false;
}

static bool match_declarator(const Module *m, TSNode decl, bool is_const, TSNode scope,
                             const char *name, Binding *b) {
  TSNode id = node_field(decl, "name");
  TSNode value = node_field(decl, "value");
  if (node_is(id, "identifier")) {
    if (!node_text_eq(&m->src, id, name))
      return false;
    b->decl = id;
    if (ts_node_is_null(value) || (!is_const && reassigned_in(m, scope, name))) {
      b->kind = BIND_UNKNOWN;
      return true;
    }
    TSNode v = node_unwrap(value);
    if (node_is(v, "arrow_function") || node_is(v, "function_expression") ||
        node_is(v, "function")) {
      b->kind = BIND_FUNCTION;
      b->node = v;
    } else {
      b->kind = BIND_VALUE;
      b->node = value;
    }
    return true;
  }
  if (node_is(id, "object_pattern") || node_is(id, "array_pattern")) {
    if (!destructured_default(m, id, name, b))
      return false;
    if (b->kind == BIND_VALUE && !is_const && reassigned_in(m, scope, name))
      b->kind = BIND_UNKNOWN;
    return true;
  }
  return false;
}

/* False when the value does not fit: a cut specifier could name another
 * file, so the caller must not use it. */
static bool copy_string_value(const Module *m, TSNode str, char *out, size_t cap) {
  StrBuf sb = {0};
  node_string_value(&m->src, str, &sb);
  bool fits = sb.len < cap;
  snprintf(out, cap, "%s", fits ? sb_cstr(&sb) : "");
  sb_free(&sb);
  return fits;
}

static bool match_import(const Module *m, TSNode imp, const char *name, Binding *b) {
  TSNode source = node_field(imp, "source");
  uint32_t n = ts_node_named_child_count(imp);
  for (uint32_t i = 0; i < n; i++) {
    TSNode clause = ts_node_named_child(imp, i);
    if (!node_is(clause, "import_clause"))
      continue;
    uint32_t cn = ts_node_named_child_count(clause);
    for (uint32_t j = 0; j < cn; j++) {
      TSNode c = ts_node_named_child(clause, j);
      const char *imported = NULL;
      TSNode local = {0};
      if (node_is(c, "identifier") && node_text_eq(&m->src, c, name)) {
        imported = "default";
        local = c;
      } else if (node_is(c, "namespace_import")) {
        TSNode id = ts_node_named_child(c, 0);
        if (node_is(id, "identifier") && node_text_eq(&m->src, id, name)) {
          imported = "*";
          local = id;
        }
      } else if (node_is(c, "named_imports")) {
        uint32_t sn = ts_node_named_child_count(c);
        for (uint32_t k = 0; k < sn && !imported; k++) {
          TSNode spec = ts_node_named_child(c, k);
          if (!node_is(spec, "import_specifier"))
            continue;
          TSNode nm = node_field(spec, "name"), alias = node_field(spec, "alias");
          TSNode loc = ts_node_is_null(alias) ? nm : alias;
          if (node_text_eq(&m->src, loc, name)) {
            local = loc;
            uint32_t len;
            const char *t = node_text(&m->src, nm, &len);
            snprintf(b->imported, sizeof b->imported, "%.*s", (int)len, t);
            imported = len < sizeof b->imported ? b->imported : "";
          }
        }
      }
      if (imported) {
        b->decl = local;
        if (imported != b->imported)
          snprintf(b->imported, sizeof b->imported, "%s", imported);
        /* A name or specifier too long to hold is declared, but not followed. */
        bool whole = *imported && copy_string_value(m, source, b->source, sizeof b->source);
        b->kind = whole ? BIND_IMPORT : BIND_UNKNOWN;
        return true;
      }
    }
  }
  return false;
}

static bool match_statement(const Module *m, TSNode st, TSNode scope, const char *name,
                            Binding *b) {
  if (node_is(st, "export_statement")) {
    TSNode decl = node_field(st, "declaration");
    if (ts_node_is_null(decl))
      return false;
    st = decl;
  }
  if (node_is(st, "lexical_declaration") || node_is(st, "variable_declaration")) {
    TSNode kind = ts_node_child(st, 0);
    bool is_const = node_text_eq(&m->src, kind, "const");
    uint32_t n = ts_node_named_child_count(st);
    for (uint32_t i = 0; i < n; i++) {
      TSNode d = ts_node_named_child(st, i);
      if (node_is(d, "variable_declarator") && match_declarator(m, d, is_const, scope, name, b))
        return true;
    }
    return false;
  }
  bool is_function =
      node_is(st, "function_declaration") || node_is(st, "generator_function_declaration");
  if (is_function || node_is(st, "class_declaration") ||
      node_is(st, "abstract_class_declaration")) {
    TSNode id = node_field(st, "name");
    if (!ts_node_is_null(id) && node_text_eq(&m->src, id, name)) {
      b->kind = is_function ? BIND_FUNCTION : BIND_CLASS;
      b->node = st;
      b->decl = id;
      return true;
    }
    return false;
  }
  if (node_is(st, "import_statement"))
    return match_import(m, st, name, b);
  return false;
}

static bool is_scope_block(TSNode n) {
  return node_is(n, "program") || node_is(n, "statement_block") || node_is(n, "switch_case") ||
         node_is(n, "switch_default");
}

/* Only the statements the index names can declare `name`; each is checked
 * exactly, in order, so the first real declaration wins as in a full scan. */
static bool scan_block(const Module *m, const ScopeIndex *ix, int32_t i, const char *name,
                       Binding *b) {
  size_t n;
  const TSNode *stmts = scope_index_declarers(m, ix, i, name, &n);
  TSNode block = scope_index_node(ix, i);
  /* The work is the statements checked: the first declaration ends the scan. */
  size_t k = 0;
  bool found = false;
  while (k < n && !found)
    found = match_statement(m, stmts[k++], block, name, b);
  ast_work_add(k);
  budget_charge(k);
  return found;
}

static Binding lookup_from(const Module *m, const ScopeIndex *ix, int32_t innermost,
                           const char *name) {
  Binding b;
  memset(&b, 0, sizeof b);
  uint64_t levels = 0;
  for (int32_t level = innermost; level >= 0; level = scope_index_parent(ix, level), levels++) {
    TSNode n = scope_index_node(ix, level);
    if (is_scope_block(n)) {
      if (scan_block(m, ix, level, name, &b))
        break;
    } else if (node_is_function(n)) {
      if (function_param_index(m, n, name) >= 0) {
        b.kind = BIND_PARAM;
        b.node = n;
        break;
      }
      if (params_mention(m, n, name)) {
        b.kind = BIND_UNKNOWN;
        b.node = n; /* the function: tells its destructured names from another's */
        break;
      }
      /* A named function expression can refer to itself. */
      TSNode id = node_field(n, "name");
      if (!node_is(n, "function_declaration") && !ts_node_is_null(id) &&
          node_is(id, "identifier") && node_text_eq(&m->src, id, name)) {
        b.kind = BIND_FUNCTION;
        b.node = n;
        break;
      }
    } else if (node_is(n, "catch_clause") || node_is(n, "for_in_statement") ||
               node_is(n, "for_statement")) {
      TSNode head = node_is(n, "catch_clause") ? node_field(n, "parameter") : node_field(n, "left");
      if (node_is(n, "for_statement"))
        head = node_field(n, "initializer");
      if (!ts_node_is_null(head) && node_text_eq(&m->src, head, name)) {
        b.kind = BIND_UNKNOWN;
        break;
      }
      if (!ts_node_is_null(head) && node_is(head, "lexical_declaration") &&
          match_statement(m, head, n, name, &b)) {
        if (node_is(n, "for_statement"))
          b.kind = BIND_UNKNOWN;
        break;
      }
    }
  }
  ast_work_add(levels);
  budget_charge(levels + 1);
  return b;
}

/* lookup_from, once per scope and name: the rules and the facts ask again
 * at each site in a scope. A remembered answer charges what finding it did,
 * whichever thread found it; one cut short by the budget is not kept (a
 * later file's lint may read this module too). */
static Binding lookup_remembered(const Module *m, const ScopeIndex *ix, int32_t innermost,
                                 const char *name) {
  Binding b;
  uint64_t charge;
  if (!ix || innermost < 0)
    return lookup_from(m, ix, innermost, name);
  if (scope_index_recall(ix, innermost, name, &b, &charge)) {
    ast_work_add(charge);
    budget_charge(charge);
    return b;
  }
  uint64_t before = budget_spent();
  b = lookup_from(m, ix, innermost, name);
  if (!budget_exceeded() && !budget_paused())
    scope_index_remember(ix, innermost, name, &b, budget_spent() - before);
  return b;
}

Binding scope_lookup(const Module *m, TSNode at, const char *name) {
  if (budget_exceeded())
    return (Binding){0};
  const ScopeIndex *ix = scope_index_of(m);
  return lookup_remembered(m, ix, scope_index_innermost(ix, at), name);
}

Binding scope_lookup_range(const Module *m, uint32_t start, uint32_t end, const char *name) {
  if (budget_exceeded())
    return (Binding){0};
  const ScopeIndex *ix = scope_index_of(m);
  return lookup_remembered(m, ix, scope_index_innermost_range(ix, start, end), name);
}

TSNode scope_node_for_range(const Module *m, uint32_t start, uint32_t end) {
  const ScopeIndex *ix = scope_index_of(m);
  int32_t i = scope_index_innermost_range(ix, start, end);
  TSNode from = i >= 0 ? scope_index_node(ix, i) : ts_tree_root_node(m->tree);
  /* Both lie on tree-sitter's one path down to the answer: the narrower is
   * the deeper. */
  TSNode anchor = scope_index_anchor_range(ix, start, end);
  if (!ts_node_is_null(anchor) && ts_node_end_byte(anchor) - ts_node_start_byte(anchor) <
                                      ts_node_end_byte(from) - ts_node_start_byte(from))
    from = anchor;
  ast_work_add(ts_node_child_count(from)); /* the most the descent's first level visits */
  return ts_node_descendant_for_byte_range(from, start, end);
}

/* From an ancestor of n, the child on the way down to n, until n is a child. */
static TSNode parent_below(TSNode from, TSNode n) {
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  uint64_t visited = 0;
  TSNode parent = {0};
  for (TSNode cur = from; ts_node_is_null(parent);) {
    TSTreeCursor c = ts_tree_cursor_new(cur);
    TSNode next = {0};
    bool found = false;
    if (ts_tree_cursor_goto_first_child(&c)) {
      do {
        visited++;
        TSNode child = ts_tree_cursor_current_node(&c);
        if (ts_node_eq(child, n)) {
          found = true;
          break;
        }
        if (ts_node_start_byte(child) > start)
          break;
        if (end <= ts_node_end_byte(child)) {
          next = child;
          break;
        }
      } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    if (found)
      parent = cur;
    else if (ts_node_is_null(next))
      break;
    else
      cur = next;
  }
  ast_work_add(visited);
  return parent;
}

TSNode scope_node_parent(const Module *m, TSNode n) {
  const ScopeIndex *ix = scope_index_of(m);
  if (!ix || ts_node_start_byte(n) == ts_node_end_byte(n))
    return ast_parent(n);
  TSNode parent = {0}, from = {0};
  if (scope_index_parent_hint(ix, n, &parent, &from))
    return parent;
  TSNode found = ts_node_is_null(from) ? from : parent_below(from, n);
  return ts_node_is_null(found) ? ast_parent(n) : found;
}

/* The anchors on the descent to [start, end), the outermost first, into a
 * malloc'd *out: their number, or SIZE_MAX when they are more than the max
 * ancestors (each but the innermost is an ancestor of the range's node). An
 * empty range may lie between two children: the scan below decides it. */
static size_t anchor_path(const ScopeIndex *ix, uint32_t start, uint32_t end, size_t max,
                          int32_t **out) {
  *out = NULL;
  if (!ix || start == end)
    return 0;
  int32_t inner = scope_index_anchor_innermost(ix, start, end);
  size_t n = 0;
  for (int32_t i = inner; i >= 0; i = scope_index_anchor_parent(ix, i))
    if (++n > max + 1)
      return SIZE_MAX;
  ast_work_add(n);
  *out = xmalloc((n + 1) * sizeof **out);
  size_t k = n;
  for (int32_t i = inner; i >= 0; i = scope_index_anchor_parent(ix, i))
    (*out)[--k] = i;
  return n;
}

/* Moves the cursor to its child holding [start, end]. tree-sitter finds the
 * first child past start by visiting every child before it when they are a
 * flat list: the work counts them. */
static bool child_on_path(TSTreeCursor *cur, uint32_t start, uint32_t end, uint64_t *visited) {
  int64_t i = ts_tree_cursor_goto_first_child_for_byte(cur, start);
  if (i < 0)
    return false;
  *visited += (uint64_t)i + 1;
  for (;;) {
    TSNode child = ts_tree_cursor_current_node(cur);
    if (ts_node_start_byte(child) <= start && ts_node_end_byte(child) >= end)
      return true;
    if (!ts_tree_cursor_goto_next_sibling(cur))
      return false;
    (*visited)++;
  }
}

size_t scope_ancestors(const Module *m, TSNode n, TSNode *out, size_t max) {
  const ScopeIndex *ix = n.tree == m->tree ? scope_index_of(m) : NULL;
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  int32_t *anchors;
  size_t nanchors = anchor_path(ix, start, end, max, &anchors), next = 0;
  if (nanchors == SIZE_MAX)
    return SIZE_MAX;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(n.tree));
  size_t k = 0;
  uint64_t visited = 0;
  for (;;) {
    TSNode here = ts_tree_cursor_current_node(&cur);
    if (ts_node_eq(here, n))
      break;
    if (k == max) {
      k = SIZE_MAX;
      break;
    }
    out[k++] = here;
    visited++;
    if (next < nanchors && ts_node_eq(scope_index_anchor_holder(ix, anchors[next]), here)) {
      ts_tree_cursor_reset(&cur, scope_index_anchor_node(ix, anchors[next++]));
    } else if (!child_on_path(&cur, start, end, &visited)) {
      k = SIZE_MAX; /* n is not in this tree */
      break;
    }
  }
  ts_tree_cursor_delete(&cur);
  free(anchors);
  ast_work_add(visited);
  return k;
}

Binding scope_lookup_toplevel(const Module *m, const char *name) {
  Binding b;
  memset(&b, 0, sizeof b);
  const ScopeIndex *ix = scope_index_of(m);
  if (ix && scope_index_innermost(ix, ts_tree_root_node(m->tree)) == 0)
    scan_block(m, ix, 0, name, &b);
  return b;
}

static bool is_use_callback(const Module *m, TSNode n) {
  uint32_t len;
  const char *name = node_is(n, "call_expression") ? call_callee_name(&m->src, n, &len) : NULL;
  return name && mem_eq_str(name, len, "useCallback");
}

static TSNode function_of_at(const Module *m, TSNode arg, int depth) {
  TSNode null = {0};
  arg = node_unwrap(arg);
  if (ts_node_is_null(arg) || depth > PATTERN_MAX_DEPTH)
    return null;
  if (node_is_function(arg))
    return arg;
  if (is_use_callback(m, arg))
    return function_of_at(m, call_argument(arg, 0), depth + 1);
  if (!node_is(arg, "identifier"))
    return null;
  char *name = node_text_dup(&m->src, arg);
  Binding b = scope_lookup(m, arg, name);
  free(name);
  if (b.kind == BIND_FUNCTION)
    return b.node;
  if (b.kind == BIND_VALUE && is_use_callback(m, node_unwrap(b.node)))
    return function_of_at(m, call_argument(node_unwrap(b.node), 0), depth + 1);
  return null;
}

TSNode scope_function_of(const Module *m, TSNode arg) {
  return function_of_at(m, arg, 0);
}
