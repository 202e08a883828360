/* The cache-entry reader (cache_lookup in src/engine/cache.c) and what a run
 * does with a hit: suppressions, then fixes. A fuzzer cannot forge the
 * checksum or the run, selection, path and contents keys, so the harness
 * writes them: the entry is the genuine header of cache_sample.ts, the
 * input (the fields after the header), and the checksum. Every path an
 * entry names reads as cache_sample.ts. */
#include "fuzz_common.h"

#include "core/util.h"
#include "engine/cache.h"
#include "engine/record.h"
#include "engine/suppress.h"
#include "fix/apply.h"
#include "rules/registry.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAIN_FILE "/fuzz/app/page.ts"

static Standards std;
static RuleSelection sel;
static char *sample;
static size_t sample_len;
static char *entry_file; /* where cache_lookup looks for MAIN_FILE's entry */
static char *header;     /* magic and the four keys, as cache_store wrote them */
static size_t header_len;
static Cache cache;

static bool read_file(void *ctx, const char *abs_path, char **bytes, size_t *len) {
  *bytes = xmalloc(sample_len + 1);
  memcpy(*bytes, sample, sample_len);
  *len = sample_len;
  return true;
}

static bool file_exists(void *ctx, const char *abs_path) {
  return strncmp(abs_path, "/fuzz/", 6) == 0;
}

static const ProjectFs fs = {.read_file = read_file, .file_exists = file_exists};

static void read_whole(const char *path, char **bytes, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    abort();
  }
  fseek(f, 0, SEEK_END);
  *len = (size_t)ftell(f);
  rewind(f);
  *bytes = xmalloc(*len + 1);
  if (fread(*bytes, 1, *len, f) != *len)
    abort();
  fclose(f);
}

static void project_open(Project *proj) {
  project_init(proj, &std);
  proj->fs = &fs;
  proj->hash_contents = true;
}

/* Stores an entry without findings for MAIN_FILE and keeps its header. */
static void init(void) {
  char *err = NULL;
  if (!std_load_builtin(&std, &err))
    abort();
  selection_defaults(&sel);
  read_whole(FUZZ_SOURCE_DIR "/cache_sample.ts", &sample, &sample_len);
  char *dir = xasprintf("%s/cache", fuzz_tmpdir());
  /* Opened as a run opens it (O_NOFOLLOW folder, its own run key). */
  if (!cache_open(&cache, dir, &std, 0))
    abort();
  free(dir);
  Project proj;
  project_open(&proj);
  ResolveDeps deps;
  memset(&deps, 0, sizeof deps);
  cache_store(&cache, project_module(&proj, MAIN_FILE), &sel, &deps, NULL, 0, NULL, 0, 0);
  project_free(&proj);
  DIR *d = opendir(cache.dir);
  struct dirent *e;
  while (d && (e = readdir(d)))
    if (str_ends_with(e->d_name, ".entry"))
      entry_file = xasprintf("%s/%s", cache.dir, e->d_name);
  if (d)
    closedir(d);
  if (!entry_file)
    abort();
  read_whole(entry_file, &header, &header_len);
  RecordReader r;
  if (!record_open(&r, header, header_len))
    abort();
  size_t len;
  for (int i = 0; i < 4; i++)
    record_read_str(&r, &len);
  header_len = (size_t)(r.p - header);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!entry_file)
    init();
  StrBuf sb = {0};
  sb_append_n(&sb, header, header_len);
  sb_append_n(&sb, (const char *)data, size);
  record_end(&sb);
  fuzz_write(entry_file, sb.data, sb.len);
  sb_free(&sb);
  Project proj;
  project_open(&proj);
  Module *m = project_module(&proj, MAIN_FILE);
  DiagList dl = {0};
  GraphSiteList sites = {0};
  if (cache_lookup(&cache, &proj, m, &sel, &dl, &sites).hit) {
    suppress_apply(m, &dl, &sel, false);
    fuzz_apply_fixes(&dl);
  }
  graph_site_list_free(&sites);
  diag_list_free(&dl);
  project_free(&proj);
  return 0;
}
