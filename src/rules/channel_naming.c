#include "rules/channel_naming.h"

#include "core/util.h"

#define CHANNEL_MAX_PARAMS 4

const char *channel_suggest_call(Arena *a, const Standards *std, const ValAlt *alt) {
  for (size_t i = 0; i < std->nchannels; i++) {
    const ChannelFn *fn = &std->channels[i];
    const char *args[CHANNEL_MAX_PARAMS] = {0};
    if (fn->nparams > CHANNEL_MAX_PARAMS ||
        !val_alt_match_shape(a, alt, fn->shape, args, CHANNEL_MAX_PARAMS))
      continue;
    StrBuf sb = {0};
    sb_appendf(&sb, "UNIFIED_CHANNELS.%s(", fn->name);
    for (size_t p = 0; p < fn->nparams; p++)
      sb_appendf(&sb, "%s%s", p ? ", " : "", args[p] ? args[p] : "undefined");
    sb_putc(&sb, ')');
    const char *out = arena_strdup(a, sb_cstr(&sb));
    sb_free(&sb);
    return out;
  }
  return NULL;
}

bool channel_alt_valid(Arena *a, const Standards *std, const ValAlt *alt) {
  return std_valid_channel(std, val_alt_fill(a, alt, "x"));
}
