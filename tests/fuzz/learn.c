/* Learning UNIFIED_CHANNELS / UNIFIED_EVENTS from a standards file
 * (src/standards/learn.c), then what the rules ask of the result. Input: the
 * file's text; the first byte's low bit picks TS or TSX. */
#include "fuzz_common.h"

#include "core/util.h"
#include "standards/standards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  const char *path = data[0] & 1 ? "lib/realtime/unified-channel-standards.tsx"
                                 : "lib/realtime/unified-channel-standards.ts";
  Standards std;
  char *err = NULL;
  if (!std_load_builtin(&std, &err)) {
    fprintf(stderr, "fuzz: %s\n", err);
    abort();
  }
  if (std_learn_from_memory(&std, (const char *)data + 1, size - 1, path, path, &err)) {
    /* Every learned name and shape is a string the rules print and match. */
    size_t total = 0;
    for (size_t i = 0; i < std.nchannels; i++) {
      total += strlen(std.channels[i].name) + strlen(std.channels[i].shape);
      for (size_t k = 0; k < std.channels[i].nparams; k++)
        total += strlen(std.channels[i].params[k]);
      std_channel_by_name(&std, std.channels[i].name);
    }
    for (size_t i = 0; i < std.nevents; i++) {
      total += strlen(std.events[i].key) + strlen(std.events[i].value);
      std_event_by_value(&std, std.events[i].value);
      std_valid_event(&std, std.events[i].value);
    }
    std_valid_channel(&std, "org:1:conv:2");
    (void)total;
  }
  free(err);
  std_free(&std);
  return 0;
}
