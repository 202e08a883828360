#ifndef RTLINT_ENGINE_CACHE_H
#define RTLINT_ENGINE_CACHE_H
#include "core/diag.h"
#include "engine/engine.h"
#include "graph/model.h"
#include "resolve/value.h"

#include <stdatomic.h>

/* Per-file results kept in a directory between runs. An entry is reused only
 * when the rtlint version and standards (the run key), the file's rule
 * selection, the
 * file's contents, and the contents of every file its resolution read are
 * unchanged, and imports that did not resolve still do not. Entries are
 * written to a temporary file and renamed, so concurrent runs are safe; an
 * unreadable or foreign entry is ignored with a warning, never trusted. */
typedef struct Cache {
  char *dir;
  int dirfd; /* the folder, opened without following a symlink */
  char run_key[17];
  atomic_bool warned;
  atomic_bool stored;   /* an entry was written this run */
  uint64_t flow_digest; /* resolve/flow_names.h: set by the run before any lookup */
} Cache;

/* The run key: this rtlint binary (its bytes: a rebuild with changed rules
 * invalidates, whatever the version says), rule ids, standards contents, and
 * the configuration's text (config_digest; 0 without one). */
void cache_run_key(const Standards *std, uint64_t config_digest, char out[17]);
/* Creates the directory if needed; false (with a warning) when impossible,
 * or when it is a symlink, not a directory, or owned by another user. */
bool cache_open(Cache *c, const char *dir, const Standards *std, uint64_t config_digest);
void cache_close(Cache *c);

typedef struct CachedFile {
  bool hit;
  bool sites;                     /* the file's contract sites were read too */
  uint32_t error_line, error_col; /* syntax error position, 0 when none */
} CachedFile;

/* On a hit appends the file's findings to out, and when sites is not NULL
 * and the entry holds the file's contract sites (all the files they point
 * into unchanged), appends them to sites. The file's rule selection is part
 * of the key (configuration overrides make it vary per file). */
CachedFile cache_lookup(Cache *c, Project *p, const Module *m, const RuleSelection *sel,
                        DiagList *out, GraphSiteList *sites);
/* sites: the file's contract sites, or NULL when they were not collected. */
void cache_store(Cache *c, const Module *m, const RuleSelection *sel, const ResolveDeps *deps,
                 const Diag *diags, size_t n, const GraphSiteList *sites, uint32_t error_line,
                 uint32_t error_col);

#endif
