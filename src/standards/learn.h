#ifndef RTLINT_STANDARDS_LEARN_H
#define RTLINT_STANDARDS_LEARN_H
/* How a standards module is read (learn.c), for the fixes that edit it. */
#include "core/source.h"

#include <tree_sitter/api.h>

/* The object literal bound to `name` at the top level of a standards module
 * (through `export`, `as const` and `satisfies`), or a null node. */
TSNode std_find_object(const Source *src, TSNode root, const char *name);

/* The list of regex literals (no flags) in the module's top-level
 * isValidChannelName, its org patterns, when the function holds exactly one
 * such list; a null node otherwise. */
TSNode std_find_channel_patterns(const Source *src, TSNode root);

#endif
