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

/* Built on first use from the modules marked linted, then cached in the
 * project (thread-safe). Modules marked linted later are not added. */
const ImportGraph *project_import_graph(Project *p);

/* The linted modules importing m (each once); 0 when none or m is not
 * linted. */
size_t import_graph_importers(const ImportGraph *g, const Module *m, Module *const **out);

void import_graph_free(ImportGraph *g);

#endif
