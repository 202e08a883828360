#include "fix/catalog_entry.h"

#include "core/util.h"
#include "parse/ast.h"
#include "standards/learn.h"

#include <string.h>

static bool blank(char c) {
  return c == ' ' || c == '\t';
}

/* The last entry of the object: a `KEY: value` pair (comments aside);
 * null when another kind of member (a spread, a method) comes last. */
static TSNode last_entry(TSNode object) {
  TSNode null = {0};
  for (uint32_t i = ts_node_named_child_count(object); i-- > 0;) {
    TSNode c = ts_node_named_child(object, i);
    if (node_is(c, "comment"))
      continue;
    return node_is(c, "pair") ? c : null;
  }
  return null;
}

/* Where the line holding byte `at` starts and ends. */
static uint32_t line_start(const Source *src, uint32_t at) {
  while (at > 0 && src->bytes[at - 1] != '\n')
    at--;
  return at;
}

static uint32_t line_end(const Source *src, uint32_t at) {
  while (at < src->len && src->bytes[at] != '\n' && src->bytes[at] != '\r')
    at++;
  return at;
}

/* What follows the entry on its line: a comma, then blanks or a line comment;
 * false when anything else does (another entry, a block comment). */
static bool rest_of_line(const Source *src, uint32_t from, bool *comma) {
  uint32_t end = line_end(src, from), i = from;
  while (i < end && blank(src->bytes[i]))
    i++;
  *comma = i < end && src->bytes[i] == ',';
  i += *comma;
  while (i < end && blank(src->bytes[i]))
    i++;
  return i == end || (i + 1 < end && src->bytes[i] == '/' && src->bytes[i + 1] == '/');
}

static bool fill_slot(const Module *m, TSNode object, CatalogSlot *out) {
  TSNode last = last_entry(object);
  TSNode key = node_field(last, "key");
  TSNode value = node_field(last, "value");
  if (ts_node_is_null(last) || !node_is(key, "property_identifier") || !node_is(value, "string"))
    return false;
  const Source *src = &m->src;
  uint32_t start = ts_node_start_byte(last), end = ts_node_end_byte(last);
  uint32_t from = line_start(src, start);
  if (start - from >= sizeof out->indent)
    return false;
  for (uint32_t i = from; i < start; i++)
    if (!blank(src->bytes[i]))
      return false; /* not on a line of its own */
  bool comma;
  if (!rest_of_line(src, end, &comma))
    return false;
  memset(out, 0, sizeof *out);
  out->m = m;
  memcpy(out->indent, src->bytes + from, start - from);
  out->quote = src->bytes[ts_node_start_byte(value)];
  out->needs_comma = !comma;
  out->comma_at = end;
  out->at = line_end(src, end);
  return true;
}

bool catalog_slot(Resolver *r, const char *object, CatalogSlot *out) {
  const char *path = r->proj->standards_path;
  Module *m = path ? project_module_source(r->proj, path) : NULL;
  if (!m || m->status != SOURCE_OK)
    return false;
  if (r->deps)
    resolve_deps_add_module(r->deps, m);
  project_hold(m);
  bool ok = m->tree && !m->has_syntax_error &&
            fill_slot(m, std_find_object(&m->src, ts_tree_root_node(m->tree), object), out);
  project_release(m);
  return ok;
}

void catalog_add_entry(Diag *d, const CatalogSlot *slot, const char *key, const char *value) {
  const Source *src = &slot->m->src;
  if (slot->needs_comma)
    diag_add_edit_in(d, src, slot->comma_at, slot->comma_at, ",");
  char *line = xasprintf("\n%s%s: %c%s%c,", slot->indent, key, slot->quote, value, slot->quote);
  diag_add_edit_in(d, src, slot->at, slot->at, line);
  free(line);
}
