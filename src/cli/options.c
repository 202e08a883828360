#include "cli/options.h"

#include "core/util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The command line from one table: every option once, with the commands that
 * take it and its help line. Usage and --help are printed from it, an option
 * given to a command that does not take it is an error, and long options
 * match exactly (getopt's prefix matching turned `--cache .` into
 * `--cache-dir .`), with "did you mean" for a near miss. */

/* Commands as bits, for the table. */
#define C_CHECK (1u << CMD_CHECK)
#define C_RULES (1u << CMD_RULES)
#define C_EXPLAIN (1u << CMD_EXPLAIN)
#define C_STANDARDS (1u << CMD_STANDARDS)
#define C_MERGE (1u << CMD_MERGE)
#define C_BASELINE (1u << CMD_BASELINE)
#define C_REPORT (1u << CMD_REPORT)
#define C_INIT (1u << CMD_INIT)
#define C_GRAPH (1u << CMD_GRAPH)
#define C_LINT (C_CHECK | C_BASELINE | C_REPORT)
/* What a lint needs to run at all (rtlint graph lints too, with its own rules). */
#define C_RUN (C_LINT | C_GRAPH)
#define C_ALL (C_RUN | C_RULES | C_EXPLAIN | C_STANDARDS | C_MERGE | C_INIT)

typedef struct OptSpec OptSpec;
/* Applies an option's value; returns false after printing why it is bad. */
typedef bool (*OptApply)(Options *o, const char *value);

struct OptSpec {
  const char *name;  /* long name, without "--" */
  char short_name;   /* 0: none */
  const char *value; /* the value's name in help, NULL: a flag */
  unsigned commands; /* C_* bits of the commands that take it */
  const char *help;  /* NULL: not shown (testing and benchmark switches) */
  OptApply apply;    /* NULL: the flag or text field at `field` is set */
  size_t field;      /* offsetof(Options, ...) + 1 when apply is NULL */
};

/* An option that only sets a field of Options: a bool flag (no value), or
 * the text of its value as given. +1 so that 0 means "no field". */
#define FIELD(f) (offsetof(Options, f) + 1)

static int usage_error(const char *fmt, const char *arg) {
  fputs("rtlint: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs(" (see rtlint --help)\n", stderr);
  return EXIT_USAGE;
}

static bool bad_value(const char *fmt, const char *arg) {
  usage_error(fmt, arg);
  return false;
}

static bool parse_long(const char *s, long lo, long hi, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < lo || v > hi)
    return false;
  *out = v;
  return true;
}

static void push(char ***arr, size_t *n, const char *s) {
  *arr = xrealloc(*arr, (*n + 1) * sizeof **arr);
  (*arr)[(*n)++] = xstrdup(s);
}

static bool set_format(Options *o, const char *v) {
  static const struct {
    const char *name;
    Format format;
    unsigned commands; /* C_* bits */
  } formats[] = {
      {"text", FORMAT_TEXT, ~(C_REPORT | C_GRAPH)},
      {"json", FORMAT_JSON, ~0u},
      {"sarif", FORMAT_SARIF, ~(C_REPORT | C_GRAPH)},
      {"github", FORMAT_GITHUB, ~(C_REPORT | C_GRAPH)},
      {"codeclimate", FORMAT_CODECLIMATE, ~(C_REPORT | C_GRAPH)},
      {"compact", FORMAT_COMPACT, ~(C_REPORT | C_GRAPH)},
      {"html", FORMAT_HTML, C_REPORT | C_GRAPH},
      {"md", FORMAT_MD, C_REPORT | C_GRAPH},
      {"markdown", FORMAT_MD, C_REPORT | C_GRAPH},
      {"dot", FORMAT_DOT, C_GRAPH},
  };
  unsigned cmd = 1u << o->command;
  o->format_set = true;
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if ((formats[i].commands & cmd) && strcmp(v, formats[i].name) == 0) {
      o->format = formats[i].format;
      return true;
    }
  if (o->command == CMD_REPORT)
    return bad_value("unknown report format '%s' (expected html, md or json)", v);
  if (o->command == CMD_GRAPH)
    return bad_value("unknown graph format '%s' (expected json, dot, md or html)", v);
  return bad_value(
      "unknown format '%s' (expected text, compact, json, sarif, github or codeclimate)", v);
}

/* SARIF for code scanning (docs/ci.md). */
static bool set_sarif_category(Options *o, const char *v) {
  if (!*v || strchr(v, '\n'))
    return bad_value("--sarif-category expects a name such as rtlint or frontend/rtlint, not '%s'",
                     v);
  o->sarif_category = v;
  return true;
}

static bool set_sarif_docs_url(Options *o, const char *v) {
  if (strncmp(v, "https://", 8) != 0 && strncmp(v, "http://", 7) != 0)
    return bad_value("--sarif-docs-url expects an absolute http(s) URL of a docs folder, not '%s'",
                     v);
  o->sarif_docs_url = v;
  return true;
}

static bool add_rule(Options *o, const char *v) {
  push(&o->only_rules, &o->nonly, v);
  return true;
}

static bool add_disabled(Options *o, const char *v) {
  push(&o->disabled, &o->ndisabled, v);
  return true;
}

static bool add_phase(Options *o, const char *v) {
  long n;
  if (!parse_long(v, 1, 4, &n))
    return bad_value("--phase expects 1, 2, 3 or 4, not '%s'", v);
  if (o->nphases < sizeof o->phases / sizeof o->phases[0])
    o->phases[o->nphases++] = (int)n;
  return true;
}

static bool set_color(Options *o, const char *v) {
  if (strcmp(v, "auto") == 0)
    o->color = COLOR_AUTO;
  else if (strcmp(v, "always") == 0)
    o->color = COLOR_ALWAYS;
  else if (strcmp(v, "never") == 0)
    o->color = COLOR_NEVER;
  else
    return bad_value("--color expects auto, always or never, not '%s'", v);
  return true;
}

static bool set_no_color(Options *o, const char *v) {
  (void)v;
  o->color = COLOR_NEVER;
  return true;
}

bool options_color(ColorMode mode, const char *force_color, const char *no_color, bool tty) {
  if (mode != COLOR_AUTO)
    return mode == COLOR_ALWAYS;
  if (force_color && *force_color)
    return strcmp(force_color, "0") != 0 && strcmp(force_color, "false") != 0;
  if (no_color && *no_color)
    return false;
  return tty;
}

static bool set_max_warnings(Options *o, const char *v) {
  if (!parse_long(v, 0, 1000000000L, &o->max_warnings))
    return bad_value("--max-warnings expects a number >= 0, not '%s'", v);
  return true;
}

static bool set_fix(Options *o, const char *v) {
  (void)v;
  o->fix_given = true;
  if (o->fix_level == FIX_NONE)
    o->fix_level = FIX_SAFE;
  return true;
}

static bool set_fix_suggestions(Options *o, const char *v) {
  (void)v;
  o->fix_level = FIX_SUGGESTION;
  return true;
}

static bool set_file_budget(Options *o, const char *v) {
  char *end;
  double millions = strtod(v, &end);
  if (end == v || *end || !(millions >= 0) || millions > 1e9)
    return bad_value("--file-budget expects a number of millions from 0 up, not '%s'", v);
  o->file_budget = (long long)(millions * 1e6);
  return true;
}

static bool set_jobs(Options *o, const char *v) {
  long n;
  if (!parse_long(v, 1, 256, &n))
    return bad_value("--jobs expects a number from 1 to 256, not '%s'", v);
  o->jobs = (unsigned)n;
  return true;
}

static bool set_shard(Options *o, const char *v) {
  unsigned index, count;
  char extra;
  if (sscanf(v, "%u/%u%c", &index, &count, &extra) != 2 || count == 0 || index == 0 ||
      index > count)
    return bad_value("--shard expects I/N with 1 <= I <= N, not '%s'", v);
  o->shard_index = index;
  o->shard_count = count;
  return true;
}

static bool set_history(Options *o, const char *v) {
  if (!parse_long(v, 1, 100000, &o->history))
    return bad_value("--history expects a number of commits >= 1, not '%s'", v);
  return true;
}

static bool set_every(Options *o, const char *v) {
  if (!parse_long(v, 1, 100000, &o->every))
    return bad_value("--every expects a number >= 1, not '%s'", v);
  return true;
}

static bool set_dir_depth(Options *o, const char *v) {
  if (!parse_long(v, 1, 8, &o->dir_depth))
    return bad_value("--by-dir-depth expects 1 to 8, not '%s'", v);
  return true;
}

/* --help and --version are handled by the parser itself. */
static const OptSpec option_table[] = {
    {"format", 'f', "FORMAT", C_CHECK,
     "text (default), compact (one line per finding), json, sarif (SARIF 2.1.0 for code "
     "scanning), github (GitHub Actions annotations) or codeclimate (GitLab Code Quality); see "
     "docs/ci.md",
     set_format, 0},
    {"sarif-category", 0, "NAME", C_CHECK,
     "with --format sarif: automationDetails.id, code scanning's category of the run",
     set_sarif_category, 0},
    {"sarif-docs-url", 0, "URL", C_CHECK,
     "with --format sarif: the docs folder rule help links to (default " RTLINT_DOCS_URL ")",
     set_sarif_docs_url, 0},
    {"format", 'f', "FORMAT", C_REPORT, "md (default), html or json", set_format, 0},
    {"format", 'f', "FORMAT", C_RULES, "text (default) or json", set_format, 0},
    {"format", 'f', "FORMAT", C_GRAPH,
     "json (default; schemas/rtlint-graph.schema.json), dot, md or html", set_format, 0},
    {"output", 'o', "FILE", C_CHECK | C_REPORT | C_MERGE | C_GRAPH, "write the report to FILE",
     NULL, FIELD(output)},
    {"rule", 0, "ID", C_LINT, "run only this rule (repeatable)", add_rule, 0},
    {"disable", 0, "ID", C_LINT, "do not run this rule (repeatable)", add_disabled, 0},
    {"phase", 0, "N", C_LINT,
     "only rules of migration phase N (1-4; repeatable); rules for every phase always run",
     add_phase, 0},
    {"standards", 0, "FILE", C_RUN | C_STANDARDS, "read UNIFIED_CHANNELS/UNIFIED_EVENTS from FILE",
     NULL, FIELD(standards)},
    {"config", 0, "FILE", C_RUN | C_STANDARDS,
     "read FILE instead of the rtlint.yaml found upwards from the paths", NULL, FIELD(config)},
    {"color", 0, "WHEN", C_CHECK,
     "auto (default), always or never; auto honours FORCE_COLOR, then NO_COLOR", set_color, 0},
    {"quiet", 'q', NULL, C_CHECK, "report errors only (no warnings, no notices)", NULL,
     FIELD(quiet)},
    {"max-warnings", 0, "N", C_CHECK, "exit 1 when there are more than N warnings",
     set_max_warnings, 0},
    {"fix", 0, NULL, C_CHECK, "apply safe fixes, then report what remains", set_fix, 0},
    {"fix-suggestions", 0, NULL, C_CHECK, "also apply suggested fixes (review the result)",
     set_fix_suggestions, 0},
    {"diff", 0, NULL, C_CHECK, "print the fixes as a unified diff; change nothing", NULL,
     FIELD(diff)},
    {"jobs", 'j', "N", C_RUN, "worker threads (default: one per core)", set_jobs, 0},
    {"cache-dir", 0, "DIR", C_RUN,
     "keep per-file results in DIR (default: $RTLINT_CACHE_DIR or .rtlint-cache)", NULL,
     FIELD(cache_dir)},
    {"no-cache", 0, NULL, C_RUN, "do not read or write the cache", NULL, FIELD(no_cache)},
    {"no-prefilter", 0, NULL, C_RUN, NULL, NULL, FIELD(no_prefilter)},
    {"file-budget", 0, "N", C_RUN,
     "skip a file after N million operations (default 500; 0: no limit)", set_file_budget, 0},
    {"shard", 0, "I/N", C_CHECK, "lint only the I-th of N deterministic parts of the files",
     set_shard, 0},
    {"staged", 0, NULL, C_CHECK | C_BASELINE, "lint the staged content of staged files (git index)",
     NULL, FIELD(staged)},
    {"baseline", 0, "FILE", C_CHECK | C_BASELINE,
     "report only findings not in FILE; baseline: the file to write", NULL, FIELD(baseline)},
    {"stdin-filename", 0, "PATH", C_CHECK,
     "lint standard input as the text of PATH (its project, configuration and imports from "
     "disk); with --fix print the fixed text, write nothing",
     NULL, FIELD(stdin_filename)},
    {"changed-since", 0, "REV", C_CHECK, "only report findings on lines changed since REV", NULL,
     FIELD(changed_since)},
    {"require-reason", 0, NULL, C_LINT, "an rtlint-disable comment must say why (-- reason)", NULL,
     FIELD(require_reason)},
    {"update", 0, NULL, C_BASELINE, "drop fixed findings from the baseline", NULL, FIELD(update)},
    {"allow-new", 0, NULL, C_BASELINE, "with --update: also add the new findings", NULL,
     FIELD(allow_new)},
    {"compare", 0, "PREV.json", C_REPORT, "show the change since a previous JSON report", NULL,
     FIELD(compare)},
    {"history", 0, "N", C_REPORT, "also measure the last N commits of the first-parent line",
     set_history, 0},
    {"since", 0, "DATE", C_REPORT, "measure the commits since DATE (YYYY-MM-DD)", NULL,
     FIELD(since)},
    {"every", 0, "N", C_REPORT, "with --history/--since: keep every N-th commit", set_every, 0},
    {"by-dir-depth", 0, "N", C_REPORT, "group findings by directories N levels deep", set_dir_depth,
     0},
    {"no-reuse", 0, NULL, C_REPORT, NULL, NULL, FIELD(no_reuse)},
    /* What ESLint, ruff and biome users reach for (issue 19). */
    {"no-color", 0, NULL, C_CHECK, "no colour (the same as --color never)", set_no_color, 0},
    {"statistics", 0, NULL, C_CHECK, "how many findings each rule has, in place of the findings",
     NULL, FIELD(statistics)},
    {"timing", 0, NULL, C_CHECK,
     "print the time of each phase and the slowest rules and files on stderr", NULL, FIELD(timing)},
    {"print-config", 0, "FILE", C_CHECK,
     "print the configuration that applies to FILE (after overrides) as YAML; lint nothing", NULL,
     FIELD(print_config)},
    {"config-keys", 0, NULL, C_CHECK, NULL, NULL, FIELD(config_keys)},
};
#define NOPTIONS (sizeof option_table / sizeof option_table[0])

static const struct {
  const char *word;
  Command command;
  const char *synopsis;
} commands[] = {
    {"check", CMD_CHECK, "rtlint [check] [OPTIONS] [PATH...]      lint files (default: .)"},
    {"rules", CMD_RULES, "rtlint rules [--format json]            list the rules"},
    {"explain", CMD_EXPLAIN, "rtlint explain RULE                     a rule's documentation"},
    {"standards", CMD_STANDARDS,
     "rtlint standards [OPTIONS] [PATH...]    the channel/event catalog in use"},
    {"merge", CMD_MERGE, "rtlint merge SHARD... [-o FILE]         combine --shard outputs"},
    {"baseline", CMD_BASELINE,
     "rtlint baseline [OPTIONS] [PATH...]     take or --update the ratchet file"},
    {"report", CMD_REPORT,
     "rtlint report [OPTIONS] [PATH...]       migration progress (docs/report.md)"},
    {"init", CMD_INIT, "rtlint init [DIR]                       write a commented rtlint.yaml"},
    {"lsp", CMD_LSP,
     "rtlint lsp                              language server on stdio (docs/editors.md)"},
    {"graph", CMD_GRAPH,
     "rtlint graph [OPTIONS] [PATH...]        who sends and hears what (docs/contract.md)"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char *command_name(Command c) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (commands[i].command == c)
      return commands[i].word;
  return "check";
}

static bool command_word(Options *o, const char *word) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(word, commands[i].word) == 0) {
      o->command = commands[i].command;
      return true;
    }
  return false;
}

/* Writes text after column `indent` (the cursor is there), each word after
 * a space, breaking lines between words before column `width`. */
static void put_wrapped(FILE *f, const char *text, int indent, int width) {
  int col = indent;
  for (const char *p = text; *p;) {
    while (*p == ' ')
      p++;
    size_t n = strcspn(p, " ");
    if (col > indent && col + 1 + (int)n > width) {
      fprintf(f, "\n%*s", indent, "");
      col = indent;
    }
    fprintf(f, " %.*s", (int)n, p);
    col += (int)n + 1;
    p += n;
  }
  fputc('\n', f);
}

/* Help for one command (--help after a command word), or the overview. */
static void print_help(FILE *f, Command cmd, bool overview) {
  fputs("Usage:\n", f);
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (overview || commands[i].command == cmd)
      fprintf(f, "  %s\n", commands[i].synopsis);
  if (overview)
    fputs("\nLints TypeScript/TSX files against the Campfire unified realtime standards.\n"
          "PATH defaults to '.'; directories are walked, skipping node_modules and what\n"
          ".gitignore ignores. `rtlint COMMAND --help` lists that command's options.\n",
          f);
  fprintf(f, "\nOptions%s%s%s:\n", overview ? "" : " of rtlint ", overview ? "" : command_name(cmd),
          overview ? " (check)" : "");
  unsigned bit = 1u << cmd;
  for (size_t i = 0; i < NOPTIONS; i++) {
    const OptSpec *s = &option_table[i];
    if (!s->help || !(s->commands & bit))
      continue;
    char left[48];
    snprintf(left, sizeof left, "%c%c%s--%s%s%s", s->short_name ? '-' : ' ',
             s->short_name ? s->short_name : ' ', s->short_name ? ", " : "  ", s->name,
             s->value ? " " : "", s->value ? s->value : "");
    fprintf(f, "  %-26s", left);
    put_wrapped(f, s->help, 28, 79);
  }
  fprintf(f, "  %-26s %s\n  %-26s %s\n", "-h, --help", "show this help", "-V, --version",
          "show the version");
  fputs("\nExit status: 0 no errors, 1 lint errors found, 2 usage or internal error.\n", f);
}

/* The parser's versions too: a parse notice may be a grammar limitation. */
static void print_version(void) {
  printf("rtlint %s (tree-sitter %s, tree-sitter-typescript %s)\n", RTLINT_VERSION,
         RTLINT_TREE_SITTER_VERSION, RTLINT_GRAMMAR_VERSION);
}

/* The entry for a name: the command's own when several commands spell an
 * option alike (--format), else any (for the "belongs to" message). */
static const OptSpec *find_long(const char *name, size_t len, Command cmd) {
  const OptSpec *any = NULL;
  for (size_t i = 0; i < NOPTIONS; i++) {
    const OptSpec *s = &option_table[i];
    if (strlen(s->name) != len || strncmp(s->name, name, len) != 0)
      continue;
    if (s->commands & (1u << cmd))
      return s;
    any = any ? any : s;
  }
  return any;
}

static const OptSpec *find_short(char c, Command cmd) {
  const OptSpec *any = NULL;
  for (size_t i = 0; i < NOPTIONS; i++) {
    const OptSpec *s = &option_table[i];
    if (s->short_name != c)
      continue;
    if (s->commands & (1u << cmd))
      return s;
    any = any ? any : s;
  }
  return any;
}

/* The closest of `n` names to `word` when it is a plausible typo. */
static const char *closest(const char *word, const char *const *names, size_t n) {
  const char *best = NULL;
  size_t best_d = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    size_t d = str_edit_distance(word, names[i]);
    if (d < best_d) {
      best_d = d;
      best = names[i];
    }
  }
  size_t len = strlen(word);
  if (best && best_d <= (len < 6 ? 1 : len < 12 ? 2 : 3))
    return best;
  /* `--cache` for `--cache-dir`: the start of exactly one name. */
  const char *prefixed = NULL;
  for (size_t i = 0; i < n; i++)
    if (len >= 3 && strncmp(names[i], word, len) == 0) {
      if (prefixed)
        return NULL;
      prefixed = names[i];
    }
  return prefixed;
}

static int unknown_long(const char *arg, size_t len) {
  const char *names[NOPTIONS + 2];
  for (size_t i = 0; i < NOPTIONS; i++)
    names[i] = option_table[i].name;
  names[NOPTIONS] = "help";
  names[NOPTIONS + 1] = "version";
  char *word = xstrndup(arg, len);
  const char *near = closest(word, names, NOPTIONS + 2);
  if (near)
    fprintf(stderr, "rtlint: unknown option '--%s'; did you mean '--%s'? (see rtlint --help)\n",
            word, near);
  else
    fprintf(stderr, "rtlint: unknown option '--%s' (see rtlint --help)\n", word);
  free(word);
  return EXIT_USAGE;
}

static int wrong_command(const OptSpec *s, Command cmd) {
  StrBuf which = {0};
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (s->commands & (1u << commands[i].command))
      sb_appendf(&which, "%s%s", which.len ? ", " : "", commands[i].word);
  fprintf(stderr, "rtlint: --%s is not an option of rtlint %s (it belongs to: %s)\n", s->name,
          command_name(cmd), sb_cstr(&which));
  sb_free(&which);
  return EXIT_USAGE;
}

/* True when argv[i] is the value of the option before it (`-o report`). */
static bool is_option_value(char **argv, int i) {
  const char *prev = argv[i - 1];
  if (prev[0] != '-' || strchr(prev, '='))
    return false;
  const OptSpec *s = prev[1] == '-' ? find_long(prev + 2, strlen(prev + 2), CMD_CHECK)
                     : prev[2]      ? NULL
                                    : find_short(prev[1], CMD_CHECK);
  return s && s->value;
}

/* `rtlint --no-cache report ...`: a command word after options would be
 * taken for a path; say so instead of failing on what follows. */
static int misplaced_command(int argc, char **argv) {
  for (int i = 2; i < argc; i++) {
    Options probe;
    if (argv[i][0] != '-' && !is_option_value(argv, i) && command_word(&probe, argv[i]) &&
        probe.command != CMD_CHECK && access(argv[i], F_OK) != 0)
      return usage_error("'%s' is a command: put it first, before the options", argv[i]);
  }
  return -1;
}

/* Applies one option; *i is advanced past a value taken from the next word.
 * Returns -1 to go on, or an exit status. */
static int take_option(Options *o, const OptSpec *s, const char *inline_value, int argc,
                       char **argv, int *i, const char *spelled) {
  if (!(s->commands & (1u << o->command)))
    return wrong_command(s, o->command);
  const char *value = inline_value;
  if (s->value && !value) {
    if (*i + 1 >= argc)
      return usage_error("option '%s' needs a value", spelled);
    value = argv[++*i];
  } else if (!s->value && inline_value) {
    fprintf(stderr, "rtlint: --%s takes no value\n", s->name);
    return EXIT_USAGE;
  }
  if (s->apply)
    return s->apply(o, value) ? -1 : EXIT_USAGE;
  char *field = (char *)o + s->field - 1;
  if (s->value)
    *(const char **)field = value;
  else
    *(bool *)field = true;
  return -1;
}

static int parse_words(Options *o, int argc, char **argv) {
  bool options_done = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (options_done || arg[0] != '-' || arg[1] == '\0') {
      push(&o->paths, &o->npaths, arg);
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      options_done = true;
      continue;
    }
    if (arg[1] == '-') {
      const char *name = arg + 2, *eq = strchr(name, '=');
      size_t len = eq ? (size_t)(eq - name) : strlen(name);
      if (mem_eq_str(name, len, "help")) {
        print_help(stdout, o->command, o->command == CMD_CHECK);
        return EXIT_CLEAN;
      }
      if (mem_eq_str(name, len, "version")) {
        print_version();
        return EXIT_CLEAN;
      }
      const OptSpec *s = find_long(name, len, o->command);
      if (!s)
        return unknown_long(name, len);
      int st = take_option(o, s, eq ? eq + 1 : NULL, argc, argv, &i, arg);
      if (st >= 0)
        return st;
      continue;
    }
    /* Short options, possibly grouped (-qj2, -j 2). */
    for (const char *p = arg + 1; *p; p++) {
      if (*p == 'h') {
        print_help(stdout, o->command, o->command == CMD_CHECK);
        return EXIT_CLEAN;
      }
      if (*p == 'V') {
        print_version();
        return EXIT_CLEAN;
      }
      const OptSpec *s = find_short(*p, o->command);
      if (!s) {
        char spelled[3] = {'-', *p, '\0'};
        return usage_error("unknown option '%s'", spelled);
      }
      char spelled[3] = {'-', *p, '\0'};
      int st = take_option(o, s, s->value && p[1] ? p + 1 : NULL, argc, argv, &i, spelled);
      if (st >= 0)
        return st;
      if (s->value)
        break; /* the rest of the word was its value */
    }
  }
  return -1;
}

/* `rtlint lint .`: the first word is neither a command nor a path. A word
 * with a slash or a dot is a path, and "-" is no command: their own errors
 * name them. */
static int unknown_command(const char *word) {
  if (word[0] == '-' || strchr(word, '/') || strchr(word, '.') || access(word, F_OK) == 0)
    return -1;
  const char *names[NCOMMANDS];
  StrBuf list = {0};
  for (size_t i = 0; i < NCOMMANDS; i++) {
    names[i] = commands[i].word;
    sb_appendf(&list, "%s%s", i ? ", " : "", commands[i].word);
  }
  /* ESLint's and biome's word for what rtlint calls check. */
  const char *near = strcmp(word, "lint") == 0 ? "check" : closest(word, names, NCOMMANDS);
  fprintf(stderr, "rtlint: no such command or path '%s'", word);
  if (near)
    fprintf(stderr, "; did you mean '%s'?", near);
  fprintf(stderr, " (commands: %s; see rtlint --help)\n", sb_cstr(&list));
  sb_free(&list);
  return EXIT_USAGE;
}

/* Options that contradict each other: an error that says what to do rather
 * than one of them silently winning. */
static int conflicting_options(const Options *o) {
  if (o->fix_given && o->diff)
    return usage_error("%s", "--fix writes the fixes and --diff only prints them: give one "
                             "(--diff --fix-suggestions prints the suggested fixes too)");
  if (o->diff && o->format_set && o->format != FORMAT_TEXT)
    return usage_error("%s", "--diff prints a unified diff, not a report: drop --format");
  if (o->quiet && o->max_warnings >= 0)
    return usage_error("%s", "--quiet hides warnings, so --max-warnings could never be exceeded: "
                             "give one");
  if (o->diff && o->statistics)
    return usage_error("%s", "--diff prints a unified diff, not findings to count: drop "
                             "--statistics");
  if (o->statistics && o->format != FORMAT_TEXT && o->format != FORMAT_COMPACT)
    return usage_error("%s", "--statistics goes with the text and compact formats (JSON and "
                             "SARIF carry every finding: count them there)");
  if (o->print_config && (o->fix_level != FIX_NONE || o->diff || o->staged || o->statistics ||
                          o->timing || o->format_set || o->output || o->npaths))
    return usage_error("%s", "--print-config FILE prints a configuration and lints nothing: give "
                             "it alone (with --config FILE at most)");
  return -1;
}

int options_parse(Options *o, int argc, char **argv) {
  memset(o, 0, sizeof *o);
  o->max_warnings = -1;
  o->file_budget = -1;
  /* A leading subcommand word: `rtlint rules`, `rtlint check src`. */
  bool command_given = argc > 1 && command_word(o, argv[1]);
  if (command_given) {
    argc--;
    argv++;
  } else if (misplaced_command(argc, argv) >= 0) {
    return EXIT_USAGE;
  }
  int status = parse_words(o, argc, argv);
  if (status >= 0)
    return status;
  if (!command_given && o->npaths && unknown_command(o->paths[0]) >= 0)
    return EXIT_USAGE;
  if ((status = conflicting_options(o)) >= 0)
    return status;
  if (o->diff && o->fix_level == FIX_NONE)
    o->fix_level = FIX_SAFE;
  if (o->command == CMD_EXPLAIN && o->npaths != 1)
    return usage_error("%s", "explain takes exactly one rule id");
  if ((o->command == CMD_RULES || o->command == CMD_LSP) && o->npaths)
    return usage_error("unexpected argument '%s'", o->paths[0]);
  if (o->command == CMD_REPORT) {
    if (!o->format_set)
      o->format = FORMAT_MD;
    if (o->history && o->since)
      return usage_error("%s", "--history and --since exclude each other");
    if (o->every && !o->since && !o->history)
      return usage_error("%s", "--every needs --since DATE or --history N");
  }
  if (o->command == CMD_GRAPH && !o->format_set)
    o->format = FORMAT_JSON;
  if (o->command == CMD_INIT && o->npaths > 1)
    return usage_error("%s", "init takes at most one folder (default: .)");
  if ((o->sarif_category || o->sarif_docs_url) && o->format != FORMAT_SARIF)
    return usage_error("%s", "--sarif-category and --sarif-docs-url go with --format sarif");
  if (o->command == CMD_MERGE && o->npaths == 0)
    return usage_error("%s", "merge needs the SARIF or JSON files of the shards");
  o->paths_given = o->npaths > 0;
  if (o->allow_new && !o->update)
    return usage_error("%s", "--allow-new only goes with rtlint baseline --update");
  if (o->staged && o->paths_given)
    return usage_error("%s", "--staged lints the staged files: give no PATH");
  if (o->staged && (o->fix_level != FIX_NONE))
    return usage_error("%s", "--staged cannot be combined with --fix or --diff (the index is not "
                             "the working tree)");
  if (o->stdin_filename) {
    if (o->paths_given)
      return usage_error("%s", "--stdin-filename names the file standard input stands for: give "
                               "no PATH");
    if (o->staged || o->shard_count || o->changed_since)
      return usage_error("%s", "--stdin-filename lints one buffer: not with --staged, --shard or "
                               "--changed-since");
    if (!*o->stdin_filename)
      return usage_error("%s", "--stdin-filename needs a path");
    push(&o->paths, &o->npaths, o->stdin_filename);
  }
  if ((o->command == CMD_CHECK || o->command == CMD_STANDARDS || o->command == CMD_BASELINE ||
       o->command == CMD_REPORT || o->command == CMD_INIT) &&
      o->npaths == 0)
    push(&o->paths, &o->npaths, ".");
  return -1;
}

void options_free(Options *o) {
  for (size_t i = 0; i < o->nonly; i++)
    free(o->only_rules[i]);
  free(o->only_rules);
  for (size_t i = 0; i < o->ndisabled; i++)
    free(o->disabled[i]);
  free(o->disabled);
  for (size_t i = 0; i < o->npaths; i++)
    free(o->paths[i]);
  free(o->paths);
}

static bool notice_kind(const char *id) {
  if (strcmp(id, NOTICE_PARSE_ERROR) == 0 || strcmp(id, NOTICE_NOT_LINTED) == 0)
    return true;
  for (SourceStatus st = SOURCE_UNREADABLE; st <= SOURCE_INVALID_UTF8; st++)
    if (strcmp(id, src_status_name(st)) == 0)
      return true;
  return false;
}

bool options_known_rule(const char *id) {
  if (rules_find(id))
    return true;
  if (notice_kind(id)) /* JSON, SARIF and Code Climate name notice kinds */
    fprintf(stderr,
            "rtlint: '%s' is not a rule but a kind of notice (a file rtlint could not fully "
            "check); notices never fail a run, and --quiet hides them\n",
            id);
  else {
    const char *ids[RULES_MAX];
    for (size_t i = 0; i < rules_count; i++)
      ids[i] = rules_all[i]->id;
    const char *near = closest(id, ids, rules_count);
    if (near)
      fprintf(stderr, "rtlint: unknown rule '%s'; did you mean '%s'? (see rtlint rules)\n", id,
              near);
    else
      fprintf(stderr, "rtlint: unknown rule '%s' (see rtlint rules)\n", id);
  }
  return false;
}

bool options_selection(const Options *o, RuleSelection *sel) {
  selection_defaults(sel);
  for (size_t i = 0; i < o->nonly; i++)
    if (!options_known_rule(o->only_rules[i]))
      return false;
  for (size_t i = 0; i < o->ndisabled; i++)
    if (!options_known_rule(o->disabled[i]))
      return false;
  for (size_t r = 0; r < rules_count; r++) {
    const RuleMeta *rule = rules_all[r];
    bool keep = true;
    if (o->nonly) {
      keep = false;
      for (size_t i = 0; i < o->nonly; i++)
        keep = keep || strcmp(o->only_rules[i], rule->id) == 0;
    }
    for (size_t i = 0; i < o->ndisabled; i++)
      if (strcmp(o->disabled[i], rule->id) == 0)
        keep = false;
    if (o->nphases && rule->phase != PHASE_ALL) {
      bool in_phase = false;
      for (size_t i = 0; i < o->nphases; i++)
        in_phase = in_phase || o->phases[i] == rule->phase;
      keep = keep && in_phase;
    }
    if (!keep)
      sel->severity[r] = SEV_OFF;
  }
  return true;
}

const char *options_cache_dir(const Options *o) {
  /* A buffer is not the file its stamp describes. */
  if (o->no_cache || o->diff || o->fix_level != FIX_NONE || o->stdin_filename)
    return NULL;
  const char *dir = o->cache_dir ? o->cache_dir : getenv("RTLINT_CACHE_DIR");
  return dir && *dir ? dir : ".rtlint-cache";
}
