#ifndef RTLINT_RULES_CHANNEL_EFFECT_SHAPE_H
#define RTLINT_RULES_CHANNEL_EFFECT_SHAPE_H
#include "rules/channel_status_map.h"
#include "rules/ctx.h"

/* The shapes supabase-channel-direct's codemod converts (see
 * channel_effect_fix.h), recognised without writing anything: a useEffect
 * that opens channels, listens, sends or reacts to their status and removes
 * them, or a send outside any effect in a function of a component. */

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

/* Recognises the shape around the finding's `supabase.channel(NAME)` into
 * *e, its listeners in source order; *in_effect says whether it is a
 * useEffect (else sends in a function of the component). False for any
 * other shape, or one with a part not recognised. */
bool channel_effect_recognise(RuleCtx *ctx, TSNode channel_call, Effect *e, bool *in_effect);

/* A block's statements without its comments: SIZE_MAX when more than max. */
size_t block_statements(TSNode block, TSNode *out, size_t max);

/* How many times `name` is written as an identifier in n (comments and
 * property names aside). */
size_t count_mentions(const Source *src, TSNode n, const char *name);

#endif
