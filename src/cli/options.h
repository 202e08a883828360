#ifndef RTLINT_CLI_OPTIONS_H
#define RTLINT_CLI_OPTIONS_H
#include "engine/engine.h"

#include <stdbool.h>

/* Exit codes: documented in README.md ("Exit codes") and stable. */
enum {
  EXIT_CLEAN = 0,    /* no errors; warnings within --max-warnings */
  EXIT_FINDINGS = 1, /* lint errors (or too many warnings) */
  EXIT_USAGE = 2,    /* usage, configuration or internal error */
};

typedef enum Command {
  CMD_CHECK,
  CMD_RULES,
  CMD_EXPLAIN,
  CMD_STANDARDS,
  CMD_MERGE,
  CMD_BASELINE,
  CMD_REPORT,
  CMD_INIT,
  CMD_LSP,
  CMD_GRAPH
} Command;
typedef enum Format {
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_SARIF,
  FORMAT_GITHUB,
  FORMAT_CODECLIMATE,
  FORMAT_HTML,
  FORMAT_MD,
  FORMAT_COMPACT, /* text, one line per finding */
  FORMAT_DOT      /* rtlint graph: Graphviz */
} Format;
typedef enum ColorMode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } ColorMode;

typedef struct Options {
  Command command;
  Format format;
  ColorMode color;
  const char *output;
  const char *standards;
  bool quiet;
  FixApplicability fix_level; /* FIX_NONE: report only */
  bool diff;                  /* print what --fix would change; write nothing */
  unsigned jobs;              /* -j: worker threads, 0 = one per core */
  long long file_budget;      /* --file-budget in operations; -1 = default */
  bool no_prefilter;          /* parse every file (for testing the prefilter) */
  bool no_cache;
  unsigned shard_index, shard_count; /* --shard I/N (1-based); count 0 = off */
  const char *cache_dir;             /* default: $RTLINT_CACHE_DIR or .rtlint-cache */
  long max_warnings;                 /* -1: unlimited */
  const char *sarif_category;        /* --sarif-category: automationDetails.id */
  const char *sarif_docs_url;        /* --sarif-docs-url: rule help links; NULL: RTLINT_DOCS_URL */
  char **only_rules;
  size_t nonly;
  char **disabled;
  size_t ndisabled;
  int phases[8];
  size_t nphases;
  char **paths;
  size_t npaths;
  /* Adoption (cli/adoption.c): configuration, suppressions, baseline, git. */
  const char *config;        /* --config FILE; NULL: rtlint.yaml found upwards */
  bool require_reason;       /* --require-reason */
  bool staged;               /* --staged: the git index's staged TS/TSX files */
  const char *baseline;      /* --baseline FILE */
  const char *changed_since; /* --changed-since REV */
  bool update, allow_new;    /* rtlint baseline --update [--allow-new] */
  bool paths_given;          /* PATH arguments were given (not the default ".") */
  /* --stdin-filename PATH: lint standard input as the text of PATH (also
   * set by rtlint lsp for the document it lints). paths then holds PATH
   * alone, which is linted as named: it need not exist on disk. */
  const char *stdin_filename;
  /* rtlint report */
  bool format_set;
  const char *compare; /* --compare PREV.json */
  long history;        /* --history N (0: none) */
  const char *since;   /* --since DATE */
  long every;          /* --every N */
  long dir_depth;      /* --by-dir-depth N */
  bool no_reuse;       /* --no-reuse (benchmarks) */
  /* What ESLint, ruff and biome users expect (issue 19). */
  bool fix_given;           /* --fix itself, to refuse --fix --diff */
  bool statistics;          /* --statistics: counts per rule */
  bool timing;              /* --timing: time per phase on stderr */
  const char *print_config; /* --print-config FILE */
  bool config_keys;         /* --config-keys (hidden): the loader's keys */
} Options;

/* Whether output goes out in colour: --color/--no-color (the last given),
 * else FORCE_COLOR (set and not "0" or "false": on; "0"/"false": off), else
 * NO_COLOR (set and not empty: off), else whether the output is a terminal.
 * README.md documents this order. */
bool options_color(ColorMode mode, const char *force_color, const char *no_color, bool tty);

/* Parses argv. On a usage error prints one line to stderr and returns
 * EXIT_USAGE; returns -1 to continue, or EXIT_CLEAN after --help/--version. */
int options_parse(Options *o, int argc, char **argv);
void options_free(Options *o);

/* True for a rule id; otherwise prints why not (unknown, or a notice kind
 * such as parse-error) and returns false. */
bool options_known_rule(const char *id);
/* Applies --rule/--disable/--phase to the defaults; prints and fails on an
 * unknown rule id. */
bool options_selection(const Options *o, RuleSelection *sel);
/* The cache directory this run uses, or NULL when it does not cache
 * (--no-cache, and runs that rewrite files: --fix, --diff). */
const char *options_cache_dir(const Options *o);

#endif
