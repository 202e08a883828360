#ifndef RTLINT_PARSE_PARSER_H
#define RTLINT_PARSE_PARSER_H
#include "core/source.h"

#include <stdbool.h>
#include <tree_sitter/api.h>

typedef enum Lang { LANG_TS, LANG_TSX } Lang;

/* Picks the grammar by extension (.ts .mts .cts -> TS, .tsx -> TSX). Returns
 * false for other files and for declaration files (.d.ts). */
bool lang_for_path(const char *path, Lang *out);

/* Parses src with a parser owned by the calling thread. NULL when the parse
 * ran out of its budget: 10 s plus 2 us per byte (the fuzzing build gives 1 s,
 * below libFuzzer's timeout, so that it fuzzes what happens next). */
#ifndef PARSE_BUDGET_MICROS
#define PARSE_BUDGET_MICROS 10000000u
#endif
#define PARSE_BUDGET_SECONDS ((int)(PARSE_BUDGET_MICROS / 1000000u))
TSTree *parse_source(const Source *src, Lang lang);
/* The same, reusing old (not NULL: a tree of an earlier text of the file,
 * brought up to date with ts_tree_edit): tree-sitter re-parses only what the
 * edits touched. The result is the tree a fresh parse gives. */
TSTree *parse_source_incremental(const Source *src, Lang lang, const TSTree *old);

/* First ERROR or MISSING node in the tree, if any: the position to report. */
bool parse_first_error(TSTree *tree, uint32_t *byte);

/* Frees the calling thread's parsers (call before a worker thread exits). */
void parse_thread_cleanup(void);

#endif
