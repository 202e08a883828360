#ifndef RTLINT_RULES_CHANNEL_EFFECT_WRITE_H
#define RTLINT_RULES_CHANNEL_EFFECT_WRITE_H
#include "rules/channel_effect_shape.h"
#include "rules/realtime_api.h"

/* The text supabase-channel-direct's codemod writes for a recognised shape
 * (channel_effect_shape.h) once the API it moves to is chosen. */

/* The API the subscription moves to. */
typedef struct Target {
  const char *hook, *spec; /* import { hook } from "spec" */
  const char *binding;     /* what the hook's result gives: "subscribe" or "broadcast" */
  const char *hook_call;   /* "useOrganizationRealtimeContext()" */
  SubscribeForm form;      /* how its subscribe is called */
  const char *state;       /* the API's state the status logic now follows, or NULL */
  const char *condition;   /* when it runs: `connectionStatus === "fallback"` */
} Target;

/* Edits of an effect: its new body, the status logic's effect, handler
 * parameters rewritten where they are declared. */
void channel_effect_edit(RuleCtx *ctx, Diag *d, const Effect *e, const Target *t);

/* Each send outside an effect becomes `broadcast(E, P)` where it stands (its
 * await or void kept); the channel's const goes, its line with it. */
void channel_effect_edit_loose_sends(RuleCtx *ctx, Diag *d, const Effect *e);

/* `name` appended to a dependency array that does not name it yet. */
void channel_effect_add_dependency(const Source *src, Diag *d, TSNode deps, const char *name);

#endif
