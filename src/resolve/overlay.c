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

static const TSTree *overlay_tree(void *ctx, const char *abs_path) {
  const OverlayFile *f = overlay_get(ctx, abs_path);
  return f ? f->tree : NULL;
}

void overlay_init(Overlay *o) {
  memset(o, 0, sizeof *o);
  o->fs = (ProjectFs){.ctx = o,
                      .read_file = overlay_read,
                      .disk_fallback = true,
                      .file_exists = overlay_exists,
                      .edited_tree = overlay_tree};
}

static void drop_tree(OverlayFile *f) {
  if (f->tree)
    ts_tree_delete(f->tree);
  f->tree = NULL;
}

static void file_free(void *p) {
  OverlayFile *f = p;
  if (f) {
    drop_tree(f);
    free(f->bytes);
    free(f);
  }
}

void overlay_free(Overlay *o) {
  strmap_free(&o->files, file_free);
  memset(o, 0, sizeof *o);
}

/* Takes ownership of bytes (malloc'd, with a NUL at bytes[len]). */
static void set_owned(Overlay *o, const char *abs_path, char *bytes, size_t len) {
  OverlayFile *f = strmap_get(&o->files, abs_path);
  if (!f) {
    f = xcalloc(1, sizeof *f);
    strmap_put(&o->files, abs_path, f);
  }
  drop_tree(f);
  free(f->bytes);
  f->bytes = bytes;
  f->len = len;
}

/* Row and byte column of offset off in text. */
static TSPoint point_at(const char *text, uint32_t off) {
  uint32_t row = 0, line_start = 0;
  for (uint32_t i = 0; i < off; i++)
    if (text[i] == '\n') {
      row++;
      line_start = i + 1;
    }
  return (TSPoint){row, off - line_start};
}

void overlay_edit(Overlay *o, const char *abs_path, uint32_t start, uint32_t end, const char *text,
                  size_t len) {
  OverlayFile *f = strmap_get(&o->files, abs_path);
  if (!f || start > end || end > f->len)
    return;
  size_t new_len = f->len - (end - start) + len;
  char *bytes = xmalloc(new_len + 1);
  memcpy(bytes, f->bytes, start);
  memcpy(bytes + start, text, len);
  memcpy(bytes + start + len, f->bytes + end, f->len - end);
  bytes[new_len] = '\0';
  if (f->tree) {
    TSInputEdit e = {.start_byte = start,
                     .old_end_byte = end,
                     .new_end_byte = start + (uint32_t)len,
                     .start_point = point_at(f->bytes, start),
                     .old_end_point = point_at(f->bytes, end)};
    TSPoint in_new = point_at(text, (uint32_t)len);
    e.new_end_point = in_new.row
                          ? (TSPoint){e.start_point.row + in_new.row, in_new.column}
                          : (TSPoint){e.start_point.row, e.start_point.column + in_new.column};
    ts_tree_edit(f->tree, &e);
  }
  free(f->bytes);
  f->bytes = bytes;
  f->len = new_len;
}

void overlay_keep_tree(Overlay *o, const char *abs_path, const TSTree *tree) {
  OverlayFile *f = strmap_get(&o->files, abs_path);
  if (!f)
    return;
  drop_tree(f);
  f->tree = tree ? ts_tree_copy(tree) : NULL;
}

void overlay_set(Overlay *o, const char *abs_path, const char *bytes, size_t len) {
  char *copy = xmalloc(len + 1);
  memcpy(copy, bytes, len);
  copy[len] = '\0';
  set_owned(o, abs_path, copy, len);
}

/* StrMap has no deletion: a removed file keeps its key with a NULL value. */
void overlay_remove(Overlay *o, const char *abs_path) {
  OverlayFile *f = strmap_get(&o->files, abs_path);
  if (!f)
    return;
  file_free(f);
  strmap_put(&o->files, abs_path, NULL);
}

const OverlayFile *overlay_get(const Overlay *o, const char *abs_path) {
  return strmap_get(&o->files, abs_path);
}

const ProjectFs *overlay_fs(Overlay *o) {
  return &o->fs;
}
