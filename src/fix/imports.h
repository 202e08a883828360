#ifndef RTLINT_FIX_IMPORTS_H
#define RTLINT_FIX_IMPORTS_H
#include "core/diag.h"
#include "resolve/project.h"

/* Adds to d's fix the edit that makes `name` (UNIFIED_EVENTS or
 * UNIFIED_CHANNELS) available in m (d's file or another one: the edit says
 * which, core/diag.h): nothing when m already binds it; else an
 * extension of an existing import from the standards module; else a new
 * import after the file's last import, following the file's quote and
 * semicolon style and the import path its neighbours use. */
void fix_require_standard_import(Diag *d, Project *p, const Module *m, const char *name);
/* Between begin and end (on one thread, while the modules passed are held:
 * one file's rules), fix_require_standard_import works each module's edit
 * out once. */
void fix_import_memo_begin(void);
void fix_import_memo_end(void);
/* The relative import specifier ("./x", "../../lib/x") that file `from`
 * writes for the first to_len bytes of path `to` (its extension left out by
 * the caller). Both absolute. Caller frees. */
char *fix_relative_spec(const char *from, const char *to, size_t to_len);

/* Adds to d's fix the edit that makes `name` available in m as a named
 * import from `spec` (a specifier the caller has resolved from m, e.g.
 * "@/contexts/OrganizationRealtimeProvider"): nothing when m already imports
 * it from there; false, and nothing added, when m binds the name otherwise;
 * else an extension of an existing import of spec, or a new import after the
 * file's last import in the file's quote and semicolon style. */
bool fix_require_named_import(Diag *d, Project *p, const Module *m, const char *name,
                              const char *spec);

#endif
