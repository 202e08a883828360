/* The parse-only floor for bench/run: find every .ts/.tsx file under the given directories the
 * way rtlint does (skip node_modules, .git and .d.ts), read it and parse it with tree-sitter on
 * all cores, and do nothing else. No linter that parses every file can beat this, so rtlint's
 * cold time is judged against it.
 *
 * Built by bench/run against the same grammar archive (build/libts_grammars.a, compiled -O2 like
 * rtlint's) and the same libtree-sitter:
 *   cc -O2 -pthread parse_only.c libts_grammars.a $(pkg-config --cflags tree-sitter) LIBTREESITTER
 * where LIBTREESITTER is libtree-sitter.a when rtlint links that archive (CMakeLists.txt), else
 * -ltree-sitter.
 * Usage: parse_only [-j N] DIR...   (default N: online cores)
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tree_sitter/api.h>
#include <unistd.h>

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

static char **paths;
static size_t npaths, cap;
static atomic_size_t next_index;
static atomic_size_t total_bytes, total_nodes, error_files;

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

static void add_path(const char *p) {
  if (npaths == cap) {
    cap = cap ? cap * 2 : 1024;
    paths = realloc(paths, cap * sizeof *paths);
    if (!paths) {
      perror("realloc");
      exit(2);
    }
  }
  paths[npaths++] = strdup(p);
}

static void walk(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    perror(dir);
    return;
  }
  struct dirent *e;
  char buf[4096];
  while ((e = readdir(d))) {
    const char *n = e->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0) || strcmp(n, ".git") == 0))
      continue;
    if (strcmp(n, "node_modules") == 0)
      continue;
    snprintf(buf, sizeof buf, "%s/%s", dir, n);
    int is_dir = e->d_type == DT_DIR, is_reg = e->d_type == DT_REG;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      if (stat(buf, &st) != 0)
        continue;
      is_dir = S_ISDIR(st.st_mode);
      is_reg = S_ISREG(st.st_mode);
    }
    if (is_dir)
      walk(buf);
    else if (is_reg && (has_suffix(n, ".ts") || has_suffix(n, ".tsx")) && !has_suffix(n, ".d.ts"))
      add_path(buf);
  }
  closedir(d);
}

/* Counting nodes with a cursor touches the whole tree once (as any rule pass must), so the
 * floor is "parse and visit", not a parse whose result is thrown away unread. */
static size_t count_nodes(TSNode root) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  size_t n = 0;
  for (;;) {
    n++;
    if (ts_tree_cursor_goto_first_child(&c))
      continue;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) {
        ts_tree_cursor_delete(&c);
        return n;
      }
    }
  }
}

static void *worker(void *arg) {
  (void)arg;
  TSParser *ts = ts_parser_new(), *tsx = ts_parser_new();
  ts_parser_set_language(ts, tree_sitter_typescript());
  ts_parser_set_language(tsx, tree_sitter_tsx());
  char *buf = NULL;
  size_t bufcap = 0;
  for (;;) {
    size_t i = atomic_fetch_add(&next_index, 1);
    if (i >= npaths)
      break;
    FILE *f = fopen(paths[i], "rb");
    if (!f)
      continue;
    size_t len = 0, r;
    for (;;) {
      if (len + 65536 > bufcap) {
        bufcap = (len + 65536) * 2;
        buf = realloc(buf, bufcap);
        if (!buf) {
          perror("realloc");
          exit(2);
        }
      }
      r = fread(buf + len, 1, bufcap - len, f);
      len += r;
      if (r == 0)
        break;
    }
    fclose(f);
    TSParser *p = has_suffix(paths[i], ".tsx") ? tsx : ts;
    TSTree *tree = ts_parser_parse_string(p, NULL, buf, (uint32_t)len);
    TSNode root = ts_tree_root_node(tree);
    atomic_fetch_add(&total_nodes, count_nodes(root));
    if (ts_node_has_error(root))
      atomic_fetch_add(&error_files, 1);
    atomic_fetch_add(&total_bytes, len);
    ts_tree_delete(tree);
  }
  free(buf);
  ts_parser_delete(ts);
  ts_parser_delete(tsx);
  return NULL;
}

int main(int argc, char **argv) {
  long jobs = sysconf(_SC_NPROCESSORS_ONLN);
  int first = 1;
  if (argc > 2 && strcmp(argv[1], "-j") == 0) {
    jobs = atol(argv[2]);
    first = 3;
  }
  if (jobs < 1)
    jobs = 1;
  if (first >= argc) {
    fprintf(stderr, "usage: parse_only [-j N] DIR...\n");
    return 2;
  }
  for (int a = first; a < argc; a++)
    walk(argv[a]);
  pthread_t *t = calloc((size_t)jobs, sizeof *t);
  for (long i = 0; i < jobs; i++)
    pthread_create(&t[i], NULL, worker, NULL);
  for (long i = 0; i < jobs; i++)
    pthread_join(t[i], NULL);
  printf("parse_only: %zu files, %zu bytes, %zu nodes, %zu with syntax errors, %ld threads\n",
         npaths, (size_t)total_bytes, (size_t)total_nodes, (size_t)error_files, jobs);
  for (size_t i = 0; i < npaths; i++)
    free(paths[i]);
  free(paths);
  free(t);
  return 0;
}
