/* provider-context-outside's suggestion: see provider_context_fix.h. Every
 * condition is checked before the first edit reaches the finding. */
#include "rules/provider_context_fix.h"

#include "core/util.h"
#include "fix/bound.h"
#include "fix/imports.h"
#include "fix/indent.h"
#include "fix/org_id.h"
#include "parse/ast.h"
#include "resolve/exports.h"
#include "resolve/importers.h"
#include "resolve/scope.h"
#include "rules/hook_calls.h"
#include "rules/realtime_api.h"
#include "rules/realtime_results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONTEXT_HOOK "useOrganizationRealtimeContext"
#define EVENTS "UNIFIED_EVENTS"
#define MAX_EDITS 32

typedef struct PlannedEdit {
  uint32_t start, end;
  char *text;
} PlannedEdit;

typedef struct Plan {
  RuleCtx *ctx;
  const Source *src;
  const Module *provider;
  PlannedEdit edits[MAX_EDITS];
  size_t nedits;
  bool uses_events; /* a subscribe call now names a UNIFIED_EVENTS member */
  bool ok;
} Plan;

static void plan_edit(Plan *p, uint32_t start, uint32_t end, char *text) {
  if (p->nedits == MAX_EDITS) {
    p->ok = false;
    free(text);
    return;
  }
  p->edits[p->nedits++] = (PlannedEdit){start, end, text};
}

static void plan_free(Plan *p) {
  for (size_t i = 0; i < p->nedits; i++)
    free(p->edits[i].text);
}

/* Widget code by the folder rule the other rules use, or a file (a shared
 * hook) that is imported, and only by widget code: it runs where the widget
 * runs. */
static bool widget_code(RuleCtx *ctx) {
  if (path_is_widget(ctx->mod->app_path))
    return true;
  Module *const *imps;
  size_t n = import_graph_importers(lazy_import_graph_get(ctx->imports), ctx->mod, &imps);
  for (size_t i = 0; i < n; i++)
    if (!path_is_widget(imps[i]->app_path))
      return false;
  return n > 0;
}

typedef struct KeyEvent {
  const Source *src;
  const char *key;
  TSNode event;
  size_t found;
} KeyEvent;

/* A provider listener whose handler feeds the key. */
static void visit_key_listener(TSNode event, TSNode handler, void *data) {
  KeyEvent *ke = data;
  if (!handler_names_key(ke->src, handler, ke->key))
    return;
  ke->event = node_unwrap(event);
  ke->found++;
}

/* `UNIFIED_EVENTS.K` when the provider feeds handler `key` from exactly one
 * broadcast event written that way; NULL otherwise (a presence or
 * postgres_changes source, or several events, have no one-event
 * counterpart). Caller frees. */
static char *provider_event(const Module *provider, const char *key) {
  KeyEvent ke = {.src = &provider->src, .key = key};
  provider_broadcast_listeners(provider, visit_key_listener, &ke);
  if (ke.found != 1 || !node_is(ke.event, "member_expression") ||
      !node_text_eq(&provider->src, node_field(ke.event, "object"), EVENTS) ||
      !node_is(node_field(ke.event, "property"), "property_identifier"))
    return NULL;
  return node_text_dup(&provider->src, ke.event);
}

/* The handler's text moved from its line inside the object up to the
 * call's: each later line loses the indentation the object added, so the
 * handler's closing line lands at the call's indentation. Caller frees. */
static char *lifted_text(Plan *p, TSNode handler, TSNode member, TSNode call) {
  char *text = node_text_dup(p->src, handler);
  const char *inner = fix_indent_before(p->ctx->arena, p->src, ts_node_start_byte(member));
  const char *outer = fix_line_indent(p->ctx->arena, p->src, ts_node_start_byte(call));
  size_t drop = inner && strlen(inner) > strlen(outer) ? strlen(inner) - strlen(outer) : 0;
  char *w = text;
  for (const char *r = text; *r;) {
    char c = *w++ = *r++;
    for (size_t k = 0; c == '\n' && k < drop && (*r == ' ' || *r == '\t'); k++)
      r++;
  }
  *w = '\0';
  return text;
}

/* The event the provider feeds a handler member's key from, and the
 * handler: `onX: h` or the shorthand `onX` (a local of that name). NULL for
 * anything else (a method, a spread, a computed key, a comment). Caller
 * frees. */
static char *member_event(const Plan *p, TSNode member, TSNode *handler) {
  TSNode key = node_is(member, "pair") ? node_field(member, "key") : member;
  if (!node_is(key, "property_identifier") && !node_is(key, "shorthand_property_identifier"))
    return NULL;
  char *name = node_text_dup(p->src, key);
  char *event = provider_event(p->provider, name);
  free(name);
  *handler = node_is(member, "pair") ? node_field(member, "value") : member;
  return event;
}

static void plan_checked_edit(Plan *p, TSNode range, char *text) {
  uint32_t start = ts_node_start_byte(range), end = ts_node_end_byte(range);
  if (fix_names_bound(p->ctx->mod, start, end, text, EVENTS)) {
    plan_edit(p, start, end, text);
    p->uses_events = true;
  } else {
    p->ok = false;
    free(text);
  }
}

/* subscribe({ onX: handler }) -> subscribe(UNIFIED_EVENTS.X, handler): the
 * provider takes an object of handlers, useRealtime an event and one
 * handler. */
static void rewrite_one_handler(Plan *p, TSNode call, TSNode obj) {
  TSNode member = ts_node_named_child(obj, 0), handler;
  char *event = member_event(p, member, &handler);
  if (!event) {
    p->ok = false;
    return;
  }
  char *handler_text = lifted_text(p, handler, member, call);
  plan_checked_edit(p, obj, xasprintf("%s, %s", event, handler_text));
  free(handler_text);
  free(event);
}

/* `onNewMessage` -> `offNewMessage`: the unsubscribe of that handler's
 * subscription, a name not bound where it is declared. NULL otherwise, or
 * for a key not spelled as a handler (`onX`). */
static char *unsubscribe_name(const Plan *p, TSNode member, TSNode at) {
  TSNode key = node_is(member, "pair") ? node_field(member, "key") : member;
  char *key_text = node_text_dup(p->src, key);
  bool handler_key = strncmp(key_text, "on", 2) == 0 && key_text[2] >= 'A' && key_text[2] <= 'Z';
  char *name = handler_key ? xasprintf("off%s", key_text + 2) : NULL;
  free(key_text);
  if (!name || scope_lookup(p->ctx->mod, at, name).kind != BIND_NONE) {
    free(name);
    return NULL;
  }
  return name;
}

/* `return subscribe({ onA: a, onB: b });` -> one subscription per handler
 * and a returned function calling every unsubscribe, what the one
 * unsubscribe the provider returned did:
 *   const offA = subscribe(EVENT_A, a);
 *   const offB = subscribe(EVENT_B, b);
 *   return () => {
 *     offA();
 *     offB();
 *   };
 * Only for a return statement on lines of its own whose handlers are on
 * lines of their own (their indentation is the file's unit). */
static void rewrite_several_handlers(Plan *p, TSNode call, TSNode obj) {
  TSNode stmt = scope_node_parent(p->ctx->mod, call);
  Arena *a = p->ctx->arena;
  const char *outer = node_is(stmt, "return_statement")
                          ? fix_indent_before(a, p->src, ts_node_start_byte(stmt))
                          : NULL;
  uint32_t n = ts_node_named_child_count(obj);
  const char *inner =
      outer ? fix_indent_before(a, p->src, ts_node_start_byte(ts_node_named_child(obj, 0))) : NULL;
  if (!inner || strlen(inner) <= strlen(outer)) {
    p->ok = false;
    return;
  }
  const char *unit = inner + strlen(outer);
  const char *semi = p->src->bytes[ts_node_end_byte(stmt) - 1] == ';' ? ";" : "";
  char *callee = node_text_dup(p->src, node_field(call, "function"));
  StrBuf subs = {0}, calls = {0};
  for (uint32_t i = 0; i < n && p->ok; i++) {
    TSNode member = ts_node_named_child(obj, i), handler;
    char *event = member_event(p, member, &handler);
    char *name = event ? unsubscribe_name(p, member, stmt) : NULL;
    /* The handlers move within the statement; the event is the name to check. */
    if (!name || (i > 0 && strstr(sb_cstr(&calls), name)) ||
        !fix_names_bound(p->ctx->mod, ts_node_start_byte(stmt), ts_node_end_byte(stmt), event,
                         EVENTS)) {
      p->ok = false; /* no event, a name taken, one key twice, UNIFIED_EVENTS shadowed */
    } else {
      char *handler_text = lifted_text(p, handler, member, call);
      sb_appendf(&subs, "%sconst %s = %s(%s, %s)%s\n", i ? outer : "", name, callee, event,
                 handler_text, semi);
      sb_appendf(&calls, "%s%s%s();\n", outer, unit, name);
      free(handler_text);
    }
    free(name);
    free(event);
  }
  p->uses_events = true;
  if (p->ok)
    plan_edit(p, ts_node_start_byte(stmt), ts_node_end_byte(stmt),
              xasprintf("%s%sreturn () => {\n%s%s}%s", sb_cstr(&subs), outer, sb_cstr(&calls),
                        outer, semi));
  sb_free(&subs);
  sb_free(&calls);
  free(callee);
}

static void rewrite_subscribe(Plan *p, TSNode call) {
  TSNode obj = call_argument_count(call) == 1 ? node_unwrap(call_argument(call, 0)) : (TSNode){0};
  uint32_t n = !ts_node_is_null(obj) && node_is(obj, "object") ? ts_node_named_child_count(obj) : 0;
  if (n == 1)
    rewrite_one_handler(p, call, obj);
  else if (n > 1)
    rewrite_several_handlers(p, call, obj);
  else
    p->ok = false;
}

typedef struct Uses {
  Plan *p;
  const char *local;
  uint32_t decl_start; /* the destructured name's node */
} Uses;

/* An entry of a hook's dependency list: `useEffect(fn, [subscribe])`. */
static bool in_dependency_list(const Module *m, TSNode n) {
  TSNode list = scope_node_parent(m, n);
  return node_is(list, "array") && node_is(scope_node_parent(m, list), "arguments");
}

/* Each use of the destructured `subscribe`: a call (rewritten) or an entry
 * of a dependency list; anything else (passed on as an argument, a prop or
 * an object's `{ subscribe }`, stored) withholds. */
static bool visit_subscribe_use(TSNode n, void *data) {
  Uses *u = data;
  if (!u->p->ok)
    return false;
  if (!(node_is(n, "identifier") || node_is(n, "shorthand_property_identifier")) ||
      ts_node_start_byte(n) == u->decl_start || !node_text_eq(u->p->src, n, u->local))
    return true;
  Binding b = scope_lookup(u->p->ctx->mod, n, u->local);
  if (b.kind == BIND_NONE || ts_node_start_byte(b.decl) != u->decl_start)
    return true; /* another binding of the same name */
  TSNode parent = scope_node_parent(u->p->ctx->mod, n);
  if (node_is(n, "identifier") && in_dependency_list(u->p->ctx->mod, n))
    return true;
  if (node_is(parent, "call_expression") && ts_node_eq(node_field(parent, "function"), n))
    rewrite_subscribe(u->p, parent);
  else
    u->p->ok = false;
  return u->p->ok;
}

static TSNode enclosing_function(const Module *m, TSNode n) {
  static const char *const fns[] = {"function_declaration", "function_expression", "arrow_function",
                                    "method_definition"};
  while (!ts_node_is_null(n) && node_type_among(n, fns, sizeof fns / sizeof *fns) < 0)
    n = scope_node_parent(m, n);
  return n;
}

/* Every destructured property must be one the project's useRealtime returns
 * (never a name it does not); `subscribe` also changes how it is called. */
static void plan_results(Plan *p, TSNode pattern, TSNode scope, const RealtimeResults *returns) {
  uint32_t n = ts_node_named_child_count(pattern);
  for (uint32_t i = 0; i < n && p->ok; i++) {
    TSNode c = ts_node_named_child(pattern, i);
    TSNode key = c, local = c;
    if (node_is(c, "pair_pattern")) {
      key = node_field(c, "key");
      local = node_field(c, "value");
      if (!node_is(key, "property_identifier") || !node_is(local, "identifier"))
        p->ok = false;
    } else if (!node_is(c, "shorthand_property_identifier_pattern")) {
      p->ok = false; /* a default, a rest element, a comment */
    }
    if (!p->ok)
      break;
    char *name = node_text_dup(p->src, key);
    p->ok = realtime_results_has(returns, name);
    if (p->ok && strcmp(name, "subscribe") == 0) {
      char *local_name = node_text_dup(p->src, local);
      Uses u = {p, local_name, ts_node_start_byte(local)};
      ast_walk(scope, visit_subscribe_use, &u);
      free(local_name);
    }
    free(name);
  }
}

/* The module that defines the project's useRealtime, importable from this
 * file as *spec: the first of rules/migrations.json "use_realtime" modules
 * that resolves and exports it (through re-exports: hooks/useRealtime.ts ->
 * lib/realtime/). NULL when the file already binds the name. */
static const Module *realtime_module(RuleCtx *ctx, const char **spec) {
  const char *hook = ctx->std->realtime_hook;
  const Module *definer = NULL;
  if (scope_lookup_toplevel(ctx->mod, hook).kind != BIND_NONE ||
      !realtime_hook_module(ctx, hook, (const char *const *)ctx->std->realtime_modules,
                            ctx->std->nrealtime_modules, spec, &definer))
    return NULL;
  return definer;
}

/* A name of that role usable at the call: a parameter, an import, or a
 * declaration written before it. */
static bool bound_at(const Module *m, TSNode at, const char *name) {
  Binding b = scope_lookup(m, at, name);
  return b.kind == BIND_PARAM || b.kind == BIND_IMPORT ||
         (b.kind != BIND_NONE && ts_node_start_byte(b.decl) < ts_node_start_byte(at));
}

/* `{ type: "widget", organizationId, conversationId }`, or NULL when no single
 * organization id is bound at the call, or conversationId is not bound and
 * the project's hook does not declare it optional. Caller frees. */
static char *widget_options(RuleCtx *ctx, TSNode call, const Module *rt, char quote) {
  const char *org[2];
  if (fix_org_ids_bound(ctx->arena, ctx->mod, ts_node_start_byte(call), ts_node_end_byte(call), org,
                        2) != 1)
    return NULL;
  bool conv = bound_at(ctx->mod, call, "conversationId");
  if (!conv && !strstr(rt->src.bytes, "conversationId?"))
    return NULL;
  StrBuf sb = {0};
  sb_appendf(&sb, "{ type: %cwidget%c, ", quote, quote);
  if (strcmp(org[0], "organizationId") == 0)
    sb_append(&sb, "organizationId");
  else
    sb_appendf(&sb, "organizationId: %s", org[0]);
  sb_append(&sb, conv ? ", conversationId }" : " }");
  return sb_take(&sb);
}

static TSNode ancestor(const Module *m, TSNode n, const char *type) {
  while (!ts_node_is_null(n) && strcmp(ts_node_type(n), type) != 0)
    n = scope_node_parent(m, n);
  return n;
}

/* The context hook's import goes with its one call: the whole statement
 * becomes the useRealtime import when it held nothing else; else its
 * specifier goes and the useRealtime import is added like other codemods
 * add it. */
static bool plan_imports(Plan *p, Diag *d, const Binding *hook, const char *spec) {
  TSNode stmt = ancestor(p->ctx->mod, hook->decl, "import_statement");
  TSNode specifier = ancestor(p->ctx->mod, hook->decl, "import_specifier");
  TSNode source = node_field(stmt, "source");
  if (ts_node_is_null(stmt) || ts_node_is_null(specifier) || ts_node_is_null(source))
    return false;
  TSNode named = scope_node_parent(p->ctx->mod, specifier);
  TSNode clause = scope_node_parent(p->ctx->mod, named);
  const char *b = p->src->bytes;
  char quote = b[ts_node_start_byte(source)];
  if (ts_node_named_child_count(named) == 1 && ts_node_named_child_count(clause) == 1) {
    bool semi = b[ts_node_end_byte(stmt) - 1] == ';';
    plan_edit(p, ts_node_start_byte(stmt), ts_node_end_byte(stmt),
              xasprintf("import { %s } from %c%s%c%s", p->ctx->std->realtime_hook, quote, spec,
                        quote, semi ? ";" : ""));
    return true;
  }
  TSNode next = ts_node_next_named_sibling(specifier), prev = ts_node_prev_named_sibling(specifier);
  if (!ts_node_is_null(next))
    plan_edit(p, ts_node_start_byte(specifier), ts_node_start_byte(next), xstrdup(""));
  else
    plan_edit(p, ts_node_end_byte(prev), ts_node_end_byte(specifier), xstrdup(""));
  return fix_require_named_import(d, p->ctx->proj, p->ctx->mod, p->ctx->std->realtime_hook, spec);
}

void provider_context_suggest(RuleCtx *ctx, Diag *d, TSNode call, size_t context_calls) {
  if (!d || !widget_code(ctx) || context_calls != 1)
    return;
  TSNode decl = scope_node_parent(ctx->mod, call);
  if (!node_is(decl, "variable_declarator") || !ts_node_eq(node_field(decl, "value"), call) ||
      !node_is(node_field(decl, "name"), "object_pattern"))
    return;
  Binding hook = scope_lookup_toplevel(ctx->mod, CONTEXT_HOOK);
  const Module *provider = hook.kind == BIND_IMPORT && strcmp(hook.imported, CONTEXT_HOOK) == 0
                               ? resolve_import_target(ctx->res, ctx->mod, &hook)
                               : NULL;
  const char *spec = NULL;
  const Module *rt = provider && provider->tree ? realtime_module(ctx, &spec) : NULL;
  RealtimeResults returns;
  if (!rt || !realtime_results(ctx, spec, ctx->std->realtime_hook, &returns))
    return;
  Plan p = {.ctx = ctx, .src = &ctx->mod->src, .provider = provider, .ok = true};
  TSNode scope = enclosing_function(ctx->mod, call);
  if (ts_node_is_null(scope))
    return; /* a hook call outside any component or hook */
  plan_results(&p, node_field(decl, "name"), scope, &returns);
  char quote = p.src->bytes[ts_node_start_byte(
      node_field(ancestor(ctx->mod, hook.decl, "import_statement"), "source"))];
  char *options = p.ok ? widget_options(ctx, call, rt, quote) : NULL;
  if (options) {
    char *text = xasprintf("%s(%s)", ctx->std->realtime_hook, options);
    free(options);
    /* The ids passed are bound at the call (widget_options); the hook's
     * name is the import this suggestion adds, so nothing local may shadow
     * it there. */
    p.ok = p.ok && scope_lookup(ctx->mod, call, ctx->std->realtime_hook).kind == BIND_NONE;
    plan_edit(&p, ts_node_start_byte(call), ts_node_end_byte(call), text);
    if (p.ok && plan_imports(&p, d, &hook, spec)) {
      for (size_t i = 0; i < p.nedits; i++)
        diag_add_edit(d, p.edits[i].start, p.edits[i].end, p.edits[i].text);
      if (p.uses_events)
        fix_require_standard_import(d, ctx->proj, ctx->mod, EVENTS);
      diag_set_fix(
          d, FIX_SUGGESTION,
          "Use useRealtime({ type: \"widget\" }) instead of the dashboard provider's context");
    }
  }
  plan_free(&p);
}
