#include "discover/wildmatch.h"

#include <stddef.h>
#include <string.h>

/* The algorithm is git's (wildmatch.c), including its internal results: a
 * failure below a `*` that reached a `/` tells an enclosing `**` to keep
 * trying (ABORT_TO_STARSTAR) while a plain `*` gives up, and running out of
 * text gives up everywhere (ABORT_ALL). Matching git means keeping these. */
enum { WM_MATCH, WM_NOMATCH, WM_ABORT_ALL, WM_ABORT_TO_STARSTAR };

typedef unsigned char uchar;

/* git's own ctype: ASCII only whatever the locale; space is " \t\n\r". */
static bool is_upper(uchar c) {
  return c >= 'A' && c <= 'Z';
}
static bool is_lower(uchar c) {
  return c >= 'a' && c <= 'z';
}
static bool is_digit(uchar c) {
  return c >= '0' && c <= '9';
}
static bool is_alpha(uchar c) {
  return is_upper(c) || is_lower(c);
}
static bool is_graph(uchar c) {
  return c > ' ' && c < 0x7f;
}

static uchar fold(uchar c, unsigned flags) {
  return (flags & WM_CASEFOLD) && is_upper(c) ? (uchar)(c - 'A' + 'a') : c;
}

static bool is_glob_special(uchar c) {
  return c == '*' || c == '?' || c == '[' || c == '\\';
}

/* [:name:] with name of length len; -1 for an unknown class (git aborts). */
static int in_named_class(const uchar *name, size_t len, uchar c, unsigned flags) {
#define CLASS(s) (len == sizeof s - 1 && memcmp(name, s, len) == 0)
  if (CLASS("alnum"))
    return is_alpha(c) || is_digit(c);
  if (CLASS("alpha"))
    return is_alpha(c);
  if (CLASS("blank"))
    return c == ' ' || c == '\t';
  if (CLASS("cntrl"))
    return c < ' ' || c == 0x7f;
  if (CLASS("digit"))
    return is_digit(c);
  if (CLASS("graph"))
    return is_graph(c);
  if (CLASS("lower"))
    return is_lower(c);
  if (CLASS("print"))
    return c == ' ' || is_graph(c);
  if (CLASS("punct"))
    return is_graph(c) && !is_alpha(c) && !is_digit(c);
  if (CLASS("space"))
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  if (CLASS("upper")) /* the text is already folded: any letter will do */
    return is_upper(c) || ((flags & WM_CASEFOLD) && is_lower(c));
  if (CLASS("xdigit"))
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
#undef CLASS
  return -1;
}

/* A bracket expression at *pp (just past `[`) against t (folded). Leaves *pp
 * on the closing `]`. */
static int match_bracket(const uchar **pp, uchar t, unsigned flags) {
  const uchar *p = *pp;
  uchar p_ch = *p;
  if (p_ch == '^')
    p_ch = '!';
  bool negated = p_ch == '!';
  if (negated)
    p_ch = *++p;
  uchar prev_ch = 0;
  bool matched = false;
  /* The first character is a member even when it is `]`. */
  do {
    if (!p_ch)
      return WM_ABORT_ALL;
    if (p_ch == '\\') {
      p_ch = *++p;
      if (!p_ch)
        return WM_ABORT_ALL;
      if (t == p_ch)
        matched = true;
    } else if (p_ch == '-' && prev_ch && p[1] && p[1] != ']') {
      p_ch = *++p;
      if (p_ch == '\\') {
        p_ch = *++p;
        if (!p_ch)
          return WM_ABORT_ALL;
      }
      uchar up = (flags & WM_CASEFOLD) && is_lower(t) ? (uchar)(t - 'a' + 'A') : t;
      if ((t >= prev_ch && t <= p_ch) || (up >= prev_ch && up <= p_ch))
        matched = true;
      p_ch = 0; /* a range cannot start another */
    } else if (p_ch == '[' && p[1] == ':') {
      const uchar *name = p + 2, *end = name;
      while (*end && *end != ']')
        end++;
      if (!*end)
        return WM_ABORT_ALL;
      if (end == name || end[-1] != ':') { /* no ":]": a plain `[` */
        if (t == '[')
          matched = true;
        continue;
      }
      int in = in_named_class(name, (size_t)(end - 1 - name), t, flags);
      if (in < 0)
        return WM_ABORT_ALL;
      if (in)
        matched = true;
      p = end;
      p_ch = 0;
    } else if (t == p_ch) {
      matched = true;
    }
  } while (prev_ch = p_ch, (p_ch = *++p) != ']');
  *pp = p;
  if (matched == negated || ((flags & WM_PATHNAME) && t == '/'))
    return WM_NOMATCH;
  return WM_MATCH;
}

static int dowild(const uchar *p, const uchar *text, unsigned flags);

/* A run of stars at *p (p_start: the pattern's start) against text. */
static int match_star(const uchar *pattern, const uchar *p, const uchar *text, unsigned flags) {
  bool match_slash;
  if (p[1] == '*') {
    const uchar *prev = p - 1;
    while (*++p == '*')
      ;
    if (!(flags & WM_PATHNAME)) {
      match_slash = true;
    } else if ((prev < pattern || *prev == '/') &&
               (*p == '\0' || *p == '/' || (p[0] == '\\' && p[1] == '/'))) {
      /* `**` as a whole component may also match no directory at all. */
      if (p[0] == '/' && dowild(p + 1, text, flags) == WM_MATCH)
        return WM_MATCH;
      match_slash = true;
    } else {
      match_slash = false; /* `**` inside a component is a `*` */
    }
  } else {
    p++;
    match_slash = !(flags & WM_PATHNAME);
  }
  if (*p == '\0') {
    if (!match_slash && strchr((const char *)text, '/'))
      return WM_NOMATCH;
    return WM_MATCH;
  }
  if (!match_slash && *p == '/') { /* `*` then `/`: the rest of this component */
    const char *slash = strchr((const char *)text, '/');
    return slash ? dowild(p + 1, (const uchar *)slash + 1, flags) : WM_NOMATCH;
  }
  for (uchar t_ch = *text; t_ch; t_ch = *++text) {
    if (!is_glob_special(*p)) { /* skip to where the literal after the star can match */
      uchar want = fold(*p, flags);
      while ((t_ch = *text) != '\0' && (match_slash || t_ch != '/')) {
        t_ch = fold(t_ch, flags);
        if (t_ch == want)
          break;
        text++;
      }
      if (t_ch != want)
        return WM_NOMATCH;
    }
    int r = dowild(p, text, flags);
    if (r != WM_NOMATCH) {
      if (!match_slash || r != WM_ABORT_TO_STARSTAR)
        return r;
    } else if (!match_slash && t_ch == '/') {
      return WM_ABORT_TO_STARSTAR;
    }
  }
  return WM_ABORT_ALL;
}

static int dowild(const uchar *p, const uchar *text, unsigned flags) {
  const uchar *pattern = p;
  for (; *p; text++, p++) {
    uchar t_ch = *text;
    if (t_ch == '\0' && *p != '*')
      return WM_ABORT_ALL;
    t_ch = fold(t_ch, flags);
    uchar p_ch = fold(*p, flags);
    switch (p_ch) {
    case '\\': /* the escaped character is compared unfolded, as in git */
      p_ch = *++p;
      if (t_ch != p_ch)
        return WM_NOMATCH;
      break;
    case '?':
      if ((flags & WM_PATHNAME) && t_ch == '/')
        return WM_NOMATCH;
      break;
    case '*':
      return match_star(pattern, p, text, flags);
    case '[': {
      p++;
      int r = match_bracket(&p, t_ch, flags);
      if (r != WM_MATCH)
        return r;
      break;
    }
    default:
      if (t_ch != p_ch)
        return WM_NOMATCH;
    }
  }
  return *text ? WM_NOMATCH : WM_MATCH;
}

bool wildmatch(const char *pattern, const char *text, unsigned flags) {
  return dowild((const uchar *)pattern, (const uchar *)text, flags) == WM_MATCH;
}
