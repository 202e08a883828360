/* Reads UNIFIED_CHANNELS and UNIFIED_EVENTS from the codebase's own standards
 * module, so the linter enforces what the code declares. */
#include "standards/learn.h"
#include "core/util.h"
#include "parse/ast.h"
#include "parse/parser.h"
#include "standards/standards.h"
#include "standards/validate.h"

#include <stdlib.h>

/* What top-level `name` is: a function declaration, or the value (unwrapped)
 * of its const, let or var declarator; null when the module declares no such
 * name at its top level. */
static TSNode toplevel_value(const Source *src, TSNode root, const char *name) {
  TSNode null = {0};
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(root, i);
    if (node_is(st, "export_statement"))
      st = node_field(st, "declaration");
    if (node_is(st, "function_declaration") && node_text_eq(src, node_field(st, "name"), name))
      return st;
    if (!node_is(st, "lexical_declaration") && !node_is(st, "variable_declaration"))
      continue;
    uint32_t dn = ts_node_named_child_count(st);
    for (uint32_t j = 0; j < dn; j++) {
      TSNode d = ts_node_named_child(st, j);
      if (node_is(d, "variable_declarator") && node_text_eq(src, node_field(d, "name"), name))
        return node_unwrap(node_field(d, "value"));
    }
  }
  return null;
}

TSNode std_find_object(const Source *src, TSNode root, const char *name) {
  TSNode v = toplevel_value(src, root, name), null = {0};
  return node_is(v, "object") ? v : null;
}

/* A top-level function named `name`: a declaration, or a const bound to an
 * arrow function or function expression. */
static TSNode find_function(const Source *src, TSNode root, const char *name) {
  TSNode v = toplevel_value(src, root, name), null = {0};
  return node_is(v, "function_declaration") || node_is(v, "arrow_function") ||
                 node_is(v, "function_expression")
             ? v
             : null;
}

/* An array literal of regex literals without flags (comments aside), at
 * least one. */
static bool regex_list(TSNode array) {
  uint32_t n = ts_node_named_child_count(array), regexes = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(array, i);
    if (node_is(c, "comment"))
      continue;
    if (!node_is(c, "regex") || !ts_node_is_null(node_field(c, "flags")))
      return false;
    regexes++;
  }
  return regexes > 0;
}

/* Deeper than any validator's nesting: the walk stays bounded. */
#define PATTERNS_MAX_DEPTH 16

static void find_regex_lists(TSNode n, int depth, TSNode *found, int *count) {
  if (depth > PATTERNS_MAX_DEPTH)
    return;
  if (node_is(n, "array") && regex_list(n)) {
    *found = n;
    ++*count;
    return;
  }
  for (uint32_t i = 0; i < ts_node_named_child_count(n); i++)
    find_regex_lists(ts_node_named_child(n, i), depth + 1, found, count);
}

TSNode std_find_channel_patterns(const Source *src, TSNode root) {
  TSNode null = {0}, found = {0};
  TSNode fn = find_function(src, root, "isValidChannelName");
  int count = 0;
  if (!ts_node_is_null(fn))
    find_regex_lists(node_field(fn, "body"), 0, &found, &count);
  return count == 1 ? found : null;
}

/* The org patterns of the module's own isValidChannelName, when it keeps them
 * as one list of regex literals: they replace the seed's, so a pattern the
 * project adds (or lacks) counts. Otherwise the seed's stay. */
static void learn_patterns(Standards *std, const Source *src, TSNode root) {
  TSNode array = std_find_channel_patterns(src, root);
  if (ts_node_is_null(array))
    return;
  uint32_t n = ts_node_named_child_count(array);
  char **patterns = xcalloc(n, sizeof *patterns);
  size_t np = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(array, i);
    if (node_is(c, "regex"))
      patterns[np++] = node_text_dup(src, node_field(c, "pattern"));
  }
  if (std_validators_replace_org(std, patterns, np)) {
    std->channel_patterns = patterns;
    std->nchannel_patterns = np;
    return;
  }
  for (size_t i = 0; i < np; i++)
    free(patterns[i]);
  free(patterns);
}

static int param_index(const Source *src, TSNode fn, TSNode id, char **params, size_t nparams) {
  (void)fn;
  for (size_t i = 0; i < nparams; i++)
    if (node_text_eq(src, id, params[i]))
      return (int)i;
  return -1;
}

/* A template like `org:${orgId}:conv:${convId}` as "org:{0}:conv:{1}". */
static char *shape_of(const Source *src, TSNode fn, TSNode body, char **params, size_t nparams) {
  body = node_unwrap(body);
  StrBuf sb = {0};
  if (node_is(body, "string")) {
    node_string_value(src, body, &sb);
    return sb_take(&sb);
  }
  if (!node_is(body, "template_string"))
    return NULL;
  uint32_t pos = ts_node_start_byte(body) + 1, end = ts_node_end_byte(body) - 1;
  uint32_t count = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_named_child(body, i);
    if (!node_is(c, "template_substitution"))
      continue;
    sb_append_n(&sb, src->bytes + pos, ts_node_start_byte(c) - pos);
    TSNode e = node_unwrap(ts_node_named_child(c, 0));
    int idx = node_is(e, "identifier") ? param_index(src, fn, e, params, nparams) : -1;
    if (idx < 0) {
      sb_free(&sb);
      return NULL;
    }
    sb_appendf(&sb, "{%d}", idx);
    pos = ts_node_end_byte(c);
  }
  sb_append_n(&sb, src->bytes + pos, end - pos);
  return sb_take(&sb);
}

/* Leaves *out zeroed or owning what it learned, whatever it returns, so the
 * caller can always free_channel() it. */
static bool learn_channel(const Source *src, TSNode pair, ChannelFn *out) {
  memset(out, 0, sizeof *out);
  TSNode key = node_field(pair, "key");
  TSNode fn = node_unwrap(node_field(pair, "value"));
  if (node_is(pair, "method_definition")) {
    key = node_field(pair, "name");
    fn = pair;
  }
  if (!node_is(fn, "arrow_function") && !node_is(fn, "function_expression") &&
      !node_is(fn, "method_definition"))
    return false;
  TSNode single = node_field(fn, "parameter");
  TSNode params = node_field(fn, "parameters");
  if (!ts_node_is_null(single)) {
    out->params = xcalloc(1, sizeof *out->params);
    out->params[out->nparams++] = node_text_dup(src, single);
  } else if (!ts_node_is_null(params)) {
    uint32_t pn = ts_node_named_child_count(params);
    out->params = xcalloc(pn + 1, sizeof *out->params);
    for (uint32_t i = 0; i < pn; i++) {
      TSNode p = ts_node_named_child(params, i);
      TSNode pat = node_field(p, "pattern");
      if (!ts_node_is_null(pat))
        out->params[out->nparams++] = node_text_dup(src, pat);
    }
  }
  TSNode body = node_field(fn, "body");
  if (node_is(body, "statement_block")) {
    TSNode ret = {0};
    uint32_t bn = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < bn; i++)
      if (node_is(ts_node_named_child(body, i), "return_statement"))
        ret = ts_node_named_child(ts_node_named_child(body, i), 0);
    body = ret;
  }
  out->shape = ts_node_is_null(body) ? NULL : shape_of(src, fn, body, out->params, out->nparams);
  out->name = node_text_dup(src, key);
  return out->shape != NULL;
}

static void free_channel(ChannelFn *c) {
  free(c->name);
  free(c->shape);
  for (size_t i = 0; i < c->nparams; i++)
    free(c->params[i]);
  free(c->params);
  /* The slot is reused by the next property, which may not be a function
   * (learn_channel then returns before filling it): nothing left to free twice. */
  memset(c, 0, sizeof *c);
}

static bool learn_from_source(Standards *std, Source *src, const char *path, const char *display,
                              char **err);

bool std_learn_from_file(Standards *std, const char *path, const char *display, char **err) {
  Source src;
  *err = NULL;
  char *detail = NULL;
  if (src_load(&src, path, display, &detail) != SOURCE_OK) {
    *err = xasprintf("%s: %s", display, detail);
    free(detail);
    return false;
  }
  return learn_from_source(std, &src, path, display, err);
}

bool std_learn_from_memory(Standards *std, const char *bytes, size_t len, const char *path,
                           const char *display, char **err) {
  Source src;
  *err = NULL;
  char *detail = NULL;
  if (src_from_memory(&src, bytes, len, display, &detail) != SOURCE_OK) {
    *err = xasprintf("%s: %s", display, detail);
    free(detail);
    return false;
  }
  return learn_from_source(std, &src, path, display, err);
}

/* Frees src. */
static bool learn_from_source(Standards *std, Source *src, const char *path, const char *display,
                              char **err) {
  Lang lang = LANG_TS;
  lang_for_path(path, &lang);
  TSTree *tree = parse_source(src, lang);
  if (!tree) {
    *err = xasprintf("%s: parsing took more than %d s", display, PARSE_BUDGET_SECONDS);
    src_free(src);
    return false;
  }
  TSNode root = ts_tree_root_node(tree);
  TSNode channels = std_find_object(src, root, "UNIFIED_CHANNELS");
  TSNode events = std_find_object(src, root, "UNIFIED_EVENTS");
  bool ok = !ts_node_is_null(channels) || !ts_node_is_null(events);
  if (!ok)
    *err = xasprintf("%s: defines neither UNIFIED_CHANNELS nor UNIFIED_EVENTS", display);
  if (!ts_node_is_null(channels)) {
    uint32_t n = ts_node_named_child_count(channels);
    ChannelFn *fns = xcalloc(n + 1, sizeof *fns);
    size_t nfns = 0;
    for (uint32_t i = 0; i < n; i++) {
      TSNode pair = ts_node_named_child(channels, i);
      if (!node_is(pair, "pair") && !node_is(pair, "method_definition"))
        continue;
      if (learn_channel(src, pair, &fns[nfns]))
        nfns++;
      else
        free_channel(&fns[nfns]);
    }
    std_free_channels(std);
    std->channels = fns;
    std->nchannels = nfns;
  }
  if (!ts_node_is_null(events)) {
    uint32_t n = ts_node_named_child_count(events);
    EventDef *evs = xcalloc(n + 1, sizeof *evs);
    size_t nevs = 0;
    for (uint32_t i = 0; i < n; i++) {
      TSNode pair = ts_node_named_child(events, i);
      TSNode v = node_unwrap(node_field(pair, "value"));
      if (!node_is(pair, "pair") || !node_is(v, "string"))
        continue;
      StrBuf sb = {0};
      node_string_value(src, v, &sb);
      evs[nevs].key = node_text_dup(src, node_field(pair, "key"));
      evs[nevs].value = sb_take(&sb);
      nevs++;
    }
    std_free_events(std);
    std->events = evs;
    std->nevents = nevs;
  }
  if (ok)
    learn_patterns(std, src, root);
  if (ok) {
    free(std->source);
    std->source = xstrdup(display);
    std->learned = true;
  }
  ts_tree_delete(tree);
  src_free(src);
  return ok;
}
