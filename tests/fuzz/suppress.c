/* The suppression-comment parser (src/engine/suppress.c): one comment's text,
 * delimiters included, in a buffer of exactly its length. */
#include "fuzz_common.h"

#include "engine/suppress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Directive d;
  const char *why = NULL;
  if (suppress_parse_comment((const char *)data, size, &d, &why) == DIRECTIVE_OK)
    directive_free(&d);
  return 0;
}
