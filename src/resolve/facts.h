#ifndef RTLINT_RESOLVE_FACTS_H
#define RTLINT_RESOLVE_FACTS_H
#include "core/arena.h"
#include "resolve/project.h"

#include <tree_sitter/api.h>

/* One link of the way a name takes to a sink: a function it passes through
 * (label: the function's name) or the sink call itself (label: `.send(...)`). */
typedef struct FlowStep {
  const Module *mod;
  uint32_t at; /* byte offset of the function's name or the sink call */
  const char *label;
} FlowStep;

/* How a site was reached through the app's own functions (resolve/flow.h):
 * the functions from the called one to the sink; NULL trail for a direct site. */
typedef struct FlowTrail {
  const FlowStep *steps;
  uint32_t n;
} FlowTrail;

typedef enum ChannelSinkKind {
  CHANNEL_SINK_CLIENT,  /* supabase.channel(name) */
  CHANNEL_SINK_MANAGER, /* channelManager.getChannel(name) */
  CHANNEL_SINK_HELPER,  /* subscribeToChannel(name, ...) / broadcastToChannel(name, ...) */
  CHANNEL_SINK_WRAPPER, /* a local function that passes its parameter to one of the above */
} ChannelSinkKind;

/* A place where a channel name is consumed. */
typedef struct ChannelSite {
  ChannelSinkKind kind;
  TSNode call;
  TSNode arg;
  FlowTrail trail;
} ChannelSite;

typedef enum EventSinkKind {
  EVENT_SINK_ON_BROADCAST, /* .on('broadcast', { event: X }, ...) */
  EVENT_SINK_SEND,         /* .send({ type: 'broadcast', event: X }) */
  EVENT_SINK_HELPER,       /* broadcastToChannel(ch, X) / subscribeToChannel(ch, X) */
  EVENT_SINK_SUBSCRIBE,    /* subscribe(X, handler) of the app's realtime hooks */
  EVENT_SINK_COMPARE,      /* payload.event === X / case X: inside a broadcast handler */
  EVENT_SINK_WRAPPER,      /* a local function passing its parameter to one of the above */
} EventSinkKind;

typedef struct EventSite {
  EventSinkKind kind;
  TSNode call;  /* the call (or comparison) holding the event */
  TSNode arg;   /* the event-name expression */
  bool listens; /* EVENT_SINK_WRAPPER: the name is heard, not sent */
  FlowTrail trail;
} EventSite;

/* What rules talk about, collected in one pass over a module's tree. */
typedef struct Facts {
  TSNode *calls; /* every call_expression, in document order */
  size_t ncalls;
  ChannelSite *channels;
  size_t nchannels;
  EventSite *events;
  size_t nevents;
} Facts;

void facts_collect(Facts *f, const Module *m, Arena *arena);
/* The same; with spare_thread (the run leaves a core idle), a large file's
 * walk is shared with a helper thread. The facts are the same. */
void facts_collect_split(Facts *f, const Module *m, Arena *arena, bool spare_thread);
/* The direct sites and calls inside one subtree (a function being
 * summarised), without the local wrapper sites. */
void facts_collect_in(Facts *f, const Module *m, TSNode root, Arena *arena);

/* True for a call of the `subscribe` that the app's realtime hooks and provider
 * return: destructured from `useRealtime(...)` / `useOrganizationRealtimeContext()`
 * (any `use*Realtime*` hook), or called as `realtime.subscribe(...)` on such a
 * result. False for Supabase's `channel.subscribe(cb)` and other subscribes. */
bool facts_realtime_subscribe(const Module *m, TSNode call);

#endif
