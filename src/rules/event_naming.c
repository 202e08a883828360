#include "rules/event_naming.h"

#include "core/util.h"
#include "parse/ast.h"

/* Ternaries nested deeper than this are one branch (no unbounded recursion). */
#define BRANCHES_MAX_DEPTH 32

static size_t branches_into(TSNode expr, TSNode *out, size_t n, size_t max, int depth) {
  TSNode e = node_unwrap(expr);
  if (ts_node_is_null(e) || n >= max)
    return n;
  if (node_is(e, "ternary_expression") && depth < BRANCHES_MAX_DEPTH) {
    n = branches_into(node_field(e, "consequence"), out, n, max, depth + 1);
    return branches_into(node_field(e, "alternative"), out, n, max, depth + 1);
  }
  out[n++] = e;
  return n;
}

size_t event_branches(TSNode expr, TSNode *out, size_t max) {
  return branches_into(expr, out, 0, max, 0);
}

const char *event_keys_phrase(Arena *a, char *const *keys, size_t nkeys) {
  StrBuf sb = {0};
  for (size_t i = 0; i < nkeys; i++) {
    if (i > 0)
      sb_append(&sb, i + 1 == nkeys ? " or " : ", ");
    sb_appendf(&sb, "UNIFIED_EVENTS.%s", keys[i]);
  }
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

static bool callee_is(const Module *m, TSNode call, const char *name) {
  uint32_t len;
  const char *t = call_callee_name(&m->src, call, &len);
  return t && mem_eq_str(t, len, name);
}

bool event_site_listens(const Module *m, const EventSite *site) {
  switch (site->kind) {
  case EVENT_SINK_ON_BROADCAST:
  case EVENT_SINK_SUBSCRIBE:
  case EVENT_SINK_COMPARE:
    return true;
  case EVENT_SINK_HELPER:
    return callee_is(m, site->call, "subscribeToChannel");
  case EVENT_SINK_WRAPPER:
    return site->listens;
  case EVENT_SINK_SEND:
    return false;
  }
  return false;
}

const char *event_send_is_typing(Arena *a, const Module *m, const EventSite *site) {
  TSNode payload = {0};
  if (site->kind == EVENT_SINK_SEND) {
    TSNode msg = node_unwrap(call_argument(site->call, 0));
    payload = node_unwrap(object_property(&m->src, msg, "payload"));
  } else if (site->kind == EVENT_SINK_HELPER && callee_is(m, site->call, "broadcastToChannel")) {
    payload = node_unwrap(call_argument(site->call, 2));
  }
  if (!node_is(payload, "object"))
    return NULL;
  TSNode v = object_property(&m->src, payload, "is_typing");
  if (ts_node_is_null(v))
    v = object_property(&m->src, payload, "isTyping");
  if (ts_node_is_null(v))
    return NULL;
  uint32_t len;
  const char *t = node_text(&m->src, v, &len);
  return arena_strndup(a, t, len);
}

const char *event_unified_key(const Standards *std, const char *value) {
  const EventDef *ev = value ? std_event_by_value(std, value) : NULL;
  return ev ? ev->key : NULL;
}

static bool word_separator(char c) {
  return c == '_' || c == '.' || c == '-' || c == ':';
}

bool event_catalog_spelling(Arena *a, const char *name, const char **key, const char **value) {
  if (!(name[0] >= 'a' && name[0] <= 'z'))
    return false;
  StrBuf k = {0}, v = {0};
  size_t words = 0;
  bool ok = true;
  for (const char *p = name; *p && ok;) {
    const char *w = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
      p++;
    if (p == w || (*p && !word_separator(*p))) {
      ok = false;
      break;
    }
    if (words++) {
      sb_append(&k, "_");
      sb_append(&v, ":");
    }
    for (const char *c = w; c < p; c++)
      sb_appendf(&k, "%c", *c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
    sb_append_n(&v, w, (size_t)(p - w));
    while (*p && word_separator(*p))
      p++;
  }
  ok = ok && words >= 2;
  if (ok) {
    *key = arena_strdup(a, k.data ? k.data : "");
    *value = arena_strdup(a, v.data ? v.data : "");
  }
  sb_free(&k);
  sb_free(&v);
  return ok;
}
