/* What the project's realtime API offers, read from its source: where the
 * hooks are defined, the members the provider's value declares, and which
 * broadcast events the provider feeds to which subscriber handler. Both
 * supabase-channel-direct's codemod and provider-context-outside's read the
 * provider through these. */
#include "rules/realtime_api.h"

#include "core/util.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (unsigned char)c >= 0x80;
}

const char *value_text(Arena *a, Value v) {
  if (v.nalts != 1 || v.has_unknown)
    return NULL;
  StrBuf sb = {0};
  for (uint32_t i = 0; i < v.alts[0].nparts; i++) {
    if (v.alts[0].parts[i].hole) {
      sb_free(&sb);
      return NULL;
    }
    sb_append(&sb, v.alts[0].parts[i].text);
  }
  char *s = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return s;
}

const Module *realtime_hook_module(RuleCtx *ctx, const char *hook, const char *const *specs,
                                   size_t nspecs, const char **spec_out, const Module **definer) {
  Binding b = scope_lookup_toplevel(ctx->mod, hook);
  if (b.kind != BIND_NONE && (b.kind != BIND_IMPORT || strcmp(b.imported, hook) != 0))
    return NULL;
  Binding probe;
  memset(&probe, 0, sizeof probe);
  for (size_t i = 0; b.kind == BIND_NONE ? i < nspecs : i == 0; i++) {
    snprintf(probe.source, sizeof probe.source, "%s", b.kind == BIND_NONE ? specs[i] : b.source);
    const Module *t = resolve_import_target(ctx->res, ctx->mod, &probe);
    Export e = t ? resolve_find_export(ctx->res, t, hook, 0) : (Export){0};
    if (e.found && (!definer || (e.mod && e.mod->src.bytes))) {
      *spec_out = arena_strdup(ctx->arena, probe.source);
      if (definer)
        *definer = e.mod;
      return t;
    }
  }
  return NULL;
}

typedef struct ListenerWalk {
  const Module *provider;
  BroadcastListenerVisit visit;
  void *data;
} ListenerWalk;

static bool visit_broadcast_listener(TSNode n, void *data) {
  ListenerWalk *w = data;
  const Source *src = &w->provider->src;
  if (!node_is(n, "call_expression") || call_argument_count(n) != 3 ||
      !node_string_is(src, call_argument(n, 0), "broadcast"))
    return true;
  uint32_t len;
  const char *name = call_callee_name(src, n, &len);
  TSNode filter = node_unwrap(call_argument(n, 1));
  TSNode event = node_is(filter, "object") ? object_property(src, filter, "event") : (TSNode){0};
  if (name && mem_eq_str(name, len, "on") && !ts_node_is_null(event))
    w->visit(event, call_argument(n, 2), w->data);
  return true;
}

void provider_broadcast_listeners(const Module *provider, BroadcastListenerVisit visit,
                                  void *data) {
  ListenerWalk w = {provider, visit, data};
  ast_walk(ts_tree_root_node(provider->tree), visit_broadcast_listener, &w);
}

bool handler_names_key(const Source *src, TSNode handler, const char *key) {
  size_t k = strlen(key);
  const char *b = src->bytes;
  uint32_t s = ts_node_start_byte(handler), e = ts_node_end_byte(handler);
  for (uint32_t i = s + 1; i + k < e; i++) {
    if (memcmp(b + i, key, k) != 0)
      continue;
    char before = b[i - 1], after = b[i + k];
    if ((before == '"' || before == '\'') && after == before)
      return true;
    if (before == '.' && !ident_char(after))
      return true;
  }
  return false;
}

typedef struct KeyScan {
  RuleCtx *ctx;
  const Module *provider;
  SubscribeForm *form;
} KeyScan;

/* In the provider: .on("broadcast", { event: E }, ... "onNewMessage" ...)
 * feeds E to the subscribers' onNewMessage. */
static void learn_key(TSNode event, TSNode h, void *data) {
  KeyScan *ks = data;
  const Source *src = &ks->provider->src;
  if (ks->form->nkeys == PROVIDER_MAX_KEYS)
    return;
  const char *s = src->bytes + ts_node_start_byte(h), *end = src->bytes + ts_node_end_byte(h);
  /* The key is a string ("onNewMessage") or a property (`s.onNewMessage?.(payload)`). */
  for (; s + 3 < end; s++) {
    bool quoted = *s == '"' || *s == '\'';
    if ((!quoted && *s != '.') || s[1] != 'o' || s[2] != 'n' || s[3] < 'A' || s[3] > 'Z')
      continue;
    const char *k = s + 1, *q = k;
    while (q < end && ident_char(*q))
      q++;
    if (q == end || (quoted && *q != *s))
      continue;
    const char *value = value_text(ks->ctx->arena, resolve_expr(ks->ctx->res, ks->provider, event));
    if (value) {
      ks->form->values[ks->form->nkeys] = value;
      ks->form->keys[ks->form->nkeys++] = arena_strndup(ks->ctx->arena, k, (size_t)(q - k));
    }
    break;
  }
}

bool provider_member_signature(const Module *provider, const char *name, bool *several) {
  const char *s = provider->src.bytes, *end = s + provider->src.len;
  size_t k = strlen(name);
  const char *decl = NULL;
  for (const char *p = s; p + k + 1 < end && !decl; p++)
    if (memcmp(p, name, k) == 0 && (p == s || (!ident_char(p[-1]) && p[-1] != '.'))) {
      const char *q = p + k;
      if (*q == '?')
        q++;
      if (*q == ':') {
        q++;
        while (q < end && (*q == ' ' || *q == '\n'))
          q++;
      }
      if (q < end && *q == '(')
        decl = q;
    }
  if (!decl)
    return false;
  int depth = 0;
  bool comma = false;
  const char *p = decl;
  for (; p < end; p++) {
    depth += (*p == '(' || *p == '{' || *p == '<') - (*p == ')' || *p == '}' || *p == '>');
    comma = comma || (*p == ',' && depth == 1);
    if (depth == 0)
      break;
  }
  *several = comma;
  return p != end;
}

bool provider_subscribe_form(RuleCtx *ctx, const Module *provider, SubscribeForm *form) {
  bool comma;
  if (!provider_member_signature(provider, "subscribe", &comma))
    return false;
  form->object_form = !comma;
  if (!form->object_form)
    return true;
  KeyScan ks = {ctx, provider, form};
  provider_broadcast_listeners(provider, learn_key, &ks);
  return form->nkeys > 0;
}

const char *subscribe_key_for(const SubscribeForm *form, Arena *a, Value event) {
  const char *value = value_text(a, event);
  for (size_t i = 0; value && i < form->nkeys; i++)
    if (strcmp(form->values[i], value) == 0)
      return form->keys[i];
  return NULL;
}
