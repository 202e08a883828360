/* Finding the repository around a directory directly gives what libgit2
 * gives, and defers to libgit2 whenever a setting could change the answer. */
#include "test_helpers.h"

#include "core/util.h"
#include "discover/repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static char tmp[256];

/* Runs cmd with every '@' replaced by the test's directory. */
static void sh(const char *cmd) {
  StrBuf sb = {0};
  for (const char *p = cmd; *p; p++) {
    if (*p == '@')
      sb_append(&sb, tmp);
    else
      sb_putc(&sb, *p);
  }
  int rc = system(sb_cstr(&sb));
  sb_free(&sb);
  assert_int_equal(rc, 0);
}

static int setup(void **state) {
  (void)state;
  snprintf(tmp, sizeof tmp, "/tmp/rtlint-repo-test-XXXXXX");
  if (!mkdtemp(tmp))
    return -1;
  /* Only the test's own configuration: no user or system settings leak in. */
  setenv("HOME", tmp, 1);
  unsetenv("XDG_CONFIG_HOME");
  for (char **e = environ; *e;) {
    if (strncmp(*e, "GIT_", 4) == 0) {
      char *name = xstrndup(*e, strcspn(*e, "="));
      unsetenv(name);
      free(name);
    } else {
      e++;
    }
  }
  setenv("GIT_CONFIG_NOSYSTEM", "1", 1); /* for the git commands below */
  return 0;
}

static int teardown(void **state) {
  (void)state;
  char *cmd = xasprintf("rm -rf %s", tmp);
  int rc = system(cmd);
  free(cmd);
  return rc == 0 ? 0 : -1;
}

static void assert_same(const RepoInfo *a, const RepoInfo *b) {
  assert_string_equal(a->workdir, b->workdir);
  assert_string_equal(a->commondir, b->commondir);
  assert_string_equal(a->excludes_file ? a->excludes_file : "(none)",
                      b->excludes_file ? b->excludes_file : "(none)");
  assert_int_equal(a->ignore_case, b->ignore_case);
}

/* The direct reading decides (want), and agrees with libgit2. */
static void expect(const char *rel, RepoFound want) {
  char *dir = xasprintf("%s/%s", tmp, rel);
  unsetenv("GIT_CONFIG_NOSYSTEM"); /* GIT_CONFIG* sends everything to libgit2 */
  RepoInfo direct, lib;
  RepoFound found = repo_find_direct(dir, &direct);
  bool by_lib = repo_find_libgit2(dir, &lib);
  setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
  assert_int_equal(found, want);
  if (found == REPO_FOUND) {
    assert_true(by_lib);
    assert_same(&direct, &lib);
  } else if (found == REPO_NOT_FOUND) {
    assert_false(by_lib);
  }
  RepoInfo both;
  unsetenv("GIT_CONFIG_NOSYSTEM");
  bool any = repo_find(dir, &both);
  setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
  assert_int_equal(any, by_lib);
  if (any)
    assert_same(&both, &lib);
  repo_info_free(&direct);
  repo_info_free(&lib);
  repo_info_free(&both);
  free(dir);
}

static void test_plain_repository_is_read_directly(void **state) {
  (void)state;
  sh("mkdir -p @/plain/src/deep && git init -q @/plain");
  expect("plain", REPO_FOUND);
  expect("plain/src/deep", REPO_FOUND);
}

static void test_discovery_variables_defer_to_libgit2(void **state) {
  (void)state;
  sh("mkdir -p @/vars && git init -q @/vars");
  setenv("GIT_DIR", "/nonexistent", 1);
  RepoInfo info;
  assert_int_equal(repo_find_direct(tmp, &info), REPO_UNSURE);
  unsetenv("GIT_DIR");
  setenv("GIT_SSL_CAINFO", "/dev/null", 1); /* unrelated to finding repositories */
  expect("vars", REPO_FOUND);
  unsetenv("GIT_SSL_CAINFO");
}

static void test_outside_any_repository(void **state) {
  (void)state;
  sh("mkdir -p @/none/x");
  expect("none/x", REPO_NOT_FOUND);
}

static void test_settings_defer_to_libgit2(void **state) {
  (void)state;
  sh("git init -q @/icase && git -C @/icase config core.ignoreCase true");
  expect("icase", REPO_UNSURE);
  sh("git init -q @/excl && git -C @/excl config core.excludesFile ~/my-ignore");
  expect("excl", REPO_UNSURE);
  sh("git init -q @/inc && git -C @/inc config include.path ../extra");
  expect("inc", REPO_UNSURE);
}

static void test_unusual_layouts_defer_to_libgit2(void **state) {
  (void)state;
  sh("git init -q --bare @/bare.git");
  expect("bare.git", REPO_UNSURE);
  sh("git init -q @/main && git -C @/main -c user.name=t -c user.email=t@t commit -q "
     "--allow-empty -m init");
  sh("git -C @/main worktree add -q @/linked");
  expect("linked", REPO_UNSURE);
  expect("main/.git", REPO_UNSURE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain_repository_is_read_directly),
      cmocka_unit_test(test_outside_any_repository),
      cmocka_unit_test(test_discovery_variables_defer_to_libgit2),
      cmocka_unit_test(test_settings_defer_to_libgit2),
      cmocka_unit_test(test_unusual_layouts_defer_to_libgit2),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
