#ifndef RTLINT_RULES_SINK_NEEDLES_H
#define RTLINT_RULES_SINK_NEEDLES_H
/* The prefilter needles of the rules that read sites, generated from the one
 * sink table (resolve/sinks.def): a sink recognised there is a needle here,
 * so no rule can silently skip a file holding one. NULL-terminated. */
extern const char *const sink_event_needles[];
extern const char *const sink_channel_needles[];

#endif
