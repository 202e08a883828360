#include "discover/repo.h"

#include "core/fsio.h"
#include "core/util.h"

#include <ctype.h>
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

void repo_info_free(RepoInfo *info) {
  free(info->workdir);
  free(info->commondir);
  free(info->excludes_file);
  memset(info, 0, sizeof *info);
}

/* git's default for core.excludesFile. */
static char *default_excludes_file(void) {
  const char *xdg = getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg)
    return xasprintf("%s/git/ignore", xdg);
  const char *home = getenv("HOME");
  return home ? xasprintf("%s/.config/git/ignore", home) : NULL;
}

/* --- through libgit2 ------------------------------------------------------ */

/* core.excludesFile as git finds it: the configured path (libgit2 expands
 * "~/"; a relative one is taken from the work tree, where git runs), else
 * the default. NULL: none. */
static char *excludes_file(git_config *cfg, const char *workdir) {
  git_buf buf = GIT_BUF_INIT;
  int rc = cfg ? git_config_get_path(&buf, cfg, "core.excludesfile") : GIT_ENOTFOUND;
  if (rc == 0) {
    char *path = buf.ptr[0] == '/' || buf.ptr[0] == '\0' ? xstrdup(buf.ptr)
                                                         : xasprintf("%s%s", workdir, buf.ptr);
    git_buf_dispose(&buf);
    return path;
  }
  if (rc != GIT_ENOTFOUND) /* set but not understood ("~user/"): no fallback */
    return NULL;
  return default_excludes_file();
}

static char *with_slash(const char *dir) {
  size_t n = strlen(dir);
  return n && dir[n - 1] == '/' ? xstrdup(dir) : xasprintf("%s/", dir);
}

bool repo_find_libgit2(const char *dir, RepoInfo *out) {
  memset(out, 0, sizeof *out);
  git_libgit2_init();
  git_repository *repo = NULL;
  char abs[PATH_MAX];
  const char *wd = NULL;
  if (git_repository_open_ext(&repo, dir, 0, NULL) == 0 && (wd = git_repository_workdir(repo)) &&
      realpath(wd, abs)) {
    out->workdir = xasprintf("%s/", abs);
    out->commondir = with_slash(git_repository_commondir(repo));
    git_config *cfg = NULL;
    if (git_repository_config_snapshot(&cfg, repo) != 0)
      cfg = NULL;
    int icase = 0;
    out->ignore_case = cfg && git_config_get_bool(&icase, cfg, "core.ignorecase") == 0 && icase;
    out->excludes_file = excludes_file(cfg, out->workdir);
    git_config_free(cfg);
  }
  git_repository_free(repo);
  git_libgit2_shutdown();
  return out->workdir != NULL;
}

/* --- directly, in the common case ----------------------------------------- */

static bool is_dir(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Variables with which git finds repositories or configuration elsewhere
 * (GIT_CONFIG covers GIT_CONFIG_GLOBAL, _NOSYSTEM, _COUNT, _PARAMETERS...). */
static bool discovery_variable_set(void) {
  static const char *const prefixes[] = {"GIT_DIR=",
                                         "GIT_WORK_TREE=",
                                         "GIT_COMMON_DIR=",
                                         "GIT_CEILING_DIRECTORIES=",
                                         "GIT_DISCOVERY_",
                                         "GIT_CONFIG",
                                         NULL};
  for (char **e = environ; *e; e++)
    for (const char *const *p = prefixes; *p; p++)
      if (strncmp(*e, *p, strlen(*p)) == 0)
        return true;
  return false;
}

/* A `.git` directory git would take as it is: HEAD, objects and refs, no
 * commondir (a linked work tree), owned by us (libgit2 refuses others). */
static bool plain_git_dir(const char *gitdir) {
  char *head = xasprintf("%s/HEAD", gitdir), *objects = xasprintf("%s/objects", gitdir);
  char *refs = xasprintf("%s/refs", gitdir), *common = xasprintf("%s/commondir", gitdir);
  struct stat st;
  bool ok = is_file(head) && is_dir(objects) && is_dir(refs) && lstat(common, &st) != 0 &&
            lstat(gitdir, &st) == 0 && st.st_uid == geteuid();
  free(head);
  free(objects);
  free(refs);
  free(common);
  return ok;
}

/* Walks up from abs like git: stops at a file-system boundary (unsure), at a
 * directory that is itself a repository or inside one (unsure). */
static RepoFound find_git_dir(char *abs, char **workdir) {
  struct stat start;
  if (lstat(abs, &start) != 0)
    return REPO_UNSURE;
  for (;;) {
    struct stat st;
    char *head = xasprintf("%s/HEAD", strcmp(abs, "/") ? abs : "");
    bool bare_like = lstat(head, &st) == 0;
    free(head);
    const char *base = strrchr(abs, '/');
    if (bare_like || (base && strcmp(base + 1, ".git") == 0))
      return REPO_UNSURE;
    char *dotgit = xasprintf("%s/.git", strcmp(abs, "/") ? abs : "");
    bool exists = lstat(dotgit, &st) == 0;
    RepoFound r = !exists                                        ? REPO_NOT_FOUND
                  : S_ISDIR(st.st_mode) && plain_git_dir(dotgit) ? REPO_FOUND
                                                                 : REPO_UNSURE;
    free(dotgit);
    if (r != REPO_NOT_FOUND) {
      struct stat wd;
      if (r == REPO_FOUND && (lstat(abs, &wd) != 0 || wd.st_uid != geteuid()))
        r = REPO_UNSURE;
      if (r == REPO_FOUND)
        *workdir = strcmp(abs, "/") ? xasprintf("%s/", abs) : xstrdup("/");
      return r;
    }
    if (strcmp(abs, "/") == 0)
      return REPO_NOT_FOUND;
    char *slash = strrchr(abs, '/');
    if (slash == abs)
      slash[1] = '\0';
    else
      *slash = '\0';
    if (lstat(abs, &st) != 0 || st.st_dev != start.st_dev)
      return REPO_UNSURE;
  }
}

/* Whether a configuration file may change what the ignore rules see: it
 * names one of the settings involved, includes other files, or makes the
 * repository bare or moves its work tree. An absent file changes nothing. */
static bool config_may_matter(const char *path) {
  FILE *f = fsio_fopen_read(path, 0);
  if (!f)
    return false;
  static const char *const words[] = {"excludesfile", "ignorecase", "include", "worktree", NULL};
  char line[4096];
  bool matters = false;
  while (!matters && fgets(line, sizeof line, f)) {
    for (char *p = line; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    for (const char *const *w = words; *w && !matters; w++)
      matters = strstr(line, *w) != NULL;
    const char *bare = strstr(line, "bare");
    if (bare && !strstr(line, "false"))
      matters = true;
  }
  fclose(f);
  return matters;
}

static bool configs_may_matter(const char *gitdir) {
  const char *home = getenv("HOME"), *xdg = getenv("XDG_CONFIG_HOME");
  char *paths[4] = {xstrdup("/etc/gitconfig"), home ? xasprintf("%s/.gitconfig", home) : NULL,
                    xdg && *xdg ? xasprintf("%s/git/config", xdg)
                    : home      ? xasprintf("%s/.config/git/config", home)
                                : NULL,
                    xasprintf("%sconfig", gitdir)};
  bool matters = false;
  for (size_t i = 0; i < 4; i++) {
    matters = matters || (paths[i] && config_may_matter(paths[i]));
    free(paths[i]);
  }
  return matters;
}

RepoFound repo_find_direct(const char *dir, RepoInfo *out) {
  memset(out, 0, sizeof *out);
  char abs[PATH_MAX];
  if (discovery_variable_set() || !realpath(dir, abs))
    return REPO_UNSURE;
  char *workdir = NULL;
  RepoFound found = find_git_dir(abs, &workdir);
  if (found != REPO_FOUND)
    return found;
  char *gitdir = xasprintf("%s.git/", workdir);
  if (configs_may_matter(gitdir)) {
    free(gitdir);
    free(workdir);
    return REPO_UNSURE;
  }
  out->workdir = workdir;
  out->commondir = gitdir;
  out->excludes_file = default_excludes_file();
  out->ignore_case = false;
  return REPO_FOUND;
}

bool repo_find(const char *dir, RepoInfo *out) {
  memset(out, 0, sizeof *out);
  RepoFound found = repo_find_direct(dir, out);
  if (found == REPO_UNSURE)
    return repo_find_libgit2(dir, out);
  return found == REPO_FOUND;
}
