/* Narrowing a function's returns by what one call knows (resolve/narrow.h).
 * The walk over-approximates: a statement it does not model keeps every
 * return inside it and is taken to complete normally. */
#include "resolve/narrow.h"

#include "parse/ast.h"
#include "resolve/scope.h"

#include <string.h>

/* Statements nested deeper than this are not modelled (kept whole). */
#define NARROW_MAX_NESTING 64

/* How a statement can end: falling through to the next one, or leaving the
 * innermost switch (or labelled statement) by `break`. */
enum { DONE_NORMAL = 1, DONE_BREAK = 2 };

typedef struct Walk {
  const NarrowOracle *o;
  TSNode fn;
  TSNode *out;
  size_t n, max;
  bool overflow;
} Walk;

static Tri tri_not(Tri t) {
  return t == TRI_UNKNOWN ? t : t == TRI_TRUE ? TRI_FALSE : TRI_TRUE;
}

/* Over every pair of values: all equal, none equal, or some of each. */
static Tri known_equal(const Known *a, const Known *b) {
  bool some_equal = false, some_differ = false;
  for (uint32_t i = 0; i <= a->n; i++) {
    if (i == a->n && !a->undef)
      break;
    const char *x = i < a->n ? a->s[i] : NULL;
    for (uint32_t j = 0; j <= b->n; j++) {
      if (j == b->n && !b->undef)
        break;
      const char *y = j < b->n ? b->s[j] : NULL;
      bool eq = x && y ? strcmp(x, y) == 0 : x == y;
      some_equal = some_equal || eq;
      some_differ = some_differ || !eq;
    }
  }
  if (some_equal && some_differ)
    return TRI_UNKNOWN;
  return some_equal ? TRI_TRUE : TRI_FALSE;
}

static Tri known_truthy(const Known *k) {
  bool some_true = false, some_false = k->undef;
  for (uint32_t i = 0; i < k->n; i++) {
    if (k->s[i][0])
      some_true = true;
    else
      some_false = true;
  }
  if (some_true && some_false)
    return TRI_UNKNOWN;
  return some_true ? TRI_TRUE : TRI_FALSE;
}

/* One side known from the call, the other resolved in full. */
static Tri compare(const NarrowOracle *o, TSNode left, TSNode right) {
  Known a, b;
  bool ka = o->operand(o->ctx, left, false, &a);
  bool kb = o->operand(o->ctx, right, false, &b);
  if (!ka && !kb)
    return TRI_UNKNOWN;
  if (!ka)
    ka = o->operand(o->ctx, left, true, &a);
  if (!kb)
    kb = o->operand(o->ctx, right, true, &b);
  return ka && kb ? known_equal(&a, &b) : TRI_UNKNOWN;
}

static bool operator_is(TSNode n, const char *op) {
  TSNode o = ts_node_child_by_field_name(n, "operator", 8);
  return !ts_node_is_null(o) && strcmp(ts_node_type(o), op) == 0;
}

static Tri condition_at(const NarrowOracle *o, TSNode c, int depth) {
  c = node_unwrap(c);
  if (ts_node_is_null(c) || depth > NARROW_MAX_NESTING)
    return TRI_UNKNOWN;
  if (node_is(c, "unary_expression") && operator_is(c, "!"))
    return tri_not(condition_at(o, node_field(c, "argument"), depth + 1));
  if (node_is(c, "binary_expression")) {
    TSNode l = node_field(c, "left"), r = node_field(c, "right");
    if (operator_is(c, "&&") || operator_is(c, "||")) {
      bool and = operator_is(c, "&&");
      Tri a = condition_at(o, l, depth + 1);
      if (a == (and? TRI_FALSE : TRI_TRUE))
        return a;
      Tri b = condition_at(o, r, depth + 1);
      if (b == (and? TRI_FALSE : TRI_TRUE))
        return b;
      return a == TRI_UNKNOWN || b == TRI_UNKNOWN ? TRI_UNKNOWN : a;
    }
    if (operator_is(c, "===") || operator_is(c, "=="))
      return compare(o, l, r);
    if (operator_is(c, "!==") || operator_is(c, "!="))
      return tri_not(compare(o, l, r));
    return TRI_UNKNOWN;
  }
  Known k;
  return o->operand(o->ctx, c, false, &k) ? known_truthy(&k) : TRI_UNKNOWN;
}

Tri narrow_condition(const NarrowOracle *o, TSNode cond) {
  return condition_at(o, cond, 0);
}

static void keep(Walk *w, TSNode ret) {
  if (ts_node_named_child_count(ret) == 0)
    return;
  if (w->n == w->max) {
    w->overflow = true;
    return;
  }
  w->out[w->n++] = ts_node_named_child(ret, 0);
}

/* Every return inside n, reachable or not (a statement not modelled). */
static bool keep_every(TSNode n, void *data) {
  Walk *w = data;
  if (node_is_function(n) && !ts_node_eq(n, w->fn))
    return false;
  if (node_is(n, "class_declaration") || node_is(n, "class"))
    return false;
  if (node_is(n, "return_statement")) {
    keep(w, n);
    return false;
  }
  return true;
}

static int statement(Walk *w, TSNode s, int depth);

/* The statements of `list` in order (a block, or a case without its
 * value): those after one that cannot complete are not reached. */
static int sequence(Walk *w, TSNode list, int depth) {
  int done = DONE_NORMAL, breaks = 0;
  TSNode value = node_field(list, "value");
  uint32_t n = ts_node_named_child_count(list);
  for (uint32_t i = 0; i < n && (done & DONE_NORMAL); i++) {
    TSNode c = ts_node_named_child(list, i);
    if (node_is(c, "comment") || ts_node_eq(c, value))
      continue;
    int d = statement(w, c, depth + 1);
    breaks |= d & DONE_BREAK;
    done = d & DONE_NORMAL;
  }
  return done | breaks;
}

static bool is_case(TSNode n) {
  return node_is(n, "switch_case") || node_is(n, "switch_default");
}

/* A switch: a case is entered when its value may equal the discriminant,
 * the default when no case surely does; a body is also reached by falling
 * through from the one before. */
static int switch_statement(Walk *w, TSNode s, int depth) {
  TSNode body = node_field(s, "body");
  uint32_t n = ts_node_named_child_count(body);
  Known disc;
  bool known = w->o->operand(w->o->ctx, node_field(s, "value"), false, &disc);
  Tri match[64];
  bool some_surely = false, has_default = false;
  uint32_t ncase = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(body, i);
    if (!is_case(c))
      continue;
    Tri t = TRI_UNKNOWN;
    if (node_is(c, "switch_default")) {
      has_default = true;
    } else if (known) {
      Known v;
      if (w->o->operand(w->o->ctx, node_field(c, "value"), true, &v))
        t = known_equal(&disc, &v);
    }
    some_surely = some_surely || t == TRI_TRUE;
    if (ncase < sizeof match / sizeof *match)
      match[ncase] = t;
    ncase++;
  }
  if (ncase > sizeof match / sizeof *match) { /* not modelled: every case */
    ast_walk(body, keep_every, w);
    return DONE_NORMAL;
  }
  int done = 0, falls = 0;
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(body, i);
    if (!is_case(c))
      continue;
    bool entered = node_is(c, "switch_default") ? !some_surely : match[k] != TRI_FALSE;
    k++;
    if (!entered && !falls)
      continue;
    int d = sequence(w, c, depth);
    done |= d & DONE_BREAK;
    falls = d & DONE_NORMAL;
  }
  bool none_entered = !has_default && !some_surely;
  return (done || falls || none_entered) ? DONE_NORMAL : 0;
}

static int statement(Walk *w, TSNode s, int depth) {
  if (depth > NARROW_MAX_NESTING) {
    ast_walk(s, keep_every, w);
    return DONE_NORMAL | DONE_BREAK;
  }
  if (node_is_function(s) || node_is(s, "class_declaration"))
    return DONE_NORMAL;
  if (node_is(s, "return_statement")) {
    keep(w, s);
    return 0;
  }
  if (node_is(s, "throw_statement") || node_is(s, "continue_statement"))
    return 0;
  if (node_is(s, "break_statement"))
    return DONE_BREAK;
  if (node_is(s, "statement_block"))
    return sequence(w, s, depth);
  if (node_is(s, "if_statement")) {
    Tri c = narrow_condition(w->o, node_field(s, "condition"));
    TSNode alt = node_field(s, "alternative");
    if (node_is(alt, "else_clause"))
      alt = ts_node_named_child(alt, 0);
    int d = c != TRI_FALSE ? statement(w, node_field(s, "consequence"), depth + 1) : 0;
    if (c != TRI_TRUE)
      d |= ts_node_is_null(alt) ? DONE_NORMAL : statement(w, alt, depth + 1);
    return d;
  }
  if (node_is(s, "switch_statement"))
    return switch_statement(w, s, depth);
  if (node_is(s, "labeled_statement")) {
    int d = statement(w, node_field(s, "body"), depth + 1);
    return d ? DONE_NORMAL | (d & DONE_BREAK) : 0;
  }
  /* Loops, try, anything else: every return inside, and it may complete. */
  ast_walk(s, keep_every, w);
  return DONE_NORMAL;
}

size_t narrow_returns(const NarrowOracle *o, TSNode fn, TSNode *out, size_t max, bool *overflow) {
  Walk w = {o, fn, out, 0, max, false};
  TSNode body = node_field(fn, "body");
  *overflow = false;
  if (!node_is(body, "statement_block")) /* an arrow's expression: nothing to narrow */
    return function_returns(fn, out, max);
  if (max == 0)
    return 0;
  sequence(&w, body, 0);
  *overflow = w.overflow;
  return w.n;
}
