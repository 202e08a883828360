#ifndef RTLINT_CLI_SESSION_H
#define RTLINT_CLI_SESSION_H
/* One lint session behind check, --staged, baseline and report: the same
 * configuration, per-file rule selection, standards, suppressions,
 * prefilter, threads, cache, --changed-since and --baseline for every
 * command, so their numbers agree. A command opens a session, reads
 * `result`, and closes it. */
#include "cli/adoption.h"
#include "engine/cache.h"

typedef struct Session {
  const Options *o;
  Adoption ad;
  FileList files;
  FileList other_shards; /* --shard: the files other shards lint */
  Standards std;
  char *learned; /* the standards module learned from, or NULL */
  Project proj;
  LintOptions run;
  Cache cache;
  bool cached;
  LintResult result;
  const ProjectFs *overlay; /* SessionNeeds.overlay */
  struct StandardsMemo *std_memo;
  /* What was set up, for session_close. */
  bool have_std, have_proj, have_result;
} Session;

/* What a command needs of the run beyond its findings. */
typedef struct SessionNeeds {
  bool cache;               /* the findings cache may serve (false: rewrites and lints again) */
  const LintFileHook *hook; /* told about each file whose rules ran (engine.h) */
  const ProjectFs *fs;      /* where files are read (NULL: the disk; --staged: the index) */
  /* Files read from memory before the disk (--stdin-filename's buffer, an
   * editor's open documents); NULL: the disk only. Outlives the session. */
  const ProjectFs *overlay;
  /* Standards kept from the previous session (rtlint lsp); NULL: learn
   * them afresh. */
  struct StandardsMemo *std_memo;
  /* rtlint graph: where the run's realtime contract goes (graph/model.h). */
  struct ContractGraph *graph;
  /* Keep fixes that also change files the run does not lint (LintOptions). */
  bool fix_unlinted;
} SessionNeeds;

/* Reads the configuration, finds the files (walk, index or shard), learns
 * the standards and lints. Returns -1 on success, else the exit status to
 * stop with (the error was printed); session_close is due either way. */
int session_open(Session *s, const Options *o, SessionNeeds needs);
/* Lints the same files again from disk (or the overlay), after fixes were
 * written, with the standards learned again: a fix may have changed them. */
void session_relint(Session *s);
void session_close(Session *s);

#endif
