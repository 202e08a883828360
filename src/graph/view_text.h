#ifndef RTLINT_GRAPH_VIEW_TEXT_H
#define RTLINT_GRAPH_VIEW_TEXT_H
/* Text from the repository (paths, function and event names, channel labels)
 * written into each view's format. Control characters, bidirectional
 * overrides and bytes that are not UTF-8 are first shown as escapes
 * (core/printable.h), as in every other output; non-ASCII text is kept. */
#include <stdio.h>

/* Markdown: the characters Markdown reads as markup (a table cell's `|`,
 * backticks, emphasis, links, HTML) backslash-escaped. */
void gv_md(FILE *f, const char *s);
/* HTML text and double-quoted attribute values: & < > " ' as entities. */
void gv_html(FILE *f, const char *s);
/* Inside a Graphviz double-quoted string: `"` and `\` escaped, so neither
 * ends the string nor starts one of dot's label escapes (\n, \N, \G...),
 * and `&` as &amp;, since dot turns entities (&lt;, &#65;) in labels into
 * the characters they name. */
void gv_dot(FILE *f, const char *s);
/* At most max characters of s (UTF-8 sequences never cut), with "…" when
 * shortened; the caller frees. */
char *gv_shorten(const char *s, size_t max);

#endif
