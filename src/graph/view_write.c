/* graph_view_write: the document checked once, then the view asked for. */
#include "graph/views.h"

#include "graph/view_model.h"

#include <stdlib.h>
#include <string.h>

int graph_view_write(FILE *f, const json_t *graph, const char *format) {
  static const struct {
    const char *name;
    int (*write)(FILE *, const GvGraph *);
  } views[] = {{"dot", gv_write_dot}, {"md", gv_write_md}, {"html", gv_write_html}};
  for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
    if (!format || strcmp(format, views[i].name) != 0)
      continue;
    GvGraph g;
    char *err = NULL;
    if (!gv_load(&g, graph, &err)) {
      fprintf(stderr, "rtlint: graph: not a contract graph document (schema_version 1): %s\n", err);
      free(err);
      return 2;
    }
    int rc = views[i].write(f, &g);
    gv_free(&g);
    return rc;
  }
  fprintf(stderr, "rtlint: graph: unknown view format '%s' (dot, md or html)\n",
          format ? format : "");
  return 2;
}
