#ifndef RTLINT_DISCOVER_WILDMATCH_H
#define RTLINT_DISCOVER_WILDMATCH_H
#include <stdbool.h>

/* git's wildmatch, the glob of .gitignore: `*`, `?`, `[...]` (ranges, `!`/`^`
 * negation, `[:class:]`), `\` escapes and `**`. Its quirks are kept on
 * purpose, since .gitignore files are written against git: with
 * WM_CASEFOLD only the text and unescaped pattern letters outside brackets
 * are folded (so `\A` and `[A]` match nothing), and character classes are
 * ASCII only. */
#define WM_CASEFOLD 1u
/* `*` and `?` do not match `/`; `**` does when it is a whole path component. */
#define WM_PATHNAME 2u

bool wildmatch(const char *pattern, const char *text, unsigned flags);

#endif
