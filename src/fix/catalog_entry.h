#ifndef RTLINT_FIX_CATALOG_ENTRY_H
#define RTLINT_FIX_CATALOG_ENTRY_H
/* A new entry of the project's own UNIFIED_EVENTS or UNIFIED_CHANNELS, or a
 * new pattern of its isValidChannelName, written into its standards module
 * (the file rtlint learned the catalog from): the edits a suggestion adds for
 * an event or a channel the catalog lacks. */
#include "core/diag.h"
#include "resolve/value.h"

#include <stdbool.h>

/* Where an entry goes: after the list's last member, in its indentation and
 * quotes, each new line ending in a comma so that entries added by several
 * findings at one point stay valid in any number. */
typedef struct CatalogSlot {
  const Module *m;   /* the standards module */
  uint32_t comma_at; /* the last entry's end, when it lacks a comma */
  bool needs_comma;
  uint32_t at; /* the end of the last entry's line */
  char indent[33];
  char quote;          /* the last entry's string quote; '\0' when its value is no string */
  char param_type[33]; /* ": string", how the object's functions type a parameter, or "" */
} CatalogSlot;

/* The slot in `object` (UNIFIED_EVENTS, UNIFIED_CHANNELS) of the module r's
 * project learned its catalog from, after its last entry, a `KEY: value`
 * pair whose value is a `value_type` node ("string", "arrow_function");
 * false when there is none (the built-in catalog), the module cannot be read
 * or parsed, the object is not a literal whose last member is such an entry
 * on a line of its own, its key is computed, or the type annotation its
 * functions give a parameter is longer than param_type holds. The module is
 * recorded in r->deps: an entry's bytes depend on it. */
bool catalog_slot(Resolver *r, const char *object, const char *value_type, CatalogSlot *out);

/* The slot after the last regex of the module's isValidChannelName pattern
 * list (standards/learn.h), on a line of its own; false as catalog_slot. */
bool catalog_patterns_slot(Resolver *r, CatalogSlot *out);

/* Adds to d's fix the edits that write `TEXT,` on a new line of the slot.
 * `exclusive`: as one replacement that overlaps any other line's, so that
 * of two different lines one goes in per pass (the next pass sees it and
 * judges again: two entries of one key never both go in); identical lines
 * still go in once. */
void catalog_add_line(Diag *d, const CatalogSlot *slot, const char *text, bool exclusive);

/* Adds to d's fix the edits that write `KEY: "value",` into the slot. */
void catalog_add_entry(Diag *d, const CatalogSlot *slot, const char *key, const char *value);

#endif
