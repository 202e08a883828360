/* The stamp-file readers of the cache directory: the file index
 * (src/engine/file_index.c) and the directory index
 * (src/discover/dir_index.c). The first byte's low bit picks which; the rest
 * is the file, written where the reader looks for it. */
#include "fuzz_common.h"

#include "core/util.h"
#include "discover/dir_index.h"
#include "engine/file_index.h"

#include <stdlib.h>
#include <string.h>

#define FILE_INDEX_KEY 0x1234u
#define WALK_ROOT "/fuzz-root-that-does-not-exist"

static char *file_index_path, *dir_index_path;

static void init(void) {
  FileIndex fx;
  file_index_load(&fx, fuzz_tmpdir(), FILE_INDEX_KEY);
  file_index_path = xstrdup(fx.path);
  file_index_free(&fx);
  DirIndex dx;
  dir_index_load(&dx, fuzz_tmpdir(), WALK_ROOT);
  dir_index_path = xstrdup(dx.file);
  dir_index_free(&dx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!file_index_path)
    init();
  if (size == 0)
    return 0;
  if (data[0] & 1) {
    fuzz_write(dir_index_path, data + 1, size - 1);
    DirIndex ix;
    dir_index_load(&ix, fuzz_tmpdir(), WALK_ROOT);
    FileStamp zero;
    memset(&zero, 0, sizeof zero);
    const DirListing *l = dir_index_lookup(&ix, WALK_ROOT, &zero);
    if (l)
      dir_index_reused(&ix, l);
    dir_index_free(&ix);
  } else {
    fuzz_write(file_index_path, data + 1, size - 1);
    FileIndex ix;
    file_index_load(&ix, fuzz_tmpdir(), FILE_INDEX_KEY);
    file_index_unchanged(&ix, "/fuzz/a.ts", WALK_ROOT);
    file_index_free(&ix);
  }
  return 0;
}
