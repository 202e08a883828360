/* `rtlint merge` (src/cli/merge.c) over two or three shard outputs, cut from
 * the input at NUL bytes and written to files, as the command reads them. */
#include "fuzz_common.h"

#include "cli/commands.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SHARDS 3

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzPart parts[MAX_SHARDS];
  size_t n = fuzz_split(data, size, parts, MAX_SHARDS);
  char *paths[MAX_SHARDS];
  for (size_t i = 0; i < n; i++) {
    paths[i] = xasprintf("%s/shard%zu.json", fuzz_tmpdir(), i);
    fuzz_write(paths[i], parts[i].data, parts[i].len);
  }
  char *out = xasprintf("%s/merged.json", fuzz_tmpdir());
  Options o;
  memset(&o, 0, sizeof o);
  o.command = CMD_MERGE;
  o.paths = paths;
  o.npaths = n;
  o.output = out;
  cmd_merge(&o);
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(out);
  return 0;
}
