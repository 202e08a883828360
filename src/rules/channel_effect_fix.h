#ifndef RTLINT_RULES_CHANNEL_EFFECT_FIX_H
#define RTLINT_RULES_CHANNEL_EFFECT_FIX_H
#include "rules/ctx.h"

/* The phase 3 codemod of supabase-channel-direct (a suggestion, never safe:
 * the events then come over the provider's or useRealtime's channel). For
 * the common shape
 *
 *   useEffect(() => {
 *     const ch = supabase.channel(NAME)
 *       .on("broadcast", { event: E }, ({ payload }) => ...)   one or more
 *       .subscribe();
 *     return () => { supabase.removeChannel(ch); };            or ch.unsubscribe()
 *   }, [deps]);
 *
 * (also `const ch = supabase.channel(NAME); ch.on(...); ch.subscribe();`,
 * several channels on one client, a `*` listener dispatching on the event
 * by hand (one handler per case, channel_dispatch.h), a widget name built by
 * hand that channel-hand-built rewrites into a widget-shaped call,
 * early-return guards kept in front,
 * status logic moved onto a state the provider exposes,
 * after the effect's own `const supabase = createClient();`, with handlers
 * the component declares given by name) it gives d a fix that subscribes
 * through the project's realtime API instead: `subscribe` from
 * useOrganizationRealtimeContext() in dashboard code, from
 * useRealtime({ type: "widget", organizationId, conversationId }) in widget
 * code, the effect returning the unsubscribe(s). An effect that only sends
 * (`ch.send({ type: "broadcast", event, payload })`) gets `broadcast(event,
 * payload)` from the same API when it has one, as does a send in a function
 * of the component outside any effect. Any other shape gets none. */
void channel_effect_suggest(RuleCtx *ctx, Diag *d, TSNode channel_call);

#endif
