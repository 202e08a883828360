#ifndef RTLINT_RULES_CHANNEL_EFFECT_H
#define RTLINT_RULES_CHANNEL_EFFECT_H
#include "rules/channel_status_map.h"

/* The parts of a component's realtime code that supabase-channel-direct's
 * codemod reads (channel_effect_shape.h recognises them, channel_dispatch.h
 * adds the cases of a `*` listener, channel_effect_write.h writes them). */

#define MAX_LISTENERS 16
#define MAX_ANCESTORS 512
#define MAX_STATEMENTS 64
#define MAX_CHANNELS 4

typedef struct Listener {
  TSNode call, event, handler;
  TSNode named;          /* the function a handler given by name denotes, or null */
  TSNode param;          /* the `{ payload }` parameter to rewrite, or null */
  const char *new_param; /* what replaces it: "payload" */
  const char *key;       /* the provider's handler key (object form) */
  /* One case of a `*` listener dispatching on the event by hand
   * (channel_dispatch.h): its statements `first` to `last` become the
   * handler's body, its `msg.payload` reads (msg the handler's `msg`
   * parameter, else null) the parameter new_param ("" for none). Null for a
   * listener of its own. */
  TSNode first, last, msg;
} Listener;

/* ch.send({ type: "broadcast", event: E, payload: P }), the message written
 * inline or in a const of the effect. */
typedef struct Send {
  TSNode event, payload;
  bool is_void; /* `void ch.send(...)` */
  TSNode call;  /* outside an effect: the `ch.send(...)` call broadcast(...) replaces */
} Send;

/* `const m = { type: "broadcast", event, payload }` before the send of it. */
typedef struct Message {
  const char *name;
  TSNode event, payload;
  bool sent;
} Message;

/* `const ch = supabase.channel(NAME)` of the effect. */
typedef struct Channel {
  TSNode call;     /* supabase.channel(NAME) */
  const char *var; /* ch */
  bool subscribed, removed;
} Channel;

/* The useEffect being converted; for a send outside an effect, the function
 * holding the send (stmt, body, deps and component then describe it). */
typedef struct Effect {
  TSNode stmt;                 /* the statement holding useEffect(...) */
  TSNode body;                 /* the effect function's block */
  TSNode deps;                 /* its dependency array, or null */
  TSNode first;                /* the component's first statement: where the hook goes */
  TSNode component;            /* the component's (or hook's) function */
  TSNode channel;              /* supabase.channel(NAME) of the finding */
  Channel chans[MAX_CHANNELS]; /* every channel the effect opens, in order */
  size_t nchans;
  const char *client; /* `const supabase = createClient()` of the effect itself, or NULL */
  TSNode guards[MAX_STATEMENTS]; /* `if (!id) return;` opening the effect, kept in front */
  size_t nguards;
  Listener on[MAX_LISTENERS];
  size_t non;
  Send sends[MAX_LISTENERS];
  size_t nsends;
  Message msgs[MAX_LISTENERS];
  size_t nmsgs;
  TSNode loose_decl;     /* outside an effect: `const ch = supabase.channel(NAME);` or null */
  bool reacts;           /* the status callback has logic: `status` below */
  StatusReaction status; /* what it does on which statuses */
} Effect;

#endif
