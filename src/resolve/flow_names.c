#include "resolve/flow_names.h"

#include "core/util.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool flow_sink_name(const char *name, uint32_t len) {
#define SINK(callee, needle, event, channel)                                                       \
  if (mem_eq_str(name, len, #callee))                                                              \
    return true;
#include "resolve/sinks.def"
#undef SINK
  return false;
}

/* ---- One file's record (resolve/flow_scan.c builds it). ---- */

uint32_t flow_record_intern(FlowRecord *r, const char *s, size_t len) {
  char buf[128];
  if (len >= sizeof buf)
    len = sizeof buf - 1; /* longer names never match a lookup (flow_names_has) */
  memcpy(buf, s, len);
  buf[len] = 0;
  size_t known = (size_t)(uintptr_t)strmap_get(&r->index, buf);
  if (known)
    return (uint32_t)(known - 1);
  ARRAY_PUSH(r->strings, r->nstrings, r->scap, xstrdup(buf));
  strmap_put(&r->index, buf, (void *)(uintptr_t)r->nstrings);
  return (uint32_t)(r->nstrings - 1);
}

void flow_record_free(FlowRecord *r) {
  for (size_t i = 0; i < r->nstrings; i++)
    free(r->strings[i]);
  free(r->strings);
  free(r->def_sink);
  free(r->names);
  free(r->calls);
  free(r->aliases);
  strmap_free(&r->index, NULL);
  memset(r, 0, sizeof *r);
}

/* ---- The project's names. ---- */

static bool set_add(FlowNames *names, const char *s) {
  if (strmap_get(&names->set, s))
    return false;
  strmap_put(&names->set, s, names);
  return true;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every record's strings as ids of one table, interned once per record, so
 * the fixed point tests membership in an array instead of hashing names;
 * records of later rounds join without redoing the earlier ones. */
typedef struct SolverRecord {
  const FlowRecord *rec;
  uint32_t *gid;   /* the record's string index -> id (owned by the solver's gids) */
  bool *qualified; /* per unit: calls a sink or a name */
} SolverRecord;

struct FlowSolver {
  StrMap gids; /* "%p" of a record -> its gid array, kept across restarts */
  StrMap ids;  /* string -> id + 1 */
  char **strs; /* id -> string (owned by the records or the configuration) */
  size_t nstrs, scap;
  bool *in; /* id -> among the names */
  size_t incap;
  SolverRecord *recs;
  size_t nrecs, rcap;
};

static uint32_t solver_id(FlowSolver *s, char *str) {
  size_t id = (size_t)(uintptr_t)strmap_get(&s->ids, str);
  if (id)
    return (uint32_t)(id - 1);
  ARRAY_PUSH(s->strs, s->nstrs, s->scap, str);
  strmap_put(&s->ids, str, (void *)(uintptr_t)s->nstrs);
  if (s->nstrs > s->incap) {
    size_t old = s->incap;
    grow_array((void **)&s->in, &s->incap, s->nstrs, sizeof *s->in);
    memset(s->in + old, 0, (s->incap - old) * sizeof *s->in);
  }
  return (uint32_t)(s->nstrs - 1);
}

static void declare_sinks(FlowSolver *s, const UserSink *user, size_t nuser) {
  for (size_t i = 0; i < nuser; i++) {
    uint32_t id = solver_id(s, user[i].name); /* may move s->in */
    s->in[id] = true;
  }
}

FlowSolver *flow_solver_new(const UserSink *user, size_t nuser) {
  FlowSolver *s = xcalloc(1, sizeof *s);
  declare_sinks(s, user, nuser);
  return s;
}

static void drop_records(FlowSolver *s) {
  for (size_t i = 0; i < s->nrecs; i++)
    free(s->recs[i].qualified);
  s->nrecs = 0;
}

void flow_solver_restart(FlowSolver *s, const UserSink *user, size_t nuser) {
  drop_records(s);
  if (s->in)
    memset(s->in, 0, s->incap * sizeof *s->in);
  declare_sinks(s, user, nuser);
}

bool flow_record_inert(const FlowRecord *r) {
  if (r->ncalls || r->naliases)
    return false;
  for (size_t d = 0; d < r->ndefs; d++)
    if (r->def_sink[d])
      return false;
  return true;
}

void flow_solver_add(FlowSolver *s, const FlowRecord *r) {
  char key[32];
  snprintf(key, sizeof key, "%p", (const void *)r);
  uint32_t *gid = strmap_get(&s->gids, key);
  if (!gid) {
    gid = xcalloc(r->nstrings + 1, sizeof *gid);
    for (size_t k = 0; k < r->nstrings; k++)
      gid[k] = solver_id(s, r->strings[k]);
    strmap_put(&s->gids, key, gid);
  }
  SolverRecord sr = {r, gid, xcalloc(r->ndefs + 1, sizeof(bool))};
  for (size_t d = 0; d < r->ndefs; d++)
    sr.qualified[d] = r->def_sink[d];
  ARRAY_PUSH(s->recs, s->nrecs, s->rcap, sr);
}

void flow_solver_solve(FlowSolver *s, FlowNames *names, FlowNames *added) {
  bool changed = true;
  bool *in = s->in;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < s->nrecs; i++) {
      const FlowRecord *r = s->recs[i].rec;
      const uint32_t *g = s->recs[i].gid;
      bool *q = s->recs[i].qualified;
      for (size_t k = 0; k + 1 < r->ncalls; k += 2)
        q[r->calls[k]] = q[r->calls[k]] || in[g[r->calls[k + 1]]];
      for (size_t k = 0; k + 1 < r->nnames; k += 2)
        if (q[r->names[k]] && !in[g[r->names[k + 1]]])
          changed = in[g[r->names[k + 1]]] = true;
      for (size_t k = 0; k + 1 < r->naliases; k += 2)
        if (in[g[r->aliases[k]]] && !in[g[r->aliases[k + 1]]])
          changed = in[g[r->aliases[k + 1]]] = true;
    }
  }
  for (size_t k = 0; k < s->nstrs; k++)
    if (in[k] && set_add(names, s->strs[k]) && added)
      set_add(added, s->strs[k]);
  /* The digest of the sorted names. */
  char **sorted = xcalloc(names->set.n + 1, sizeof *sorted);
  size_t k = 0;
  for (size_t i = 0; i < names->set.cap; i++)
    if (names->set.keys[i])
      sorted[k++] = names->set.keys[i];
  qsort(sorted, k, sizeof *sorted, cmp_str);
  uint64_t h = HASH_FNV_SEED;
  for (size_t i = 0; i < k; i++)
    h = hash_fnv1a(sorted[i], strlen(sorted[i]) + 1, h);
  names->digest = h;
  free(sorted);
}

void flow_solver_free(FlowSolver *s) {
  drop_records(s);
  strmap_free(&s->gids, free);
  free(s->recs);
  free(s->strs);
  free(s->in);
  strmap_free(&s->ids, NULL);
  free(s);
}

void flow_names_free(FlowNames *names) {
  strmap_free(&names->set, NULL);
  strmap_free(&names->verdicts, NULL);
  memset(names, 0, sizeof *names);
}

bool flow_names_has(const FlowNames *names, const char *name, uint32_t len) {
  char buf[128];
  if (len >= sizeof buf || names->set.n == 0)
    return false;
  memcpy(buf, name, len);
  buf[len] = 0;
  return strmap_get(&names->set, buf) != NULL;
}

static bool ident_start(unsigned char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool ident_char(unsigned char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}

static const unsigned char *skip_space(const unsigned char *p) {
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static bool word_at(const unsigned char *p, const char *w) {
  size_t n = strlen(w);
  return memcmp(p, w, n) == 0 && !ident_char(p[n]);
}

/* The identifier ending at `end` (exclusive), skipping spaces backwards. */
static bool word_before(const unsigned char *text, const unsigned char *at, const char *w) {
  const unsigned char *p = at;
  while (p > text && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
    p--;
  size_t n = strlen(w);
  return (size_t)(p - text) >= n && memcmp(p - n, w, n) == 0 &&
         ((size_t)(p - text) == n || !ident_char(p[-(ptrdiff_t)n - 1]));
}

static char prev_char(const unsigned char *text, const unsigned char *at) {
  const unsigned char *p = at;
  while (p > text && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
    p--;
  return p > text ? (char)p[-1] : 0;
}

/* Where a name can make a file hold a wrapper call: called (`name(`,
 * `name?.(`, `name<T>(`), or handed on under another name (`name as x`,
 * `x as name`, `key: name`, `= name`, `export default name`). A name used
 * otherwise (a JSX tag, a type, a property read) calls nothing. */
static bool call_or_alias(const unsigned char *text, const unsigned char *s,
                          const unsigned char *e) {
  const unsigned char *n = skip_space(e);
  if (*n == '(' || *n == '<' || (n[0] == '?' && n[1] == '.') || word_at(n, "as"))
    return true;
  char before = prev_char(text, s);
  return before == '=' || before == ':' || word_before(text, s, "as") ||
         word_before(text, s, "default");
}

#define FLOW_MAX_DEFAULT_IMPORTS 64

/* Identifiers of code: quoted strings and comments are skipped (a name
 * inside "org:acme:lobby" is no call); template literals are kept whole,
 * since their substitutions are code. A quote or comment start that is not
 * one (a regular expression literal) can hide at most the rest of its line.
 * When a default export is among the names, the local names of default
 * imports (`import notify from "./notify"`) count as names too. */
static bool scan_text(const FlowNames *names, const char *text);

bool flow_names_in_text(const FlowNames *names, const char *text) {
  if (!names || names->set.n == 0)
    return false;
  if (names->verdicts.n) {
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)text);
    uintptr_t v = (uintptr_t)strmap_get(&names->verdicts, key);
    if (v)
      return v == 1;
  }
  return scan_text(names, text);
}

void flow_names_remember(FlowNames *names, const char *text, bool yes) {
  char key[32];
  snprintf(key, sizeof key, "%p", (const void *)text);
  strmap_put(&names->verdicts, key, (void *)(uintptr_t)(yes ? 1 : 2));
}

static bool scan_text(const FlowNames *names, const char *text) {
  bool defaults = strmap_get(&names->set, "default") != NULL;
  const unsigned char *base = (const unsigned char *)text, *p = base;
  const unsigned char *dflt[FLOW_MAX_DEFAULT_IMPORTS];
  size_t dlen[FLOW_MAX_DEFAULT_IMPORTS], ndflt = 0;
  while (*p) {
    if (*p == '"' || *p == '\'') {
      unsigned char q = *p++;
      while (*p && *p != q && *p != '\n')
        p += (*p == '\\' && p[1]) ? 2 : 1;
      if (*p == q)
        p++;
      continue;
    }
    if (p[0] == '/' && p[1] == '/') {
      while (*p && *p != '\n')
        p++;
      continue;
    }
    if (p[0] == '/' && p[1] == '*') {
      const char *end = strstr((const char *)p + 2, "*/");
      p = end ? (const unsigned char *)end + 2 : p + strlen((const char *)p);
      continue;
    }
    if (!ident_start(*p)) {
      p++;
      continue;
    }
    const unsigned char *s = p;
    while (ident_char(*p))
      p++;
    uint32_t len = (uint32_t)(p - s);
    if (defaults && ndflt < FLOW_MAX_DEFAULT_IMPORTS && word_before(base, s, "import") &&
        !word_at(s, "type")) {
      dflt[ndflt] = s;
      dlen[ndflt++] = len;
      continue;
    }
    bool named = flow_names_has(names, (const char *)s, len);
    for (size_t i = 0; !named && i < ndflt; i++)
      named = dlen[i] == len && memcmp(dflt[i], s, len) == 0;
    if (named && call_or_alias(base, s, p))
      return true;
  }
  return false;
}
