/* The configuration loader (src/config/config.c): rtlint.yaml from memory,
 * then what a run asks of the result for a few paths, and for one more the
 * input gives after a NUL (globs are matched against paths the repository
 * names). */
#include "fuzz_common.h"

#include "config/config.h"
#include "core/util.h"
#include "engine/engine.h"
#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzPart parts[2];
  size_t nparts = fuzz_split(data, size, parts, 2);
  char *given = xasprintf("/fuzz/%.*s", nparts > 1 ? (int)strnlen(parts[1].data, parts[1].len) : 0,
                          nparts > 1 ? parts[1].data : "");
  const char *files[] = {"/fuzz/app/page.tsx", "/fuzz/lib/a.ts", "/elsewhere/x.ts",
                         "/fuzz/components/deep/c.tsx", given};
  Config c;
  char *err = NULL;
  if (config_parse(&c, "fuzz/rtlint.yaml", "/fuzz", parts[0].data, parts[0].len, &err)) {
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
      config_includes(&c, files[i]);
      RuleSelection sel;
      selection_defaults(&sel);
      config_selection(&c, files[i], true, &sel);
      config_path_in(&c, files[i], c.component_dirs, c.ncomponent_dirs);
      config_path_in(&c, files[i], c.infrastructure_dirs, c.ninfrastructure_dirs);
      free(config_relpath(&c, files[i]));
    }
    Standards std;
    memset(&std, 0, sizeof std);
    config_apply_standards(&c, &std);
    std_free(&std);
  }
  config_free(&c); /* after a failure too: it holds what was read before the error */
  free(err);
  free(given);
  return 0;
}
