/* Replays inputs through a harness without libFuzzer: every file named, and
 * every file in each folder named (a missing folder holds no inputs). Exits
 * non-zero only by crashing, as the fuzzer would; the sanitized build
 * (make check-asan) turns memory errors into crashes. */
#include "fuzz_common.h"

#include "core/util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t replayed;

static void replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  size_t cap = 4096, len = 0;
  uint8_t *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap)
      buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  if (!buf) {
    perror("replay");
    exit(2);
  }
  /* An exact-size copy, as libFuzzer passes: reading past it is caught. */
  uint8_t *exact = malloc(len ? len : 1);
  memcpy(exact, buf, len);
  free(buf);
  LLVMFuzzerTestOneInput(exact, len);
  free(exact);
  replayed++;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0)
      continue;
    if (!S_ISDIR(st.st_mode)) {
      replay_file(argv[i]);
      continue;
    }
    struct dirent **names;
    int n = scandir(argv[i], &names, NULL, by_name);
    for (int k = 0; k < n; k++) {
      if (names[k]->d_name[0] != '.') {
        char *path = xasprintf("%s/%s", argv[i], names[k]->d_name);
        replay_file(path);
        free(path);
      }
      free(names[k]);
    }
    free(names);
  }
  printf("replayed %zu inputs\n", replayed);
  return 0;
}
