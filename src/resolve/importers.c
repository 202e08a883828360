#include "resolve/importers.h"

#include "core/util.h"
#include "parse/ast.h"
#include "parse/parser.h"

#include <stdlib.h>
#include <string.h>

typedef struct Node {
  Module *mod;
  Module **importers;
  size_t nimporters, cap;
} Node;

struct ImportGraph {
  Node *nodes; /* sorted by fs_path */
  size_t nnodes;
};

static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;

static int cmp_node(const void *a, const void *b) {
  return strcmp(((const Node *)a)->mod->fs_path, ((const Node *)b)->mod->fs_path);
}

static Node *find_node(const ImportGraph *g, const char *fs_path) {
  size_t lo = 0, hi = g->nnodes;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(g->nodes[mid].mod->fs_path, fs_path);
    if (c == 0)
      return &g->nodes[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

static void add_edge(Project *p, ImportGraph *g, Module *from, TSNode spec_node) {
  if (!node_is(spec_node, "string"))
    return;
  StrBuf spec = {0};
  node_string_value(&from->src, spec_node, &spec);
  char *path = NULL;
  if (project_resolve_import(p, from, sb_cstr(&spec), &path)) {
    Node *to = find_node(g, path);
    if (to && to->mod != from) {
      bool seen = false;
      for (size_t i = 0; i < to->nimporters && !seen; i++)
        seen = to->importers[i] == from;
      if (!seen)
        ARRAY_PUSH(to->importers, to->nimporters, to->cap, from);
    }
  }
  free(path);
  sb_free(&spec);
}

/* `import type ...` / `export type ... from`: the keyword after the first. */
static bool type_only(const Source *src, TSNode stmt) {
  TSNode second = ts_node_child(stmt, 1);
  return !ts_node_is_null(second) && !ts_node_is_named(second) && node_text_eq(src, second, "type");
}

typedef struct Walk {
  Project *p;
  ImportGraph *g;
  Module *m;
} Walk;

static bool visit(TSNode n, void *data) {
  Walk *w = data;
  if (node_is(n, "import_statement") || node_is(n, "export_statement")) {
    TSNode source = node_field(n, "source");
    if (!ts_node_is_null(source) && !type_only(&w->m->src, n))
      add_edge(w->p, w->g, w->m, source);
    return node_is(n, "export_statement"); /* exported declarations may hold import() */
  }
  if (node_is(n, "call_expression") && node_is(node_field(n, "function"), "import"))
    add_edge(w->p, w->g, w->m, call_argument(n, 0));
  return true;
}

static ImportGraph *build(Project *p) {
  /* Linted files the run skipped unread are nodes too. */
  const StrMap *unloaded = p->linted_unloaded;
  for (size_t i = 0; unloaded && i < unloaded->cap; i++)
    if (unloaded->keys[i])
      project_module_source(p, unloaded->keys[i]);
  ImportGraph *g = xcalloc(1, sizeof *g);
  pthread_mutex_lock(&p->lock);
  g->nodes = xcalloc(p->nmodules + 1, sizeof *g->nodes);
  for (size_t i = 0; i < p->nmodules; i++)
    if (p->modules[i]->linted)
      g->nodes[g->nnodes++].mod = p->modules[i];
  pthread_mutex_unlock(&p->lock);
  qsort(g->nodes, g->nnodes, sizeof *g->nodes, cmp_node);
  for (size_t i = 0; i < g->nnodes; i++) {
    Module *m = g->nodes[i].mod;
    if (m->status != SOURCE_OK)
      continue;
    /* A private tree: the module's own may be dropped by a worker meanwhile,
     * and taking its lock here would order locks against the workers'. */
    TSTree *tree = parse_source(&m->src, m->lang);
    Walk w = {p, g, m};
    ast_walk(ts_tree_root_node(tree), visit, &w);
    ts_tree_delete(tree);
  }
  return g;
}

const ImportGraph *project_import_graph(Project *p) {
  pthread_mutex_lock(&build_lock);
  if (!p->import_graph)
    p->import_graph = build(p);
  ImportGraph *g = p->import_graph;
  pthread_mutex_unlock(&build_lock);
  return g;
}

size_t import_graph_importers(const ImportGraph *g, const Module *m, Module *const **out) {
  Node *n = find_node(g, m->fs_path);
  if (!n) {
    *out = NULL;
    return 0;
  }
  *out = n->importers;
  return n->nimporters;
}

void import_graph_free(ImportGraph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->nnodes; i++)
    free(g->nodes[i].importers);
  free(g->nodes);
  free(g);
}
