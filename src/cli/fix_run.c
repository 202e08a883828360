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
  size_t group;      /* union-find parent: files one fix changed together are written together */
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
  fresh.group = l->n;
  ARRAY_PUSH(l->items, l->n, l->cap, fresh);
  strmap_put(&l->index, m->fs_path, (void *)(uintptr_t)l->n);
  return &l->items[l->n - 1];
}

static size_t group_root(FixedList *l, size_t i) {
  while (l->items[i].group != i) {
    l->items[i].group = l->items[l->items[i].group].group;
    i = l->items[i].group;
  }
  return i;
}

/* The lower index stays the root: a group is written in the order its
 * files were first changed. */
static void group_join(FixedList *l, const FixedFile *a, const FixedFile *b) {
  size_t x = group_root(l, (size_t)(a - l->items)), y = group_root(l, (size_t)(b - l->items));
  if (x != y)
    l->items[x > y ? x : y].group = x < y ? x : y;
}

static Lang module_lang(const Source *src, void *ctx) {
  (void)ctx;
  return module_of_source(src)->lang;
}

/* One pass over the findings: every file's fixes go into the overlay (a fix
 * that overlaps one applied, in any file it changes, waits for the next
 * pass). The number applied; with apply=false only counted. */
static size_t fix_pass(Session *s, Overlay *ov, FixedList *changed, FixApplicability level,
                       bool apply) {
  size_t applied = 0;
  const DiagList *dl = &s->result.diags;
  FixSet set;
  fix_build_all(&set, dl->items, dl->n, level, NULL, module_lang, NULL);
  FixedFile **entry = xcalloc(set.nfiles ? set.nfiles : 1, sizeof *entry);
  for (size_t f = 0; f < set.nfiles; f++) {
    FileFixResult *fr = &set.files[f];
    const Module *m = module_of_source(fr->src);
    if (!apply) {
      applied += fr->fixed ? fr->applied : 0;
      continue;
    }
    FixedFile *c = fr->fixed || fr->refused ? fixed_get(changed, ov, m) : NULL;
    if (fr->refused && c && !c->refusal_said) {
      fprintf(stderr, "rtlint: %s: %s\n", m->src.path, fr->refused);
      c->refusal_said = true;
    }
    if (fr->fixed && c) {
      overlay_set(ov, m->fs_path, fr->fixed, fr->fixed_len);
      applied += fr->applied;
      c->applied += fr->applied;
      entry[f] = c;
    }
  }
  /* fixed_get may have moved the entries: joined by index, looked up again. */
  for (size_t k = 0; apply && k < set.nlinks; k++) {
    const FixLink *ln = &set.links[k];
    if (entry[ln->a] && entry[ln->b])
      group_join(changed, fixed_get(changed, ov, module_of_source(set.files[ln->a].src)),
                 fixed_get(changed, ov, module_of_source(set.files[ln->b].src)));
  }
  free(entry);
  fix_set_free(&set);
  return applied;
}

/* Whether the file's final text differs from what was first read. */
static bool file_changed(const FixedFile *c, const OverlayFile *final) {
  return final && !(final->len == c->original.len &&
                    memcmp(final->bytes, c->original.bytes, final->len) == 0);
}

static void result_of(FileFixResult *fr, FixedFile *c, const OverlayFile *final) {
  memset(fr, 0, sizeof *fr);
  fr->src = &c->original;
  fr->fixed = xmalloc(final->len + 1);
  memcpy(fr->fixed, final->bytes, final->len + 1);
  fr->fixed_len = final->len;
}

/* Writes (or prints the diff of) the final text of one group of changed
 * files, the files some fix changed together: all of them or none. */
static void finish_group(FixedFile **files, size_t n, const Overlay *ov, bool diff, FILE *out,
                         FixSummary *sum) {
  FileFixResult *results = xcalloc(n ? n : 1, sizeof *results);
  FileFixResult **outs = xcalloc(n ? n : 1, sizeof *outs);
  const char **paths = xcalloc(n ? n : 1, sizeof *paths);
  for (size_t i = 0; i < n; i++) {
    result_of(&results[i], files[i], overlay_get(ov, files[i]->fs_path));
    outs[i] = &results[i];
    paths[i] = files[i]->fs_path;
  }
  if (diff) {
    for (size_t i = 0; i < n; i++) {
      fix_print_diff(out, &results[i]);
      sum->diff_files++;
      sum->fixes_applied += files[i]->applied;
    }
  } else if (n) {
    fix_write_all(outs, paths, n);
    for (size_t i = 0; i < n; i++) {
      if (!results[i].refused) {
        sum->files_written++;
        sum->fixes_applied += files[i]->applied;
        continue;
      }
      sum->write_failures++;
      sum->refused_files++;
      fprintf(stderr, "rtlint: %s: %s\n", files[i]->original.path, results[i].refused);
    }
  }
  for (size_t i = 0; i < n; i++)
    fix_result_free(&results[i]);
  free(results);
  free(outs);
  free(paths);
}

/* Each group's files in the order they were first changed, the groups in
 * the order of their first file. A diff, a text, is printed whole in the
 * order of the paths, as one group. */
typedef struct Grouped {
  size_t root, index;
  const char *path;
} Grouped;

static int cmp_grouped(const void *a, const void *b) {
  const Grouped *x = a, *y = b;
  if (x->root != y->root)
    return x->root < y->root ? -1 : 1;
  if (!x->path) /* one group of writes: first changed, first written */
    return (x->index > y->index) - (x->index < y->index);
  return strcmp(x->path, y->path);
}

static void finish_all(FixedList *l, const Overlay *ov, bool diff, FILE *out, FixSummary *sum) {
  Grouped *order = xcalloc(l->n ? l->n : 1, sizeof *order);
  for (size_t i = 0; i < l->n; i++)
    order[i] =
        diff ? (Grouped){0, i, l->items[i].original.path} : (Grouped){group_root(l, i), i, NULL};
  qsort(order, l->n, sizeof *order, cmp_grouped);
  FixedFile **files = xcalloc(l->n ? l->n : 1, sizeof *files);
  for (size_t i = 0; i < l->n;) {
    size_t n = 0, j = i;
    for (; j < l->n && order[j].root == order[i].root; j++) {
      FixedFile *c = &l->items[order[j].index];
      /* Refused every time, fixes that undid each other, or
       * --stdin-filename's buffer, whose fixed text that mode prints. */
      if (file_changed(c, overlay_get(ov, c->fs_path)) && (diff || !c->buffer))
        files[n++] = c;
    }
    finish_group(files, n, ov, diff, out, sum);
    i = j;
  }
  free(files);
  free(order);
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
  finish_all(&changed, ov, diff, out, &sum);
  for (size_t i = 0; i < changed.n; i++) {
    FixedFile *c = &changed.items[i];
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
