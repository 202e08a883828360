/* rtlint graph [PATH...] --format json|dot|md|html: the realtime contract of
 * the files linted (default: the whole project), built by the one lint
 * session with the contract rules on (graph/model.h), written as
 * graph-schema's JSON; dot, md and html are views of that JSON
 * (graph/views.h). */
#include "cli/commands.h"
#include "cli/project_root.h"
#include "cli/session.h"
#include "core/fsio.h"
#include "core/util.h"
#include "graph/json.h"
#include "graph/model.h"
#include "graph/views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const contract_rules[] = {"channel-mismatch", "event-never-heard",
                                             "event-never-sent"};

/* The view --format names, or NULL for the JSON itself. */
static const char *view_name(Format format) {
  return format == FORMAT_DOT    ? "dot"
         : format == FORMAT_HTML ? "html"
         : format == FORMAT_MD   ? "md"
                                 : NULL;
}

int cmd_graph(const Options *given) {
  Options o = *given;
  /* Whatever the configuration turns off, the graph has every site. */
  char *rules[3];
  for (size_t i = 0; i < 3; i++)
    rules[i] = (char *)contract_rules[i];
  o.only_rules = rules;
  o.nonly = 3;
  o.ndisabled = 0;
  o.nphases = 0;
  /* No PATH: the whole project, wherever it is run from. */
  char *root_path = NULL;
  if (!given->paths_given) {
    char *config = NULL, *common = NULL;
    project_root_locate(given->config, given->paths, given->npaths, &config, &common, &root_path);
    free(config);
    free(common);
    o.paths = &root_path;
    o.npaths = 1;
  }
  OutputFile output;
  char *err = NULL;
  if (!output_file_open(&output, o.output, &err)) {
    fprintf(stderr, "rtlint: %s\n", err);
    free(err);
    free(root_path);
    return EXIT_USAGE;
  }
  ContractGraph graph;
  graph_init(&graph, NULL);
  Session s;
  int status = session_open(&s, &o, (SessionNeeds){.cache = true, .graph = &graph});
  if (status >= 0) {
    output_file_abort(&output);
  } else {
    graph.std = s.proj.std;
    graph_link(&graph);
    json_t *j = graph_to_json(&graph);
    const char *view = view_name(o.format);
    status = EXIT_CLEAN;
    if (view)
      status = graph_view_write(output.f, j, view) == 0 ? EXIT_CLEAN : EXIT_USAGE;
    else
      graph_json_write(output.f, j);
    json_decref(j);
    /* Unreadable files and parse errors leave sites out: say so. */
    for (size_t i = 0; i < s.result.notices.n; i++)
      fprintf(stderr, "rtlint: %s: %s\n", s.result.notices.items[i].path,
              s.result.notices.items[i].message);
    if (!output_file_close(&output, &err)) {
      fprintf(stderr, "rtlint: %s\n", err);
      free(err);
      status = EXIT_USAGE;
    }
  }
  session_close(&s);
  graph_free(&graph);
  free(root_path);
  return status;
}
