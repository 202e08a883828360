#ifndef RTLINT_RESOLVE_OVERLAY_H
#define RTLINT_RESOLVE_OVERLAY_H
/* Files whose text comes from memory instead of the disk: the buffer piped
 * to `check --stdin-filename`, the documents open in an editor (`rtlint
 * lsp`). Through overlay_fs a Project reads them as if they were on disk
 * (in place of what the disk holds there, or where there is no file yet);
 * every other file is read from the disk. Not thread-safe for writers: set
 * and remove only while no lint reads it. */
#include "core/strmap.h"
#include "resolve/project.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct OverlayFile {
  char *bytes; /* NUL-terminated */
  size_t len;
  /* The tree of an earlier text, edited to match this one (ProjectFs
   * edited_tree), or NULL; owned. Dropped when the text is replaced. */
  TSTree *tree;
} OverlayFile;

typedef struct Overlay {
  StrMap files; /* absolute normalized path -> OverlayFile */
  ProjectFs fs;
} Overlay;

void overlay_init(Overlay *o);
void overlay_free(Overlay *o);
/* Copies len bytes as the text of abs_path (absolute, normalized). */
void overlay_set(Overlay *o, const char *abs_path, const char *bytes, size_t len);
void overlay_remove(Overlay *o, const char *abs_path);
/* Replaces bytes [start, end) of abs_path's text with text[0, len): its tree,
 * if any, is edited to match (points in bytes, as tree-sitter counts). */
void overlay_edit(Overlay *o, const char *abs_path, uint32_t start, uint32_t end, const char *text,
                  size_t len);
/* Keeps a copy of tree (parsed from abs_path's current text) for the next
 * incremental parse. */
void overlay_keep_tree(Overlay *o, const char *abs_path, const TSTree *tree);
const OverlayFile *overlay_get(const Overlay *o, const char *abs_path);
/* The hooks a Project reads through (valid while o lives). */
const ProjectFs *overlay_fs(Overlay *o);

#endif
