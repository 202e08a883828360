#ifndef RTLINT_RULES_REALTIME_API_H
#define RTLINT_RULES_REALTIME_API_H
#include "rules/ctx.h"

/* What the project's realtime API offers, read from its source: the module
 * defining a hook, the members the provider's value declares, and which
 * broadcast events the provider feeds to which subscriber handler key. */

#define PROVIDER_MAX_KEYS 32

/* How the provider's subscribe is called. */
typedef struct SubscribeForm {
  bool object_form; /* subscribe({ onNewMessage: h }) rather than subscribe(EVENT, h) */
  const char *values[PROVIDER_MAX_KEYS], *keys[PROVIDER_MAX_KEYS]; /* event value -> handler key */
  size_t nkeys;
} SubscribeForm;

/* The module `hook` comes from: the one the file imports it from, else the
 * first of the `nspecs` specifiers that resolves and exports it (its
 * specifier in *spec_out; when definer is not NULL, the module that declares
 * it, through re-exports, in *definer). NULL when none does, or the file binds
 * the name otherwise. */
const Module *realtime_hook_module(RuleCtx *ctx, const char *hook, const char *const *specs,
                                   size_t nspecs, const char **spec_out, const Module **definer);

/* The provider's first declaration of member `name` as a function type or
 * value (`name: (a, b) => ...`, `name(a, b)`; never a call `x.name(...)`):
 * false when there is none, else *several says whether it takes more than
 * one parameter. */
bool provider_member_signature(const Module *provider, const char *name, bool *several);

/* How the provider's subscribe is called, read from its declaration:
 * `subscribe: (event: string, handler: H) => ...` takes an event,
 * `subscribe: (handlers: Handlers) => ...` an object of handlers keyed as
 * the provider's own .on(...) calls feed them. False when neither is read. */
bool provider_subscribe_form(RuleCtx *ctx, const Module *provider, SubscribeForm *form);

/* The string a value always is, or NULL. */
const char *value_text(Arena *a, Value v);

/* The handler key the provider feeds from the event whose value `event`
 * always is, or NULL. */
const char *subscribe_key_for(const SubscribeForm *form, Arena *a, Value event);

/* Called for each `.on("broadcast", { event: E }, handler)` of the provider,
 * in source order, with E as written and the handler argument. */
typedef void (*BroadcastListenerVisit)(TSNode event, TSNode handler, void *data);
void provider_broadcast_listeners(const Module *provider, BroadcastListenerVisit visit, void *data);

/* The provider's handler mentions `key` as a string ("onNewMessage") or a
 * property (`s.onNewMessage?.(payload)`): it dispatches to that key. */
bool handler_names_key(const Source *src, TSNode handler, const char *key);

#endif
