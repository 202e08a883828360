#ifndef RTLINT_CORE_DIAG_H
#define RTLINT_CORE_DIAG_H
#include "core/source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum Severity { SEV_OFF = 0, SEV_WARNING = 1, SEV_ERROR = 2 } Severity;

/* Ordered: a fix applies when its applicability is >= the requested level. */
typedef enum FixApplicability { FIX_NONE = 0, FIX_SUGGESTION = 1, FIX_SAFE = 2 } FixApplicability;

/* Replace bytes [start, end) with text; start == end inserts. The bytes are
 * the finding's file's, or with src set another file's of the same run (a
 * module's Source: a channel name built in another file is replaced where it
 * is built). src is NULL for the finding's own file, never &d->src's target:
 * diag_add_edit_in keeps one spelling, so two equal fixes compare equal. */
typedef struct Edit {
  uint32_t start, end;
  char *text;
  const Source *src;
} Edit;

typedef struct Fix {
  FixApplicability applicability;
  char *title; /* verb phrase: "Replace with UNIFIED_EVENTS.TYPING_START" */
  Edit *edits;
  size_t nedits, cap;
} Fix;

struct RuleMeta;

/* One link of a finding's trail: where a name went on its way to the sink
 * (a function it passed through, then the sink call). path is the finding's
 * kind of path (Source.path); columns as SrcPos. */
typedef struct DiagStep {
  char *path;
  uint32_t line, col, col_utf16;
  char *label; /* "notifyThread", ".send(...)" */
} DiagStep;

/* A legacy channel name whose building site lacks the organization id and
 * whose builder is exported: whether a parameter can carry the id depends on
 * every caller in the project, which one file's rules cannot see, so the
 * suggestion is made after the whole project is linted
 * (rules/channel_org_param.h). `call` is the UNIFIED_CHANNELS call to write
 * at [start, end) of src with DIAG_ORG_PLACEHOLDER for the organization id;
 * NULL when there is nothing to do. */
#define DIAG_ORG_PLACEHOLDER "__rtlint_org_id__"
typedef struct DiagOrgParam {
  char *call;
  const Source *src;
  uint32_t start, end;
} DiagOrgParam;

typedef struct Diag {
  const struct RuleMeta *rule;
  Severity severity;
  const Source *src;
  uint32_t start, end; /* byte range in src */
  char *message;
  char *help; /* the suggested replacement spelled out, or NULL */
  Fix fix;
  /* The fix was withheld because it also changes a file the run does not
   * lint (engine.c): the summary says how many wait for a whole-project run. */
  bool fix_outside_run;
  /* Adoption (engine/suppress.c, baseline/): a finding silenced by an inline
   * `rtlint-disable` comment is kept, marked, with the comment's `-- reason`
   * (NULL when none). Text and JSON diagnostics leave it out; SARIF emits it
   * with suppressions: [{kind: "inSource", justification}]. */
  bool suppressed;
  char *suppress_reason;
  /* With --baseline: BASELINE_UNCHANGED findings are in the baseline (left out
   * of text/JSON, SARIF baselineState "unchanged"), BASELINE_NEW are not. */
  enum { BASELINE_NONE = 0, BASELINE_NEW, BASELINE_UNCHANGED } baseline_state;
  /* How the name reached the sink through the app's own functions
   * (resolve/flow.h); empty for a sink called directly. */
  DiagStep *trail;
  size_t ntrail, trailcap;
  /* Other places the finding is about, each with what happens there (the
   * chained .on() calls of one channel, the other end of an event): notes in
   * text, "related" in JSON, relatedLocations in SARIF. */
  DiagStep *related;
  size_t nrelated, relatedcap;
  DiagOrgParam org_param;
} Diag;

typedef struct DiagList {
  Diag *items;
  size_t n, cap;
} DiagList;

/* Appends a diagnostic; message and help are copied. Returns it for fixes. */
Diag *diag_add(DiagList *list, const struct RuleMeta *rule, Severity sev, const Source *src,
               uint32_t start, uint32_t end, const char *message, const char *help);
void diag_add_edit(Diag *d, uint32_t start, uint32_t end, const char *text);
/* An edit in src (NULL or d->src: the finding's own file). */
void diag_add_edit_in(Diag *d, const Source *src, uint32_t start, uint32_t end, const char *text);
/* The file an edit of d changes. */
static inline const Source *edit_source(const Diag *d, const Edit *e) {
  return e->src ? e->src : d->src;
}
/* Whether some edit of d's fix lies in another file than d's. */
bool diag_fix_spans_files(const Diag *d);
void diag_set_fix(Diag *d, FixApplicability app, const char *title);
/* Leaves d with no fix (FIX_NONE, no edits). */
void diag_drop_fix(Diag *d);
/* Appends a link to the trail (strings copied). */
void diag_add_step(Diag *d, const char *path, uint32_t line, uint32_t col, uint32_t col_utf16,
                   const char *label);
/* Appends a related location (strings copied); false, and nothing added,
 * once the finding holds DIAG_MAX_RELATED of them. */
#define DIAG_MAX_RELATED 50
bool diag_add_related(Diag *d, const char *path, uint32_t line, uint32_t col, uint32_t col_utf16,
                      const char *label);
void diag_list_free(DiagList *list);
/* Frees what one diagnostic owns (not the diagnostic itself). */
void diag_free(Diag *d);
const char *severity_name(Severity s);
const char *fix_applicability_name(FixApplicability a);

/* A problem with a file rather than a rule finding: unreadable, not UTF-8,
 * syntax errors. Reported in every format; never stops the run. Its kind is
 * one of src_status_name()'s or NOTICE_PARSE_ERROR. */
#define NOTICE_PARSE_ERROR "parse-error"
/* A file named on the command line (or by --stdin-filename) that rtlint does
 * not lint, and why: nothing was checked. */
#define NOTICE_NOT_LINTED "not-linted"
typedef struct Notice {
  char *path;
  const char *kind; /* "unreadable", "invalid-utf8", "parse-error", ... */
  char *message;
  uint32_t line, col; /* 0 when the notice is about the whole file */
} Notice;

typedef struct NoticeList {
  Notice *items;
  size_t n, cap;
} NoticeList;

void notice_add(NoticeList *list, const char *path, const char *kind, const char *message,
                uint32_t line, uint32_t col);
void notice_list_sort(NoticeList *list);
void notice_list_free(NoticeList *list);

#endif
