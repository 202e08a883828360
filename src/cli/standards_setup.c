#include "cli/standards_setup.h"

#include "core/util.h"
#include "resolve/project.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The standards module of the project when the files linted do not hold it
 * (`cd components && rtlint .`): <dir>/<suffix> or <dir>/src/<suffix> for
 * dir = search_from and each folder above it, up to the root. NULL: none. */
static bool exists(const ProjectFs *fs, const char *path) {
  return fs && fs->file_exists ? fs->file_exists(fs->ctx, path) : path_is_regular_file(path);
}

char *standards_find_in_project(const char *suffix, const char *search_from, const char *root,
                                const ProjectFs *fs) {
  if (!search_from || !root)
    return NULL;
  char *dir = xstrdup(search_from);
  char *found = NULL;
  for (;;) {
    const char *sep = strcmp(dir, "/") == 0 ? "" : "/";
    char *cands[] = {xasprintf("%s%s%s", dir, sep, suffix),
                     xasprintf("%s%ssrc/%s", dir, sep, suffix)};
    for (size_t i = 0; i < 2; i++) {
      if (!found && exists(fs, cands[i]))
        found = cands[i];
      else
        free(cands[i]);
    }
    if (found || strcmp(dir, root) == 0 || !path_up(dir))
      break;
  }
  free(dir);
  return found;
}

/* Learns from the file's text in fs when fs has it, else from the disk. */
static bool learn(Standards *std, const char *path, const ProjectFs *fs, char **err) {
  char *bytes = NULL;
  size_t len = 0;
  char cwd[PATH_MAX];
  char *abs = fs ? path_absolute(getcwd(cwd, sizeof cwd) ? cwd : "/", path) : NULL;
  bool in_fs = fs && fs->read_file && fs->read_file(fs->ctx, abs, &bytes, &len);
  free(abs);
  if (!in_fs)
    return std_learn_from_file(std, path, path, err);
  bool ok = std_learn_from_memory(std, bytes, len, path, path, err);
  free(bytes);
  return ok;
}

bool standards_setup(Standards *std, const char *explicit_file, const FileList *files,
                     const char *search_from, const char *root, const ProjectFs *fs,
                     char **learned_path) {
  char *err = NULL;
  *learned_path = NULL;
  if (!std_load_builtin(std, &err)) {
    fprintf(stderr, "rtlint: internal error: %s\n", err);
    free(err);
    return false;
  }
  const char *candidate = explicit_file;
  for (size_t i = 0; !candidate && files && i < files->n; i++)
    if (str_ends_with(files->paths[i], std->module_suffix))
      candidate = files->paths[i];
  char *found = NULL;
  if (!candidate && std->module_suffix)
    candidate = found = standards_find_in_project(std->module_suffix, search_from, root, fs);
  if (!candidate)
    return true;
  if (!learn(std, candidate, fs, &err)) {
    free(found);
    if (explicit_file) {
      fprintf(stderr, "rtlint: --standards %s\n", err);
      free(err);
      return false;
    }
    /* A file that merely shares the name falls back to the built-in catalog. */
    free(err);
    return true;
  }
  *learned_path = found ? found : xstrdup(candidate);
  return true;
}

void standards_memo_free(StandardsMemo *m) {
  if (m->key) {
    std_free(&m->std);
    free(m->learned);
    free(m->key);
  }
  memset(m, 0, sizeof *m);
}

/* The text's hash through fs, else the file's stamp, else "none". */
static void identity(StrBuf *key, const char *path, const ProjectFs *fs) {
  char *bytes = NULL;
  size_t len = 0;
  char cwd[PATH_MAX];
  char *abs = path_absolute(getcwd(cwd, sizeof cwd) ? cwd : "/", path);
  struct stat st;
  if (fs && fs->read_file && fs->read_file(fs->ctx, abs, &bytes, &len)) {
    sb_appendf(key, "text %zu %016llx", len,
               (unsigned long long)hash_fnv1a(bytes, len, HASH_FNV_SEED));
    free(bytes);
  } else if (stat(abs, &st) == 0) {
    sb_appendf(key, "file %lld %lld.%09ld %lld.%09ld %llu", (long long)st.st_size,
               (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, (long long)st.st_ctim.tv_sec,
               st.st_ctim.tv_nsec, (unsigned long long)st.st_ino);
  } else {
    sb_append(key, "none");
  }
  free(abs);
}

char *standards_memo_key(const char *explicit_file, const FileList *files, const char *search_from,
                         const char *root, const ProjectFs *fs, const char *suffix,
                         uint64_t config_digest) {
  StrBuf key = {0};
  sb_appendf(&key, "%s\n%s\n%s\n%016llx\n", explicit_file ? explicit_file : "",
             search_from ? search_from : "", root ? root : "", (unsigned long long)config_digest);
  const char *candidate = explicit_file;
  for (size_t i = 0; !candidate && files && i < files->n; i++)
    if (str_ends_with(files->paths[i], suffix))
      candidate = files->paths[i];
  char *found = candidate ? NULL : standards_find_in_project(suffix, search_from, root, fs);
  if (!candidate)
    candidate = found;
  if (candidate) {
    sb_appendf(&key, "%s ", candidate);
    identity(&key, candidate, fs);
  }
  free(found);
  return sb_take(&key);
}
