#include "config/glob.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

#define GLOB_MAX_BYTES 1024
#define GLOB_MAX_BRACE_GROUPS 8

bool glob_valid(const char *glob, size_t *offset, const char **why) {
  size_t n = strlen(glob);
  if (n == 0) {
    *offset = 0;
    *why = "empty glob";
    return false;
  }
  /* Bounds on the matcher's work: the memo table is glob x path bits, and
   * every {a,b} group multiplies the alternatives tried. */
  if (n > GLOB_MAX_BYTES) {
    *offset = GLOB_MAX_BYTES;
    *why = "glob longer than 1024 bytes";
    return false;
  }
  int groups = 0;
  bool in_brace = false;
  size_t brace_at = 0;
  for (size_t i = 0; i < n; i++) {
    char c = glob[i];
    if (c == '\\') {
      if (i + 1 == n) {
        *offset = i;
        *why = "trailing backslash";
        return false;
      }
      i++;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < n && (glob[j] == '!' || glob[j] == '^'))
        j++;
      if (j < n && glob[j] == ']')
        j++;
      while (j < n && glob[j] != ']')
        j++;
      if (j >= n) {
        *offset = i;
        *why = "unclosed '['";
        return false;
      }
      i = j;
    } else if (c == '{') {
      if (in_brace) {
        *offset = i;
        *why = "nested '{' is not supported";
        return false;
      }
      if (++groups > GLOB_MAX_BRACE_GROUPS) {
        *offset = i;
        *why = "more than 8 '{...}' groups";
        return false;
      }
      in_brace = true;
      brace_at = i;
    } else if (c == '}') {
      if (!in_brace) {
        *offset = i;
        *why = "'}' without '{'";
        return false;
      }
      in_brace = false;
    } else if (c == '*' && i + 2 < n && glob[i + 1] == '*' && glob[i + 2] == '*') {
      *offset = i;
      *why = "'***' is not a glob; use '**'";
      return false;
    } else if (c == '*' && i + 1 < n && glob[i + 1] == '*') {
      bool starts = i == 0 || glob[i - 1] == '/';
      bool ends = i + 2 == n || glob[i + 2] == '/';
      if (!starts || !ends) {
        *offset = i;
        *why = "'**' must be a whole path segment (like 'a/**/b')";
        return false;
      }
      i++;
    }
  }
  if (in_brace) {
    *offset = brace_at;
    *why = "unclosed '{'";
    return false;
  }
  return true;
}

/* Matches one class at p (just after '['); advances *pp past ']'. */
static bool match_class(const char **pp, char c) {
  const char *p = *pp;
  bool negate = false;
  if (*p == '!' || *p == '^') {
    negate = true;
    p++;
  }
  bool found = false;
  bool first = true;
  while (*p && (*p != ']' || first)) {
    first = false;
    char lo = *p, hi = *p;
    if (p[1] == '-' && p[2] && p[2] != ']') {
      hi = p[2];
      p += 3;
    } else {
      p++;
    }
    if (c >= lo && c <= hi)
      found = true;
  }
  if (*p == ']')
    p++;
  *pp = p;
  return found != negate;
}

/* A failed (glob position, path position) pair is remembered: without it
 * "*a*a*a*a*b" or repeated "**" segments retry the same suffixes
 * exponentially often. With it each pair is tried once, so the work is at
 * most glob length x path length, and the recursion is as deep as the glob
 * has stars. */
typedef struct Matcher {
  const char *g0, *p0;
  size_t plen;
  unsigned char *failed; /* bit per (glob offset, path offset) */
} Matcher;

static bool match_at(Matcher *mt, const char *g, const char *p);

static _Thread_local size_t steps;

size_t glob_match_steps(void) {
  return steps;
}

static bool try_at(Matcher *mt, const char *g, const char *p) {
  size_t bit = (size_t)(g - mt->g0) * (mt->plen + 1) + (size_t)(p - mt->p0);
  if (mt->failed[bit / 8] & (1u << (bit % 8)))
    return false;
  steps++;
  if (match_at(mt, g, p))
    return true;
  mt->failed[bit / 8] |= (unsigned char)(1u << (bit % 8));
  return false;
}

static bool match_at(Matcher *mt, const char *g, const char *p) {
  while (*g) {
    if (g[0] == '*' && g[1] == '*') {
      /* "**" is a whole segment: "**" + "/" rest, or a trailing "**". */
      const char *rest = g + 2;
      if (*rest == '\0')
        return true;
      rest++; /* skip '/' */
      for (const char *q = p;; q++) {
        if ((q == p || q[-1] == '/') && try_at(mt, rest, q))
          return true;
        if (*q == '\0')
          return false;
      }
    }
    switch (*g) {
    case '*':
      g++;
      for (const char *q = p;; q++) {
        if (try_at(mt, g, q))
          return true;
        if (*q == '\0' || *q == '/')
          return false;
      }
    case '?':
      if (*p == '\0' || *p == '/')
        return false;
      g++, p++;
      break;
    case '[':
      if (*p == '\0' || *p == '/')
        return false;
      g++;
      if (!match_class(&g, *p))
        return false;
      p++;
      break;
    case '\\':
      /* Escapes the next character; a backslash left last once a folder
       * glob's trailing '/' is dropped ("\\/") stands for itself. */
      if (g[1])
        g++;
      /* fall through */
    default:
      if (*g != *p)
        return false;
      g++, p++;
    }
  }
  return *p == '\0';
}

/* Glob without braces against path. */
static bool match_simple(const char *g, const char *p) {
  size_t glen = strlen(g), plen = strlen(p);
  Matcher mt = {g, p, plen, xcalloc(((glen + 1) * (plen + 1)) / 8 + 1, 1)};
  bool ok = match_at(&mt, g, p);
  free(mt.failed);
  return ok;
}

/* Expands the first {a,b} group and matches each alternative. */
static bool match_braces(const char *g, const char *path) {
  const char *open = NULL;
  for (const char *q = g; *q; q++) {
    if (*q == '\\' && q[1]) {
      q++;
      continue;
    }
    if (*q == '{') {
      open = q;
      break;
    }
  }
  if (!open)
    return match_simple(g, path);
  const char *close = strchr(open, '}');
  if (!close)
    return false;
  const char *alt = open + 1;
  for (;;) {
    const char *end = alt;
    while (end < close && *end != ',')
      end++;
    StrBuf sb = {0};
    sb_append_n(&sb, g, (size_t)(open - g));
    sb_append_n(&sb, alt, (size_t)(end - alt));
    sb_append(&sb, close + 1);
    char *expanded = sb_take(&sb);
    bool ok = match_braces(expanded, path);
    free(expanded);
    if (ok)
      return true;
    if (end >= close)
      return false;
    alt = end + 1;
  }
}

bool glob_match(const char *glob, const char *path) {
  size_t off;
  const char *why;
  if (!glob_valid(glob, &off, &why))
    return false;
  while (path[0] == '.' && path[1] == '/')
    path += 2;
  while (glob[0] == '.' && glob[1] == '/')
    glob += 2;
  size_t n = strlen(glob);
  bool anchored = false;
  if (glob[0] == '/') {
    glob++;
    n--;
    anchored = true;
  }
  /* A trailing '/' names a folder. */
  char *g = xstrndup(glob, n && glob[n - 1] == '/' ? n - 1 : n);
  bool has_slash = strchr(g, '/') != NULL;
  char *full = (has_slash || anchored) ? xstrdup(g) : xasprintf("**/%s", g);
  char *below = xasprintf("%s/**", full);
  bool ok = match_braces(full, path) || match_braces(below, path);
  free(g);
  free(full);
  free(below);
  return ok;
}
