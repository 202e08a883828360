/* The record of graph/site_record.h: the files the sites point into (path,
 * content hash), then each site with its files as indices into that table. */
#include "graph/site_record.h"

#include "resolve/flow.h"

#include <stdlib.h>
#include <string.h>

/* More cases than this in one `*` listener is not something a run wrote. */
#define MAX_CASES 4096

typedef struct ModTable {
  const Module **mods;
  size_t n, cap;
} ModTable;

static size_t mod_index(ModTable *t, const Module *m) {
  for (size_t i = 0; i < t->n; i++)
    if (t->mods[i] == m)
      return i;
  ARRAY_PUSH(t->mods, t->n, t->cap, m);
  return t->n - 1;
}

static void write_opt(StrBuf *sb, const char *s) {
  record_uint(sb, s != NULL);
  if (s)
    record_str(sb, s);
}

/* 0 for none, else 1 and the rename (its offsets in the site's module). */
static void write_rename(StrBuf *sb, const GraphRename *rn) {
  record_uint(sb, rn != NULL);
  if (!rn)
    return;
  record_uint(sb, rn->start);
  record_uint(sb, rn->end);
  record_uint(sb, rn->standard);
  write_opt(sb, rn->custom);
  record_uint(sb, (uint64_t)rn->custom_app);
  record_uint(sb, rn->ncustom_keys);
  for (size_t k = 0; k < rn->ncustom_keys; k++)
    record_str(sb, rn->custom_keys[k]);
  record_uint(sb, rn->nimports);
  for (size_t i = 0; i < rn->nimports; i++) {
    record_uint(sb, rn->imports[i].start);
    record_uint(sb, rn->imports[i].end);
    record_str(sb, rn->imports[i].text);
  }
}

static void write_site(StrBuf *sb, ModTable *t, const GraphSite *s) {
  record_uint(sb, (uint64_t)s->role);
  record_uint(sb, (uint64_t)s->kind);
  write_opt(sb, s->channel_fn);
  write_opt(sb, s->channel_shape);
  write_opt(sb, s->event);
  write_opt(sb, s->event_key);
  record_uint(sb, s->dispatch);
  record_uint(sb, s->case_unknown);
  record_uint(sb, s->line);
  record_uint(sb, s->column);
  write_opt(sb, s->function);
  record_uint(sb, mod_index(t, s->mod));
  record_uint(sb, s->start);
  record_uint(sb, s->end);
  record_uint(sb, s->call_start);
  record_uint(sb, s->call_end);
  record_uint(sb, s->ncases);
  for (size_t k = 0; k < s->ncases; k++) {
    record_str(sb, s->cases[k].event);
    record_uint(sb, mod_index(t, s->cases[k].mod));
    record_uint(sb, s->cases[k].start);
    record_uint(sb, s->cases[k].end);
    write_rename(sb, s->cases[k].rename);
  }
  write_rename(sb, s->rename);
  record_uint(sb, s->ntrail);
  for (size_t k = 0; k < s->ntrail; k++) {
    record_uint(sb, mod_index(t, s->trail[k].mod));
    record_uint(sb, s->trail[k].at);
    write_opt(sb, s->trail[k].label);
  }
}

bool graph_sites_write(StrBuf *sb, const GraphSite *sites, size_t n) {
  ModTable t = {0};
  StrBuf body = {0};
  for (size_t i = 0; i < n; i++)
    write_site(&body, &t, &sites[i]);
  bool ok = true;
  for (size_t i = 0; i < t.n && ok; i++)
    ok = t.mods[i] && t.mods[i]->content_hash[0];
  if (ok) {
    record_uint(sb, t.n);
    for (size_t i = 0; i < t.n; i++) {
      record_str(sb, t.mods[i]->fs_path);
      record_str(sb, t.mods[i]->content_hash);
    }
    record_uint(sb, n);
    sb_append_n(sb, body.data ? body.data : "", body.len);
  }
  free(t.mods);
  sb_free(&body);
  return ok;
}

static char *read_opt(RecordReader *r) {
  return record_read_uint(r) ? record_read_strdup(r) : NULL;
}

typedef struct Reading {
  RecordReader *r;
  const Module **mods;
  size_t nmods;
  const char *why; /* the first reason the record cannot be trusted */
} Reading;

static void distrust(Reading *rd, const char *why) {
  if (!rd->why)
    rd->why = why;
}

/* The module at table index k, with [start, end) checked against it. */
static const Module *mod_at(Reading *rd, uint64_t k, uint64_t start, uint64_t end) {
  if (!rd->r->ok)
    return NULL;
  if (k >= rd->nmods) {
    distrust(rd, "a contract site in an unknown file");
    return NULL;
  }
  const Module *m = rd->mods[k];
  if (start > end || end > m->src.len) {
    distrust(rd, "a contract site outside its file");
    return NULL;
  }
  return m;
}

/* A rename of module m's text (NULL: none); every offset is checked
 * against m, and so is what it names. */
static GraphRename *read_rename(Reading *rd, const Module *m) {
  RecordReader *r = rd->r;
  if (!record_read_uint(r) || !r->ok)
    return NULL;
  GraphRename *rn = xcalloc(1, sizeof *rn);
  uint64_t start = record_read_uint(r), end = record_read_uint(r);
  rn->start = (uint32_t)start;
  rn->end = (uint32_t)end;
  rn->standard = record_read_uint(r) != 0;
  rn->custom = read_opt(r);
  uint64_t app = record_read_uint(r), nkeys = record_read_uint(r);
  if (app > FIX_SAFE || nkeys > EVENT_RENAME_MAX_KEYS)
    r->ok = false;
  rn->custom_app = (FixApplicability)app;
  for (uint64_t k = 0; k < nkeys && r->ok; k++)
    rn->custom_keys[rn->ncustom_keys++] = record_read_strdup(r);
  uint64_t nimports = record_read_uint(r);
  if (nimports > (uint64_t)(r->end - r->p))
    r->ok = false;
  if (nimports && r->ok)
    rn->imports = xcalloc(nimports, sizeof *rn->imports);
  bool inside = start <= end && m && end <= m->src.len;
  for (uint64_t i = 0; i < nimports && r->ok; i++) {
    uint64_t s = record_read_uint(r), e = record_read_uint(r);
    rn->imports[rn->nimports++] = (Edit){(uint32_t)s, (uint32_t)e, record_read_strdup(r), NULL};
    inside = inside && s <= e && e <= m->src.len;
  }
  if (r->ok && !inside)
    distrust(rd, "a contract rename outside its file");
  return rn;
}

static void read_site(Reading *rd, GraphSite *s) {
  RecordReader *r = rd->r;
  uint64_t role = record_read_uint(r), kind = record_read_uint(r);
  if (role > GRAPH_LISTENER || kind > GRAPH_POSTGRES)
    distrust(rd, "an unknown contract site role or kind");
  s->role = (GraphRole)role;
  s->kind = (GraphKind)kind;
  s->channel_fn = read_opt(r);
  s->channel_shape = read_opt(r);
  s->event = read_opt(r);
  s->event_key = read_opt(r);
  s->dispatch = record_read_uint(r) != 0;
  s->case_unknown = record_read_uint(r) != 0;
  s->line = (uint32_t)record_read_uint(r);
  s->column = (uint32_t)record_read_uint(r);
  s->function = read_opt(r);
  uint64_t k = record_read_uint(r);
  uint64_t start = record_read_uint(r), end = record_read_uint(r);
  uint64_t call_start = record_read_uint(r), call_end = record_read_uint(r);
  s->mod = mod_at(rd, k, start, end);
  if (s->mod && !mod_at(rd, k, call_start, call_end))
    s->mod = NULL;
  s->start = (uint32_t)start;
  s->end = (uint32_t)end;
  s->call_start = (uint32_t)call_start;
  s->call_end = (uint32_t)call_end;
  uint64_t ncases = record_read_uint(r);
  if (ncases > MAX_CASES)
    r->ok = false;
  for (uint64_t i = 0; i < ncases && r->ok; i++) {
    GraphCase c = {record_read_strdup(r), NULL, 0, 0, NULL, NULL};
    k = record_read_uint(r);
    start = record_read_uint(r);
    end = record_read_uint(r);
    c.mod = mod_at(rd, k, start, end);
    c.start = (uint32_t)start;
    c.end = (uint32_t)end;
    c.rename = read_rename(rd, c.mod);
    ARRAY_PUSH(s->cases, s->ncases, s->casecap, c);
  }
  s->rename = r->ok ? read_rename(rd, s->mod) : NULL;
  uint64_t ntrail = record_read_uint(r);
  if (ntrail > FLOW_MAX_TRAIL)
    r->ok = false;
  if (ntrail && r->ok)
    s->trail = xcalloc(ntrail, sizeof *s->trail);
  for (uint64_t i = 0; i < ntrail && r->ok; i++) {
    struct GraphStep *step = &s->trail[s->ntrail++];
    k = record_read_uint(r);
    uint64_t at = record_read_uint(r);
    step->mod = mod_at(rd, k, at, at);
    step->at = (uint32_t)at;
    step->label = read_opt(r);
  }
  if (r->ok && !rd->why && s->mod)
    s->path = xstrdup(s->mod->src.path);
}

/* Every file of the table, loaded, with the contents it had. */
static bool read_mods(Reading *rd, Project *p) {
  RecordReader *r = rd->r;
  uint64_t n = record_read_uint(r);
  if (n > (uint64_t)(r->end - r->p))
    r->ok = false;
  bool same = true;
  if (r->ok)
    rd->mods = xcalloc(n + 1, sizeof *rd->mods);
  for (uint64_t i = 0; i < n && r->ok; i++) {
    char *path = record_read_strdup(r);
    size_t len;
    const char *hash = record_read_str(r, &len);
    const Module *m = r->ok && same ? project_module_source(p, path) : NULL;
    same = m && m->status == SOURCE_OK && mem_eq_str(hash, len, m->content_hash);
    rd->mods[rd->nmods++] = m;
    free(path);
  }
  return same && r->ok;
}

bool graph_sites_read(RecordReader *r, Project *p, GraphSiteList *out, const char **why) {
  Reading rd = {r, NULL, 0, NULL};
  *why = NULL;
  if (!read_mods(&rd, p)) {
    free(rd.mods);
    if (!r->ok)
      *why = "corrupt";
    return false;
  }
  size_t before = out->n;
  uint64_t n = record_read_uint(r);
  if (n > (uint64_t)(r->end - r->p))
    r->ok = false;
  for (uint64_t i = 0; i < n && r->ok && !rd.why; i++) {
    GraphSite s;
    memset(&s, 0, sizeof s);
    read_site(&rd, &s);
    ARRAY_PUSH(out->items, out->n, out->cap, s);
  }
  free(rd.mods);
  if (r->ok && !rd.why)
    return true;
  *why = rd.why ? rd.why : "corrupt";
  for (size_t i = before; i < out->n; i++)
    graph_site_free(&out->items[i]);
  out->n = before;
  return false;
}
