#ifndef RTLINT_FIX_IMPORTS_H
#define RTLINT_FIX_IMPORTS_H
#include "core/diag.h"
#include "resolve/project.h"

/* Adds to d's fix the edit that makes `name` (UNIFIED_EVENTS or
 * UNIFIED_CHANNELS) available in m: nothing when m already binds it; else an
 * extension of an existing import from the standards module; else a new
 * import after the file's last import, following the file's quote and
 * semicolon style and the import path its neighbours use. */
void fix_require_standard_import(Diag *d, Project *p, const Module *m, const char *name);

#endif
