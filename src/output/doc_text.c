#include "output/doc_text.h"

#include "core/util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static char *take(StrBuf *sb) {
  return sb->data ? sb_take(sb) : xstrdup("");
}

static bool has_scheme(const char *t) {
  if (!isalpha((unsigned char)*t))
    return false;
  const char *p = t + 1;
  while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':';
}

/* Removes "." and ".." segments from the path after scheme://host. */
static char *normalize(const char *url) {
  const char *host = strstr(url, "://");
  const char *path = host ? strchr(host + 3, '/') : NULL;
  if (!path)
    return xstrdup(url);
  const char *end = path + strcspn(path, "?#");
  char **segs = NULL;
  size_t n = 0;
  for (const char *p = path + 1; p <= end;) {
    size_t len = strcspn(p, "/?#");
    if (p + len > end)
      len = (size_t)(end - p);
    if (len == 1 && p[0] == '.') {
      /* skip */
    } else if (len == 2 && p[0] == '.' && p[1] == '.') {
      if (n)
        free(segs[--n]);
    } else {
      segs = xrealloc(segs, (n + 1) * sizeof *segs);
      segs[n++] = xstrndup(p, len);
    }
    p += len + 1;
  }
  StrBuf sb = {0};
  sb_append_n(&sb, url, (size_t)(path - url));
  for (size_t i = 0; i < n; i++) {
    sb_putc(&sb, '/');
    sb_append(&sb, segs[i]);
    free(segs[i]);
  }
  free(segs);
  sb_append(&sb, end);
  return take(&sb);
}

char *doc_link_absolute(const char *target, const char *docs_url, const char *page) {
  if (has_scheme(target) || strncmp(target, "//", 2) == 0)
    return xstrdup(target);
  char *joined;
  if (target[0] == '#')
    joined = xasprintf("%s/%s%s", docs_url, page, target);
  else if (target[0] == '/')
    joined = xasprintf("%s%s", docs_url, target);
  else {
    const char *slash = strrchr(page, '/');
    int dir_len = slash ? (int)(slash - page) : 0;
    joined = xasprintf("%s/%.*s%s%s", docs_url, dir_len, page, dir_len ? "/" : "", target);
  }
  char *url = normalize(joined);
  free(joined);
  return url;
}

static bool fence_line(const char *line, size_t len) {
  size_t i = 0;
  while (i < len && i < 3 && line[i] == ' ')
    i++;
  return len - i >= 3 && (strncmp(line + i, "```", 3) == 0 || strncmp(line + i, "~~~", 3) == 0);
}

static size_t run_of(const char *p, const char *end, char c) {
  size_t n = 0;
  while (p + n < end && p[n] == c)
    n++;
  return n;
}

/* The end of the code span opened by `n` backticks at p (past its closing
 * run), or NULL when it is not closed on this line. */
static const char *span_end(const char *p, const char *end, size_t n, const char **content_end) {
  for (const char *q = p + n; q < end;) {
    size_t m = run_of(q, end, '`');
    if (m == n) {
      *content_end = q;
      return q + m;
    }
    q += m ? m : 1;
  }
  return NULL;
}

/* A link "[text](target)" starting at p: fills the parts, returns its end. */
static const char *link_at(const char *p, const char *end, const char **text, size_t *text_len,
                           const char **target, size_t *target_len) {
  if (*p != '[')
    return NULL;
  int depth = 0;
  const char *q = p;
  for (; q < end; q++) {
    if (*q == '`') {
      const char *ce;
      const char *after = span_end(q, end, run_of(q, end, '`'), &ce);
      if (after) {
        q = after - 1;
        continue;
      }
    }
    if (*q == '[')
      depth++;
    else if (*q == ']' && --depth == 0)
      break;
  }
  if (q + 1 >= end || q[1] != '(')
    return NULL;
  const char *t = q + 2, *close = memchr(t, ')', (size_t)(end - t));
  if (!close)
    return NULL;
  *text = p + 1;
  *text_len = (size_t)(q - p - 1);
  *target = t;
  *target_len = strcspn(t, " )");
  return close + 1;
}

static void markdown_inline(StrBuf *sb, const char *p, const char *end, const char *docs_url,
                            const char *page) {
  while (p < end) {
    if (*p == '`') {
      size_t n = run_of(p, end, '`');
      const char *ce;
      const char *after = span_end(p, end, n, &ce);
      size_t len = after ? (size_t)(after - p) : n;
      sb_append_n(sb, p, len);
      p += len;
      continue;
    }
    const char *text, *target;
    size_t text_len, target_len;
    const char *after = link_at(p, end, &text, &text_len, &target, &target_len);
    if (after) {
      sb_putc(sb, '[');
      markdown_inline(sb, text, text + text_len, docs_url, page);
      char *t = xstrndup(target, target_len);
      char *url = doc_link_absolute(t, docs_url, page);
      sb_appendf(sb, "](%s%.*s)", url, (int)(after - 1 - (target + target_len)),
                 target + target_len);
      free(url);
      free(t);
      p = after;
      continue;
    }
    sb_putc(sb, *p++);
  }
}

static void plain_inline(StrBuf *sb, const char *p, const char *end, const char *docs_url,
                         const char *page) {
  while (p < end) {
    if (*p == '`') {
      size_t n = run_of(p, end, '`');
      const char *ce;
      const char *after = span_end(p, end, n, &ce);
      if (after) {
        const char *c = p + n;
        /* CommonMark strips one space on each side: `` `x` `` is `x`. */
        if (ce - c >= 2 && c[0] == ' ' && ce[-1] == ' ') {
          c++;
          ce--;
        }
        sb_append_n(sb, c, (size_t)(ce - c));
        p = after;
      } else {
        sb_append_n(sb, p, n);
        p += n;
      }
      continue;
    }
    const char *text, *target;
    size_t text_len, target_len;
    const char *after = link_at(p, end, &text, &text_len, &target, &target_len);
    if (after) {
      size_t before = sb->len;
      plain_inline(sb, text, text + text_len, docs_url, page);
      char *t = xstrndup(target, target_len);
      char *url = doc_link_absolute(t, docs_url, page);
      if (sb->len - before != strlen(url) || memcmp(sb->data + before, url, strlen(url)) != 0)
        sb_appendf(sb, " (%s)", url);
      free(url);
      free(t);
      p = after;
      continue;
    }
    if (p + 1 < end && p[0] == '*' && p[1] == '*') {
      p += 2;
      continue;
    }
    if (*p == '\\' && p + 1 < end && ispunct((unsigned char)p[1])) {
      sb_putc(sb, p[1]);
      p += 2;
      continue;
    }
    sb_putc(sb, *p++);
  }
}

/* The cells of a table row "| a | b |", trimmed. */
static size_t table_cells(const char *p, const char *end, const char **cells, size_t *lens,
                          size_t max) {
  size_t n = 0;
  if (p < end && *p == '|')
    p++;
  while (p < end && n < max) {
    const char *c = p;
    while (p < end && *p != '|') {
      if (*p == '\\' && p + 1 < end)
        p++;
      p++;
    }
    const char *ce = p;
    while (c < ce && *c == ' ')
      c++;
    while (ce > c && ce[-1] == ' ')
      ce--;
    if (p < end || ce > c) {
      cells[n] = c;
      lens[n++] = (size_t)(ce - c);
    }
    if (p < end)
      p++;
  }
  return n;
}

static bool separator_row(const char *p, const char *end) {
  bool dash = false;
  for (; p < end; p++) {
    if (*p == '-')
      dash = true;
    else if (*p != '|' && *p != ':' && *p != ' ')
      return false;
  }
  return dash;
}

#define MAX_CELLS 16

static size_t line_len(const char *line) {
  return strcspn(line, "\n");
}

static const char *next_line(const char *line) {
  const char *end = line + line_len(line);
  return *end ? end + 1 : end;
}

static bool blank_line(const char *line) {
  return line_len(line) == strspn(line, " \t");
}

/* The end (a line start) of the paragraph-like block starting at `line`:
 * lines up to a blank line, a fence, a heading or a table row. Code spans
 * and links may run over the line breaks of such a block. */
static const char *block_end(const char *line, bool plain) {
  const char *p = line;
  do {
    p = next_line(p);
  } while (*p && !blank_line(p) && !fence_line(p, line_len(p)) &&
           !(plain && (p[0] == '#' || p[0] == '|')));
  return p;
}

char *doc_markdown_absolute(const char *md, const char *docs_url, const char *page) {
  StrBuf sb = {0};
  bool fenced = false;
  for (const char *line = md; *line;) {
    size_t len = line_len(line);
    if (fence_line(line, len) || fenced || blank_line(line)) {
      if (fence_line(line, len))
        fenced = !fenced;
      const char *next = next_line(line);
      sb_append_n(&sb, line, (size_t)(next - line));
      line = next;
      continue;
    }
    const char *end = block_end(line, false);
    markdown_inline(&sb, line, end, docs_url, page);
    line = end;
  }
  return take(&sb);
}

char *doc_plain_text(const char *md, const char *docs_url, const char *page) {
  StrBuf sb = {0};
  bool fenced = false, closed_fence = false;
  const char *head[MAX_CELLS];
  size_t head_len[MAX_CELLS], nhead = 0, rows = 0;
  for (const char *line = md; *line;) {
    size_t len = line_len(line);
    const char *end = line + len, *next = next_line(line);
    if (fence_line(line, len)) {
      fenced = !fenced;
      if (fenced && closed_fence) /* two code blocks in a row stay apart */
        sb_putc(&sb, '\n');
      closed_fence = !fenced;
      line = next;
      continue;
    }
    closed_fence = false;
    if (fenced) {
      if (len)
        sb_append(&sb, "    ");
      sb_append_n(&sb, line, (size_t)(next - line));
    } else if (line[0] == '|') {
      const char *cells[MAX_CELLS];
      size_t lens[MAX_CELLS];
      size_t n = table_cells(line, end, cells, lens, MAX_CELLS);
      if (separator_row(next, next + line_len(next))) { /* the header row */
        memcpy(head, cells, n * sizeof *cells);
        memcpy(head_len, lens, n * sizeof *lens);
        nhead = n;
        rows = 0;
        line = next_line(next);
        continue;
      }
      if (rows++ && nhead) /* "header: cell" lines: a blank line between rows */
        sb_putc(&sb, '\n');
      for (size_t i = 0; i < n; i++) {
        if (i < nhead) {
          plain_inline(&sb, head[i], head[i] + head_len[i], docs_url, page);
          sb_append(&sb, ": ");
        } else if (i) {
          sb_append(&sb, " | ");
        }
        plain_inline(&sb, cells[i], cells[i] + lens[i], docs_url, page);
        if (i + 1 < n && i < nhead)
          sb_putc(&sb, '\n');
      }
      sb_append_n(&sb, end, (size_t)(next - end));
    } else if (line[0] == '#') {
      const char *p = line + strspn(line, "#");
      p += strspn(p, " ");
      plain_inline(&sb, p, next, docs_url, page);
    } else if (blank_line(line)) {
      nhead = 0;
      sb_append_n(&sb, line, (size_t)(next - line));
    } else {
      const char *block = block_end(line, true);
      plain_inline(&sb, line, block, docs_url, page);
      next = block;
    }
    line = next;
  }
  return take(&sb);
}
