/* Test-only: `graph_view_render FORMAT IN.json` writes the view FORMAT (dot,
 * md, html) of the contract graph document IN.json to stdout, as `rtlint
 * graph --format FORMAT` will once the command takes the views;
 * `summary-md` and `summary-html` write the migration report's block.
 * Exit codes: 0, or 2 with a message (unreadable JSON, bad document, unknown
 * format). */
#include "graph/views.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: graph_view_render dot|md|html|summary-md|summary-html IN.json\n");
    return 2;
  }
  json_error_t err;
  json_t *doc = json_load_file(argv[2], 0, &err);
  if (!doc) {
    fprintf(stderr, "graph_view_render: %s:%d: %s\n", argv[2], err.line, err.text);
    return 2;
  }
  int rc = 0;
  if (strcmp(argv[1], "summary-md") == 0)
    graph_summary_md(stdout, doc);
  else if (strcmp(argv[1], "summary-html") == 0)
    graph_summary_html(stdout, doc);
  else
    rc = graph_view_write(stdout, doc, argv[1]);
  json_decref(doc);
  if (fflush(stdout) != 0)
    rc = 2;
  return rc;
}
