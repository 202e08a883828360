/* rtlint.yaml: glob matching, every key's parse, and errors with FILE:LINE:COL. */
#include "test_helpers.h"

#include "config/config.h"
#include "config/glob.h"
#include "core/util.h"
#include "engine/engine.h"
#include "rules/registry.h"

#include <stdlib.h>
#include <string.h>

static void globs_match_like_gitignore(void **state) {
  (void)state;
  assert_true(glob_match("**/*.tsx", "components/chat/Widget.tsx"));
  assert_true(glob_match("**/*.tsx", "Widget.tsx"));
  assert_true(glob_match("*.tsx", "components/chat/Widget.tsx")); /* no '/': any depth */
  assert_false(glob_match("components/*.tsx", "components/chat/Widget.tsx"));
  assert_true(glob_match("components/*/Widget.tsx", "components/chat/Widget.tsx"));
  /* "\\/" is a folder glob whose '/' is dropped: a lone backslash, not an
   * escape of the terminator (read past it before; found by fuzzing). */
  assert_false(glob_match("\\/", "a.ts"));
  /* Each (glob, path) position is tried once: this took a minute before. */
  const char *name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  char *ts = xasprintf("lib/%s.ts", name);
  assert_false(glob_match("*a*a*a*a*a*a*a*a*b", ts));
  assert_true(glob_match("*a*a*a*a*a*a*a*a*.ts", ts));
  assert_false(glob_match("lib/**/*a*a*a*a*a*a*a*a*/*.ts", ts));
  free(ts);
  assert_true(glob_match("components/**", "components/chat/Widget.tsx"));
  assert_true(glob_match("components", "components/chat/Widget.tsx")); /* a folder */
  assert_true(glob_match("components/", "components/a.ts"));
  assert_false(glob_match("components", "components2/a.ts"));
  assert_true(glob_match("lib/**/realtime/*.ts", "lib/realtime/a.ts")); /* ** = zero segments */
  assert_true(glob_match("lib/**/realtime/*.ts", "lib/x/y/realtime/a.ts"));
  assert_true(glob_match("**/*.{ts,tsx}", "a/b.ts"));
  assert_true(glob_match("**/*.{ts,tsx}", "a/b.tsx"));
  assert_false(glob_match("**/*.{ts,tsx}", "a/b.mts"));
  assert_true(glob_match("src/[a-c]?.ts", "src/b1.ts"));
  assert_false(glob_match("src/[!a-c]?.ts", "src/b1.ts"));
  assert_true(glob_match("./legacy/*.ts", "legacy/x.ts"));
  assert_true(glob_match("/app/*.ts", "app/x.ts"));
  assert_false(glob_match("/app/*.ts", "sub/app/x.ts"));
}

static void bad_globs(void **state) {
  (void)state;
  size_t off;
  const char *why;
  assert_true(glob_valid("**/*.ts", &off, &why));
  assert_false(glob_valid("src/[abc", &off, &why));
  assert_int_equal(off, 4);
  assert_false(glob_valid("src/{a,b", &off, &why));
  assert_int_equal(off, 4);
  assert_false(glob_valid("src/a**/b", &off, &why));
  assert_int_equal(off, 5);
  assert_false(glob_valid("", &off, &why));
  assert_false(glob_match("src/[abc", "src/a"));
}

static const char full[] =
    "include: [\"app/**\", \"components/**\", \"lib/**\"]\n"
    "exclude: [\"**/*.generated.ts\"]\n"
    "rules:\n"
    "  channel-hand-built: warn\n"
    "  unused-suppression: off\n"
    "overrides:\n"
    "  - files: [\"components/legacy/**\"]\n"
    "    exclude_files: [\"components/legacy/keep.tsx\"]\n"
    "    rules: {channel-hand-built: off}\n"
    "phases: [1, 2]\n"
    "standards: lib/realtime/unified-channel-standards.ts\n"
    "deprecated_hooks:\n"
    "  - useOldRealtime\n"
    "  - {name: useLegacyTyping, replacement: \"useRealtime({ type: 'typing' })\"}\n"
    "event_migrations:\n"
    "  typing_indicator: [TYPING_START, TYPING_STOP]\n"
    "  new_msg: MESSAGE_CREATED\n"
    "component_dirs: [\"components\", \"app/**/_components\"]\n"
    "infrastructure_dirs: [\"lib/realtime\"]\n"
    "require_reason: true\n";

static void parses_every_key(void **state) {
  (void)state;
  Config c;
  char *err = NULL;
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", full, strlen(full), &err));
  assert_null(err);
  assert_int_equal(c.ninclude, 3);
  assert_int_equal(c.nexclude, 1);
  assert_int_equal(c.nphases, 2);
  assert_string_equal(c.standards, "/repo/lib/realtime/unified-channel-standards.ts");
  assert_int_equal(c.nhooks, 2);
  assert_string_equal(c.hooks[0].hook, "useOldRealtime");
  assert_null(c.hooks[0].replacement);
  assert_string_equal(c.hooks[1].replacement, "useRealtime({ type: 'typing' })");
  assert_int_equal(c.nmigrations, 2);
  assert_int_equal(c.migrations[0].nkeys, 2);
  assert_string_equal(c.migrations[1].keys[0], "MESSAGE_CREATED");
  assert_true(c.require_reason);
  assert_true(config_includes(&c, "/repo/components/chat/A.tsx"));
  assert_false(config_includes(&c, "/repo/scripts/seed.ts"));
  assert_false(config_includes(&c, "/repo/lib/api.generated.ts"));
  assert_true(
      config_path_in(&c, "/repo/app/x/_components/B.tsx", c.component_dirs, c.ncomponent_dirs));
  assert_false(config_path_in(&c, "/repo/lib/realtime/c.ts", c.component_dirs, c.ncomponent_dirs));

  /* Severities per file: the override applies below components/legacy only. */
  size_t chb = rules_index(rules_find("channel-hand-built"));
  size_t unused = rules_index(rules_find("unused-suppression"));
  LintSetup setup = {.config = &c};
  RuleSelection sel;
  lint_selection_for(&setup, "/repo/components/chat/A.tsx", &sel);
  assert_int_equal(sel.severity[chb], SEV_WARNING);
  assert_int_equal(sel.severity[unused], SEV_OFF);
  lint_selection_for(&setup, "/repo/components/legacy/Old.tsx", &sel);
  assert_int_equal(sel.severity[chb], SEV_OFF);
  lint_selection_for(&setup, "/repo/components/legacy/keep.tsx", &sel);
  assert_int_equal(sel.severity[chb], SEV_WARNING);

  /* The command line wins: --rule runs a rule the override turned off. */
  RuleSelection cli;
  selection_defaults(&cli);
  bool forced[64] = {0};
  forced[chb] = true;
  setup.cli = &cli;
  setup.cli_forced = forced;
  lint_selection_for(&setup, "/repo/components/legacy/Old.tsx", &sel);
  assert_int_equal(sel.severity[chb], SEV_ERROR);
  config_free(&c);
}

/* Each bad file gives one error, at the right line and column. */
static void expect_error(const char *yaml, const char *want) {
  Config c;
  char *err = NULL;
  assert_false(config_parse(&c, "rtlint.yaml", "/repo", yaml, strlen(yaml), &err));
  assert_non_null(err);
  if (strstr(err, want) != err)
    fail_msg("expected an error starting with\n  %s\ngot\n  %s", want, err);
  free(err);
  config_free(&c);
}

static void errors_have_line_and_column(void **state) {
  (void)state;
  expect_error("rules:\n  channel-hand-built: warn\nbogus: 1\n",
               "rtlint.yaml:3:1: unknown key 'bogus'");
  expect_error("rules:\n  no-such-rule: warn\n", "rtlint.yaml:2:3: unknown rule 'no-such-rule'");
  expect_error("rules:\n  channel-hand-built: loud\n", "rtlint.yaml:2:23: unknown severity 'loud'");
  expect_error("include: \"**/*.ts\"\n", "rtlint.yaml:1:10: include must be a list, not a scalar");
  expect_error("exclude:\n  - components/[abc\n",
               "rtlint.yaml:2:16: bad glob 'components/[abc': unclosed '['");
  expect_error("exclude:\n  - \"a/{b,c\"\n", "rtlint.yaml:2:8: bad glob 'a/{b,c': unclosed '{'");
  expect_error("phases: [1, 7]\n", "rtlint.yaml:1:13: a phase must be 1, 2, 3 or 4");
  expect_error("overrides:\n  - rules: {channel-hand-built: off}\n",
               "rtlint.yaml:2:5: an override needs 'files'");
  expect_error("overrides:\n  - files: [a]\n    severity: off\n",
               "rtlint.yaml:3:5: unknown key 'severity' in an override");
  expect_error("deprecated_hooks:\n  - {name: useX, replace: useY}\n",
               "rtlint.yaml:2:18: unknown key 'replace' in a deprecated hook");
  expect_error("event_migrations:\n  old: {key: X}\n",
               "rtlint.yaml:2:8: an event migration must be a UNIFIED_EVENTS key");
  expect_error("rules: {}\nrules: {}\n", "rtlint.yaml:2:1: duplicate key 'rules'");
  expect_error("require_reason: yes please\n", "rtlint.yaml:1:17: require_reason must be true");
  expect_error("rules: [\n", "rtlint.yaml:2:1: invalid YAML");
  {
    /* libyaml is quadratic in flow nesting: refused before it sees it. */
    char deep[200] = "include: ";
    for (int i = 0; i < 65; i++)
      strcat(deep, "[");
    expect_error(deep, "rtlint.yaml:1:74: invalid YAML: brackets nested deeper than 64 levels");
  }
  expect_error("- a\n- b\n", "rtlint.yaml:1:1: the configuration must be a mapping, not a list");
}

/* Each (glob position, path position) is tried at most once: a backtracking
 * matcher tries "*a*a*a*a*b" against 200 characters hundreds of millions of
 * times, and eight "**" segments against a deep path as often. */
static void glob_work_is_bounded_by_glob_times_path(void **state) {
  (void)state;
  char path[201];
  memset(path, 'a', 200);
  path[200] = '\0';
  size_t before = glob_match_steps();
  assert_false(glob_match("*a*a*a*a*b", path));
  size_t used = glob_match_steps() - before;
  /* The glob is tried as "**" + "/" + glob and as that + "/" + "**". */
  assert_true(used <= 2 * (strlen("**/*a*a*a*a*b/**") + 1) * 201);

  char deep[4096] = "";
  for (int i = 0; i < 60; i++)
    strcat(deep, "d/");
  strcat(deep, "x.ts");
  before = glob_match_steps();
  assert_false(glob_match("**/**/**/**/**/**/**/**/y.ts", deep));
  used = glob_match_steps() - before;
  assert_true(used <= 2 * (strlen("**/**/**/**/**/**/**/**/y.ts/**") + 1) * (strlen(deep) + 1));
  assert_true(glob_match("**/**/**/**/**/**/**/**/x.ts", deep));
}

static void long_globs_and_many_brace_groups_are_refused(void **state) {
  (void)state;
  size_t off;
  const char *why;
  char g[1100];
  memset(g, 'a', 1099);
  g[1099] = '\0';
  assert_false(glob_valid(g, &off, &why));
  assert_string_equal(why, "glob longer than 1024 bytes");
  assert_false(glob_valid("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", &off, &why));
  assert_string_equal(why, "more than 8 '{...}' groups");
  assert_true(glob_valid("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", &off, &why));
}

static void realtime_sinks(void **state) {
  (void)state;
  const char *yaml = "realtime:\n"
                     "  event_senders:\n"
                     "    - { pattern: kit.publish, argument: 1 }\n"
                     "    - { pattern: \"*.emitRealtime\", argument: 0 }\n"
                     "  event_listeners:\n"
                     "    - { pattern: onKit, argument: 0 }\n"
                     "  channel_builders:\n"
                     "    - { pattern: kitTopic, argument: 2 }\n";
  Config c;
  char *err = NULL;
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", yaml, strlen(yaml), &err));
  assert_int_equal(c.nsinks, 4);
  assert_string_equal(c.sinks[0].object, "kit");
  assert_string_equal(c.sinks[0].name, "publish");
  assert_int_equal(c.sinks[0].argument, 1);
  assert_int_equal(c.sinks[0].kind, USER_SINK_EVENT_SENDER);
  assert_string_equal(c.sinks[1].object, "*");
  assert_null(c.sinks[2].object);
  assert_int_equal(c.sinks[2].kind, USER_SINK_EVENT_LISTENER);
  assert_int_equal(c.sinks[3].kind, USER_SINK_CHANNEL_BUILDER);
  assert_int_equal(c.sinks[3].argument, 2);
  config_free(&c);
  expect_error("realtime:\n  event_sender: []\n",
               "rtlint.yaml:2:3: unknown key 'realtime.event_sender'");
  expect_error("realtime:\n  event_senders:\n    - { pattern: a.b.c, argument: 0 }\n",
               "rtlint.yaml:3:18: bad sink pattern 'a.b.c'");
  expect_error("realtime:\n  event_senders:\n    - { pattern: notify }\n",
               "rtlint.yaml:3:7: a sink needs 'pattern' and 'argument'");
  expect_error("realtime:\n  event_senders:\n    - { pattern: notify, argument: -1 }\n",
               "rtlint.yaml:3:36: a sink's argument must be");
  expect_error("realtime:\n  channel_builders:\n    - { pattern: t, argument: 0, kind: x }\n",
               "rtlint.yaml:3:34: unknown key 'kind' in a sink");
  expect_error("realtime:\n  event_listeners: onKit\n",
               "rtlint.yaml:2:20: realtime.event_listeners must be a list");
}

static void canonical_typing_indicator(void **state) {
  (void)state;
  const char *yaml = "realtime:\n  canonical_typing_indicator: components/shared/TypingIndicator\n";
  Config c;
  char *err = NULL;
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", yaml, strlen(yaml), &err));
  assert_string_equal(c.canonical_typing_indicator, "/repo/components/shared/TypingIndicator");
  Standards std = {0};
  config_apply_standards(&c, &std);
  assert_string_equal(std.canonical_typing_indicator, "/repo/components/shared/TypingIndicator");
  free(std.canonical_typing_indicator);
  config_free(&c);
  expect_error("realtime:\n  canonical_typing_indicator: [a]\n",
               "rtlint.yaml:2:31: realtime.canonical_typing_indicator must be");
  expect_error("realtime:\n  canonical_typing_indicator: \"\"\n",
               "rtlint.yaml:2:31: realtime.canonical_typing_indicator needs a path");
}

static void deprecated_hook_mapping(void **state) {
  (void)state;
  const char *yaml = "deprecated_hooks:\n"
                     "  - name: useLegacyPresence\n"
                     "    type: folder\n"
                     "    arguments: positional\n"
                     "    params: [organizationId, visitorId]\n"
                     "    options: { organizationId: organizationId, visitorId: ~ }\n"
                     "    results: { channel: channelName }\n"
                     "  - useBare\n";
  Config c;
  char *err = NULL;
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", yaml, strlen(yaml), &err));
  assert_int_equal(c.nhooks, 2);
  Standards std = {0};
  config_apply_standards(&c, &std);
  config_free(&c);
  const HookMigration *h = std_hook(&std, "useLegacyPresence");
  assert_non_null(h);
  assert_string_equal(h->type, "folder");
  assert_int_equal(h->arguments, HOOK_ARGS_POSITIONAL);
  assert_int_equal(h->nparams, 2);
  assert_string_equal(h->params[1], "visitorId");
  assert_string_equal(hook_map_lookup(h->options, h->noptions, "organizationId"), "organizationId");
  assert_null(hook_map_lookup(h->options, h->noptions, "visitorId"));
  assert_string_equal(hook_map_lookup(h->results, h->nresults, "channel"), "channelName");
  assert_int_equal(std_hook(&std, "useBare")->arguments, HOOK_ARGS_UNMAPPED);
  std_free(&std);
  expect_error("deprecated_hooks:\n  - { name: useX, arguments: named }\n",
               "rtlint.yaml:2:30: a deprecated hook's arguments must be 'positional' or 'object'");
  expect_error("deprecated_hooks:\n  - { name: useX, options: { a: a } }\n",
               "rtlint.yaml:2:5: a deprecated hook's mapping needs 'arguments'");
  expect_error("deprecated_hooks:\n  - { name: useX, arguments: positional }\n",
               "rtlint.yaml:2:5: positional arguments need 'params'");
  expect_error("deprecated_hooks:\n  - { name: useX, arguments: object, results: { a: [b] } }\n",
               "rtlint.yaml:2:52: a useRealtime name (or ~ for none) must be a string");
}

static void realtime_external_ends(void **state) {
  (void)state;
  const char *yaml = "realtime:\n"
                     "  external_senders:\n"
                     "    - { channel: conversation, event: AI_HANDOVER_REQUESTED }\n"
                     "  external_listeners:\n"
                     "    - channel: \"org:{}:user:{}:push\"\n"
                     "      event: \"notification:created\"\n"
                     "      kind: presence\n";
  Config c;
  char *err = NULL;
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", yaml, strlen(yaml), &err));
  assert_int_equal(c.nexternals, 2);
  assert_false(c.externals[0].listener);
  assert_string_equal(c.externals[0].channel, "conversation");
  assert_string_equal(c.externals[0].event, "AI_HANDOVER_REQUESTED");
  assert_null(c.externals[0].kind);
  assert_int_equal(c.externals[0].line, 3);
  assert_true(c.externals[1].listener);
  assert_string_equal(c.externals[1].channel, "org:{}:user:{}:push");
  assert_string_equal(c.externals[1].kind, "presence");
  assert_int_equal(c.externals[1].line, 5);
  config_free(&c);
  expect_error("realtime:\n  external_senders:\n    - { channel: conversation }\n",
               "rtlint.yaml:3:7: an external end needs 'channel' and 'event'");
  expect_error("realtime:\n  external_senders:\n    - { channel: c, event: e, kind: ws }\n",
               "rtlint.yaml:3:37: unknown kind 'ws'");
  expect_error("realtime:\n  external_listeners:\n    - { channel: c, event: e, pattern: p }\n",
               "rtlint.yaml:3:31: unknown key 'pattern' in an external end");
  expect_error("realtime:\n  external_listeners:\n    - { channel: \"\", event: e }\n",
               "rtlint.yaml:3:18: an external end's channel must not be empty");
}

static void empty_file_is_fine(void **state) {
  (void)state;
  Config c;
  char *err = NULL;
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", "", 0, &err));
  assert_true(config_includes(&c, "/repo/anything.ts"));
  config_free(&c);
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", "# only a comment\n", 17, &err));
  config_free(&c);
}

static void exclusion_says_which_glob(void **state) {
  (void)state;
  Config c;
  char *err = NULL;
  const char *yaml = "include: [\"app/**\", \"lib/**\"]\nexclude: [\"lib/gen\", \"*.test.ts\"]\n";
  assert_true(config_parse(&c, "rtlint.yaml", "/repo", yaml, strlen(yaml), &err));
  assert_null(config_exclusion(&c, "/repo/app/page.tsx", "rtlint.yaml"));
  assert_null(
      config_exclusion(&c, "/elsewhere/x.ts", "rtlint.yaml")); /* outside: not its business */
  char *why = config_exclusion(&c, "/repo/lib/gen/client.ts", "rtlint.yaml");
  assert_string_equal(why, "excluded by rtlint.yaml (exclude: 'lib/gen')");
  free(why);
  why = config_exclusion(&c, "/repo/app/x.test.ts", "rtlint.yaml");
  assert_string_equal(why, "excluded by rtlint.yaml (exclude: '*.test.ts')");
  free(why);
  why = config_exclusion(&c, "/repo/scripts/seed.ts", "rtlint.yaml");
  assert_string_equal(why, "no glob of rtlint.yaml's include matches it");
  free(why);
  config_free(&c);
}

typedef struct Keys {
  char text[1024];
  size_t n;
} Keys;

static void collect_key(const char *path, void *ctx) {
  Keys *k = ctx;
  k->n++;
  strncat(k->text, path, sizeof k->text - strlen(k->text) - 2);
  strcat(k->text, "\n");
}

static void key_paths_cover_every_table(void **state) {
  (void)state;
  Keys k = {{0}, 0};
  config_key_paths(collect_key, &k);
  assert_int_equal(k.n, 42);
  assert_non_null(strstr(k.text, "\nrealtime.external_senders[].channel\n"));
  assert_non_null(strstr(k.text, "\nrealtime.external_listeners[].kind\n"));
  assert_memory_equal(k.text, "include\n", 8); /* the top-level keys come first */
  assert_non_null(strstr(k.text, "\nrequire_reason\n"));
  assert_non_null(strstr(k.text, "\noverrides[].exclude_files\n"));
  assert_non_null(strstr(k.text, "\nrealtime.canonical_typing_indicator\n"));
  assert_non_null(strstr(k.text, "\ndeprecated_hooks[].results\n"));
  assert_non_null(strstr(k.text, "\ndeprecated_hooks[].replacement\n"));
  assert_non_null(strstr(k.text, "\nresolve.allow_outside\n"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(globs_match_like_gitignore),
      cmocka_unit_test(bad_globs),
      cmocka_unit_test(parses_every_key),
      cmocka_unit_test(errors_have_line_and_column),
      cmocka_unit_test(realtime_sinks),
      cmocka_unit_test(canonical_typing_indicator),
      cmocka_unit_test(deprecated_hook_mapping),
      cmocka_unit_test(realtime_external_ends),
      cmocka_unit_test(empty_file_is_fine),
      cmocka_unit_test(exclusion_says_which_glob),
      cmocka_unit_test(key_paths_cover_every_table),
      cmocka_unit_test(glob_work_is_bounded_by_glob_times_path),
      cmocka_unit_test(long_globs_and_many_brace_groups_are_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
