#ifndef RTLINT_DISCOVER_WALK_H
#define RTLINT_DISCOVER_WALK_H
#include "discover/dir_index.h"
#include "discover/discover.h"
#include "discover/ignore.h"

#include <stdbool.h>

/* Adds the TS/TSX files under dir to out (in no particular order), skipping
 * node_modules, .git, .rtlint-cache and, when rules is set, what ignore says
 * (ignore holds the rules in force at dir, whose path relative to the work
 * tree is rel). Subdirectories are read on several threads: reading
 * thousands of directories was half of a warm run; with an index (NULL:
 * none), unchanged directories are not read at all. Takes ownership of
 * ignore. */
void walk_tree(const char *dir, const char *rel, Ignore *ignore, bool rules, DirIndex *index,
               FileList *out);

#endif
