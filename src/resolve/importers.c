#include "resolve/importers.h"

#include "core/util.h"
#include "parse/ast.h"
#include "parse/parser.h"

#include <stdlib.h>
#include <string.h>

/* Parsing every linted file to learn who imports whom cost a cold run eight
 * times its length as soon as one file called the provider hook. The graph is
 * built on demand instead: each file's import specifiers are read from its
 * text once (the strings after `from`, `import` and `import(`), a query looks
 * only at files with a specifier that can name the module, resolves those,
 * and parses only the files where one does, to keep exactly the edges the
 * syntax tree shows (no type-only imports, nothing in comments). */
typedef struct Node {
  Module *mod;
  char **specs; /* specifier-like strings in the text; NULL until read */
  size_t nspecs;
  bool specs_read;
  Module **targets; /* the modules its syntax tree imports; parsed on demand */
  size_t ntargets;
  bool parsed;
  Module **importers;
  size_t nimporters;
  bool importers_known;
} Node;

struct ImportGraph {
  Project *p;
  Node *nodes; /* sorted by fs_path */
  size_t nnodes;
  pthread_mutex_t lock; /* queries fill nodes in */
};

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

/* --- specifiers from the text --------------------------------------------- */

static bool is_word_char(char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* After a `from` / `import` keyword at p (len bytes): a quoted string,
 * possibly after `(` and whitespace. */
static void take_string_after(Node *n, size_t *cap, const char *text, const char *p, size_t len) {
  if ((p > text && (is_word_char(p[-1]) || p[-1] == '.')) || is_word_char(p[len]))
    return;
  const char *s = p + len;
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '(')
    s++;
  if (*s != '"' && *s != '\'')
    return;
  const char *end = strchr(s + 1, *s);
  const char *nl = memchr(s + 1, '\n', end ? (size_t)(end - s - 1) : 0);
  if (!end || nl)
    return;
  char *spec = xstrndup(s + 1, (size_t)(end - s - 1));
  ARRAY_PUSH(n->specs, n->nspecs, *cap, spec);
}

static void read_specs(Node *n) {
  n->specs_read = true;
  if (n->mod->status != SOURCE_OK)
    return;
  const char *text = n->mod->src.bytes;
  size_t cap = 0;
  static const char *const keywords[] = {"from", "import", NULL};
  for (const char *const *kw = keywords; *kw; kw++)
    for (const char *p = text; (p = strstr(p, *kw)); p++)
      take_string_after(n, &cap, text, p, strlen(*kw));
}

/* --- edges from the syntax tree ------------------------------------------- */

/* `import type ...` / `export type ... from`: the keyword after the first. */
static bool type_only(const Source *src, TSNode stmt) {
  TSNode second = ts_node_child(stmt, 1);
  return !ts_node_is_null(second) && !ts_node_is_named(second) && node_text_eq(src, second, "type");
}

typedef struct Walk {
  ImportGraph *g;
  Node *from;
  size_t cap;
} Walk;

static void add_target(Walk *w, TSNode spec_node) {
  if (!node_is(spec_node, "string"))
    return;
  Module *from = w->from->mod;
  StrBuf spec = {0};
  node_string_value(&from->src, spec_node, &spec);
  char *path = NULL;
  if (project_resolve_import(w->g->p, from, sb_cstr(&spec), &path)) {
    Node *to = find_node(w->g, path);
    if (to && to->mod != from)
      ARRAY_PUSH(w->from->targets, w->from->ntargets, w->cap, to->mod);
  }
  free(path);
  sb_free(&spec);
}

static bool visit(TSNode n, void *data) {
  Walk *w = data;
  if (node_is(n, "import_statement") || node_is(n, "export_statement")) {
    TSNode source = node_field(n, "source");
    if (!ts_node_is_null(source) && !type_only(&w->from->mod->src, n))
      add_target(w, source);
    return node_is(n, "export_statement"); /* exported declarations may hold import() */
  }
  if (node_is(n, "call_expression") && node_is(node_field(n, "function"), "import"))
    add_target(w, call_argument(n, 0));
  return true;
}

static void parse_targets(ImportGraph *g, Node *n) {
  n->parsed = true;
  if (n->mod->status != SOURCE_OK)
    return;
  /* A private tree: the module's own may be dropped by a worker meanwhile,
   * and taking its lock here would order locks against the workers'. */
  TSTree *tree = parse_source(&n->mod->src, n->mod->lang);
  if (!tree)
    return;
  Walk w = {g, n, 0};
  ast_walk(ts_tree_root_node(tree), visit, &w);
  ts_tree_delete(tree);
}

/* --- queries -------------------------------------------------------------- */

/* The file name without its extension, and its directory's name. */
static void name_parts(const char *path, char **stem, char **dir) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  *stem = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
  const char *dstart = base;
  if (slash) {
    dstart = slash;
    while (dstart > path && dstart[-1] != '/')
      dstart--;
  }
  *dir = xstrndup(dstart, slash ? (size_t)(slash - dstart) : 0);
}

static bool only_dots_and_slashes(const char *spec) {
  return spec[strspn(spec, "./")] == '\0';
}

/* Whether spec, written in from, can resolve to the file named stem in dir:
 * a specifier spells its target's file name, or its directory's for an index
 * file, unless it is all dots (".", "..") or a tsconfig alias. */
static bool may_name(Project *p, const Module *from, const char *spec, const char *stem,
                     const char *dir) {
  return strstr(spec, stem) || (strcmp(stem, "index") == 0 && *dir && strstr(spec, dir)) ||
         only_dots_and_slashes(spec) || project_spec_may_alias(p, from, spec);
}

static bool imports(ImportGraph *g, Node *from, const Module *m, const char *stem,
                    const char *dir) {
  if (!from->specs_read)
    read_specs(from);
  bool candidate = false;
  for (size_t i = 0; i < from->nspecs && !candidate; i++) {
    if (!may_name(g->p, from->mod, from->specs[i], stem, dir))
      continue;
    char *path = NULL;
    candidate = project_resolve_import(g->p, from->mod, from->specs[i], &path) &&
                strcmp(path, m->fs_path) == 0;
    free(path);
  }
  if (!candidate)
    return false;
  if (!from->parsed)
    parse_targets(g, from);
  for (size_t i = 0; i < from->ntargets; i++)
    if (from->targets[i] == m)
      return true;
  return false;
}

static void find_importers(ImportGraph *g, Node *node) {
  node->importers_known = true;
  char *stem, *dir;
  name_parts(node->mod->fs_path, &stem, &dir);
  size_t cap = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    Node *from = &g->nodes[i];
    if (from != node && from->mod->status == SOURCE_OK && imports(g, from, node->mod, stem, dir))
      ARRAY_PUSH(node->importers, node->nimporters, cap, from->mod);
  }
  free(stem);
  free(dir);
}

static ImportGraph *build(Project *p) {
  /* Linted files the run skipped unread are nodes too. */
  char **expected = NULL;
  size_t nexpected = project_expected_linted(p, &expected);
  for (size_t i = 0; i < nexpected; i++)
    project_module_source(p, expected[i]);
  free(expected);
  ImportGraph *g = xcalloc(1, sizeof *g);
  g->p = p;
  pthread_mutex_init(&g->lock, NULL);
  pthread_mutex_lock(&p->lock);
  g->nodes = xcalloc(p->nmodules + 1, sizeof *g->nodes);
  for (size_t i = 0; i < p->nmodules; i++)
    if (p->modules[i]->linted)
      g->nodes[g->nnodes++].mod = p->modules[i];
  pthread_mutex_unlock(&p->lock);
  qsort(g->nodes, g->nnodes, sizeof *g->nodes, cmp_node);
  return g;
}

void lazy_import_graph_init(LazyImportGraph *l, Project *p) {
  l->proj = p;
  l->graph = NULL;
  pthread_mutex_init(&l->lock, NULL);
}

const ImportGraph *lazy_import_graph_get(LazyImportGraph *l) {
  pthread_mutex_lock(&l->lock);
  if (!l->graph)
    l->graph = build(l->proj);
  ImportGraph *g = l->graph;
  pthread_mutex_unlock(&l->lock);
  return g;
}

size_t import_graph_importers(const ImportGraph *cg, const Module *m, Module *const **out) {
  ImportGraph *g = (ImportGraph *)cg; /* the graph fills itself in as it is asked */
  Node *n = find_node(g, m->fs_path);
  if (!n) {
    *out = NULL;
    return 0;
  }
  pthread_mutex_lock(&g->lock);
  if (!n->importers_known)
    find_importers(g, n);
  pthread_mutex_unlock(&g->lock);
  *out = n->importers;
  return n->nimporters;
}

static void import_graph_free(ImportGraph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->nnodes; i++) {
    Node *n = &g->nodes[i];
    for (size_t k = 0; k < n->nspecs; k++)
      free(n->specs[k]);
    free(n->specs);
    free(n->targets);
    free(n->importers);
  }
  free(g->nodes);
  pthread_mutex_destroy(&g->lock);
  free(g);
}

void lazy_import_graph_free(LazyImportGraph *l) {
  import_graph_free(l->graph);
  pthread_mutex_destroy(&l->lock);
  l->graph = NULL;
}
