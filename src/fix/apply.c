#include "fix/apply.h"

#include "core/util.h"
#include "fix/diff.h"

#include <errno.h>
#include <fcntl.h>
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

static size_t count_errors(TSNode n) {
  if (!ts_node_has_error(n))
    return 0;
  size_t c = (ts_node_is_missing(n) || strcmp(ts_node_type(n), "ERROR") == 0) ? 1 : 0;
  uint32_t k = ts_node_child_count(n);
  for (uint32_t i = 0; i < k; i++)
    c += count_errors(ts_node_child(n, i));
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
    if (fx->applicability == FIX_NONE || fx->applicability < level || fx->nedits == 0 ||
        !fix_well_formed(fx, src->len))
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

static bool file_unchanged(const char *fs_path, const Source *src) {
  FILE *f = fopen(fs_path, "rb");
  if (!f)
    return false;
  char *buf = xmalloc((size_t)src->len + 1);
  size_t n = fread(buf, 1, (size_t)src->len + 1, f);
  fclose(f);
  bool same = n == src->len && memcmp(buf, src->bytes, n) == 0;
  free(buf);
  return same;
}

bool fix_write(FileFixResult *out, const char *fs_path) {
  if (!out->fixed)
    return false;
  struct stat st;
  if (stat(fs_path, &st) != 0 || !file_unchanged(fs_path, out->src)) {
    out->refused = "the file changed since it was read; file left unchanged";
    return false;
  }
  char *tmp = xasprintf("%s.rtlint-XXXXXX", fs_path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    out->refused = "cannot create a temporary file next to it; file left unchanged";
    free(tmp);
    return false;
  }
  bool ok = true;
  size_t off = 0;
  while (ok && off < out->fixed_len) {
    ssize_t w = write(fd, out->fixed + off, out->fixed_len - off);
    if (w < 0 && errno == EINTR)
      continue;
    ok = w > 0;
    off += w > 0 ? (size_t)w : 0;
  }
  ok = ok && fchmod(fd, st.st_mode & 07777) == 0 && fsync(fd) == 0;
  ok = close(fd) == 0 && ok;
  /* Last look before replacing: a concurrent edit must not be lost. */
  ok = ok && file_unchanged(fs_path, out->src);
  if (ok && rename(tmp, fs_path) != 0)
    ok = false;
  if (!ok) {
    unlink(tmp);
    out->refused = "could not write the fixed file safely; file left unchanged";
  }
  free(tmp);
  return ok;
}

void fix_print_diff(FILE *f, const FileFixResult *out) {
  if (out->fixed)
    diff_unified(f, out->src->path, out->src->bytes, out->src->len, out->fixed, out->fixed_len);
}

void fix_result_free(FileFixResult *out) {
  free(out->fixed);
  memset(out, 0, sizeof *out);
}
