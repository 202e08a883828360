/* A file's record for the wrapper-name pass (resolve/flow_names.h), from its
 * text alone: parsing every file that holds a sink needle before the lint
 * cost as much again as the lint, and keeping the trees until then cost
 * memory. A superset is all the pass needs, so the scanner is coarse:
 *
 * - every statement at every nesting level (between `;`, `,`, `{`, `}` and
 *   the brackets of its level) is a unit; it calls what is called anywhere
 *   inside it, nested levels included, and holds a sink when a sink of
 *   resolve/sinks.def is called inside;
 * - a unit is named when it declares something: `function f`, `class C`,
 *   `const f =`, `f:` (object key, field), `f(...) {` (method), modifiers and
 *   `export`/`async`/`static`... skipped; `export default` names it
 *   "default" too;
 * - aliases: `a as b`, `import b from`, `export default a`, `key: value`
 *   (both ways), `b = a` followed by the end of the expression.
 *
 * Strings and comments are skipped; a template literal's substitutions are
 * code. */
#include "core/util.h"
#include "resolve/flow_names.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SCAN_MAX_DEPTH 128

typedef struct Tok {
  uint32_t start, len;
  char punct; /* 0 for an identifier; else the character ('A' for "=>", '"' for a string) */
} Tok;

typedef struct Toks {
  Tok *items;
  size_t n, cap;
} Toks;

static bool id_start(unsigned char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool id_char(unsigned char c) {
  return id_start(c) || (c >= '0' && c <= '9');
}

static void push(Toks *t, uint32_t start, uint32_t len, char punct) {
  Tok k = {start, len, punct};
  ARRAY_PUSH(t->items, t->n, t->cap, k);
}

/* Tokens of code. Inside a template literal, `${` opens code up to its `}`. */
static void tokenize(const char *text, Toks *out) {
  const unsigned char *p = (const unsigned char *)text, *base = p;
  int tpl_depth = 0;
  int brace_at_tpl[SCAN_MAX_DEPTH]; /* brace depth when each template substitution opened */
  int braces = 0;
  bool in_tpl_text = false;
  while (*p) {
    if (in_tpl_text) {
      if (*p == '\\' && p[1]) {
        p += 2;
      } else if (*p == '`') {
        in_tpl_text = false;
        p++;
      } else if (p[0] == '$' && p[1] == '{' && tpl_depth < SCAN_MAX_DEPTH) {
        brace_at_tpl[tpl_depth++] = braces;
        push(out, (uint32_t)(p - base), 1, '(');
        in_tpl_text = false;
        p += 2;
      } else {
        p++;
      }
      continue;
    }
    unsigned char c = *p;
    if (c == '"' || c == '\'') {
      p++;
      while (*p && *p != c && *p != '\n')
        p += (*p == '\\' && p[1]) ? 2 : 1;
      if (*p == c)
        p++;
      push(out, (uint32_t)(p - base), 0, '"');
      continue;
    }
    if (c == '`') {
      in_tpl_text = true;
      push(out, (uint32_t)(p - base), 0, '"');
      p++;
      continue;
    }
    if (c == '/' && p[1] == '/') {
      while (*p && *p != '\n')
        p++;
      continue;
    }
    if (c == '/' && p[1] == '*') {
      const char *end = strstr((const char *)p + 2, "*/");
      p = end ? (const unsigned char *)end + 2 : p + strlen((const char *)p);
      continue;
    }
    if (id_start(c)) {
      const unsigned char *s = p;
      while (id_char(*p))
        p++;
      push(out, (uint32_t)(s - base), (uint32_t)(p - s), 0);
      continue;
    }
    if (c == '{') {
      braces++;
    } else if (c == '}') {
      if (tpl_depth > 0 && brace_at_tpl[tpl_depth - 1] == braces) {
        tpl_depth--;
        push(out, (uint32_t)(p - base), 1, ')');
        in_tpl_text = true;
        p++;
        continue;
      }
      braces--;
    }
    if (c == '=' && p[1] == '>') {
      push(out, (uint32_t)(p - base), 2, 'A'); /* => */
      p += 2;
      continue;
    }
    if (strchr("{}()[];,=:.<>?", c))
      push(out, (uint32_t)(p - base), 1, (char)c);
    p++;
  }
}

static bool tok_is_n(const char *text, const Tok *t, const char *word, size_t n) {
  return t->punct == 0 && t->len == n && memcmp(text + t->start, word, n) == 0;
}

/* word is a string literal: its length is known at compile time. */
#define tok_is(text, t, word) tok_is_n((text), (t), "" word "", sizeof(word) - 1)

typedef struct Word {
  const char *s;
  size_t n;
} Word;
#define W(x)                                                                                       \
  { x, sizeof(x) - 1 }

static bool tok_in(const char *text, const Tok *t, const Word *words, size_t nwords) {
  if (t->punct != 0)
    return false;
  for (size_t i = 0; i < nwords; i++)
    if (tok_is_n(text, t, words[i].s, words[i].n))
      return true;
  return false;
}

static bool is_modifier(const char *text, const Tok *t) {
  static const Word words[] = {
      W("export"),    W("declare"),  W("async"),    W("static"),   W("public"), W("private"),
      W("protected"), W("readonly"), W("abstract"), W("override"), W("get"),    W("set"),
      W("const"),     W("let"),      W("var"),      W("function"), W("class")};
  return tok_in(text, t, words, sizeof words / sizeof *words);
}

static bool is_keyword(const char *text, const Tok *t) {
  static const Word words[] = {W("if"),        W("for"),   W("while"), W("switch"), W("catch"),
                               W("return"),    W("await"), W("new"),   W("typeof"), W("throw"),
                               W("case"),      W("do"),    W("else"),  W("try"),    W("yield"),
                               W("delete"),    W("void"),  W("in"),    W("import"), W("type"),
                               W("interface"), W("enum"),  W("this"),  W("super")};
  return tok_in(text, t, words, sizeof words / sizeof *words);
}

/* The index after the bracket closing the one at i (same kind), or n. */
static size_t skip_balanced(const Tok *t, size_t n, size_t i, char open, char close) {
  int depth = 0;
  for (; i < n; i++) {
    if (t[i].punct == open)
      depth++;
    else if (t[i].punct == close && --depth == 0)
      return i + 1;
  }
  return n;
}

/* Whether the identifier at i names what the unit declares. */
static bool declares(const char *text, const Tok *t, size_t n, size_t i, bool after_modifier) {
  if (i + 1 >= n)
    return after_modifier;
  char next = t[i + 1].punct;
  if (next == '=' || next == ':')
    return true;
  if (after_modifier && i > 0 &&
      (tok_is(text, &t[i - 1], "function") || tok_is(text, &t[i - 1], "class")))
    return true;
  /* f(...) {, f<T>(...): R {, a method */
  size_t j = i + 1;
  if (next == '<')
    j = skip_balanced(t, n, j, '<', '>');
  if (j >= n || t[j].punct != '(')
    return after_modifier && next != '.';
  j = skip_balanced(t, n, j, '(', ')');
  return j < n && (t[j].punct == '{' || t[j].punct == ':');
}

typedef struct Unit {
  uint32_t def;    /* its index among the record's functions */
  bool started;    /* a token other than a modifier was seen */
  int modifiers;   /* `export`, `const`, `function`, ... before it */
  bool is_default; /* `export default` */
} Unit;

static void pair(uint32_t **arr, size_t *n, size_t *cap, uint32_t a, uint32_t b) {
  grow_array((void **)arr, cap, *n + 2, sizeof **arr);
  (*arr)[(*n)++] = a;
  (*arr)[(*n)++] = b;
}

static void new_unit(FlowRecord *out, Unit *u) {
  ARRAY_PUSH(out->def_sink, out->ndefs, out->dcap, false);
  *u = (Unit){(uint32_t)(out->ndefs - 1), false, 0, false};
}

static void aliases_at(const char *text, const Tok *t, size_t n, size_t i, uint32_t s_default,
                       FlowRecord *out) {
  const Tok *k = &t[i];
  const char *w = text + k->start;
  if (i + 2 < n && tok_is(text, &t[i + 1], "as") && t[i + 2].punct == 0)
    pair(&out->aliases, &out->naliases, &out->acap, flow_record_intern(out, w, k->len),
         flow_record_intern(out, text + t[i + 2].start, t[i + 2].len));
  if (i > 0 && tok_is(text, &t[i - 1], "import") && i + 1 < n &&
      (tok_is(text, &t[i + 1], "from") || t[i + 1].punct == ','))
    pair(&out->aliases, &out->naliases, &out->acap, s_default, flow_record_intern(out, w, k->len));
  bool ends = i + 1 >= n || t[i + 1].punct == ';' || t[i + 1].punct == ',' ||
              t[i + 1].punct == ')' || t[i + 1].punct == '}';
  if (!ends || i == 0)
    return;
  if (tok_is(text, &t[i - 1], "default"))
    pair(&out->aliases, &out->naliases, &out->acap, flow_record_intern(out, w, k->len), s_default);
  if (i > 1 && t[i - 2].punct == 0 && (t[i - 1].punct == '=' || t[i - 1].punct == ':') &&
      (i < 3 || t[i - 3].punct != '.')) {
    /* b = a, key: a (objects) and a: b (patterns): both ways */
    uint32_t a = flow_record_intern(out, w, k->len);
    uint32_t b = flow_record_intern(out, text + t[i - 2].start, t[i - 2].len);
    pair(&out->aliases, &out->naliases, &out->acap, a, b);
    pair(&out->aliases, &out->naliases, &out->acap, b, a);
  }
}

void flow_record_build(const char *text, FlowRecord *out) {
  memset(out, 0, sizeof *out);
  Toks toks = {0};
  tokenize(text, &toks);
  const Tok *t = toks.items;
  size_t n = toks.n;
  Unit stack[SCAN_MAX_DEPTH];
  int depth = 0;
  uint32_t s_default = flow_record_intern(out, "default", 7);
  new_unit(out, &stack[0]);
  for (size_t i = 0; i < n; i++) {
    const Tok *k = &t[i];
    Unit *u = &stack[depth];
    if (k->punct == '{' || k->punct == '(' || k->punct == '[') {
      u->started = true;
      if (depth + 1 < SCAN_MAX_DEPTH)
        new_unit(out, &stack[++depth]);
      continue;
    }
    if (k->punct == '}' || k->punct == ')' || k->punct == ']') {
      if (depth > 0)
        depth--;
      /* `function f() {...}` and class members end at their block. */
      if (k->punct == '}' && i + 1 < n && t[i + 1].punct == 0)
        new_unit(out, &stack[depth]);
      continue;
    }
    if (k->punct == ';' || k->punct == ',') {
      new_unit(out, &stack[depth]);
      continue;
    }
    if (k->punct != 0) {
      u->started = true;
      continue;
    }
    const char *w = text + k->start;
    bool member = i > 0 && t[i - 1].punct == '.';
    if (i + 1 < n && (t[i + 1].punct == '(' || t[i + 1].punct == '<')) {
      uint32_t id = flow_record_intern(out, w, k->len);
      bool sink = flow_sink_name(w, k->len);
      for (int d = 0; d <= depth; d++) {
        out->def_sink[stack[d].def] = out->def_sink[stack[d].def] || sink;
        pair(&out->calls, &out->ncalls, &out->ccap, stack[d].def, id);
      }
    }
    aliases_at(text, t, n, i, s_default, out);
    if (u->started)
      continue;
    if (tok_is(text, k, "export")) {
      if (i + 1 < n && tok_is(text, &t[i + 1], "default")) {
        u->is_default = true;
        pair(&out->names, &out->nnames, &out->ncap, u->def, s_default);
      }
      u->modifiers++;
      continue;
    }
    if (tok_is(text, k, "default") || is_modifier(text, k)) {
      u->modifiers++;
      continue;
    }
    u->started = true;
    if (!member && !is_keyword(text, k) && declares(text, t, n, i, u->modifiers > 0))
      pair(&out->names, &out->nnames, &out->ncap, u->def, flow_record_intern(out, w, k->len));
  }
  free(toks.items);
  strmap_free(&out->index, NULL);
}
