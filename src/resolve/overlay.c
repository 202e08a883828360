#include "resolve/overlay.h"

#include "core/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool overlay_read(void *ctx, const char *abs_path, char **bytes, size_t *len) {
  const OverlayFile *f = overlay_get(ctx, abs_path);
  if (!f)
    return false;
  *bytes = xmalloc(f->len + 1);
  memcpy(*bytes, f->bytes, f->len + 1);
  *len = f->len;
  return true;
}

/* A buffer exists even where the disk has no file yet (an unsaved new file
 * another open buffer imports). */
static bool overlay_exists(void *ctx, const char *abs_path) {
  if (overlay_get(ctx, abs_path))
    return true;
  struct stat st;
  return stat(abs_path, &st) == 0 && S_ISREG(st.st_mode);
}

void overlay_init(Overlay *o) {
  memset(o, 0, sizeof *o);
  o->fs = (ProjectFs){
      .ctx = o, .read_file = overlay_read, .disk_fallback = true, .file_exists = overlay_exists};
}

static void file_free(void *p) {
  OverlayFile *f = p;
  if (f) {
    free(f->bytes);
    free(f);
  }
}

void overlay_free(Overlay *o) {
  strmap_free(&o->files, file_free);
  memset(o, 0, sizeof *o);
}

void overlay_set_owned(Overlay *o, const char *abs_path, char *bytes, size_t len) {
  OverlayFile *f = strmap_get(&o->files, abs_path);
  if (!f) {
    f = xcalloc(1, sizeof *f);
    strmap_put(&o->files, abs_path, f);
    o->n++;
  }
  free(f->bytes);
  f->bytes = bytes;
  f->len = len;
}

void overlay_set(Overlay *o, const char *abs_path, const char *bytes, size_t len) {
  char *copy = xmalloc(len + 1);
  memcpy(copy, bytes, len);
  copy[len] = '\0';
  overlay_set_owned(o, abs_path, copy, len);
}

/* StrMap has no deletion: a removed file keeps its key with a NULL value. */
void overlay_remove(Overlay *o, const char *abs_path) {
  OverlayFile *f = strmap_get(&o->files, abs_path);
  if (!f)
    return;
  file_free(f);
  strmap_put(&o->files, abs_path, NULL);
  o->n--;
}

const OverlayFile *overlay_get(const Overlay *o, const char *abs_path) {
  return strmap_get(&o->files, abs_path);
}

const ProjectFs *overlay_fs(Overlay *o) {
  return &o->fs;
}
