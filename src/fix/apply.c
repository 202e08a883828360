#include "fix/apply.h"

#include "core/fsio.h"
#include "core/strmap.h"
#include "core/util.h"
#include "fix/diff.h"
#include "parse/ast.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct PendingEdit {
  const Edit *edit;
  size_t order; /* index of the owning diagnostic, for a stable sort */
} PendingEdit;

static int cmp_edit(const void *a, const void *b) {
  const PendingEdit *x = a, *y = b;
  if (x->edit->start != y->edit->start)
    return x->edit->start < y->edit->start ? -1 : 1;
  if (x->edit->end != y->edit->end)
    return x->edit->end < y->edit->end ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

static bool same_edit(const Edit *a, const Edit *b) {
  return a->start == b->start && a->end == b->end && strcmp(a->text, b->text) == 0;
}

/* Replacements conflict when their ranges overlap; an insertion conflicts
 * with a replacement strictly around its point. Insertions at one point never
 * conflict: they go in one after the other (two imports, say). */
static bool conflicts(const Edit *a, const Edit *b) {
  if (same_edit(a, b))
    return false;
  bool a_ins = a->start == a->end, b_ins = b->start == b->end;
  if (a_ins && b_ins)
    return false;
  if (a_ins)
    return b->start < a->start && a->start < b->end;
  if (b_ins)
    return a->start < b->start && b->start < a->end;
  return a->start < b->end && b->start < a->end;
}

static bool count_error(TSNode n, void *data) {
  if (!ts_node_has_error(n))
    return false;
  if (ts_node_is_missing(n) || strcmp(ts_node_type(n), "ERROR") == 0)
    ++*(size_t *)data;
  return true;
}

/* A walk, not recursion: deeply nested code must not exhaust the stack. */
static size_t count_errors(TSNode n) {
  size_t c = 0;
  ast_walk(n, count_error, &c);
  return c;
}

static size_t syntax_errors(const char *text, size_t len, Lang lang) {
  Source s;
  memset(&s, 0, sizeof s);
  s.bytes = (char *)text;
  s.len = (uint32_t)len;
  TSTree *tree = parse_source(&s, lang);
  if (!tree)
    return SIZE_MAX; /* out of its budget: never better than the original */
  size_t n = count_errors(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  return n;
}

/* An insertion of exactly `<lead>import { NAME } from <spec><semi><trail>`,
 * the form fix_require_standard_import writes. */
typedef struct NewImport {
  const char *name, *spec; /* spans into the edit's text */
  size_t name_len, spec_len;
} NewImport;

static bool parse_new_import(const Edit *e, NewImport *ni) {
  if (e->start != e->end)
    return false;
  const char *t = e->text;
  while (*t == '\n')
    t++;
  if (strncmp(t, "import { ", 9) != 0)
    return false;
  ni->name = t + 9;
  const char *close = strstr(ni->name, " } from ");
  if (!close || memchr(ni->name, ',', (size_t)(close - ni->name)))
    return false;
  ni->name_len = (size_t)(close - ni->name);
  ni->spec = close + 8;
  const char *end = ni->spec + strlen(ni->spec);
  while (end > ni->spec && (end[-1] == '\n' || end[-1] == ';'))
    end--;
  ni->spec_len = (size_t)(end - ni->spec);
  return ni->name_len > 0 && ni->spec_len > 2;
}

/* Two fixes that each add an import from the same module at the same place
 * become one import naming both: `import { A, B } from "m";`. */
static char *merge_new_imports(const Edit *a, const Edit *b) {
  NewImport x, y;
  if (a->start != b->start || !parse_new_import(a, &x) || !parse_new_import(b, &y) ||
      x.spec_len != y.spec_len || memcmp(x.spec, y.spec, x.spec_len) != 0)
    return NULL;
  StrBuf sb = {0};
  sb_append_n(&sb, a->text, (size_t)(x.name - a->text));
  sb_append_n(&sb, x.name, x.name_len);
  sb_append(&sb, ", ");
  sb_append_n(&sb, y.name, y.name_len);
  sb_append(&sb, x.name + x.name_len);
  return sb_take(&sb);
}

/* The files one round of fixes changes, each with the edits taken for it. */
typedef struct PlanFile {
  const Source *src;
  const Edit **accepted;
  size_t naccepted, acap;
  size_t applied, deferred; /* fixes of findings in this file */
} PlanFile;

typedef struct Plan {
  PlanFile *files;
  size_t nfiles, cap;
  StrMap index; /* Source address -> file index + 1 */
} Plan;

static size_t plan_file(Plan *p, const Source *src) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)src}, 1);
  uintptr_t at = (uintptr_t)strmap_get(&p->index, key);
  if (at)
    return at - 1;
  PlanFile f = {.src = src};
  ARRAY_PUSH(p->files, p->nfiles, p->cap, f);
  strmap_put(&p->index, key, (void *)(uintptr_t)p->nfiles);
  return p->nfiles - 1;
}

/* Every edit lies in its file's text, start before end, and no two of the
 * fix's own edits in one file overlap. Rules only make such fixes, but a
 * cache entry can hold anything its checksum covers. */
static bool fix_well_formed(const Diag *d) {
  const Fix *fx = &d->fix;
  for (size_t e = 0; e < fx->nedits; e++) {
    const Source *in = edit_source(d, &fx->edits[e]);
    if (fx->edits[e].start > fx->edits[e].end || fx->edits[e].end > in->len)
      return false;
    for (size_t k = 0; k < e; k++)
      if (edit_source(d, &fx->edits[k]) == in && conflicts(&fx->edits[k], &fx->edits[e]))
        return false;
  }
  return true;
}

/* Whether the fix of d is one fix_build_all applies at level. */
static bool fix_wanted(const Diag *d, FixApplicability level, const Source *only) {
  const Fix *fx = &d->fix;
  /* A finding an rtlint-disable comment silences is left as it is. */
  if (d->suppressed || fx->applicability == FIX_NONE || fx->applicability < level ||
      fx->nedits == 0 || !fix_well_formed(d))
    return false;
  return !only || (d->src == only && !diag_fix_spans_files(d));
}

/* Whether an edit of d clashes with one already taken in its file. */
static bool fix_clashes(Plan *p, const Diag *d) {
  for (size_t e = 0; e < d->fix.nedits; e++) {
    size_t at = plan_file(p, edit_source(d, &d->fix.edits[e])); /* may move p->files */
    const PlanFile *f = &p->files[at];
    for (size_t a = 0; a < f->naccepted; a++)
      if (conflicts(&d->fix.edits[e], f->accepted[a]))
        return true;
  }
  return false;
}

/* Takes d's edits into their files; an edit another fix already took (the
 * same range and text) goes in once. */
static void fix_take(Plan *p, const Diag *d) {
  for (size_t e = 0; e < d->fix.nedits; e++) {
    const Edit *edit = &d->fix.edits[e];
    size_t at = plan_file(p, edit_source(d, edit)); /* may move p->files */
    PlanFile *f = &p->files[at];
    bool dup = false;
    for (size_t a = 0; a < f->naccepted && !dup; a++)
      dup = same_edit(edit, f->accepted[a]);
    if (!dup)
      ARRAY_PUSH(f->accepted, f->naccepted, f->acap, edit);
  }
}

/* The text of f's file with its accepted edits in, into out->fixed; refused
 * when it has more syntax errors than the original. */
static void build_text(FileFixResult *out, const PlanFile *f, Lang lang) {
  const Source *src = f->src;
  size_t naccepted = f->naccepted;
  PendingEdit *order = xcalloc(naccepted ? naccepted : 1, sizeof *order);
  for (size_t i = 0; i < naccepted; i++)
    order[i] = (PendingEdit){f->accepted[i], i};
  qsort(order, naccepted, sizeof *order, cmp_edit);
  StrBuf sb = {0};
  uint32_t pos = 0;
  char *merged = NULL; /* the import line being extended by later fixes */
  Edit merged_edit;
  for (size_t i = 0; i < naccepted; i++) {
    const Edit *e = order[i].edit;
    if (merged) {
      merged_edit.text = merged;
      char *both = merge_new_imports(&merged_edit, e);
      if (both) {
        free(merged);
        merged = both;
        continue;
      }
      sb_append(&sb, merged);
      free(merged);
      merged = NULL;
    }
    sb_append_n(&sb, src->bytes + pos, e->start - pos);
    pos = e->end;
    NewImport ni;
    if (parse_new_import(e, &ni)) {
      merged = xstrdup(e->text);
      merged_edit = *e;
      continue;
    }
    sb_append(&sb, e->text);
  }
  if (merged) {
    sb_append(&sb, merged);
    free(merged);
  }
  sb_append_n(&sb, src->bytes + pos, src->len - pos);
  free(order);
  out->fixed_len = sb.len;
  out->fixed = sb_take(&sb);
  if (syntax_errors(out->fixed, out->fixed_len, lang) > syntax_errors(src->bytes, src->len, lang)) {
    free(out->fixed);
    out->fixed = NULL;
    out->fixed_len = 0;
    out->refused = "the fixed text would not parse; file left unchanged";
  }
}

static void plan_reset(Plan *p) {
  for (size_t i = 0; i < p->nfiles; i++)
    free(p->files[i].accepted);
  free(p->files);
  strmap_free(&p->index, NULL);
  memset(p, 0, sizeof *p);
}

/* One round: takes the fixes in order (earlier ones win, a fix that clashes
 * anywhere waits whole) and builds each file's text. taken[i]: d[i]'s fix
 * went in. */
static void plan_round(FixSet *out, const Diag *diags, size_t n, FixApplicability level,
                       const Source *only, const bool *dropped, bool *taken, FixLangOf lang_of,
                       void *ctx) {
  Plan p = {0};
  for (size_t i = 0; i < n; i++) {
    const Diag *d = &diags[i];
    taken[i] = false;
    if (dropped[i] || !fix_wanted(d, level, only))
      continue;
    size_t own = plan_file(&p, d->src);
    if (fix_clashes(&p, d)) {
      p.files[own].deferred++;
      continue;
    }
    fix_take(&p, d);
    taken[i] = true;
    p.files[own].applied++;
  }
  out->nfiles = p.nfiles;
  out->files = xcalloc(p.nfiles ? p.nfiles : 1, sizeof *out->files);
  for (size_t f = 0; f < p.nfiles; f++) {
    FileFixResult *r = &out->files[f];
    r->src = p.files[f].src;
    r->applied = p.files[f].applied;
    r->deferred = p.files[f].deferred;
    if (p.files[f].naccepted)
      build_text(r, &p.files[f], lang_of(r->src, ctx));
  }
  out->index = p.index; /* the same files, in the same order */
  p.index = (StrMap){0};
  plan_reset(&p);
}

static void fix_set_clear(FixSet *out) {
  for (size_t i = 0; i < out->nfiles; i++)
    fix_result_free(&out->files[i]);
  free(out->files);
  strmap_free(&out->index, NULL);
  free(out->links);
  memset(out, 0, sizeof *out);
}

/* The file of out that holds src, or SIZE_MAX. */
static size_t set_file_of(const FixSet *out, const Source *src) {
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)src}, 1);
  uintptr_t at = (uintptr_t)strmap_get(&out->index, key);
  return at ? at - 1 : SIZE_MAX;
}

/* Drops every taken fix that spans files when one of its files was
 * refused: the rest of it must not go in alone. True when one was dropped. */
static bool drop_half_fixes(const FixSet *out, const Diag *diags, size_t n, const bool *taken,
                            bool *dropped) {
  bool any = false;
  for (size_t i = 0; i < n; i++) {
    if (!taken[i] || !diag_fix_spans_files(&diags[i]))
      continue;
    bool refused = out->files[set_file_of(out, diags[i].src)].refused != NULL;
    for (size_t e = 0; e < diags[i].fix.nedits && !refused; e++)
      refused =
          out->files[set_file_of(out, edit_source(&diags[i], &diags[i].fix.edits[e]))].refused !=
          NULL;
    if (refused) {
      dropped[i] = true;
      any = true;
    }
  }
  return any;
}

/* Each taken fix that spans files links the files it edits (the finding's
 * own file only when the fix edits it too). */
static void link_files(FixSet *out, const Diag *diags, size_t n, const bool *taken) {
  for (size_t i = 0; i < n; i++) {
    if (!taken[i] || !diag_fix_spans_files(&diags[i]))
      continue;
    size_t own = set_file_of(out, edit_source(&diags[i], &diags[i].fix.edits[0]));
    for (size_t e = 1; e < diags[i].fix.nedits; e++) {
      size_t other = set_file_of(out, edit_source(&diags[i], &diags[i].fix.edits[e]));
      if (other != own) {
        FixLink l = {own, other};
        ARRAY_PUSH(out->links, out->nlinks, out->linkcap, l);
      }
    }
  }
}

/* A file refused in an earlier round that the last one no longer touches
 * (its only fixes spanned files and were dropped) still says why. */
static void keep_refusal(FixSet *out, const Source *src, const char *why) {
  if (set_file_of(out, src) != SIZE_MAX)
    return;
  out->files = xrealloc(out->files, (out->nfiles + 1) * sizeof *out->files);
  out->files[out->nfiles++] = (FileFixResult){.src = src, .refused = why};
  char key[STRMAP_NUM_KEY_SIZE(1)];
  strmap_num_key(key, (unsigned long long[]){(uintptr_t)src}, 1);
  strmap_put(&out->index, key, (void *)(uintptr_t)out->nfiles);
}

void fix_build_all(FixSet *out, const Diag *diags, size_t n, FixApplicability level,
                   const Source *only, FixLangOf lang_of, void *ctx) {
  memset(out, 0, sizeof *out);
  bool *dropped = xcalloc(n ? n : 1, sizeof *dropped);
  bool *taken = xcalloc(n ? n : 1, sizeof *taken);
  FileFixResult *refused = NULL;
  size_t nrefused = 0, rcap = 0;
  /* A file refused (its fixed text would not parse) takes every fix that
   * also changes another file with it: again without them, until no taken
   * fix touches a refused file. Each round drops one fix or more. */
  for (;;) {
    plan_round(out, diags, n, level, only, dropped, taken, lang_of, ctx);
    if (!drop_half_fixes(out, diags, n, taken, dropped))
      break;
    for (size_t f = 0; f < out->nfiles; f++)
      if (out->files[f].refused) {
        FileFixResult r = {.src = out->files[f].src, .refused = out->files[f].refused};
        ARRAY_PUSH(refused, nrefused, rcap, r);
      }
    fix_set_clear(out);
  }
  for (size_t i = 0; i < nrefused; i++)
    keep_refusal(out, refused[i].src, refused[i].refused);
  link_files(out, diags, n, taken);
  free(refused);
  free(dropped);
  free(taken);
}

void fix_set_free(FixSet *out) {
  fix_set_clear(out);
}

static Lang one_lang(const Source *src, void *ctx) {
  (void)src;
  return *(const Lang *)ctx;
}

void fix_build(FileFixResult *out, const Source *src, Lang lang, const Diag *diags, size_t n,
               FixApplicability level) {
  FixSet set;
  fix_build_all(&set, diags, n, level, src, one_lang, &lang);
  memset(out, 0, sizeof *out);
  out->src = src;
  size_t f = set_file_of(&set, src);
  if (f != SIZE_MAX) {
    *out = set.files[f];
    memset(&set.files[f], 0, sizeof set.files[f]);
  }
  fix_set_free(&set);
}

/* The file at fd still holds exactly what src was read from. */
static bool fd_holds(int fd, const Source *src) {
  char *buf;
  size_t len;
  if (!read_fd_all(fd, (size_t)src->len, (size_t)src->len + 1, &buf, &len))
    return false;
  bool same = len == src->len && memcmp(buf, src->bytes, len) == 0;
  free(buf);
  return same;
}

static bool same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

static bool refuse(FileFixResult *out, char *why) {
  free(out->detail);
  out->detail = why;
  out->refused = why;
  return false;
}

/* Why the file must not be replaced by a new one, or NULL. */
static char *identity_problem(const char *path, const struct stat *st, const Source *src) {
  if ((st->st_mode & 0222) == 0 || faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
    return xstrdup("the file is read-only; not rewritten");
  if (st->st_nlink > 1)
    return xasprintf("the file has %ju hard links; not rewritten (replacing it would split them)",
                     (uintmax_t)st->st_nlink);
  FileStamp now = file_stamp_of(st);
  if (src->stamp.valid && (now.dev != src->stamp.dev || now.ino != src->stamp.ino))
    return xstrdup("the file was replaced since it was read; not rewritten");
  return NULL;
}

/* A fixed text written to a temporary beside its file, not yet renamed over
 * it: what the file held when it was checked (st) and where it is. */
typedef struct PreparedWrite {
  AtomicFile w;
  struct stat st;
  char *target; /* the symlink's target, or NULL */
  const char *path;
} PreparedWrite;

static bool prepare_failed(FileFixResult *out, PreparedWrite *pw, bool begun, char *why) {
  if (begun)
    atomic_abort(&pw->w);
  free(pw->target);
  pw->target = NULL;
  return refuse(out, why);
}

/* Writes text to a temporary beside pw->path with the owner, group and mode
 * the file had (pw->st); the reason it cannot, or NULL. */
static char *write_temporary(PreparedWrite *pw, const char *text, size_t len) {
  char *err = NULL;
  if (!atomic_begin(&pw->w, AT_FDCWD, pw->path, 0600, 0, &err)) {
    char *why = xasprintf("%s; file left unchanged", err);
    free(err);
    return why;
  }
  atomic_write(&pw->w, text, len);
  /* The new file keeps the old one's owner, group and mode, or is not used. */
  struct stat tst;
  const struct stat *st = &pw->st;
  bool owned = fstat(atomic_fd(&pw->w), &tst) == 0 &&
               ((tst.st_uid == st->st_uid && tst.st_gid == st->st_gid) ||
                fchown(atomic_fd(&pw->w), st->st_uid, st->st_gid) == 0);
  char *why = NULL;
  if (!owned)
    why = xasprintf("cannot keep the file's owner and group (uid %ju, gid %ju); not rewritten",
                    (uintmax_t)st->st_uid, (uintmax_t)st->st_gid);
  else if (fchmod(atomic_fd(&pw->w), st->st_mode & 07777) != 0)
    why = xasprintf("cannot keep the file's mode: %s; not rewritten", strerror(errno));
  if (why)
    atomic_abort(&pw->w);
  return why;
}

/* Checks that fs_path still holds out->src's text and may be replaced, and
 * writes out->fixed to a temporary beside it. */
static bool fix_prepare(FileFixResult *out, const char *fs_path, PreparedWrite *pw) {
  memset(pw, 0, sizeof *pw);
  /* A symlink named on the command line stays a symlink: its target is
   * rewritten (the walk itself never follows links). */
  struct stat lst;
  if (lstat(fs_path, &lst) == 0 && S_ISLNK(lst.st_mode) && !(pw->target = realpath(fs_path, NULL)))
    return refuse(out, xasprintf("cannot resolve the symbolic link: %s; file left unchanged",
                                 strerror(errno)));
  pw->path = pw->target ? pw->target : fs_path;
  int fd = fsio_open_read(AT_FDCWD, pw->path, FSIO_NOFOLLOW, &pw->st);
  if (fd < 0)
    return prepare_failed(
        out, pw, false,
        xasprintf("cannot read it again: %s; file left unchanged", fsio_open_error(fd)));
  char *problem = identity_problem(pw->path, &pw->st, out->src);
  if (!problem && !fd_holds(fd, out->src))
    problem = xstrdup("the file changed since it was read; file left unchanged");
  close(fd);
  if (!problem)
    problem = write_temporary(pw, out->fixed, out->fixed_len);
  return problem ? prepare_failed(out, pw, false, problem) : true;
}

/* Last look before replacing: an edit made while the temporary was written
 * must not be lost. What remains is the gap between this stat and the rename
 * (two system calls). */
static bool fix_still_same(FileFixResult *out, PreparedWrite *pw) {
  struct stat again;
  if (lstat(pw->path, &again) == 0 && same_file(&pw->st, &again))
    return true;
  return prepare_failed(out, pw, true,
                        xstrdup("the file changed while the fix was written; file left unchanged"));
}

/* A file of the group was renamed over, and a later one could not be: the
 * first gets back the text rtlint read (and checked it still held), so the
 * group stays whole or not at all. */
static void put_back(FileFixResult *out, PreparedWrite *pw, const FileFixResult *failed) {
  char *why = write_temporary(pw, out->src->bytes, out->src->len), *err = NULL;
  if (!why && !atomic_commit(&pw->w, &err))
    why = err;
  if (why)
    refuse(out, xasprintf("one fix also changes %s, which could not be written (%s), and putting "
                          "this file's text back failed (%s): the file holds the fix",
                          failed->src->path, failed->refused, why));
  else
    refuse(out, xasprintf("one fix also changes %s, which could not be written (%s); the file's "
                          "text was put back",
                          failed->src->path, failed->refused));
  free(why);
}

/* Renames every temporary over its file; when one fails, the files renamed
 * before it are put back and the temporaries after it removed. */
static bool commit_group(FileFixResult **outs, PreparedWrite *pw, size_t n) {
  size_t done = 0;
  char *err = NULL;
  while (done < n && atomic_commit(&pw[done].w, &err))
    done++;
  if (done == n)
    return true;
  refuse(outs[done], xasprintf("cannot write %s; file left unchanged", err));
  free(err);
  for (size_t i = 0; i < done; i++)
    put_back(outs[i], &pw[i], outs[done]);
  for (size_t i = done + 1; i < n; i++) {
    atomic_abort(&pw[i].w);
    refuse(outs[i], xasprintf("one fix also changes %s, which cannot be written (%s); file left "
                              "unchanged",
                              outs[done]->src->path, outs[done]->refused));
  }
  return false;
}

bool fix_write(FileFixResult *out, const char *fs_path) {
  return fix_write_all(&out, &fs_path, 1);
}

bool fix_write_all(FileFixResult **outs, const char *const *fs_paths, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!outs[i]->fixed)
      return false;
  PreparedWrite *pw = xcalloc(n ? n : 1, sizeof *pw);
  size_t ready = 0, failed = SIZE_MAX;
  for (; ready < n && failed == SIZE_MAX; ready++)
    if (!fix_prepare(outs[ready], fs_paths[ready], &pw[ready]))
      failed = ready;
  for (size_t i = 0; i < n && failed == SIZE_MAX; i++)
    if (!fix_still_same(outs[i], &pw[i]))
      failed = i;
  bool ok = failed == SIZE_MAX && commit_group(outs, pw, n);
  if (failed != SIZE_MAX) {
    /* One file of the set cannot be replaced: none is. */
    for (size_t i = 0; i < ready; i++) {
      if (i == failed)
        continue;
      atomic_abort(&pw[i].w); /* prepared: its temporary goes */
      refuse(outs[i], xasprintf("one fix also changes %s, which cannot be written (%s); "
                                "file left unchanged",
                                outs[failed]->src->path, outs[failed]->refused));
    }
  }
  for (size_t i = 0; i < ready; i++)
    free(pw[i].target);
  free(pw);
  return ok;
}

void fix_print_diff(FILE *f, const FileFixResult *out) {
  if (out->fixed)
    diff_unified(f, out->src->path, out->src->bytes, out->src->len, out->fixed, out->fixed_len);
}

void fix_result_free(FileFixResult *out) {
  free(out->fixed);
  free(out->detail);
  memset(out, 0, sizeof *out);
}
