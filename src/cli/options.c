#include "cli/options.h"

#include "core/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: rtlint [check] [OPTIONS] [PATH...]\n"
    "       rtlint rules | explain RULE | standards [--standards FILE] [PATH...]\n"
    "       rtlint merge SHARD.sarif|SHARD.json... [-o FILE]\n"
    "       rtlint baseline [--update [--allow-new]] [--baseline FILE] [PATH...]\n"
    "       rtlint report [PATH...] --format html|md|json [--output FILE]\n"
    "              [--compare PREV.json] [--history N | --since DATE [--every N]]\n"
    "              [--by-dir-depth N]   migration progress (see docs/report.md)\n"
    "\n"
    "Lints TypeScript/TSX files against the Campfire unified realtime standards.\n"
    "PATH defaults to '.'; directories are walked, skipping node_modules and\n"
    "what .gitignore ignores.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT     text (default), json, sarif (SARIF 2.1.0 for code\n"
    "                          scanning), github (GitHub Actions annotations) or\n"
    "                          codeclimate (GitLab Code Quality); see docs/ci.md\n"
    "  -o, --output FILE       write the report to FILE instead of stdout\n"
    "      --rule ID           run only this rule (repeatable)\n"
    "      --disable ID        do not run this rule (repeatable)\n"
    "      --phase N           only rules of migration phase N (1-4; repeatable);\n"
    "                          rules for every phase always run\n"
    "      --standards FILE    read UNIFIED_CHANNELS/UNIFIED_EVENTS from FILE\n"
    "      --color WHEN        auto (default), always or never; NO_COLOR is honoured\n"
    "  -q, --quiet             report errors only\n"
    "      --fix               apply safe fixes, then report what remains\n"
    "      --fix-suggestions   also apply suggested fixes (review the result)\n"
    "      --diff              print the fixes as a unified diff; change nothing\n"
    "  -j, --jobs N            worker threads (default: one per core)\n"
    "  --file-budget N         skip a file after N million operations (default 500; 0: no limit)\n"
    "      --cache-dir DIR     keep per-file results in DIR (default: $RTLINT_CACHE_DIR\n"
    "                          or .rtlint-cache)\n"
    "      --no-cache          do not read or write the cache\n"
    "      --shard I/N         lint only the I-th of N deterministic parts of the files\n"
    "      --max-warnings N    exit 1 when there are more than N warnings\n"
    "      --config FILE       read FILE instead of the rtlint.yaml found upwards\n"
    "      --staged            lint the staged content of staged files (git index)\n"
    "      --baseline FILE     report only findings not in FILE (see rtlint baseline)\n"
    "      --changed-since REV only report findings on lines changed since REV\n"
    "      --require-reason    an rtlint-disable comment must say why (-- reason)\n"
    "      --update            rtlint baseline: drop fixed findings from the baseline\n"
    "      --allow-new         with --update: also add the new findings\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n"
    "\n"
    "Exit status: 0 no errors, 1 lint errors found, 2 usage or internal error.\n";

enum {
  OPT_RULE = 256,
  OPT_DISABLE,
  OPT_PHASE,
  OPT_STANDARDS,
  OPT_COLOR,
  OPT_MAX_WARNINGS,
  OPT_FIX,
  OPT_FIX_SUGGESTIONS,
  OPT_DIFF,
  OPT_NO_PREFILTER,
  OPT_FILE_BUDGET,
  OPT_CACHE_DIR,
  OPT_NO_CACHE,
  OPT_SHARD,
  OPT_CONFIG,
  OPT_REQUIRE_REASON,
  OPT_STAGED,
  OPT_BASELINE,
  OPT_CHANGED_SINCE,
  OPT_UPDATE,
  OPT_ALLOW_NEW,
  OPT_COMPARE,
  OPT_HISTORY,
  OPT_SINCE,
  OPT_EVERY,
  OPT_DIR_DEPTH,
  OPT_NO_REUSE,
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"rule", required_argument, NULL, OPT_RULE},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"phase", required_argument, NULL, OPT_PHASE},
    {"standards", required_argument, NULL, OPT_STANDARDS},
    {"color", required_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"max-warnings", required_argument, NULL, OPT_MAX_WARNINGS},
    {"fix", no_argument, NULL, OPT_FIX},
    {"fix-suggestions", no_argument, NULL, OPT_FIX_SUGGESTIONS},
    {"diff", no_argument, NULL, OPT_DIFF},
    {"jobs", required_argument, NULL, 'j'},
    {"file-budget", required_argument, NULL, OPT_FILE_BUDGET},
    {"no-prefilter", no_argument, NULL, OPT_NO_PREFILTER},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"no-cache", no_argument, NULL, OPT_NO_CACHE},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"require-reason", no_argument, NULL, OPT_REQUIRE_REASON},
    {"staged", no_argument, NULL, OPT_STAGED},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"changed-since", required_argument, NULL, OPT_CHANGED_SINCE},
    {"update", no_argument, NULL, OPT_UPDATE},
    {"allow-new", no_argument, NULL, OPT_ALLOW_NEW},
    {"compare", required_argument, NULL, OPT_COMPARE},
    {"history", required_argument, NULL, OPT_HISTORY},
    {"since", required_argument, NULL, OPT_SINCE},
    {"every", required_argument, NULL, OPT_EVERY},
    {"by-dir-depth", required_argument, NULL, OPT_DIR_DEPTH},
    {"no-reuse", no_argument, NULL, OPT_NO_REUSE},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *fmt, const char *arg) {
  fputs("rtlint: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs(" (see rtlint --help)\n", stderr);
  return EXIT_USAGE;
}

static bool parse_long(const char *s, long lo, long hi, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < lo || v > hi)
    return false;
  *out = v;
  return true;
}

static bool parse_format(const char *s, Format *out) {
  static const struct {
    const char *name;
    Format format;
  } formats[] = {
      {"text", FORMAT_TEXT},
      {"json", FORMAT_JSON},
      {"sarif", FORMAT_SARIF},
      {"github", FORMAT_GITHUB},
      {"codeclimate", FORMAT_CODECLIMATE},
  };
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(s, formats[i].name) == 0) {
      *out = formats[i].format;
      return true;
    }
  return false;
}

static void push(char ***arr, size_t *n, const char *s) {
  *arr = xrealloc(*arr, (*n + 1) * sizeof **arr);
  (*arr)[(*n)++] = xstrdup(s);
}

static bool command_word(Options *o, const char *word) {
  static const struct {
    const char *word;
    Command command;
  } words[] = {
      {"check", CMD_CHECK},         {"rules", CMD_RULES}, {"explain", CMD_EXPLAIN},
      {"standards", CMD_STANDARDS}, {"merge", CMD_MERGE}, {"baseline", CMD_BASELINE},
      {"report", CMD_REPORT},
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strcmp(word, words[i].word) == 0) {
      o->command = words[i].command;
      return true;
    }
  return false;
}

/* True when argv[i] is the value of the option before it (`-o report`). */
static bool is_option_value(char **argv, int i) {
  const char *prev = argv[i - 1];
  if (prev[0] != '-' || strchr(prev, '='))
    return false;
  if (prev[1] != '-')
    return prev[2] == '\0' && strchr("foj", prev[1]) != NULL;
  for (const struct option *opt = long_options; opt->name; opt++)
    if (strcmp(prev + 2, opt->name) == 0)
      return opt->has_arg == required_argument;
  return false;
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

int options_parse(Options *o, int argc, char **argv) {
  memset(o, 0, sizeof *o);
  o->max_warnings = -1;
  o->file_budget = -1;
  optind = 1;
  opterr = 0;
  /* A leading subcommand word: `rtlint rules`, `rtlint check src`. */
  if (argc > 1 && command_word(o, argv[1])) {
    argc--;
    argv++;
  } else if (misplaced_command(argc, argv) >= 0) {
    return EXIT_USAGE;
  }
  int c;
  while ((c = getopt_long(argc, argv, ":f:o:j:qhV", long_options, NULL)) != -1) {
    long n;
    switch (c) {
    case 'f':
      o->format_set = true;
      if (o->command == CMD_REPORT) {
        if (strcmp(optarg, "html") == 0)
          o->format = FORMAT_HTML;
        else if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
          o->format = FORMAT_MD;
        else if (strcmp(optarg, "json") == 0)
          o->format = FORMAT_JSON;
        else
          return usage_error("unknown report format '%s' (expected html, md or json)", optarg);
      } else if (!parse_format(optarg, &o->format)) {
        return usage_error(
            "unknown format '%s' (expected text, json, sarif, github or codeclimate)", optarg);
      }
      break;
    case OPT_COMPARE:
      o->compare = optarg;
      break;
    case OPT_HISTORY:
      if (!parse_long(optarg, 1, 100000, &n))
        return usage_error("--history expects a number of commits >= 1, not '%s'", optarg);
      o->history = n;
      break;
    case OPT_SINCE:
      o->since = optarg;
      break;
    case OPT_EVERY:
      if (!parse_long(optarg, 1, 100000, &n))
        return usage_error("--every expects a number >= 1, not '%s'", optarg);
      o->every = n;
      break;
    case OPT_DIR_DEPTH:
      if (!parse_long(optarg, 1, 8, &n))
        return usage_error("--by-dir-depth expects 1 to 8, not '%s'", optarg);
      o->dir_depth = n;
      break;
    case OPT_NO_REUSE:
      o->no_reuse = true;
      break;
    case 'o':
      o->output = optarg;
      break;
    case OPT_RULE:
      push(&o->only_rules, &o->nonly, optarg);
      break;
    case OPT_DISABLE:
      push(&o->disabled, &o->ndisabled, optarg);
      break;
    case OPT_PHASE:
      if (!parse_long(optarg, 1, 4, &n))
        return usage_error("--phase expects 1, 2, 3 or 4, not '%s'", optarg);
      if (o->nphases < 8)
        o->phases[o->nphases++] = (int)n;
      break;
    case OPT_STANDARDS:
      o->standards = optarg;
      break;
    case OPT_COLOR:
      if (strcmp(optarg, "auto") == 0)
        o->color = COLOR_AUTO;
      else if (strcmp(optarg, "always") == 0)
        o->color = COLOR_ALWAYS;
      else if (strcmp(optarg, "never") == 0)
        o->color = COLOR_NEVER;
      else
        return usage_error("--color expects auto, always or never, not '%s'", optarg);
      break;
    case 'q':
      o->quiet = true;
      break;
    case OPT_MAX_WARNINGS:
      if (!parse_long(optarg, 0, 1000000000L, &n))
        return usage_error("--max-warnings expects a number >= 0, not '%s'", optarg);
      o->max_warnings = n;
      break;
    case OPT_FIX:
      if (o->fix_level == FIX_NONE)
        o->fix_level = FIX_SAFE;
      break;
    case OPT_FIX_SUGGESTIONS:
      o->fix_level = FIX_SUGGESTION;
      break;
    case OPT_DIFF:
      o->diff = true;
      break;
    case 'j':
      if (!parse_long(optarg, 1, 256, &n))
        return usage_error("--jobs expects a number from 1 to 256, not '%s'", optarg);
      o->jobs = (unsigned)n;
      break;
    case OPT_FILE_BUDGET: {
      char *end;
      double millions = strtod(optarg, &end);
      if (end == optarg || *end || !(millions >= 0) || millions > 1e9)
        return usage_error("--file-budget expects a number of millions from 0 up, not '%s'",
                           optarg);
      o->file_budget = (long long)(millions * 1e6);
      break;
    }
    case OPT_NO_PREFILTER:
      o->no_prefilter = true;
      break;
    case OPT_CACHE_DIR:
      o->cache_dir = optarg;
      break;
    case OPT_NO_CACHE:
      o->no_cache = true;
      break;
    case OPT_SHARD: {
      unsigned index, count;
      char extra;
      if (sscanf(optarg, "%u/%u%c", &index, &count, &extra) != 2 || count == 0 || index == 0 ||
          index > count)
        return usage_error("--shard expects I/N with 1 <= I <= N, not '%s'", optarg);
      o->shard_index = index;
      o->shard_count = count;
      break;
    }
    case OPT_CONFIG:
      o->config = optarg;
      break;
    case OPT_REQUIRE_REASON:
      o->require_reason = true;
      break;
    case OPT_STAGED:
      o->staged = true;
      break;
    case OPT_BASELINE:
      o->baseline = optarg;
      break;
    case OPT_CHANGED_SINCE:
      o->changed_since = optarg;
      break;
    case OPT_UPDATE:
      o->update = true;
      break;
    case OPT_ALLOW_NEW:
      o->allow_new = true;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_CLEAN;
    case 'V':
      printf("rtlint %s\n", RTLINT_VERSION);
      return EXIT_CLEAN;
    case ':':
      return usage_error("option '%s' needs a value", argv[optind - 1]);
    default:
      return usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  for (int i = optind; i < argc; i++)
    push(&o->paths, &o->npaths, argv[i]);
  if (o->diff && o->fix_level == FIX_NONE)
    o->fix_level = FIX_SAFE;
  if (o->command == CMD_EXPLAIN && o->npaths != 1)
    return usage_error("%s", "explain takes exactly one rule id");
  if (o->command == CMD_RULES && o->npaths)
    return usage_error("unexpected argument '%s'", o->paths[0]);
  bool report_opts =
      o->compare || o->history || o->since || o->every || o->dir_depth || o->no_reuse;
  if (report_opts && o->command != CMD_REPORT)
    return usage_error("%s", "--compare, --history, --since, --every and --by-dir-depth are "
                             "options of rtlint report");
  if (o->command == CMD_REPORT) {
    if (!o->format_set)
      o->format = FORMAT_MD;
    if (o->history && o->since)
      return usage_error("%s", "--history and --since exclude each other");
    if (o->every && !o->since && !o->history)
      return usage_error("%s", "--every needs --since DATE or --history N");
    if (o->fix_level != FIX_NONE)
      return usage_error("%s", "rtlint report changes nothing: --fix and --diff do not apply");
  }
  if (o->command == CMD_MERGE && o->npaths == 0)
    return usage_error("%s", "merge needs the SARIF or JSON files of the shards");
  o->paths_given = o->npaths > 0;
  if (o->allow_new && !o->update)
    return usage_error("%s", "--allow-new only goes with rtlint baseline --update");
  if ((o->update || o->allow_new) && o->command != CMD_BASELINE)
    return usage_error("%s", "--update belongs to rtlint baseline");
  if (o->staged && o->paths_given)
    return usage_error("%s", "--staged lints the staged files: give no PATH");
  if (o->staged && (o->fix_level != FIX_NONE))
    return usage_error("%s", "--staged cannot be combined with --fix or --diff (the index is not "
                             "the working tree)");
  if ((o->command == CMD_CHECK || o->command == CMD_STANDARDS || o->command == CMD_BASELINE ||
       o->command == CMD_REPORT) &&
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

static bool known_rule(const char *id) {
  if (rules_find(id))
    return true;
  fprintf(stderr, "rtlint: unknown rule '%s' (see rtlint rules)\n", id);
  return false;
}

bool options_selection(const Options *o, RuleSelection *sel) {
  selection_defaults(sel);
  for (size_t i = 0; i < o->nonly; i++)
    if (!known_rule(o->only_rules[i]))
      return false;
  for (size_t i = 0; i < o->ndisabled; i++)
    if (!known_rule(o->disabled[i]))
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
  if (o->no_cache || o->diff || o->fix_level != FIX_NONE)
    return NULL;
  const char *dir = o->cache_dir ? o->cache_dir : getenv("RTLINT_CACHE_DIR");
  return dir && *dir ? dir : ".rtlint-cache";
}
