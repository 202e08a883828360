#include "rules/sink_needles.h"

#include <stddef.h>

#define SINK_IF_Y(x) x,
#define SINK_IF_N(x)

#define SINK(callee, needle, event, channel) SINK_IF_##event(needle)
const char *const sink_event_needles[] = {
#include "resolve/sinks.def"
    NULL};
#undef SINK

#define SINK(callee, needle, event, channel) SINK_IF_##channel(needle)
const char *const sink_channel_needles[] = {
#include "resolve/sinks.def"
    NULL};
#undef SINK
