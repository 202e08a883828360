#include "rules/channel_org_prop.h"

#include "parse/ast.h"
#include "resolve/scope.h"
#include "resolve/value.h"

#include <string.h>

static const char *const org_prop_names[] = {"organizationId", "orgId", "organization_id",
                                             "org_id"};

/* The first parameter's pattern and type annotation, when it is a typed
 * object pattern. */
static bool typed_object_param(TSNode fn, TSNode *pattern, TSNode *type) {
  TSNode params = node_field(fn, "parameters");
  if (ts_node_is_null(params))
    return false;
  TSNode first = {0};
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n && ts_node_is_null(first); i++) {
    TSNode p = ts_node_named_child(params, i);
    if (!node_is(p, "comment"))
      first = p;
  }
  if (ts_node_is_null(first) || !node_is(first, "required_parameter"))
    return false;
  *pattern = node_field(first, "pattern");
  *type = node_field(first, "type");
  return !ts_node_is_null(*pattern) && node_is(*pattern, "object_pattern") &&
         !ts_node_is_null(*type);
}

/* A required `name: string` member of the object type. */
static bool required_string_member(const Module *m, TSNode obj, const char *name) {
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(obj, i);
    if (!node_is(p, "property_signature") || !node_text_eq(&m->src, node_field(p, "name"), name))
      continue;
    uint32_t len;
    const char *text = node_text(&m->src, p, &len);
    TSNode type = node_field(p, "type");
    if (ts_node_is_null(type) || memchr(text, '?', len))
      return false;
    return node_text_eq(&m->src, ts_node_named_child(type, 0), "string");
  }
  return false;
}

bool channel_name_written_in(const Module *m, TSNode n, const char *name) {
  if (ts_node_is_null(n))
    return false;
  uint32_t len;
  const char *text = node_text(&m->src, n, &len);
  size_t nl = strlen(name);
  for (const char *p = text; p + nl <= text + len; p++) {
    if (memcmp(p, name, nl) != 0)
      continue;
    bool left = p == text || !(p[-1] == '_' || p[-1] == '$' || (p[-1] >= '0' && p[-1] <= '9') ||
                               ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z'));
    char r = p + nl < text + len ? p[nl] : ' ';
    bool right =
        !(r == '_' || r == '$' || (r >= '0' && r <= '9') || ((r | 32) >= 'a' && (r | 32) <= 'z'));
    if (left && right)
      return true;
  }
  return false;
}

bool channel_org_prop(const Module *m, uint32_t start, uint32_t end, OrgProp *out) {
  if (!m->tree)
    return false;
  TSNode at = scope_node_for_range(m, start, end);
  for (TSNode fn = at; !ts_node_is_null(fn); fn = scope_node_parent(m, fn)) {
    TSNode pattern, type;
    if (!node_is_function(fn) || !typed_object_param(fn, &pattern, &type))
      continue;
    TSNode obj = value_object_type_of(m, type);
    if (ts_node_is_null(obj) || !ts_node_is_null(node_child_of(pattern, "rest_pattern")))
      return false;
    for (size_t i = 0; i < sizeof org_prop_names / sizeof *org_prop_names; i++) {
      const char *name = org_prop_names[i];
      if (!required_string_member(m, obj, name))
        continue;
      /* The type annotation names it (that is why it is here); the pattern
       * and the body must not. */
      if (channel_name_written_in(m, pattern, name) ||
          channel_name_written_in(m, node_field(fn, "body"), name))
        return false;
      /* After the pattern's last element: `{ a, b = 1 }` -> `{ a, b = 1, name }`. */
      uint32_t n = ts_node_named_child_count(pattern), last = 0;
      for (uint32_t k = 0; k < n; k++) {
        TSNode el = ts_node_named_child(pattern, k);
        if (!node_is(el, "comment"))
          last = ts_node_end_byte(el);
      }
      out->name = name;
      out->function = fn;
      out->insert_at = last ? last : ts_node_start_byte(pattern) + 1;
      static const char *const with_comma[] = {", organizationId", ", orgId", ", organization_id",
                                               ", org_id"};
      out->insert = last ? with_comma[i] : name;
      return true;
    }
    return false;
  }
  return false;
}
