#include "parse/parser.h"

#include "core/timing.h"
#include "core/util.h"

#include <string.h>

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

static _Thread_local TSParser *thread_parsers[2];

bool lang_for_path(const char *path, Lang *out) {
  if (str_ends_with(path, ".d.ts") || str_ends_with(path, ".d.mts") ||
      str_ends_with(path, ".d.cts"))
    return false;
  if (str_ends_with(path, ".tsx")) {
    *out = LANG_TSX;
    return true;
  }
  if (str_ends_with(path, ".ts") || str_ends_with(path, ".mts") || str_ends_with(path, ".cts")) {
    *out = LANG_TS;
    return true;
  }
  return false;
}

TSTree *parse_source(const Source *src, Lang lang) {
  return parse_source_incremental(src, lang, NULL);
}

TSTree *parse_source_incremental(const Source *src, Lang lang, const TSTree *old) {
  TSParser **slot = &thread_parsers[lang];
  if (!*slot) {
    *slot = ts_parser_new();
    ts_parser_set_language(*slot, lang == LANG_TSX ? tree_sitter_tsx() : tree_sitter_typescript());
  }
  /* tree-sitter's error recovery can run for minutes on a few hundred
   * bytes (tests/fuzz/regressions/lint_ts): a parse gets a budget far above
   * what any real file needs (4 MiB parse in about a second). */
  ts_parser_set_timeout_micros(*slot, PARSE_BUDGET_MICROS + (uint64_t)src->len * 2);
  timing_enter(TIMING_PARSE);
  TSTree *tree = ts_parser_parse_string(*slot, old, src->bytes, src->len);
  timing_leave();
  if (!tree)
    ts_parser_reset(*slot);
  return tree;
}

/* Follows the first child holding an error down to an ERROR or MISSING node
 * (or the deepest node holding one), with a cursor: no recursion, however
 * deep the nesting. */
bool parse_first_error(TSTree *tree, uint32_t *byte) {
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root))
    return false;
  TSTreeCursor cur = ts_tree_cursor_new(root);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    *byte = ts_node_start_byte(n);
    if (ts_node_is_missing(n) || strcmp(ts_node_type(n), "ERROR") == 0)
      break;
    bool found = false;
    if (ts_tree_cursor_goto_first_child(&cur)) {
      do
        found = ts_node_has_error(ts_tree_cursor_current_node(&cur));
      while (!found && ts_tree_cursor_goto_next_sibling(&cur));
    }
    if (!found)
      break;
  }
  ts_tree_cursor_delete(&cur);
  return true;
}

void parse_thread_cleanup(void) {
  for (int i = 0; i < 2; i++) {
    if (thread_parsers[i])
      ts_parser_delete(thread_parsers[i]);
    thread_parsers[i] = NULL;
  }
}
