#ifndef RTLINT_GRAPH_VIEWS_H
#define RTLINT_GRAPH_VIEWS_H
/* The views of the realtime contract graph (issue 17): the JSON document of
 * `rtlint graph --format json` (docs/graph.md, schema_version 1) drawn as
 * Graphviz dot, Markdown tables or one self-contained HTML page, and the
 * short block the migration report shows. */
#include <jansson.h>
#include <stdio.h>

/* Writes the view `format` ("dot", "md" or "html") of graph to f. Returns 0,
 * or 2 after one line on stderr when the format is unknown or the document is
 * not in the agreed shape (schema_version other than 1, a missing key, a
 * value of the wrong type, an id that names nothing); nothing is written to
 * f then. */
int graph_view_write(FILE *f, const json_t *graph, const char *format);

/* The migration report's block: counts, the unmatched ends with path:line,
 * and where the full graph comes from. A document not in the agreed shape
 * gives one sentence saying so instead; NULL writes nothing. */
void graph_summary_md(FILE *f, const json_t *graph);
void graph_summary_html(FILE *f, const json_t *graph);

#endif
