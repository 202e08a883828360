#ifndef RTLINT_CORE_EMBEDDED_H
#define RTLINT_CORE_EMBEDDED_H
#include <stddef.h>

/* Data files compiled into the binary (see cmake/embed.cmake). */
typedef struct EmbeddedFile {
  const char *path; /* relative to the repository root, e.g. "rules/standards.json" */
  const char *data; /* NUL-terminated */
  size_t len;
} EmbeddedFile;

extern const EmbeddedFile embedded_files[];

/* Returns the file's bytes, or NULL when no such file was embedded. */
const EmbeddedFile *embedded_find(const char *path);

#endif
