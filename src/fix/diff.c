#include "fix/diff.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct Lines {
  const char *text;
  size_t len;
  size_t *start; /* n + 1 entries: start[n] == len */
  size_t n;
} Lines;

static void lines_split(Lines *l, const char *t, size_t len) {
  size_t cap = 0;
  l->text = t;
  l->len = len;
  l->start = NULL;
  l->n = 0;
  size_t s = 0;
  for (size_t i = 0; i < len; i++)
    if (t[i] == '\n') {
      ARRAY_PUSH(l->start, l->n, cap, s);
      s = i + 1;
    }
  if (s < len)
    ARRAY_PUSH(l->start, l->n, cap, s);
  size_t end = len;
  grow_array((void **)&l->start, &cap, l->n + 1, sizeof *l->start);
  l->start[l->n] = end;
}

static bool line_eq(const Lines *a, size_t i, const Lines *b, size_t j) {
  size_t al = a->start[i + 1] - a->start[i], bl = b->start[j + 1] - b->start[j];
  return al == bl && memcmp(a->text + a->start[i], b->text + b->start[j], al) == 0;
}

/* One edit-script entry per line: ' ' keep, '-' delete from a, '+' insert from b. */
typedef struct Op {
  char kind;
  size_t a, b;
} Op;

static size_t myers(const Lines *a, const Lines *b, Op **out) {
  long n = (long)a->n, m = (long)b->n, max = n + m, off = max + 1;
  long *v = xcalloc((size_t)(2 * max + 3), sizeof *v);
  long **trace = xcalloc((size_t)max + 2, sizeof *trace);
  long d_final = 0;
  for (long d = 0; d <= max; d++) {
    trace[d] = xmalloc((size_t)(2 * max + 3) * sizeof(long));
    memcpy(trace[d], v, (size_t)(2 * max + 3) * sizeof(long));
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                        : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && line_eq(a, (size_t)x, b, (size_t)y))
        x++, y++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      d_final = d;
      break;
    }
  }
  /* Walk the trace backwards to recover the script. */
  size_t cap = (size_t)(n + m) + 1, count = 0;
  Op *ops = xcalloc(cap, sizeof *ops);
  long x = n, y = m;
  for (long d = d_final; d >= 0; d--) {
    long *vd = trace[d];
    long k = x - y;
    long prev_k = (k == -d || (k != d && vd[off + k - 1] < vd[off + k + 1])) ? k + 1 : k - 1;
    long prev_x = d == 0 ? 0 : vd[off + prev_k], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      x--, y--;
      ops[count++] = (Op){' ', (size_t)x, (size_t)y};
    }
    if (d > 0) {
      if (x == prev_x)
        ops[count++] = (Op){'+', (size_t)x, (size_t)(y - 1)};
      else
        ops[count++] = (Op){'-', (size_t)(x - 1), (size_t)y};
    }
    x = prev_x, y = prev_y;
  }
  for (long d = 0; d <= d_final; d++)
    free(trace[d]);
  free(trace);
  free(v);
  for (size_t i = 0; i < count / 2; i++) {
    Op t = ops[i];
    ops[i] = ops[count - 1 - i];
    ops[count - 1 - i] = t;
  }
  *out = ops;
  return count;
}

static void emit_line(FILE *f, char tag, const Lines *l, size_t i) {
  size_t s = l->start[i], e = l->start[i + 1];
  fputc(tag, f);
  fwrite(l->text + s, 1, e - s, f);
  if (e == s || l->text[e - 1] != '\n')
    fputs("\n\\ No newline at end of file\n", f);
}

#define DIFF_CONTEXT 3

void diff_unified(FILE *f, const char *path, const char *at, size_t alen, const char *bt,
                  size_t blen) {
  Lines a, b;
  lines_split(&a, at, alen);
  lines_split(&b, bt, blen);
  Op *ops;
  size_t nops = myers(&a, &b, &ops);
  bool header = false;
  for (size_t i = 0; i < nops;) {
    if (ops[i].kind == ' ') {
      i++;
      continue;
    }
    /* A hunk runs from DIFF_CONTEXT lines before a change to DIFF_CONTEXT
     * lines after the last change not separated by more than twice that. */
    size_t start = i > DIFF_CONTEXT ? i - DIFF_CONTEXT : 0;
    size_t last_change = i, j = i;
    while (j < nops) {
      if (ops[j].kind != ' ') {
        last_change = j++;
        continue;
      }
      size_t k = j;
      while (k < nops && ops[k].kind == ' ')
        k++;
      if (k == nops || k - j > 2 * DIFF_CONTEXT)
        break;
      j = k;
    }
    size_t end = last_change + 1 + DIFF_CONTEXT < nops ? last_change + 1 + DIFF_CONTEXT : nops;
    size_t acount = 0, bcount = 0;
    for (size_t k = start; k < end; k++) {
      acount += ops[k].kind != '+';
      bcount += ops[k].kind != '-';
    }
    size_t astart = ops[start].a, bstart = ops[start].b;
    if (!header) {
      fprintf(f, "--- a/%s\n+++ b/%s\n", path, path);
      header = true;
    }
    fprintf(f, "@@ -%zu,%zu +%zu,%zu @@\n", acount ? astart + 1 : astart, acount,
            bcount ? bstart + 1 : bstart, bcount);
    for (size_t k = start; k < end; k++) {
      if (ops[k].kind == '+')
        emit_line(f, '+', &b, ops[k].b);
      else
        emit_line(f, ops[k].kind, &a, ops[k].a);
    }
    i = end;
  }
  free(ops);
  free(a.start);
  free(b.start);
}
