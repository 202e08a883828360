#include "fix/catalog_entry.h"

#include "core/util.h"
#include "parse/ast.h"
#include "standards/learn.h"

#include <string.h>

static bool blank(char c) {
  return c == ' ' || c == '\t';
}

/* The last member of an object or array literal, comments aside. */
static TSNode last_member(TSNode list) {
  TSNode null = {0};
  for (uint32_t i = ts_node_named_child_count(list); i-- > 0;) {
    TSNode c = ts_node_named_child(list, i);
    if (!node_is(c, "comment"))
      return c;
  }
  return null;
}

/* The type annotation (": string") of the first parameter of the object's
 * function entry nearest its end that has one; "" when none has (an untyped
 * module). False when it does not fit: an untyped parameter in a typed
 * module would not compile under `strict`. */
static bool param_type(const Source *src, TSNode object, char *out, size_t size) {
  out[0] = '\0';
  for (uint32_t i = ts_node_named_child_count(object); i-- > 0;) {
    TSNode fn = node_field(ts_node_named_child(object, i), "value");
    TSNode params = node_is(fn, "arrow_function") ? node_field(fn, "parameters") : (TSNode){0};
    if (ts_node_is_null(params) || ts_node_named_child_count(params) == 0)
      continue;
    TSNode type = node_field(ts_node_named_child(params, 0), "type");
    uint32_t len = 0;
    const char *t = ts_node_is_null(type) ? "" : node_text(src, type, &len);
    if (len >= size)
      return false;
    memcpy(out, t, len);
    out[len] = '\0';
    return true;
  }
  return true;
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

/* The slot after `last`, the list's last member, when it sits on a line of
 * its own. */
static bool fill_slot(const Module *m, TSNode last, CatalogSlot *out) {
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
  out->m = m;
  memcpy(out->indent, src->bytes + from, start - from);
  out->needs_comma = !comma;
  out->comma_at = end;
  out->at = line_end(src, end);
  return true;
}

/* An object entry `KEY: value` with a value of `value_type` comes last. */
static bool fill_object_slot(const Module *m, TSNode object, const char *value_type,
                             CatalogSlot *out) {
  TSNode last = last_member(object);
  TSNode key = node_field(last, "key"), value = node_field(last, "value");
  if (!node_is(last, "pair") || !node_is(key, "property_identifier") ||
      !node_is_literal(value, value_type) || !fill_slot(m, last, out))
    return false;
  out->quote = node_is(value, "string") ? m->src.bytes[ts_node_start_byte(value)] : '\0';
  return param_type(&m->src, object, out->param_type, sizeof out->param_type);
}

/* The standards module r's project learned its catalog from, held and
 * parsed without errors (released by the caller), or NULL. The module is
 * recorded in r->deps: an entry's bytes depend on it. */
static Module *standards_module(Resolver *r) {
  const char *path = r->proj->standards_path;
  Module *m = path ? project_module_source(r->proj, path) : NULL;
  if (!m || m->status != SOURCE_OK)
    return NULL;
  if (r->deps)
    resolve_deps_add_module(r->deps, m);
  project_hold(m);
  if (m->tree && !m->has_syntax_error)
    return m;
  project_release(m);
  return NULL;
}

bool catalog_slot(Resolver *r, const char *object, const char *value_type, CatalogSlot *out) {
  memset(out, 0, sizeof *out);
  Module *m = standards_module(r);
  if (!m)
    return false;
  TSNode o = std_find_object(&m->src, ts_tree_root_node(m->tree), object);
  bool ok = !ts_node_is_null(o) && fill_object_slot(m, o, value_type, out);
  project_release(m);
  return ok;
}

bool catalog_patterns_slot(Resolver *r, CatalogSlot *out) {
  memset(out, 0, sizeof *out);
  Module *m = standards_module(r);
  if (!m)
    return false;
  TSNode list = std_find_channel_patterns(&m->src, ts_tree_root_node(m->tree));
  bool ok = !ts_node_is_null(list) && fill_slot(m, last_member(list), out);
  project_release(m);
  return ok;
}

void catalog_add_line(Diag *d, const CatalogSlot *slot, const char *text, bool exclusive) {
  const Source *src = &slot->m->src;
  char *line = xasprintf("\n%s%s,", slot->indent, text);
  if (!exclusive) {
    if (slot->needs_comma)
      diag_add_edit_in(d, src, slot->comma_at, slot->comma_at, ",");
    diag_add_edit_in(d, src, slot->at, slot->at, line);
    free(line);
    return;
  }
  /* The last member's final byte through the line's end, written again with
   * the line after it: a replacement, which overlaps any other line's. */
  uint32_t from = slot->comma_at - 1;
  char *with = xasprintf("%c%s%.*s%s", src->bytes[from], slot->needs_comma ? "," : "",
                         (int)(slot->at - slot->comma_at), src->bytes + slot->comma_at, line);
  diag_add_edit_in(d, src, from, slot->at, with);
  free(with);
  free(line);
}

void catalog_add_entry(Diag *d, const CatalogSlot *slot, const char *key, const char *value) {
  char *text = xasprintf("%s: %c%s%c", key, slot->quote, value, slot->quote);
  catalog_add_line(d, slot, text, false);
  free(text);
}
