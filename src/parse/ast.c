#include "parse/ast.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static atomic_uint_fast64_t work;

void ast_work_add(uint64_t n) {
  atomic_fetch_add_explicit(&work, n, memory_order_relaxed);
}

uint64_t ast_work(void) {
  return atomic_load_explicit(&work, memory_order_relaxed);
}

static _Thread_local uint64_t budget_limit, budget_used;
static _Thread_local int budget_pause_depth;

void budget_start(uint64_t limit) {
  budget_limit = limit;
  budget_used = 0;
}

void budget_charge(uint64_t n) {
  if (!budget_pause_depth)
    budget_used += n;
}

bool budget_exceeded(void) {
  return budget_limit && budget_used > budget_limit;
}

uint64_t budget_spent(void) {
  return budget_used;
}

void budget_pause(bool paused) {
  budget_pause_depth += paused ? 1 : -1;
}

bool budget_paused(void) {
  return budget_pause_depth > 0;
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
  /* `<T>x` keeps its expression second, after the type. */
  static const char *const wrappers[] = {"type_assertion", "parenthesized_expression",
                                         "as_expression", "satisfies_expression",
                                         "non_null_expression"};
  for (;;) {
    int kind = node_type_among(n, wrappers, sizeof wrappers / sizeof *wrappers);
    if (kind >= 0) {
      TSNode inner = ts_node_named_child(n, kind == 0 ? 1 : 0);
      if (ts_node_is_null(inner))
        return n;
      n = inner;
      continue;
    }
    return n;
  }
}

static int hex_digit(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

/* The value of `digits` hex digits at s (n bytes left), or -1. */
static long hex_value(const char *s, size_t n, size_t digits) {
  if (n < digits)
    return -1;
  long v = 0;
  for (size_t i = 0; i < digits; i++) {
    int d = hex_digit(s[i]);
    if (d < 0)
      return -1;
    v = v * 16 + d;
  }
  return v;
}

static void put_code_point(StrBuf *out, uint32_t cp) {
  if (cp >= 0xD800 && cp <= 0xDFFF) /* a lone surrogate has no UTF-8 form */
    cp = 0xFFFD;
  if (cp < 0x80) {
    sb_putc(out, (char)cp);
  } else if (cp < 0x800) {
    sb_putc(out, (char)(0xC0 | (cp >> 6)));
    sb_putc(out, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    sb_putc(out, (char)(0xE0 | (cp >> 12)));
    sb_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
    sb_putc(out, (char)(0x80 | (cp & 0x3F)));
  } else {
    sb_putc(out, (char)(0xF0 | (cp >> 18)));
    sb_putc(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
    sb_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
    sb_putc(out, (char)(0x80 | (cp & 0x3F)));
  }
}

/* A \u escape at s (the backslash; n bytes left): its code point and
 * length, or -1. */
static long unicode_escape(const char *s, size_t n, size_t *len) {
  if (n >= 3 && s[2] == '{') {
    const char *close = memchr(s + 3, '}', n - 3);
    if (!close || close == s + 3 || close - (s + 3) > 6)
      return -1;
    long v = hex_value(s + 3, (size_t)(close - (s + 3)), (size_t)(close - (s + 3)));
    *len = (size_t)(close - s) + 1;
    return v > 0x10FFFF ? -1 : v;
  }
  *len = 6;
  return hex_value(s + 2, n - 2, 4);
}

/* One escape sequence at s (the backslash; n > 0 bytes left) decoded as
 * JavaScript does; returns the bytes consumed. A surrogate pair written as
 * two \u escapes is one character. */
static size_t decode_escape(const char *s, size_t n, StrBuf *out) {
  if (n < 2) {
    sb_append_n(out, s, n); /* a backslash at the end escapes nothing */
    return n;
  }
  static const char letters[] = "ntrbfv0", values[] = "\n\t\r\b\f\v";
  const char *simple = s[1] ? strchr(letters, s[1]) : NULL;
  if (simple) {
    sb_putc(out, values[simple - letters]); /* "0": the terminating NUL */
    return 2;
  }
  size_t len = 2;
  long v;
  switch (s[1]) {
  case '\r':
    len = n > 2 && s[2] == '\n' ? 3 : 2;
    break; /* line continuations */
  case '\n':
    break;
  case 'x':
    if ((v = hex_value(s + 2, n - 2, 2)) < 0) {
      sb_putc(out, 'x');
      break;
    }
    put_code_point(out, (uint32_t)v);
    len = 4;
    break;
  case 'u':
    if ((v = unicode_escape(s, n, &len)) < 0) {
      sb_putc(out, 'u');
      len = 2;
      break;
    }
    if (v >= 0xD800 && v <= 0xDBFF && n >= len + 6 && s[len] == '\\' && s[len + 1] == 'u') {
      size_t low_len;
      long low = unicode_escape(s + len, n - len, &low_len);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
        len += low_len;
      }
    }
    put_code_point(out, (uint32_t)v);
    break;
  default: /* \' \" \\ \` \$ and any other character stand for themselves */
    if (n >= 4 && memcmp(s + 1, "\xe2\x80", 2) == 0 &&
        ((unsigned char)s[3] == 0xa8 || (unsigned char)s[3] == 0xa9))
      return 4; /* a line continuation at U+2028 / U+2029 */
    len = 2;
    while (len < n && ((unsigned char)s[len] & 0xC0) == 0x80)
      len++; /* the whole UTF-8 character */
    sb_append_n(out, s + 1, len - 1);
  }
  return len;
}

void js_unescape(const char *s, size_t n, StrBuf *out) {
  size_t run = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] != '\\') {
      i++;
      continue;
    }
    sb_append_n(out, s + run, i - run);
    i += decode_escape(s + i, n - i, out);
    run = i;
  }
  sb_append_n(out, s + run, n - run);
}

bool node_string_value(const Source *src, TSNode n, StrBuf *out) {
  if (!node_is(n, "string"))
    return false;
  uint32_t len;
  const char *t = node_text(src, n, &len);
  /* The text between the quotes (an unterminated string has no closing one). */
  if (len > 0 && (t[0] == '"' || t[0] == '\'')) {
    bool closed = len >= 2 && t[len - 1] == t[0];
    js_unescape(t + 1, len - 1 - closed, out);
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

/* The key a member is found by (into key) and its value; false for members
 * without such a key. */
static bool object_member(const Source *src, TSNode member, StrBuf *key, TSNode *value) {
  sb_clear(key);
  TSNode name = member;
  if (node_is(member, "pair")) {
    name = node_field(member, "key");
    *value = node_field(member, "value");
  } else if (node_is(member, "method_definition")) {
    name = node_field(member, "name");
    *value = member;
  } else if (node_is(member, "shorthand_property_identifier")) {
    *value = member;
  } else {
    return false;
  }
  if (node_is(name, "string"))
    return node_string_value(src, name, key);
  if (!node_is(name, "property_identifier") && !node_is(name, "number") &&
      !node_is(name, "shorthand_property_identifier"))
    return false;
  sb_append_n(key, src->bytes + ts_node_start_byte(name),
              ts_node_end_byte(name) - ts_node_start_byte(name));
  return true;
}

void object_each_member(const Source *src, TSNode object, MemberVisitor visit, void *data) {
  if (!node_is(object, "object"))
    return;
  /* One pass of a cursor: ts_node_named_child(object, i) starts from the
   * first member each time, quadratic in a generated object of thousands. */
  StrBuf key = {0};
  ChildIter it;
  for (TSNode c = child_iter_first(&it, object, true); !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    TSNode value;
    ast_work_add(1);
    if (object_member(src, c, &key, &value) && !visit(sb_cstr(&key), value, data))
      break;
  }
  child_iter_done(&it);
  sb_free(&key);
}

typedef struct PropertyFind {
  const char *key;
  TSNode found;
} PropertyFind;

static bool property_is_key(const char *key, TSNode value, void *data) {
  PropertyFind *f = data;
  if (strcmp(key, f->key) != 0)
    return true;
  f->found = value;
  return false;
}

TSNode object_property(const Source *src, TSNode object, const char *key) {
  PropertyFind f = {.key = key};
  object_each_member(src, object, property_is_key, &f);
  return f.found;
}

size_t block_statements(TSNode block, TSNode *out, size_t max) {
  size_t n = 0;
  ChildIter it;
  for (TSNode c = child_iter_first(&it, block, true); !ts_node_is_null(c);
       c = child_iter_next(&it)) {
    if (node_is(c, "comment"))
      continue;
    if (n == max) {
      n = SIZE_MAX;
      break;
    }
    out[n++] = c;
  }
  child_iter_done(&it);
  return n;
}

typedef struct NameCount {
  const Source *src;
  const char *name;
  size_t n;
} NameCount;

static bool count_name(TSNode n, void *data) {
  NameCount *c = data;
  static const char *const names[] = {"identifier", "shorthand_property_identifier"};
  if (node_type_among(n, names, sizeof names / sizeof *names) >= 0 &&
      node_text_eq(c->src, n, c->name))
    c->n++;
  return true;
}

size_t count_mentions(const Source *src, TSNode n, const char *name) {
  NameCount c = {src, name, 0};
  ast_walk(n, count_name, &c);
  return c.n;
}

TSNode ast_parent(TSNode n) {
  TSNode root = ts_tree_root_node(n.tree);
  /* A tree without errors keeps long statement lists balanced: a descent of
   * logarithmic depth. The root's parent is known without one. */
  bool flat = ts_node_has_error(root) && !ts_node_eq(n, root);
  ast_work_add(flat ? ts_node_child_count(root) : 1);
  return ts_node_parent(n);
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

static bool walk_named(TSNode root, uint32_t depth, bool enter, NamedVisitor fn, void *data) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  uint64_t visited = 1;
  bool complete = true;
  for (;;) {
    if ((visited & 1023) == 0) {
      budget_charge(1024);
      if (budget_exceeded()) {
        complete = false;
        break;
      }
    }
    if (enter && ts_tree_cursor_goto_first_child(&cur)) {
      depth++;
    } else {
      while (!ts_tree_cursor_goto_next_sibling(&cur)) {
        if (!ts_tree_cursor_goto_parent(&cur)) {
          budget_charge(visited & 1023);
          goto done;
        }
        depth--;
      }
    }
    visited++;
    TSNode n = ts_tree_cursor_current_node(&cur);
    enter = !ts_node_is_named(n) || fn(n, depth, data);
  }
done:
  ts_tree_cursor_delete(&cur);
  ast_work_add(visited);
  return complete;
}

bool ast_walk_named(TSNode root, NamedVisitor fn, void *data) {
  return walk_named(root, 0, fn(root, 0, data), fn, data);
}

bool ast_walk_named_at(TSNode root, uint32_t depth, NamedVisitor fn, void *data) {
  bool enter = !ts_node_is_named(root) || fn(root, depth, data);
  return walk_named(root, depth, enter, fn, data);
}

TSNode node_child_of_literal(TSNode n, const char *type) {
  uint32_t count = ts_node_is_null(n) ? 0 : ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_named_child(n, i);
    if (node_is_literal(c, type))
      return c;
  }
  return (TSNode){0};
}

bool node_is_function(TSNode n) {
  static const char *const functions[] = {"arrow_function",
                                          "function_expression",
                                          "function_declaration",
                                          "method_definition",
                                          "function",
                                          "generator_function_declaration"};
  return node_type_among(n, functions, sizeof functions / sizeof *functions) >= 0;
}
