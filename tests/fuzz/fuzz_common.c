#include "fuzz_common.h"

#include "core/util.h"
#include "engine/order.h"
#include "fix/apply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t fuzz_split(const uint8_t *data, size_t size, FuzzPart *parts, size_t max) {
  size_t n = 0;
  const char *p = (const char *)data, *end = p + size;
  while (n < max) {
    const char *nul = n + 1 < max ? memchr(p, '\0', (size_t)(end - p)) : NULL;
    parts[n].data = p;
    parts[n].len = (size_t)((nul ? nul : end) - p);
    n++;
    if (!nul)
      break;
    p = nul + 1;
  }
  return n;
}

static char tmpdir[64];

static void remove_tmpdir(void) {
  char *cmd = xasprintf("rm -rf '%s'", tmpdir);
  if (system(cmd) != 0)
    fprintf(stderr, "fuzz: could not remove %s\n", tmpdir);
  free(cmd);
}

const char *fuzz_tmpdir(void) {
  if (!tmpdir[0]) {
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/rtlint-fuzz-XXXXXX",
             base && strlen(base) < 32 ? base : "/tmp");
    if (!mkdtemp(tmpdir)) {
      perror("fuzz: mkdtemp");
      abort();
    }
    atexit(remove_tmpdir);
  }
  return tmpdir;
}

void fuzz_write(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
    perror(path);
    abort();
  }
}

void fuzz_apply_fixes(DiagList *dl) {
  static FILE *devnull;
  if (!devnull)
    devnull = fopen("/dev/null", "w");
  diag_list_sort(dl);
  for (size_t i = 0; i < dl->n;) {
    size_t k = i;
    while (k < dl->n && dl->items[k].src == dl->items[i].src)
      k++;
    const Source *src = dl->items[i].src;
    Lang lang = LANG_TS;
    lang_for_path(src->path, &lang);
    FileFixResult r;
    fix_build(&r, src, lang, &dl->items[i], k - i, FIX_SUGGESTION);
    if (r.fixed)
      fix_print_diff(devnull, &r);
    fix_result_free(&r);
    i = k;
  }
}
