/* Applying fixes (src/fix/apply.c): a source text, then, after a NUL, the
 * fixes as bytes: per diagnostic a flags byte (bit 0: safe, else a
 * suggestion; bits 1-2: how many more edits, 1 to 4), then per edit a start
 * and an end (16 bits each, little-endian), a text length byte and the text.
 * Ranges are whatever the bytes say: fix_build must not trust them, since
 * they also come back from cache entries. */
#include "fuzz_common.h"

#include "core/util.h"
#include "fix/apply.h"
#include "rules/registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Reader {
  const uint8_t *p, *end;
} Reader;

static bool take(Reader *r, size_t n) {
  if ((size_t)(r->end - r->p) < n)
    return false;
  r->p += n;
  return true;
}

static uint32_t u16_at(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzPart parts[2];
  if (fuzz_split(data, size, parts, 2) < 2)
    return 0;
  Source src;
  char *detail = NULL;
  if (src_from_memory(&src, parts[0].data, parts[0].len, "fuzz.tsx", &detail) != SOURCE_OK) {
    free(detail);
    return 0;
  }
  DiagList dl = {0};
  Reader r = {(const uint8_t *)parts[1].data, (const uint8_t *)parts[1].data + parts[1].len};
  while (r.p < r.end) {
    uint8_t flags = *r.p++;
    Diag *d = NULL;
    for (int e = 0; e <= (flags >> 1 & 3); e++) {
      const uint8_t *at = r.p;
      if (!take(&r, 5) || !take(&r, at[4]))
        break;
      char *text = xstrndup((const char *)at + 5, at[4]);
      uint32_t start = u16_at(at), end = u16_at(at + 2);
      if (!d)
        d = diag_add(&dl, rules_all[0], SEV_ERROR, &src, 0, 0, "m", NULL);
      diag_add_edit(d, start, end, text);
      free(text);
    }
    if (d)
      diag_set_fix(d, flags & 1 ? FIX_SAFE : FIX_SUGGESTION, "fix");
  }
  FileFixResult out;
  fix_build(&out, &src, LANG_TSX, dl.items, dl.n, FIX_SUGGESTION);
  static FILE *devnull;
  if (!devnull)
    devnull = fopen("/dev/null", "w");
  if (out.fixed)
    fix_print_diff(devnull, &out);
  fix_result_free(&out);
  diag_list_free(&dl);
  src_free(&src);
  return 0;
}
