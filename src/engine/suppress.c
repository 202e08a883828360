#include "engine/suppress.h"

#include "core/util.h"
#include "parse/ast.h"
#include "rules/registry.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  const char *word;
  DirectiveKind kind;
} directive_words[] = {
    {"rtlint-disable-next-line", DIRECTIVE_NEXT_LINE},
    {"rtlint-disable-line", DIRECTIVE_LINE},
    {"rtlint-disable-file", DIRECTIVE_FILE},
    {"rtlint-disable", DIRECTIVE_DISABLE},
    {"rtlint-enable", DIRECTIVE_ENABLE},
};

static bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '*';
}

static char *trimmed_dup(const char *s, size_t n) {
  while (n && is_ws(*s))
    s++, n--;
  while (n && is_ws(s[n - 1]))
    n--;
  return n ? xstrndup(s, n) : NULL;
}

DirectiveParse suppress_parse_comment(const char *text, size_t len, Directive *out,
                                      const char **why) {
  memset(out, 0, sizeof *out);
  *why = NULL;
  const char *s = text, *e = text + len;
  if (len >= 2 && s[0] == '/' && s[1] == '/') {
    s += 2;
  } else if (len >= 4 && s[0] == '/' && s[1] == '*' && e[-2] == '*' && e[-1] == '/') {
    s += 2;
    e -= 2;
  } else {
    return DIRECTIVE_NONE;
  }
  while (s < e && (*s == ' ' || *s == '\t' || *s == '*' || *s == '\n' || *s == '\r'))
    s++;
  if ((size_t)(e - s) < 7 || strncmp(s, "rtlint-", 7) != 0)
    return DIRECTIVE_NONE;
  size_t wlen = 0;
  while (s + wlen < e && !isspace((unsigned char)s[wlen]) && s[wlen] != ',')
    wlen++;
  bool found = false;
  for (size_t i = 0; i < sizeof directive_words / sizeof directive_words[0]; i++)
    if (strlen(directive_words[i].word) == wlen && strncmp(s, directive_words[i].word, wlen) == 0) {
      out->kind = directive_words[i].kind;
      found = true;
    }
  if (!found) {
    *why = "unknown directive (expected rtlint-disable-next-line, rtlint-disable-line, "
           "rtlint-disable, rtlint-enable or rtlint-disable-file)";
    return DIRECTIVE_BAD;
  }
  s += wlen;
  /* The reason follows the first "--" that starts a word. */
  const char *rules_end = e;
  for (const char *q = s; q + 1 < e; q++)
    if (q[0] == '-' && q[1] == '-' && (q == s || isspace((unsigned char)q[-1]))) {
      rules_end = q;
      out->reason = trimmed_dup(q + 2, (size_t)(e - q - 2));
      break;
    }
  for (const char *q = s; q < rules_end;) {
    while (q < rules_end && (isspace((unsigned char)*q) || *q == ','))
      q++;
    const char *start = q;
    while (q < rules_end && !isspace((unsigned char)*q) && *q != ',')
      q++;
    if (q > start) {
      char *rule = xstrndup(start, (size_t)(q - start));
      size_t cap = out->nrules;
      ARRAY_PUSH(out->rules, out->nrules, cap, rule);
    }
  }
  if (!out->nrules) {
    directive_free(out);
    *why = "name the rules it applies to (`rtlint-disable-next-line RULE -- reason`); "
           "disabling every rule at once is not supported";
    return DIRECTIVE_BAD;
  }
  return DIRECTIVE_OK;
}

void directive_free(Directive *d) {
  for (size_t i = 0; i < d->nrules; i++)
    free(d->rules[i]);
  free(d->rules);
  free(d->reason);
  memset(d, 0, sizeof *d);
}

/* One directive found in the file, with per-rule bookkeeping. */
typedef struct Found {
  Directive dir;
  uint32_t start, end; /* the comment's bytes */
  uint32_t first_line, last_line;
  const RuleMeta **rules; /* NULL for an unknown name */
  bool *used;
  uint32_t *region_end; /* DIRECTIVE_DISABLE: where the matching enable starts */
} Found;

typedef struct Collect {
  const Source *src;
  Found *items;
  size_t n, cap;
  struct Bad {
    uint32_t start, end;
    const char *why;
  } * bad;
  size_t nbad, badcap;
} Collect;

static bool visit(TSNode n, void *data) {
  Collect *c = data;
  if (!node_is(n, "comment"))
    return true;
  uint32_t len;
  const char *text = node_text(c->src, n, &len);
  Directive d;
  const char *why;
  DirectiveParse r = suppress_parse_comment(text, len, &d, &why);
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  if (r == DIRECTIVE_BAD) {
    struct Bad b = {start, end, why};
    ARRAY_PUSH(c->bad, c->nbad, c->badcap, b);
  } else if (r == DIRECTIVE_OK) {
    grow_array((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items);
    Found *f = &c->items[c->n++];
    memset(f, 0, sizeof *f);
    f->dir = d;
    f->start = start;
    f->end = end;
    /* Lines as findings count them (a lone CR ends a line; tree-sitter's
     * rows count only "\n"). */
    f->first_line = src_pos(c->src, start).line;
    f->last_line = src_pos(c->src, end).line;
    f->rules = xcalloc(d.nrules, sizeof *f->rules);
    f->used = xcalloc(d.nrules, sizeof *f->used);
    f->region_end = xcalloc(d.nrules, sizeof *f->region_end);
    for (size_t i = 0; i < d.nrules; i++) {
      f->rules[i] = rules_find(d.rules[i]);
      f->region_end[i] = UINT32_MAX;
    }
  }
  return false;
}

static Severity sev_of(const RuleSelection *sel, const RuleMeta *rule) {
  return sel->severity[rules_index(rule)];
}

static void report(DiagList *diags, const RuleSelection *sel, const RuleMeta *rule,
                   const Source *src, uint32_t start, uint32_t end, const char *help,
                   const char *msg) {
  Severity sev = sev_of(sel, rule);
  if (sev != SEV_OFF)
    diag_add(diags, rule, sev, src, start, end, msg, help);
}

/* Does directive rule i of f cover a finding starting at byte/line? */
static bool covers(const Found *f, size_t i, uint32_t byte, uint32_t line) {
  switch (f->dir.kind) {
  case DIRECTIVE_NEXT_LINE:
    return line == f->last_line + 1;
  case DIRECTIVE_LINE:
    return line >= f->first_line && line <= f->last_line;
  case DIRECTIVE_FILE:
    return true;
  case DIRECTIVE_DISABLE:
    return byte >= f->end && byte < f->region_end[i];
  case DIRECTIVE_ENABLE:
    return false;
  }
  return false;
}

static const char *kind_word(DirectiveKind k) {
  for (size_t i = 0; i < sizeof directive_words / sizeof directive_words[0]; i++)
    if (directive_words[i].kind == k)
      return directive_words[i].word;
  return "?";
}

void suppress_apply(const Module *m, DiagList *diags, const RuleSelection *sel,
                    bool require_reason) {
  if (!m->tree || !strstr(m->src.bytes, "rtlint-"))
    return;
  Collect c = {.src = &m->src};
  ast_walk(ts_tree_root_node(m->tree), visit, &c);
  const RuleMeta *invalid = rules_find("invalid-suppression");
  const RuleMeta *unused = rules_find("unused-suppression");
  size_t nbefore = diags->n;
  /* Pair each rtlint-enable with the nearest open rtlint-disable of the rule. */
  for (size_t k = 0; k < c.n; k++) {
    Found *en = &c.items[k];
    if (en->dir.kind != DIRECTIVE_ENABLE)
      continue;
    for (size_t i = 0; i < en->dir.nrules; i++) {
      bool matched = false;
      for (size_t j = k; j-- > 0 && !matched;) {
        Found *dis = &c.items[j];
        if (dis->dir.kind != DIRECTIVE_DISABLE)
          continue;
        for (size_t r = 0; r < dis->dir.nrules && !matched; r++)
          if (strcmp(dis->dir.rules[r], en->dir.rules[i]) == 0 &&
              dis->region_end[r] == UINT32_MAX) {
            dis->region_end[r] = en->start;
            matched = true;
          }
      }
      en->used[i] = matched || !en->rules[i];
      if (!matched && en->rules[i]) {
        char *msg = xasprintf("`rtlint-enable %s` has no `rtlint-disable %s` before it",
                              en->dir.rules[i], en->dir.rules[i]);
        report(diags, sel, invalid, &m->src, en->start, en->end, NULL, msg);
        free(msg);
      }
    }
  }
  /* Silence the findings. */
  for (size_t d = 0; d < nbefore; d++) {
    Diag *dg = &diags->items[d];
    if (dg->src != &m->src || dg->suppressed)
      continue;
    uint32_t line = src_pos(&m->src, dg->start).line;
    for (size_t k = 0; k < c.n && !dg->suppressed; k++) {
      Found *f = &c.items[k];
      for (size_t i = 0; i < f->dir.nrules; i++)
        if (f->rules[i] == dg->rule && covers(f, i, dg->start, line)) {
          f->used[i] = true;
          dg->suppressed = true;
          dg->suppress_reason = f->dir.reason ? xstrdup(f->dir.reason) : NULL;
          break;
        }
    }
  }
  /* Report what is wrong with the directives themselves. */
  for (size_t b = 0; b < c.nbad; b++) {
    char *msg = xasprintf("malformed suppression: %s", c.bad[b].why);
    report(diags, sel, invalid, &m->src, c.bad[b].start, c.bad[b].end, NULL, msg);
    free(msg);
  }
  for (size_t k = 0; k < c.n; k++) {
    Found *f = &c.items[k];
    if (require_reason && !f->dir.reason && f->dir.kind != DIRECTIVE_ENABLE) {
      char *msg = xasprintf("`%s` without a reason (--require-reason)", kind_word(f->dir.kind));
      report(diags, sel, invalid, &m->src, f->start, f->end,
             "say why after ` -- `, e.g. `-- legacy screen, removed in phase 3`", msg);
      free(msg);
    }
    for (size_t i = 0; i < f->dir.nrules; i++) {
      if (!f->rules[i]) {
        char *msg =
            xasprintf("`%s` names unknown rule '%s'", kind_word(f->dir.kind), f->dir.rules[i]);
        report(diags, sel, invalid, &m->src, f->start, f->end, "see `rtlint rules` for the ids",
               msg);
        free(msg);
        continue;
      }
      /* A rule that did not run cannot have been needed or not. */
      if (f->used[i] || f->dir.kind == DIRECTIVE_ENABLE || sev_of(sel, f->rules[i]) == SEV_OFF)
        continue;
      char *msg = xasprintf("unused suppression: no `%s` finding here to silence", f->dir.rules[i]);
      report(diags, sel, unused, &m->src, f->start, f->end, "remove the directive", msg);
      free(msg);
    }
  }
  for (size_t k = 0; k < c.n; k++) {
    directive_free(&c.items[k].dir);
    free(c.items[k].rules);
    free(c.items[k].used);
    free(c.items[k].region_end);
  }
  free(c.items);
  free(c.bad);
}
