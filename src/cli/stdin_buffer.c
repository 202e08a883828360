#include "cli/stdin_buffer.h"

#include "cli/fix_run.h"
#include "core/util.h"
#include "fix/apply.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *abs_of(const char *path) {
  char buf[PATH_MAX];
  return path_absolute(getcwd(buf, sizeof buf) ? buf : "/", path);
}

bool stdin_buffer_read(Overlay *ov, const char *path) {
  StrBuf text = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
    sb_append_n(&text, chunk, got);
  if (ferror(stdin)) {
    fprintf(stderr, "rtlint: --stdin-filename: cannot read standard input: %s\n", strerror(errno));
    sb_free(&text);
    return false;
  }
  size_t len = text.len;
  char *abs = abs_of(path);
  overlay_set(ov, abs, len ? sb_cstr(&text) : "", len);
  free(abs);
  sb_free(&text);
  return true;
}

/* One pass: the fixes found in the buffer go into ov. The number applied. */
static size_t fix_buffer_once(Session *s, Overlay *ov, const char *abs, FixApplicability level) {
  Module *m = NULL;
  for (size_t i = 0; i < s->proj.nmodules && !m; i++)
    if (strcmp(s->proj.modules[i]->fs_path, abs) == 0)
      m = s->proj.modules[i];
  if (!m)
    return 0;
  size_t first = 0, n = 0;
  const DiagList *dl = &s->result.diags;
  /* Diagnostics are sorted by file: the buffer's are contiguous. */
  while (first < dl->n && dl->items[first].src != &m->src)
    first++;
  while (first + n < dl->n && dl->items[first + n].src == &m->src)
    n++;
  if (!n)
    return 0;
  size_t applied = 0;
  FileFixResult fr;
  fix_build(&fr, &m->src, m->lang, dl->items + first, n, level);
  if (fr.refused)
    fprintf(stderr, "rtlint: %s: %s\n", m->src.path, fr.refused);
  if (fr.fixed) {
    applied = fr.applied;
    overlay_set(ov, abs, fr.fixed, fr.fixed_len);
  }
  fix_result_free(&fr);
  return applied;
}

size_t stdin_buffer_fix(Session *s, Overlay *ov, const char *path, FixApplicability level,
                        FILE *out) {
  char *abs = abs_of(path);
  /* In passes, as files are fixed (cli/fix_run.h): what one fix makes
   * possible, or an overlapping fix that waited, is applied too. */
  size_t applied = 0, now = 0;
  for (int pass = 0; pass < FIX_MAX_PASSES && (now = fix_buffer_once(s, ov, abs, level)); pass++) {
    applied += now;
    session_relint(s);
  }
  const OverlayFile *buffer = overlay_get(ov, abs);
  if (buffer)
    fwrite(buffer->bytes, 1, buffer->len, out);
  fflush(out);
  free(abs);
  return applied;
}
