#ifndef RTLINT_REPORT_HISTORY_PASSES_H
#define RTLINT_REPORT_HISTORY_PASSES_H
/* What report history keeps per file between commits (history.c) and what
 * the working tree's lint hands it (history_seeds.c): a pass's findings with
 * every path its resolution probed, and a blob's work places. */
#include "report/report.h"

#include <git2.h>

typedef struct TreeEnt {
  git_oid oid;
  bool lint;
} TreeEnt;

typedef struct Dep {
  char *path;
  git_oid oid;
  bool exists;
} Dep;

typedef struct PassRec {
  git_oid file_oid;
  char *std_id;
  Dep *deps;
  size_t ndeps, depcap;
  FlatDiag *diags;
  size_t ndiags;
} PassRec;

typedef struct FactsRec {
  SiteSpan *sites;
  size_t nsites;
  size_t nnotices;
  /* What the text alone says, so unchanged blobs are not read again: */
  bool project_wide; /* a project-wide rule's needle is there */
  bool directives;   /* an inline suppression may be there */
} FactsRec;

void pass_rec_free(void *p);  /* a PassRec, or NULL */
void facts_rec_free(void *p); /* a FactsRec, or NULL */

/* Work places and notices depend on the blob, where it lies (component code
 * or not), the standards, and the enabled rules (the prefilter decides
 * whether a syntax error is reported, the rules whether a project-wide rule
 * runs): a cached FactsRec is found only under all of them. */
char *facts_key(const git_oid *oid, const char *std_id, const char *abs,
                const RuleSelection *enabled);

/* The standards id a pass and its work places are named with, with the
 * digest of the run's wrapper names when it followed any: those decide a
 * pass's findings too. Caller frees. */
char *history_std_id_with_flow(const char *std_id, bool flow, uint64_t digest);

/* The pass this thread is linting (NULL: none): every path its resolution
 * probes is recorded there with pass_record, absent paths with e NULL. */
void pass_record_begin(PassRec *r);
PassRec *pass_record_end(void);
bool pass_recording(void);
void pass_record(const char *abs, const TreeEnt *e);

#endif
