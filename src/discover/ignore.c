#include "discover/ignore.h"

#include "core/fsio.h"
#include "core/source.h"
#include "core/util.h"
#include "discover/wildmatch.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
  PAT_NEGATIVE = 1u,  /* `!pattern` */
  PAT_MUSTBEDIR = 2u, /* `pattern/` */
  PAT_NODIR = 4u,     /* no `/` inside: matches the basename at any depth */
  PAT_ENDSWITH = 8u,  /* `*literal` */
};

typedef struct Pattern {
  char *text; /* without `!`, the trailing `/`, and a leading `/` */
  size_t len;
  size_t prefix; /* leading characters without glob specials */
  unsigned flags;
} Pattern;

/* Immutable once pushed, and shared by the forks of an Ignore (the walk's
 * threads); freed with the last reference. */
struct IgnoreList {
  char *dir; /* "" or "a/b" */
  size_t dirlen;
  Pattern *pats;
  size_t n, cap;
  atomic_int refs;
};

void ignore_init(Ignore *ig, bool ignore_case) {
  memset(ig, 0, sizeof *ig);
  ig->ignore_case = ignore_case;
}

static void list_release(IgnoreList *l) {
  if (atomic_fetch_sub(&l->refs, 1) != 1)
    return;
  for (size_t i = 0; i < l->n; i++)
    free(l->pats[i].text);
  free(l->pats);
  free(l->dir);
  free(l);
}

void ignore_pop(Ignore *ig) {
  list_release(ig->lists[--ig->n]);
}

void ignore_fork(Ignore *dst, const Ignore *src) {
  memset(dst, 0, sizeof *dst);
  dst->ignore_case = src->ignore_case;
  dst->cap = src->n ? src->n : 1;
  dst->lists = xcalloc(dst->cap, sizeof *dst->lists);
  for (size_t i = 0; i < src->n; i++) {
    atomic_fetch_add(&src->lists[i]->refs, 1);
    dst->lists[dst->n++] = src->lists[i];
  }
}

void ignore_free(Ignore *ig) {
  while (ig->n)
    ignore_pop(ig);
  free(ig->lists);
  memset(ig, 0, sizeof *ig);
}

static size_t simple_length(const char *s) {
  return strcspn(s, "*?[\\");
}

/* git's trim_trailing_spaces: spaces go unless the last one is escaped. */
static void trim_trailing_spaces(char *s) {
  char *last_space = NULL;
  for (char *p = s; *p; p++) {
    if (*p == ' ') {
      if (!last_space)
        last_space = p;
      continue;
    }
    if (*p == '\\' && !*++p)
      return;
    last_space = NULL;
  }
  if (last_space)
    *last_space = '\0';
}

/* git's parse_path_pattern and add_pattern, for one line. */
static void add_pattern(IgnoreList *l, const char *line) {
  Pattern pat = {0};
  const char *p = line;
  if (*p == '!') {
    pat.flags |= PAT_NEGATIVE;
    p++;
  }
  size_t len = strlen(p);
  if (len && p[len - 1] == '/') {
    len--;
    pat.flags |= PAT_MUSTBEDIR;
  }
  if (!memchr(p, '/', len))
    pat.flags |= PAT_NODIR;
  pat.prefix = simple_length(p);
  if (pat.prefix > len)
    pat.prefix = len;
  if (*p == '*' && simple_length(p + 1) == strlen(p + 1))
    pat.flags |= PAT_ENDSWITH;
  /* Only a pattern relative to its directory can start with `/`; git
   * strips it, and it alone, when matching. */
  if (!(pat.flags & PAT_NODIR) && *p == '/') {
    p++;
    len--;
    pat.prefix--;
  }
  pat.text = xstrndup(p, len);
  pat.len = len;
  ARRAY_PUSH(l->pats, l->n, l->cap, pat);
}

static IgnoreList *push_list(Ignore *ig, const char *dir) {
  IgnoreList *l = xcalloc(1, sizeof *l);
  l->dir = xstrdup(dir);
  l->dirlen = strlen(dir);
  atomic_init(&l->refs, 1);
  ARRAY_PUSH(ig->lists, ig->n, ig->cap, l);
  return l;
}

/* git's add_patterns_from_buffer: a UTF-8 BOM is skipped, a CR before the
 * LF dropped; empty lines and `#` comments are not patterns. A line is
 * taken up to a NUL byte, as git reads it as a C string. */
static void parse_into(IgnoreList *l, const char *text, size_t len) {
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    len -= 3;
  }
  size_t start = 0;
  while (start < len) {
    const char *nl = memchr(text + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - text) : len;
    if (end > start && text[start] != '#') {
      size_t n = end - start;
      if (text[end - 1] == '\r')
        n--;
      char *line = xstrndup(text + start, n);
      trim_trailing_spaces(line);
      add_pattern(l, line);
      free(line);
    }
    start = end + 1;
  }
}

void ignore_push_text(Ignore *ig, const char *dir, const char *text, size_t len) {
  parse_into(push_list(ig, dir), text, len);
}

/* git reads ignore files of any size (the bound only keeps the doubling in range). */
static char *read_fd(int fd, size_t *len) {
  struct stat st;
  char *buf;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      !read_fd_all(fd, (size_t)st.st_size, SIZE_MAX / 4, &buf, len))
    return NULL;
  return buf;
}

void ignore_push_file(Ignore *ig, const char *dir, const char *path, bool nofollow) {
  IgnoreList *l = push_list(ig, dir);
  /* A FIFO named .gitignore must not hang the walk: never opened. */
  int fd = fsio_open_read(AT_FDCWD, path, nofollow ? FSIO_NOFOLLOW : 0, NULL);
  if (fd == FSIO_NOT_REGULAR)
    fprintf(stderr, "rtlint: warning: ignoring %s (not a regular file)\n", path);
  if (fd < 0)
    return;
  size_t len = 0;
  char *text = read_fd(fd, &len);
  close(fd);
  if (text)
    parse_into(l, text, len);
  free(text);
}

static int cmp_n(const char *a, const char *b, size_t n, bool icase) {
  return icase ? strncasecmp(a, b, n) : strncmp(a, b, n);
}

/* git's match_basename: name is the path's last component. */
static bool match_basename(const Pattern *pat, const char *name, size_t namelen, bool icase) {
  if (pat->prefix == pat->len)
    return namelen == pat->len && cmp_n(pat->text, name, namelen, icase) == 0;
  if (pat->flags & PAT_ENDSWITH) {
    size_t n = pat->len - 1;
    return n <= namelen && cmp_n(pat->text + 1, name + namelen - n, n, icase) == 0;
  }
  return wildmatch(pat->text, name, icase ? WM_CASEFOLD : 0);
}

/* git's match_pathname: path relative to the list's directory. The literal
 * prefix is compared first and only the rest goes to wildmatch, which makes
 * a `**` just after that prefix count as a whole component (`x/a**` matches
 * `x/ab/c`): git does this, so it is kept. */
static bool match_pathname(const Pattern *pat, const char *rel, size_t rellen, bool icase) {
  size_t prefix = pat->prefix;
  if (prefix) {
    if (prefix > rellen || cmp_n(pat->text, rel, prefix, icase) != 0)
      return false;
    if (prefix == pat->len && prefix == rellen)
      return true;
  }
  return wildmatch(pat->text + prefix, rel + prefix, WM_PATHNAME | (icase ? WM_CASEFOLD : 0));
}

/* The last pattern of l matching path: 1 ignored, 0 un-ignored, -1 none. */
static int match_list(const IgnoreList *l, const char *path, size_t len, const char *base,
                      bool is_dir, bool icase) {
  if (!l->n) /* most directories have no .gitignore */
    return -1;
  const char *rel = path;
  size_t rellen = len;
  if (l->dirlen) {
    if (len <= l->dirlen || path[l->dirlen] != '/' || cmp_n(path, l->dir, l->dirlen, icase) != 0)
      return -1;
    rel = path + l->dirlen + 1;
    rellen = len - l->dirlen - 1;
  }
  size_t baselen = len - (size_t)(base - path);
  for (size_t i = l->n; i-- > 0;) {
    const Pattern *pat = &l->pats[i];
    if ((pat->flags & PAT_MUSTBEDIR) && !is_dir)
      continue;
    bool hit = pat->flags & PAT_NODIR ? match_basename(pat, base, baselen, icase)
                                      : match_pathname(pat, rel, rellen, icase);
    if (hit)
      return pat->flags & PAT_NEGATIVE ? 0 : 1;
  }
  return -1;
}

bool ignore_match(const Ignore *ig, const char *path, bool is_dir) {
  size_t len = strlen(path);
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  for (size_t i = ig->n; i-- > 0;) {
    int r = match_list(ig->lists[i], path, len, base, is_dir, ig->ignore_case);
    if (r >= 0)
      return r == 1;
  }
  return false;
}

void ignore_init_repo(Ignore *ig, const RepoInfo *repo) {
  ignore_init(ig, repo->ignore_case);
  if (repo->excludes_file)
    ignore_push_file(ig, "", repo->excludes_file, false);
  char *info = xasprintf("%sinfo/exclude", repo->commondir);
  ignore_push_file(ig, "", info, false);
  free(info);
}
