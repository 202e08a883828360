#include "fix/apply.h"

#include "core/fsio.h"
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
  ast_tree_delete(tree);
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

/* Every edit lies in the text, start before end, and no two of the fix's own
 * edits overlap. Rules only make such fixes, but a cache entry can hold
 * anything its checksum covers. */
static bool fix_well_formed(const Fix *fx, uint32_t len) {
  for (size_t e = 0; e < fx->nedits; e++) {
    if (fx->edits[e].start > fx->edits[e].end || fx->edits[e].end > len)
      return false;
    for (size_t k = 0; k < e; k++)
      if (conflicts(&fx->edits[k], &fx->edits[e]))
        return false;
  }
  return true;
}

void fix_build(FileFixResult *out, const Source *src, Lang lang, const Diag *diags, size_t n,
               FixApplicability level) {
  memset(out, 0, sizeof *out);
  out->src = src;
  const Edit **accepted = NULL;
  size_t naccepted = 0, acap = 0;
  /* Diagnostics arrive sorted by position: earlier fixes win. */
  for (size_t i = 0; i < n; i++) {
    const Fix *fx = &diags[i].fix;
    /* A finding an rtlint-disable comment silences is left as it is. */
    if (diags[i].suppressed || fx->applicability == FIX_NONE || fx->applicability < level ||
        fx->nedits == 0 || !fix_well_formed(fx, src->len))
      continue;
    bool clash = false;
    for (size_t e = 0; e < fx->nedits && !clash; e++)
      for (size_t a = 0; a < naccepted && !clash; a++)
        clash = conflicts(&fx->edits[e], accepted[a]);
    if (clash) {
      out->deferred++;
      continue;
    }
    for (size_t e = 0; e < fx->nedits; e++) {
      bool dup = false;
      for (size_t a = 0; a < naccepted && !dup; a++)
        dup = same_edit(&fx->edits[e], accepted[a]);
      if (!dup)
        ARRAY_PUSH(accepted, naccepted, acap, &fx->edits[e]);
    }
    out->applied++;
  }
  if (out->applied == 0) {
    free(accepted);
    return;
  }
  PendingEdit *order = xcalloc(naccepted, sizeof *order);
  for (size_t i = 0; i < naccepted; i++)
    order[i] = (PendingEdit){accepted[i], i};
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
  free(accepted);
  out->fixed_len = sb.len;
  out->fixed = sb_take(&sb);
  if (syntax_errors(out->fixed, out->fixed_len, lang) > syntax_errors(src->bytes, src->len, lang)) {
    free(out->fixed);
    out->fixed = NULL;
    out->fixed_len = 0;
    out->refused = "the fixed text would not parse; file left unchanged";
  }
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

bool fix_write(FileFixResult *out, const char *fs_path) {
  if (!out->fixed)
    return false;
  /* A symlink named on the command line stays a symlink: its target is
   * rewritten (the walk itself never follows links). */
  char *target = NULL;
  struct stat lst;
  if (lstat(fs_path, &lst) == 0 && S_ISLNK(lst.st_mode) && !(target = realpath(fs_path, NULL)))
    return refuse(out, xasprintf("cannot resolve the symbolic link: %s; file left unchanged",
                                 strerror(errno)));
  const char *path = target ? target : fs_path;
  struct stat st;
  int fd = fsio_open_read(AT_FDCWD, path, FSIO_NOFOLLOW, &st);
  if (fd < 0) {
    free(target);
    return refuse(out,
                  xasprintf("cannot read it again: %s; file left unchanged", fsio_open_error(fd)));
  }
  char *problem = identity_problem(path, &st, out->src);
  if (!problem && !fd_holds(fd, out->src))
    problem = xstrdup("the file changed since it was read; file left unchanged");
  close(fd);
  if (problem) {
    free(target);
    return refuse(out, problem);
  }
  AtomicFile w;
  char *err = NULL;
  if (!atomic_begin(&w, AT_FDCWD, path, 0600, 0, &err)) {
    free(target);
    refuse(out, xasprintf("%s; file left unchanged", err));
    free(err);
    return false;
  }
  atomic_write(&w, out->fixed, out->fixed_len);
  /* The new file keeps the old one's owner, group and mode, or is not used. */
  struct stat tst;
  bool owned =
      fstat(atomic_fd(&w), &tst) == 0 && ((tst.st_uid == st.st_uid && tst.st_gid == st.st_gid) ||
                                          fchown(atomic_fd(&w), st.st_uid, st.st_gid) == 0);
  if (!owned) {
    atomic_abort(&w);
    free(target);
    return refuse(out, xasprintf("cannot keep the file's owner and group (uid %ju, gid %ju); "
                                 "not rewritten",
                                 (uintmax_t)st.st_uid, (uintmax_t)st.st_gid));
  }
  if (fchmod(atomic_fd(&w), st.st_mode & 07777) != 0) {
    atomic_abort(&w);
    free(target);
    return refuse(out,
                  xasprintf("cannot keep the file's mode: %s; not rewritten", strerror(errno)));
  }
  /* Last look before replacing: an edit made while the temporary was
   * written must not be lost. What remains is the gap between this stat and
   * the rename (two system calls). */
  struct stat again;
  if (lstat(path, &again) != 0 || !same_file(&st, &again)) {
    atomic_abort(&w);
    free(target);
    return refuse(out, xstrdup("the file changed while the fix was written; file left unchanged"));
  }
  bool ok = atomic_commit(&w, &err);
  free(target);
  if (!ok) {
    refuse(out, xasprintf("cannot write %s; file left unchanged", err));
    free(err);
  }
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
