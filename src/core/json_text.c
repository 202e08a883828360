#include "core/json_text.h"

#include "core/printable.h"

#include <stdlib.h>

json_t *json_text(const char *s) {
  if (!s)
    return json_null();
  json_t *v = json_string(s);
  if (v)
    return v;
  char *valid = printable_utf8(s);
  v = json_string(valid);
  free(valid);
  return v;
}
