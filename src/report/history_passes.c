#include "report/history_passes.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>

void pass_rec_free(void *p) {
  PassRec *r = p;
  if (!r)
    return;
  free(r->std_id);
  for (size_t i = 0; i < r->ndeps; i++)
    free(r->deps[i].path);
  free(r->deps);
  for (size_t i = 0; i < r->ndiags; i++)
    flat_diag_free(&r->diags[i]);
  free(r->diags);
  free(r);
}

void facts_rec_free(void *p) {
  FactsRec *f = p;
  if (!f)
    return;
  free(f->sites);
  free(f);
}

/* Work places and notices depend on the blob, where it lies (component code
 * or not), the standards, and the enabled rules (the prefilter decides
 * whether a syntax error is reported, the rules whether a project-wide rule
 * runs): a cached FactsRec is found only under all of them. */
char *facts_key(const git_oid *oid, const char *std_id, const char *abs,
                const RuleSelection *enabled) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, oid);
  uint64_t rules = hash_fnv1a(enabled->severity, sizeof enabled->severity, HASH_FNV_SEED);
  return xasprintf("%s\n%s\n%s\n%016llx", hex, std_id, abs, (unsigned long long)rules);
}

/* The pass this thread is linting: what its resolution reads is recorded
 * there. */
static _Thread_local PassRec *recording;

void pass_record_begin(PassRec *r) {
  recording = r;
}

PassRec *pass_record_end(void) {
  PassRec *r = recording;
  recording = NULL;
  return r;
}

bool pass_recording(void) {
  return recording != NULL;
}

void pass_record(const char *abs, const TreeEnt *e) {
  PassRec *r = recording;
  if (!r)
    return;
  for (size_t i = r->ndeps; i-- > 0;)
    if (strcmp(r->deps[i].path, abs) == 0)
      return;
  grow_array((void **)&r->deps, &r->depcap, r->ndeps + 1, sizeof *r->deps);
  Dep *d = &r->deps[r->ndeps++];
  d->path = xstrdup(abs);
  d->exists = e != NULL;
  if (e)
    d->oid = e->oid;
  else
    memset(&d->oid, 0, sizeof d->oid);
}

char *history_std_id_with_flow(const char *std_id, bool flow, uint64_t digest) {
  if (!flow)
    return xstrdup(std_id);
  return xasprintf("%s flow:%016llx", std_id, (unsigned long long)digest);
}
