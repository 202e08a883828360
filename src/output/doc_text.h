#ifndef RTLINT_OUTPUT_DOC_TEXT_H
#define RTLINT_OUTPUT_DOC_TEXT_H
/* A documentation page (Markdown, docs/...) for viewers outside the
 * repository, such as GitHub code scanning: relative links resolve nowhere
 * there, so link targets are made absolute against the URL of the docs
 * folder; and a plain-text rendering for SARIF's help.text. `page` is the
 * page's path inside docs/ ("rules/channel-hand-built.md"), against which
 * relative links resolve. Callers free the results. */

/* The Markdown with every relative link target absolute. */
char *doc_markdown_absolute(const char *md, const char *docs_url, const char *page);
/* Plain text: no fences, backticks, emphasis or table pipes; a link becomes
 * "text (absolute URL)", a code block is indented by four spaces, a table
 * row is "header: cell" lines. */
char *doc_plain_text(const char *md, const char *docs_url, const char *page);
/* The absolute URL of a link target found on `page`. */
char *doc_link_absolute(const char *target, const char *docs_url, const char *page);

#endif
