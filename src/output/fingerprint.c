#include "output/fingerprint.h"

#include "core/util.h"
#include "rules/registry.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void fingerprint_init(Fingerprinter *fp) {
  memset(fp, 0, sizeof *fp);
}

void fingerprint_free(Fingerprinter *fp) {
  free(fp->keys);
  free(fp->counts);
  memset(fp, 0, sizeof *fp);
}

char *fingerprint_normalize(const char *text, size_t len) {
  char *out = xmalloc(len + 1);
  size_t n = 0;
  bool pending_space = false;
  for (size_t i = 0; i < len; i++) {
    if (is_space(text[i])) {
      pending_space = n > 0;
      continue;
    }
    if (pending_space)
      out[n++] = ' ';
    pending_space = false;
    out[n++] = text[i];
  }
  out[n] = '\0';
  return out;
}

uint64_t fingerprint_hash(const char *rule, const char *path, const char *text, size_t len) {
  char *norm = fingerprint_normalize(text, len);
  /* Fields are separated by a NUL so ("ab", "c") and ("a", "bc") differ. */
  uint64_t h = hash_fnv1a(rule, strlen(rule) + 1, HASH_FNV_SEED);
  h = hash_fnv1a(path, strlen(path) + 1, h);
  h = hash_fnv1a(norm, strlen(norm), h);
  free(norm);
  return h;
}

static void rehash(Fingerprinter *fp) {
  size_t old_cap = fp->cap;
  uint64_t *old_keys = fp->keys;
  uint32_t *old_counts = fp->counts;
  fp->cap = old_cap ? old_cap * 2 : 64;
  fp->keys = xcalloc(fp->cap, sizeof *fp->keys);
  fp->counts = xcalloc(fp->cap, sizeof *fp->counts);
  for (size_t i = 0; i < old_cap; i++) {
    if (!old_keys[i])
      continue;
    size_t j = old_keys[i] & (fp->cap - 1);
    while (fp->keys[j])
      j = (j + 1) & (fp->cap - 1);
    fp->keys[j] = old_keys[i];
    fp->counts[j] = old_counts[i];
  }
  free(old_keys);
  free(old_counts);
}

/* Increments and returns the number of times key was seen. */
static uint32_t bump(Fingerprinter *fp, uint64_t key) {
  if (!key)
    key = 1; /* 0 marks empty slots */
  if ((fp->n + 1) * 2 > fp->cap)
    rehash(fp);
  size_t j = key & (fp->cap - 1);
  while (fp->keys[j] && fp->keys[j] != key)
    j = (j + 1) & (fp->cap - 1);
  if (!fp->keys[j]) {
    fp->keys[j] = key;
    fp->n++;
  }
  return ++fp->counts[j];
}

const char *fingerprint_next(Fingerprinter *fp, const char *rule, const char *path,
                             const char *text, size_t len, char out[FINGERPRINT_SIZE]) {
  uint64_t h = fingerprint_hash(rule, path, text, len);
  uint32_t occurrence = bump(fp, h);
  snprintf(out, FINGERPRINT_SIZE, "%016" PRIx64 ":%" PRIu32, h, occurrence);
  return out;
}

const char *fingerprint_diag(Fingerprinter *fp, const Diag *d, char out[FINGERPRINT_SIZE]) {
  const char *text = d->src->bytes + d->start;
  size_t len = d->end - d->start;
  if (len == 0) {
    uint32_t line_len;
    text = src_line(d->src, src_pos(d->src, d->start).line, &line_len);
    len = line_len;
  }
  return fingerprint_next(fp, d->rule->id, d->src->path, text, len, out);
}
