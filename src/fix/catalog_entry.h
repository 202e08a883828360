#ifndef RTLINT_FIX_CATALOG_ENTRY_H
#define RTLINT_FIX_CATALOG_ENTRY_H
/* A new entry of the project's own UNIFIED_EVENTS, written into its standards
 * module (the file rtlint learned the catalog from): the edits a suggestion
 * adds for an event the catalog lacks. */
#include "core/diag.h"
#include "resolve/value.h"

#include <stdbool.h>

/* Where an entry goes: after the object's last entry, in its indentation and
 * quotes, each new line ending in a comma so that entries added by several
 * findings at one point stay valid in any number. */
typedef struct CatalogSlot {
  const Module *m;   /* the standards module */
  uint32_t comma_at; /* the last entry's end, when it lacks a comma */
  bool needs_comma;
  uint32_t at; /* the end of the last entry's line */
  char indent[33];
  char quote;
} CatalogSlot;

/* The slot in `object` (UNIFIED_EVENTS) of the module r's project learned its
 * catalog from; false when there is none (the built-in catalog), the module
 * cannot be read or parsed, the object is not a literal with an entry on a
 * line of its own, or a key is computed. The module is recorded in r->deps:
 * an entry's bytes depend on it. */
bool catalog_slot(Resolver *r, const char *object, CatalogSlot *out);

/* Adds to d's fix the edits that write `KEY: "value",` into the slot. */
void catalog_add_entry(Diag *d, const CatalogSlot *slot, const char *key, const char *value);

#endif
