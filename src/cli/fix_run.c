#include "cli/fix_run.h"

#include "core/strmap.h"
#include "core/util.h"
#include "fix/apply.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A file some pass changed: its text as first read (what the disk must still
 * hold when it is written) and where it lives. */
typedef struct FixedFile {
  Source original;
  char *fs_path;
  size_t applied;    /* fixes that went into it, over all passes */
  bool buffer;       /* its first text came from the overlay (--stdin-filename): never written */
  bool refusal_said; /* one "would not parse" message per file, not per pass */
} FixedFile;

typedef struct FixedList {
  FixedFile *items;
  size_t n, cap;
  StrMap index; /* fs_path -> item index + 1 */
} FixedList;

/* The file's entry, made from m's text the first time a pass changes it:
 * m was read from the disk then (the overlay holds only changed files). */
static FixedFile *fixed_get(FixedList *l, const Overlay *ov, const Module *m) {
  uintptr_t at = (uintptr_t)strmap_get(&l->index, m->fs_path);
  if (at)
    return &l->items[at - 1];
  FixedFile fresh;
  memset(&fresh, 0, sizeof fresh);
  char *detail = NULL;
  if (src_from_memory(&fresh.original, m->src.bytes, m->src.len, m->src.path, &detail) !=
      SOURCE_OK) {
    free(detail); /* cannot happen: the same text was read as valid */
    return NULL;
  }
  fresh.original.stamp = m->src.stamp;
  fresh.buffer = overlay_get(ov, m->fs_path) != NULL;
  fresh.fs_path = xstrdup(m->fs_path);
  ARRAY_PUSH(l->items, l->n, l->cap, fresh);
  strmap_put(&l->index, m->fs_path, (void *)(uintptr_t)l->n);
  return &l->items[l->n - 1];
}

/* One pass over the findings: each file's fixes go into the overlay (those
 * overlapping an applied one wait for the next pass). The number applied;
 * with apply=false only counted. */
static size_t fix_pass(Session *s, Overlay *ov, FixedList *changed, FixApplicability level,
                       bool apply) {
  size_t applied = 0;
  const DiagList *dl = &s->result.diags;
  /* Diagnostics are sorted by path: each file's run is contiguous. */
  for (size_t i = 0; i < dl->n;) {
    size_t j = i;
    while (j < dl->n && dl->items[j].src == dl->items[i].src)
      j++;
    const Module *m = module_of_source(dl->items[i].src);
    if (m) {
      FileFixResult fr;
      fix_build(&fr, &m->src, m->lang, &dl->items[i], j - i, level);
      if (!apply) {
        applied += fr.fixed ? fr.applied : 0;
        fix_result_free(&fr);
        i = j;
        continue;
      }
      FixedFile *c = fr.fixed || fr.refused ? fixed_get(changed, ov, m) : NULL;
      if (fr.refused && c && !c->refusal_said) {
        fprintf(stderr, "rtlint: %s: %s\n", m->src.path, fr.refused);
        c->refusal_said = true;
      }
      if (fr.fixed && c) {
        overlay_set(ov, m->fs_path, fr.fixed, fr.fixed_len);
        applied += fr.applied;
        c->applied += fr.applied;
      }
      fix_result_free(&fr);
    }
    i = j;
  }
  return applied;
}

/* Writes (or prints the diff of) one changed file's final text. */
static void finish_file(FixedFile *c, const OverlayFile *final, bool diff, FILE *out,
                        FixSummary *sum) {
  if (!final ||
      (final->len == c->original.len && memcmp(final->bytes, c->original.bytes, final->len) == 0))
    return; /* refused every time, or fixes that undid each other */
  FileFixResult fr;
  memset(&fr, 0, sizeof fr);
  fr.src = &c->original;
  fr.fixed = xmalloc(final->len + 1);
  memcpy(fr.fixed, final->bytes, final->len + 1);
  fr.fixed_len = final->len;
  if (diff) {
    fix_print_diff(out, &fr);
    sum->diff_files++;
    sum->fixes_applied += c->applied;
  } else if (c->buffer) {
    /* --stdin-filename prints its buffer's fixed text itself. */
  } else if (fix_write(&fr, c->fs_path)) {
    sum->files_written++;
    sum->fixes_applied += c->applied;
  } else {
    sum->write_failures++;
    sum->refused_files++;
    fprintf(stderr, "rtlint: %s: %s\n", c->original.path, fr.refused);
  }
  fix_result_free(&fr);
}

FixSummary fix_session(Session *s, Overlay *ov, FixApplicability level, bool diff, FILE *out) {
  FixSummary sum;
  memset(&sum, 0, sizeof sum);
  FixedList changed = {0};
  size_t passes = 0;
  while (passes < FIX_MAX_PASSES && fix_pass(s, ov, &changed, level, true) > 0) {
    passes++;
    session_relint(s); /* through the overlay: the fixed text */
  }
  sum.passes = passes;
  bool unsettled = passes == FIX_MAX_PASSES && fix_pass(s, ov, &changed, level, false) > 0;
  for (size_t i = 0; i < changed.n; i++) {
    FixedFile *c = &changed.items[i];
    finish_file(c, overlay_get(ov, c->fs_path), diff, out, &sum);
    if (c->buffer) /* the overlay as it was */
      overlay_set(ov, c->fs_path, c->original.bytes, c->original.len);
    else
      overlay_remove(ov, c->fs_path);
    src_free(&c->original);
    free(c->fs_path);
  }
  free(changed.items);
  strmap_free(&changed.index, NULL);
  if (unsettled)
    fprintf(stderr,
            "rtlint: the fixes did not settle after %d passes (each makes another possible); "
            "the rest is left for the next run\n",
            FIX_MAX_PASSES);
  if (!diff && sum.files_written) {
    fprintf(stderr, "rtlint: applied %zu %s in %zu %s\n", sum.fixes_applied,
            sum.fixes_applied == 1 ? "fix" : "fixes", sum.files_written,
            sum.files_written == 1 ? "file" : "files");
  }
  /* What remains is linted from the disk: the written text, or the original
   * where a write was refused. */
  if (passes && !diff)
    session_relint(s);
  return sum;
}
