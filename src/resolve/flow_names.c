#include "resolve/flow_names.h"

#include <string.h>

bool flow_names_has(const FlowNames *names, const char *name, uint32_t len) {
  char buf[128];
  if (len >= sizeof buf)
    return false;
  memcpy(buf, name, len);
  buf[len] = 0;
  return strmap_get(&names->set, buf) != NULL;
}
