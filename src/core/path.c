#include "core/path.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *path_absolute(const char *cwd, const char *path) {
  size_t ncwd = path[0] == '/' ? 0 : strlen(cwd), npath = strlen(path);
  char *in = xmalloc(ncwd + npath + 2);
  memcpy(in, cwd, ncwd);
  in[ncwd] = '/';
  memcpy(in + ncwd + 1, path, npath + 1);
  char *out = xmalloc(ncwd + npath + 3);
  size_t w = 0;
  for (const char *p = in; *p;) {
    while (*p == '/')
      p++;
    const char *seg = p;
    while (*p && *p != '/')
      p++;
    size_t n = (size_t)(p - seg);
    if (n == 0 || (n == 1 && seg[0] == '.'))
      continue;
    if (n == 2 && seg[0] == '.' && seg[1] == '.') {
      while (w > 0 && out[--w] != '/')
        ;
      continue;
    }
    out[w++] = '/';
    memcpy(out + w, seg, n);
    w += n;
  }
  if (w == 0)
    out[w++] = '/';
  out[w] = '\0';
  free(in);
  return out;
}

bool path_up(char *dir) {
  if (strcmp(dir, "/") == 0)
    return false;
  char *slash = strrchr(dir, '/');
  if (!slash)
    return false;
  if (slash == dir)
    dir[1] = '\0';
  else
    *slash = '\0';
  return true;
}

bool path_is_regular_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *path_clean(const char *path) {
  size_t n = strlen(path);
  char *out = xmalloc(n + 2);
  size_t w = 0;
  if (path[0] == '/')
    out[w++] = '/';
  for (const char *seg = path; *seg;) {
    const char *end = strchr(seg, '/');
    size_t len = end ? (size_t)(end - seg) : strlen(seg);
    if (len > 0 && !(len == 1 && seg[0] == '.')) {
      if (w > 0 && out[w - 1] != '/')
        out[w++] = '/';
      memcpy(out + w, seg, len);
      w += len;
    }
    seg += len + (end != NULL);
  }
  if (w == 0)
    out[w++] = '.';
  out[w] = '\0';
  return out;
}
