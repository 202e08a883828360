#include "rules/app_paths.h"

#include "core/util.h"
#include "resolve/project.h"

#include <string.h>

static bool is_sep(char c) {
  return c == '/' || c == '\\';
}

/* Length of the folder part of path: everything up to the last separator. */
static size_t dir_len(const char *path) {
  size_t n = strlen(path);
  while (n > 0 && !is_sep(path[n - 1]))
    n--;
  return n;
}

bool path_has_dirs(const char *path, const char *dirs) {
  size_t dlen = strlen(dirs);
  while (dlen > 0 && is_sep(dirs[dlen - 1]))
    dlen--;
  if (dlen == 0)
    return false;
  size_t limit = dir_len(path);
  for (size_t i = 0; i + dlen < limit; i++) {
    if (i > 0 && !is_sep(path[i - 1]))
      continue; /* not at a segment start */
    bool match = true;
    for (size_t k = 0; k < dlen && match; k++) {
      char a = path[i + k], b = dirs[k];
      match = a == b || (is_sep(a) && is_sep(b));
    }
    /* The match must end at a separator, within the folders. */
    if (match && is_sep(path[i + dlen]))
      return true;
  }
  return false;
}

static bool is_ts_source(const char *path) {
  if (str_ends_with(path, ".d.ts") || str_ends_with(path, ".d.mts") ||
      str_ends_with(path, ".d.cts"))
    return false;
  return str_ends_with(path, ".ts") || str_ends_with(path, ".tsx") || str_ends_with(path, ".mts") ||
         str_ends_with(path, ".cts");
}

bool path_is_component_code(const char *path) {
  if (!is_ts_source(path))
    return false;
  if (path_has_dirs(path, "lib/realtime") || path_has_dirs(path, "app/api"))
    return false;
  return path_has_dirs(path, "components") || path_has_dirs(path, "hooks") ||
         path_has_dirs(path, "app");
}

bool module_is_component_code(const PathRoles *roles, const Module *m) {
  switch (roles && roles->role_of ? roles->role_of(roles->ctx, m->fs_path) : PATH_ROLE_DEFAULT) {
  case PATH_ROLE_INFRASTRUCTURE:
  case PATH_ROLE_OTHER:
    return false;
  case PATH_ROLE_COMPONENT:
    return is_ts_source(m->fs_path);
  case PATH_ROLE_DEFAULT:
    break;
  }
  return path_is_component_code(m->app_path);
}

bool path_is_dashboard(const char *path) {
  return path_has_dirs(path, "app/dashboard");
}

bool path_is_widget(const char *path) {
  return path_has_dirs(path, "widget");
}

static const char *const route_stems[] = {
    "page", "layout", "template", "default", "loading", "error", "not-found", "global-error", NULL,
};

bool path_is_route_file(const char *path) {
  const char *base = path + dir_len(path);
  if (path_has_dirs(path, "pages"))
    return !path_has_dirs(path, "pages/api");
  if (!path_has_dirs(path, "app"))
    return false;
  const char *dot = strchr(base, '.');
  size_t stem = dot ? (size_t)(dot - base) : strlen(base);
  for (const char *const *s = route_stems; *s; s++)
    if (strlen(*s) == stem && strncmp(base, *s, stem) == 0)
      return true;
  return false;
}
