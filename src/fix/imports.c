#include "fix/imports.h"

void fix_require_standard_import(Diag *d, Project *p, const Module *m, const char *name) {
  (void)d;
  (void)p;
  (void)m;
  (void)name;
}
