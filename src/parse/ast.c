#include "parse/ast.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

static atomic_uint_fast64_t work;

void ast_work_add(uint64_t n) {
  atomic_fetch_add_explicit(&work, n, memory_order_relaxed);
}

uint64_t ast_work(void) {
  return atomic_load_explicit(&work, memory_order_relaxed);
}

static _Thread_local uint64_t budget_limit, budget_used;
static _Thread_local int budget_paused;

void budget_start(uint64_t limit) {
  budget_limit = limit;
  budget_used = 0;
}

void budget_charge(uint64_t n) {
  if (!budget_paused)
    budget_used += n;
}

bool budget_exceeded(void) {
  return budget_limit && budget_used > budget_limit;
}

uint64_t budget_spent(void) {
  return budget_used;
}

void budget_pause(bool paused) {
  budget_paused += paused ? 1 : -1;
}

bool node_text_eq(const Source *src, TSNode n, const char *s) {
  uint32_t len;
  const char *t = node_text(src, n, &len);
  return mem_eq_str(t, len, s);
}

char *node_text_dup(const Source *src, TSNode n) {
  uint32_t len;
  const char *t = node_text(src, n, &len);
  return xstrndup(t, len);
}

TSNode node_unwrap(TSNode n) {
  for (;;) {
    if (ts_node_is_null(n))
      return n;
    bool assertion = node_is(n, "type_assertion");
    if (assertion || node_is(n, "parenthesized_expression") || node_is(n, "as_expression") ||
        node_is(n, "satisfies_expression") || node_is(n, "non_null_expression")) {
      TSNode inner = ts_node_named_child(n, assertion ? 1 : 0);
      if (ts_node_is_null(inner))
        return n;
      n = inner;
      continue;
    }
    return n;
  }
}

static void append_escape(StrBuf *out, const char *e, uint32_t len) {
  /* e points at the backslash. Only the escapes that occur in event and
   * channel names matter; others keep their literal character. */
  if (len < 2)
    return;
  switch (e[1]) {
  case 'n':
    sb_putc(out, '\n');
    return;
  case 't':
    sb_putc(out, '\t');
    return;
  case 'r':
    sb_putc(out, '\r');
    return;
  case '0':
    sb_putc(out, '\0');
    return;
  case '\n':
    return; /* line continuation */
  default:
    sb_append_n(out, e + 1, len - 1);
  }
}

bool node_string_value(const Source *src, TSNode n, StrBuf *out) {
  if (!node_is(n, "string"))
    return false;
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_named_child(n, i);
    uint32_t len;
    const char *t = node_text(src, c, &len);
    if (node_is(c, "escape_sequence"))
      append_escape(out, t, len);
    else
      sb_append_n(out, t, len);
  }
  if (!out->data)
    sb_append(out, "");
  return true;
}

bool node_string_is(const Source *src, TSNode n, const char *want) {
  n = node_unwrap(n);
  if (!node_is(n, "string"))
    return false;
  StrBuf sb = {0};
  node_string_value(src, n, &sb);
  bool eq = strcmp(sb_cstr(&sb), want) == 0;
  sb_free(&sb);
  return eq;
}

const char *call_callee_name(const Source *src, TSNode call, uint32_t *len) {
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (node_is(fn, "identifier"))
    return node_text(src, fn, len);
  if (node_is(fn, "member_expression")) {
    TSNode prop = node_field(fn, "property");
    if (!ts_node_is_null(prop))
      return node_text(src, prop, len);
  }
  *len = 0;
  return NULL;
}

TSNode call_callee_object(TSNode call) {
  TSNode fn = node_unwrap(node_field(call, "function"));
  if (node_is(fn, "member_expression"))
    return node_field(fn, "object");
  TSNode null = {0};
  return null;
}

static bool is_argument(TSNode n) {
  return !node_is(n, "comment");
}

TSNode call_argument(TSNode call, uint32_t index) {
  TSNode args = node_field(call, "arguments");
  TSNode null = {0};
  if (ts_node_is_null(args) || !node_is(args, "arguments"))
    return null;
  uint32_t count = ts_node_named_child_count(args), seen = 0;
  for (uint32_t i = 0; i < count; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (!is_argument(a))
      continue;
    if (seen++ == index)
      return a;
  }
  return null;
}

uint32_t call_argument_count(TSNode call) {
  TSNode args = node_field(call, "arguments");
  if (ts_node_is_null(args) || !node_is(args, "arguments"))
    return 0;
  uint32_t count = ts_node_named_child_count(args), seen = 0;
  for (uint32_t i = 0; i < count; i++)
    if (is_argument(ts_node_named_child(args, i)))
      seen++;
  return seen;
}

bool object_key_is(const Source *src, TSNode key, const char *want) {
  if (node_is(key, "property_identifier") || node_is(key, "number"))
    return node_text_eq(src, key, want);
  if (node_is(key, "string")) {
    StrBuf sb = {0};
    node_string_value(src, key, &sb);
    bool eq = strcmp(sb_cstr(&sb), want) == 0;
    sb_free(&sb);
    return eq;
  }
  return false;
}

TSNode object_property(const Source *src, TSNode object, const char *key) {
  TSNode null = {0};
  if (!node_is(object, "object"))
    return null;
  uint32_t count = ts_node_named_child_count(object);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_named_child(object, i);
    if (node_is(c, "pair")) {
      if (object_key_is(src, node_field(c, "key"), key))
        return node_field(c, "value");
    } else if (node_is(c, "shorthand_property_identifier")) {
      if (node_text_eq(src, c, key))
        return c;
    } else if (node_is(c, "method_definition")) {
      if (object_key_is(src, node_field(c, "name"), key))
        return c;
    }
  }
  return null;
}

size_t ast_ancestors(TSNode n, TSNode *out, size_t max) {
  TSNode root = ts_tree_root_node(n.tree);
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  TSTreeCursor cur = ts_tree_cursor_new(root);
  size_t k = 0;
  for (;;) {
    TSNode here = ts_tree_cursor_current_node(&cur);
    if (ts_node_eq(here, n))
      break;
    if (k == max) {
      k = SIZE_MAX;
      break;
    }
    out[k++] = here;
    if (ts_tree_cursor_goto_first_child_for_byte(&cur, start) < 0) {
      k = SIZE_MAX; /* n is not in this tree */
      break;
    }
    for (;;) {
      TSNode child = ts_tree_cursor_current_node(&cur);
      if (ts_node_start_byte(child) <= start && ts_node_end_byte(child) >= end &&
          !(ts_node_start_byte(child) > start))
        break;
      if (!ts_tree_cursor_goto_next_sibling(&cur)) {
        ts_tree_cursor_delete(&cur);
        return SIZE_MAX;
      }
    }
  }
  ts_tree_cursor_delete(&cur);
  return k;
}

static TSNode iter_settle(ChildIter *it, bool has) {
  for (; has; has = ts_tree_cursor_goto_next_sibling(&it->cur)) {
    TSNode c = ts_tree_cursor_current_node(&it->cur);
    if (!it->named || ts_node_is_named(c))
      return c;
  }
  TSNode null = {0};
  return null;
}

TSNode child_iter_first(ChildIter *it, TSNode parent, bool named) {
  it->named = named;
  it->active = false;
  if (ts_node_is_null(parent))
    return parent;
  it->cur = ts_tree_cursor_new(parent);
  it->active = true;
  return iter_settle(it, ts_tree_cursor_goto_first_child(&it->cur));
}

TSNode child_iter_next(ChildIter *it) {
  if (!it->active) {
    TSNode null = {0};
    return null;
  }
  return iter_settle(it, ts_tree_cursor_goto_next_sibling(&it->cur));
}

void child_iter_done(ChildIter *it) {
  if (it->active)
    ts_tree_cursor_delete(&it->cur);
  it->active = false;
}

void ast_walk(TSNode root, NodeVisitor fn, void *data) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  uint64_t visited = 1;
  bool descend = fn(root, data);
  for (;;) {
    if ((visited & 1023) == 0) {
      budget_charge(1024);
      if (budget_exceeded())
        break;
    }
    if (descend && ts_tree_cursor_goto_first_child(&cur)) {
      visited++;
      descend = fn(ts_tree_cursor_current_node(&cur), data);
      continue;
    }
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cur)) {
        visited++;
        descend = fn(ts_tree_cursor_current_node(&cur), data);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cur)) {
        ts_tree_cursor_delete(&cur);
        ast_work_add(visited);
        budget_charge(visited & 1023);
        return;
      }
    }
  }
  ts_tree_cursor_delete(&cur);
  ast_work_add(visited);
}

bool node_is_function(TSNode n) {
  return node_is(n, "arrow_function") || node_is(n, "function_expression") ||
         node_is(n, "function_declaration") || node_is(n, "method_definition") ||
         node_is(n, "function") || node_is(n, "generator_function_declaration");
}
