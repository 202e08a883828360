#ifndef RTLINT_RESOLVE_IMPORTERS_H
#define RTLINT_RESOLVE_IMPORTERS_H
#include "resolve/project.h"

#include <stddef.h>

/* Who imports whom among the project's LINTED modules: `import ... from`,
 * side-effect `import "x"`, re-exports `export ... from`, and dynamic
 * `import("x")` (next/dynamic). Type-only imports and exports are left out:
 * they render nothing. Specifiers resolve like everywhere else (relative
 * paths, index files, tsconfig baseUrl/paths); packages and files that are
 * not linted are not in the graph. */
typedef struct ImportGraph ImportGraph;

/* The import graph of one lint run, built on first use from the modules
 * marked linted (thread-safe) and owned by the run, not by the project:
 * modules marked linted later are not added. */
typedef struct LazyImportGraph {
  Project *proj;
  pthread_mutex_t lock;
  ImportGraph *graph;
} LazyImportGraph;

void lazy_import_graph_init(LazyImportGraph *l, Project *p);
const ImportGraph *lazy_import_graph_get(LazyImportGraph *l);
void lazy_import_graph_free(LazyImportGraph *l);

/* The linted modules importing m (each once); 0 when none or m is not
 * linted. */
size_t import_graph_importers(const ImportGraph *g, const Module *m, Module *const **out);

#endif
