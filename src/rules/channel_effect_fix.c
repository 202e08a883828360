/* The phase 3 codemod of supabase-channel-direct: see channel_effect_fix.h.
 * The shape is recognised (channel_effect_shape.c), the API it moves to is
 * chosen here from what the project offers (realtime_api.c), and only then
 * is the text written (channel_effect_write.c): a shape with any part not
 * recognised, or no API to move to, gets no fix at all. */
#include "rules/channel_effect_fix.h"
#include "rules/channel_effect_write.h"
#include "rules/channel_naming.h"

#include "core/util.h"
#include "fix/imports.h"
#include "fix/indent.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/app_paths.h"
#include "rules/channel_status_map.h"
#include "rules/realtime_results.h"
#include "standards/standards.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CONTEXT_HOOK "useOrganizationRealtimeContext"

/* Where the standards document puts the dashboard provider's hook; the
 * widget's useRealtime is where rules/migrations.json "use_realtime" says. */
static const char *const context_specs[] = {"@/contexts/OrganizationRealtimeProvider"};

/* UNIFIED_CHANNELS functions whose (orgId, convId) name the conversation
 * useRealtime({ type: "widget" }) joins: the widget channel is the
 * conversation channel, and the typing API broadcasts to both. */
static const char *const widget_channel_fns[] = {"widget", "conversation", "conversationTyping",
                                                 NULL};
/* A send moves to useRealtime's channel only when it is the same channel
 * (widget === conversation); the typing channel has listeners of its own. */
static const char *const widget_send_fns[] = {"widget", "conversation", NULL};

/* `text` is an identifier or a chain of properties of one (`props.orgId`):
 * *root_len is the identifier's length. */
static bool name_chain(const char *text, size_t *root_len) {
  *root_len = 0;
  bool at_start = true; /* of the identifier or of a property */
  for (const char *c = text; *c; c++) {
    if (*c == '.') {
      if (at_start)
        return false;
      if (!*root_len)
        *root_len = (size_t)(c - text);
      at_start = true;
      continue;
    }
    bool letter = *c == '_' || *c == '$' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z');
    if (!letter && (at_start || *c < '0' || *c > '9'))
      return false;
    at_start = false;
  }
  if (!*root_len)
    *root_len = strlen(text);
  return !at_start;
}

/* A name usable where the hook goes: a parameter, an import, or a
 * declaration before that point. */
static bool bound_before(RuleCtx *ctx, TSNode at, const char *text) {
  size_t root;
  if (!name_chain(text, &root))
    return false;
  char *name = xasprintf("%.*s", (int)root, text);
  Binding b = scope_lookup(ctx->mod, at, name);
  free(name);
  if (b.kind == BIND_NONE)
    return false;
  return b.kind == BIND_PARAM || b.kind == BIND_IMPORT ||
         ts_node_start_byte(b.decl) < ts_node_start_byte(at);
}

static const char *arena_text(RuleCtx *ctx, TSNode n) {
  return arena_strndup(ctx->arena, ctx->mod->src.bytes + ts_node_start_byte(n),
                       ts_node_end_byte(n) - ts_node_start_byte(n));
}

/* The UNIFIED_CHANNELS function naming the channel and its two arguments:
 * written as that call, or a name built by hand right in `.channel(...)`
 * that channel-hand-built's fix rewrites into exactly that call (the
 * codemod removes the channel, and the hand-built name with it). */
static bool widget_channel_parts(RuleCtx *ctx, TSNode channel, const char **fn, const char **org,
                                 const char **conv) {
  const Source *src = &ctx->mod->src;
  TSNode name = node_unwrap(call_argument(channel, 0));
  TSNode obj = node_is(name, "call_expression") ? call_callee_object(name) : (TSNode){0};
  if (!ts_node_is_null(obj)) {
    uint32_t len;
    const char *callee = call_callee_name(src, name, &len);
    if (!node_text_eq(src, node_unwrap(obj), "UNIFIED_CHANNELS") ||
        call_argument_count(name) != 2 || !callee)
      return false;
    *fn = arena_strndup(ctx->arena, callee, len);
    *org = arena_text(ctx, node_unwrap(call_argument(name, 0)));
    *conv = arena_text(ctx, node_unwrap(call_argument(name, 1)));
    return true;
  }
  Value v = rule_resolve(ctx, name);
  const ValAlt *alt = v.nalts == 1 && !v.has_unknown ? &v.alts[0] : NULL;
  if (!alt || alt->from_standard || alt->site_mod != ctx->mod ||
      alt->site_start < ts_node_start_byte(name) || alt->site_end > ts_node_end_byte(name))
    return false;
  const char *call = channel_suggest_call(ctx->arena, ctx->std, alt);
  const char *prefix = "UNIFIED_CHANNELS.";
  const char *open = call ? strchr(call, '(') : NULL, *comma = open ? strchr(open, ',') : NULL;
  size_t n = call ? strlen(call) : 0;
  if (!comma || strncmp(call, prefix, strlen(prefix)) != 0 || strchr(comma + 1, ',') ||
      comma[1] != ' ' || call[n - 1] != ')')
    return false;
  *fn = arena_strndup(ctx->arena, call + strlen(prefix), (size_t)(open - call) - strlen(prefix));
  *org = arena_strndup(ctx->arena, open + 1, (size_t)(comma - open - 1));
  *conv = arena_strndup(ctx->arena, comma + 2, (size_t)(call + n - 1 - comma - 2));
  return true;
}

/* useRealtime({ type: "widget", organizationId, conversationId }) for a
 * channel named UNIFIED_CHANNELS.widget|conversation|conversationTyping(o, c)
 * whose o and c mean the same at the component's top. */
static const char *widget_hook_call(RuleCtx *ctx, const Effect *e, TSNode channel, char quote,
                                    const char *const *fns) {
  const char *fn, *o, *c;
  if (!widget_channel_parts(ctx, channel, &fn, &o, &c))
    return NULL;
  bool known = false;
  for (const char *const *f = fns; *f && !known; f++)
    known = strcmp(fn, *f) == 0;
  if (!known || !bound_before(ctx, e->first, o) || !bound_before(ctx, e->first, c))
    return NULL;
  bool oshort = strcmp(o, "organizationId") == 0, cshort = strcmp(c, "conversationId") == 0;
  return arena_printf(ctx->arena, "%s({ type: %cwidget%c, %s%s, %s%s })", ctx->std->realtime_hook,
                      quote, quote, oshort ? "" : "organizationId: ", o,
                      cshort ? "" : "conversationId: ", c);
}

/* `const { subscribe } = HOOK(...)` (or `broadcast`) already at the
 * component's top, before the effect: the fix uses it. Another `subscribe`
 * in scope: no fix. */
static bool has_binding_from(RuleCtx *ctx, const Effect *e, const Target *t, bool *present) {
  const char *hook = t->hook;
  Binding b = scope_lookup(ctx->mod, e->first, t->binding);
  *present = b.kind != BIND_NONE;
  if (!*present)
    return true;
  if (b.kind != BIND_UNKNOWN || ts_node_is_null(b.decl) ||
      ts_node_start_byte(b.decl) >= ts_node_start_byte(e->stmt))
    return false;
  TSNode anc[MAX_ANCESTORS];
  size_t n = scope_ancestors(ctx->mod, b.decl, anc, MAX_ANCESTORS);
  for (size_t i = n == SIZE_MAX ? 0 : n; i-- > 0;)
    if (node_is(anc[i], "variable_declarator")) {
      TSNode v = node_unwrap(node_field(anc[i], "value"));
      uint32_t len;
      const char *callee =
          node_is(v, "call_expression") ? call_callee_name(&ctx->mod->src, v, &len) : NULL;
      return callee && mem_eq_str(callee, len, hook);
    }
  return false;
}

static char file_quote(const Module *m) {
  const char *p = strstr(m->src.bytes, " from '");
  const char *q = strstr(m->src.bytes, " from \"");
  return p && (!q || p < q) ? '\'' : '"';
}

/* The provider's state the status logic follows: each status it reacts to
 * must be one the provider's own status callback records in the same state,
 * a name the component does not use. */
static bool follow_state(RuleCtx *ctx, const Effect *e, Target *t, const Module *provider,
                         char quote) {
  StatusMap map;
  status_map_learn(ctx->arena, provider, &map);
  StrBuf cond = {0};
  for (size_t i = 0; i < e->status.nstatus; i++) {
    size_t k = 0;
    while (k < map.n && strcmp(map.status[k], e->status.status[i]) != 0)
      k++;
    if (k == map.n || !map.member[k] || (t->state && strcmp(t->state, map.member[k]) != 0)) {
      sb_free(&cond);
      return false;
    }
    t->state = map.member[k];
    const char *test = map.value[k] ? arena_printf(ctx->arena, "%s === %c%s%c", t->state, quote,
                                                   map.value[k], quote)
                                    : t->state;
    if (!strstr(sb_cstr(&cond), test)) /* two statuses, one state: say it once */
      sb_appendf(&cond, "%s%s", cond.len ? " || " : "", test);
  }
  t->condition = arena_strdup(ctx->arena, sb_cstr(&cond));
  sb_free(&cond);
  static const char *const taken[] = {"subscribe", "unsubscribes", "broadcast"};
  for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
    if (!strcmp(t->state, taken[i]))
      return false;
  return count_mentions(&ctx->mod->src, e->component, t->state) == 0 &&
         scope_lookup(ctx->mod, e->first, t->state).kind == BIND_NONE;
}

/* subscribe(EVENT, handler) takes any name: a case of a `*` listener moves
 * only when it tests a catalog event no other listener of the effect hears
 * (the object form checks the same through the provider's handler keys). */
static bool cases_name_catalog_events(RuleCtx *ctx, const Effect *e) {
  for (size_t i = 0; i < e->non; i++) {
    if (!e->on[i].first.id)
      continue;
    const char *value = value_text(ctx->arena, rule_resolve(ctx, e->on[i].event));
    if (!value || !std_event_by_value(ctx->std, value))
      return false;
    for (size_t k = 0; k < e->non; k++) {
      const char *other = k == i ? NULL : value_text(ctx->arena, rule_resolve(ctx, e->on[k].event));
      if (other && strcmp(other, value) == 0)
        return false;
    }
  }
  return true;
}

static bool choose_target(RuleCtx *ctx, Effect *e, Target *t, char quote) {
  memset(t, 0, sizeof *t);
  bool sending = e->nsends > 0;
  t->binding = sending ? "broadcast" : "subscribe";
  if (path_is_widget(ctx->mod->app_path)) {
    if (e->reacts)
      return false; /* which useRealtime state follows which status is not read */
    t->hook = ctx->std->realtime_hook;
    /* Every channel must name the same conversation: one useRealtime serves them. */
    for (size_t i = 0; i < e->nchans; i++) {
      const char *call = widget_hook_call(ctx, e, e->chans[i].call, quote,
                                          sending ? widget_send_fns : widget_channel_fns);
      if (!call || (t->hook_call && strcmp(call, t->hook_call) != 0))
        return false;
      t->hook_call = call;
    }
    if (!t->hook_call ||
        !realtime_hook_module(ctx, t->hook, (const char *const *)ctx->std->realtime_modules,
                              ctx->std->nrealtime_modules, &t->spec, NULL))
      return false;
    /* broadcast(event, payload) must be what this project's useRealtime returns. */
    RealtimeResults r;
    if (!cases_name_catalog_events(ctx, e))
      return false;
    return !sending ||
           (realtime_results(ctx, t->spec, t->hook, &r) && realtime_results_has(&r, "broadcast"));
  }
  t->hook = CONTEXT_HOOK;
  t->hook_call = CONTEXT_HOOK "()";
  const Module *provider =
      realtime_hook_module(ctx, CONTEXT_HOOK, context_specs,
                           sizeof context_specs / sizeof *context_specs, &t->spec, NULL);
  if (sending) {
    /* The provider's value declares broadcast(event, payload). */
    bool several = false;
    return provider && provider_member_signature(provider, "broadcast", &several) && several;
  }
  if (!provider || !provider_subscribe_form(ctx, provider, &t->form) ||
      (e->reacts && !follow_state(ctx, e, t, provider, quote)) ||
      (!t->form.object_form && !cases_name_catalog_events(ctx, e)))
    return false;
  for (size_t i = 0; t->form.object_form && i < e->non; i++) {
    e->on[i].key = subscribe_key_for(&t->form, ctx->arena, rule_resolve(ctx, e->on[i].event));
    if (!e->on[i].key)
      return false;
    for (size_t k = 0; k < i; k++)
      if (strcmp(e->on[k].key, e->on[i].key) == 0)
        return false;
  }
  return true;
}

void channel_effect_suggest(RuleCtx *ctx, Diag *d, TSNode channel_call) {
  Effect e;
  bool in_effect;
  if (d->fix.nedits || call_argument_count(channel_call) != 1 ||
      !channel_effect_recognise(ctx, channel_call, &e, &in_effect))
    return;
  char quote = file_quote(ctx->mod);
  Target t;
  bool have_subscribe;
  if (!choose_target(ctx, &e, &t, quote) || !has_binding_from(ctx, &e, &t, &have_subscribe) ||
      (have_subscribe && t.state) ||
      (!have_subscribe && count_mentions(&ctx->mod->src, e.component, t.binding)))
    return;
  if (!fix_require_named_import(d, ctx->proj, ctx->mod, t.hook, t.spec))
    return;
  if (!have_subscribe) {
    const char *indent = fix_line_indent(ctx->arena, &ctx->mod->src, ts_node_start_byte(e.first));
    char *hook = xasprintf("const { %s%s%s } = %s;\n%s", t.binding, t.state ? ", " : "",
                           t.state ? t.state : "", t.hook_call, indent);
    diag_add_edit(d, ts_node_start_byte(e.first), ts_node_start_byte(e.first), hook);
    free(hook);
  }
  if (in_effect)
    channel_effect_edit(ctx, d, &e, &t);
  else
    channel_effect_edit_loose_sends(ctx, d, &e);
  channel_effect_add_dependency(&ctx->mod->src, d, e.deps, t.binding);
  char *title =
      e.nsends ? xasprintf("Send through %s()'s broadcast(event, payload) instead of a channel of "
                           "its own",
                           t.hook)
               : xasprintf("Subscribe through %s%s instead of a channel of its own", t.hook,
                           t.form.object_form ? "().subscribe({...})"
                                              : "()'s subscribe(event, handler)");
  diag_set_fix(d, FIX_SUGGESTION, title);
  free(title);
}
