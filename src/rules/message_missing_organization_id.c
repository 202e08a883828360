/* message-missing-organization-id: `.from('messages').insert(X)` /
 * `.upsert(X)` with an object literal lacking `organization_id` (standards:
 * Identified production issues 3, "All message operations MUST include
 * organization_id for RLS"). */
#include "core/strmap.h"
#include "parse/ast.h"
#include "resolve/scope.h"
#include "rules/ctx.h"
#include "rules/message_org_fix.h"

#include <stdlib.h>

static const char *const needles[] = {".insert(", ".upsert(", NULL};

static bool is_quote(char c) {
  return c == '"' || c == '\'' || c == '`';
}

/* Only writes to `.from(T)` with T "messages" are checked: when every
 * `.from(` of the file takes a plain string literal naming another table
 * (most inserts of an app), there is nothing to parse for. Anything else
 * (an identifier, a template with holes, an escape) may mean "messages". */
static bool may_fire(const char *bytes) {
  static const char from[] = ".from(";
  for (const char *p = bytes; (p = strstr(p, from)); p += sizeof from - 1) {
    const char *a = p + sizeof from - 1;
    while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
      a++;
    if (!is_quote(*a))
      return true;
    const char *end = strchr(a + 1, *a);
    if (!end)
      return true;
    size_t len = (size_t)(end - a - 1);
    if (memchr(a + 1, '\\', len) || memchr(a + 1, '$', len) ||
        (len == 8 && memcmp(a + 1, "messages", 8) == 0))
      return true;
  }
  return false;
}

static bool callee_named(const Source *src, TSNode call, const char *name) {
  uint32_t len;
  const char *t = call_callee_name(src, call, &len);
  return t && mem_eq_str(t, len, name);
}

/* `X.from(T)` where T resolves to "messages" in every alternative. */
static bool is_messages_table(RuleCtx *ctx, TSNode recv) {
  recv = node_unwrap(recv);
  if (!node_is(recv, "call_expression") || !callee_named(&ctx->mod->src, recv, "from") ||
      !node_is(node_unwrap(node_field(recv, "function")), "member_expression"))
    return false;
  Value v = rule_resolve(ctx, call_argument(recv, 0));
  if (v.nalts == 0 || v.has_unknown)
    return false;
  for (uint32_t i = 0; i < v.nalts; i++) {
    const char *lit = val_alt_literal(ctx->arena, &v.alts[i]);
    if (!lit || strcmp(lit, "messages") != 0)
      return false;
  }
  return true;
}

typedef enum KeyState { KEY_MISSING, KEY_PRESENT, KEY_UNKNOWN } KeyState;

/* Whether the object sets organization_id; *camel counts its camelCase
 * organizationId keys (the last one in *camel_key: a pair's key or a
 * shorthand property). A spread or computed key makes it unknown. */
static KeyState object_org_key(const Source *src, TSNode obj, int *camel, TSNode *camel_key) {
  *camel = 0;
  KeyState st = KEY_MISSING;
  uint32_t n = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(obj, i);
    TSNode key = {0};
    if (node_is(c, "pair"))
      key = node_field(c, "key");
    else if (node_is(c, "shorthand_property_identifier"))
      key = c;
    else if (node_is(c, "spread_element"))
      return KEY_UNKNOWN;
    else if (node_is(c, "method_definition"))
      key = node_field(c, "name");
    else
      continue;
    if (node_is(key, "computed_property_name"))
      return KEY_UNKNOWN;
    bool shorthand = node_is(key, "shorthand_property_identifier");
    if (shorthand ? node_text_eq(src, key, "organization_id")
                  : object_key_is(src, key, "organization_id")) {
      st = KEY_PRESENT;
    } else if (shorthand ? node_text_eq(src, key, "organizationId")
                         : object_key_is(src, key, "organizationId")) {
      /* A method `organizationId() {}` is no column value to keep. */
      if (!node_is(c, "method_definition"))
        *camel_key = key;
      (*camel)++;
    }
  }
  return st;
}

static void check_object(RuleCtx *ctx, TSNode obj, const char *method) {
  int camel;
  TSNode camel_key = {0};
  if (object_org_key(&ctx->mod->src, obj, &camel, &camel_key) != KEY_MISSING)
    return;
  uint32_t start = ts_node_start_byte(obj), end = ts_node_end_byte(obj);
  if (camel) {
    Diag *d = rule_report(ctx, start, end, "rename the key: `organization_id: organizationId`",
                          "row written to \"messages\" with .%s() has `organizationId` but no "
                          "`organization_id`: the camelCase key does not set the column RLS checks",
                          method);
    /* Two camelCase keys would become two organization_id keys. */
    if (camel == 1 && !ts_node_is_null(camel_key))
      message_org_rename(ctx, d, obj, camel_key);
  } else {
    Diag *d =
        rule_report(ctx, start, end, "add `organization_id: <the organization id>`",
                    "row written to \"messages\" with .%s() has no `organization_id`; row-level "
                    "security rejects it",
                    method);
    message_org_suggest(ctx, d, obj);
  }
}

/* The names the file adds properties to, collected in one walk the first
 * time a written value is a name: walking the whole file for each write made
 * a file of many writes quadratic. */
typedef struct Mutations {
  const Source *src;
  StrMap names;
  bool collected;
} Mutations;

static void add_mutated(Mutations *mu, TSNode n) {
  char *name = node_text_dup(mu->src, n);
  strmap_put(&mu->names, name, (void *)1);
  free(name);
}

/* `name.x = ...`, `name["x"] = ...` or `Object.assign(name, ...)`. */
static bool collect_mutation(TSNode n, void *data) {
  Mutations *mu = data;
  if (node_is(n, "assignment_expression") || node_is(n, "augmented_assignment_expression")) {
    TSNode left = node_unwrap(node_field(n, "left"));
    if (node_is(left, "member_expression") || node_is(left, "subscript_expression"))
      add_mutated(mu, node_unwrap(node_field(left, "object")));
  } else if (node_is(n, "call_expression")) {
    TSNode fn = node_unwrap(node_field(n, "function"));
    TSNode first = node_unwrap(call_argument(n, 0));
    if (node_text_eq(mu->src, fn, "Object.assign") && !ts_node_is_null(first))
      add_mutated(mu, first);
  }
  return true;
}

static bool is_mutated(const Module *m, Mutations *mu, const char *name) {
  if (!mu->collected) {
    mu->src = &m->src;
    ast_walk(ts_tree_root_node(m->tree), collect_mutation, mu);
    mu->collected = true;
  }
  return strmap_get(&mu->names, name) != NULL;
}

/* The written value: a literal, or a const bound to one that the file never
 * adds properties to. */
static TSNode written_value(const Module *m, Mutations *mu, TSNode arg) {
  TSNode null = {0};
  arg = node_unwrap(arg);
  if (node_is(arg, "identifier")) {
    char *name = node_text_dup(&m->src, arg);
    Binding b = scope_lookup(m, arg, name);
    bool mutated = b.kind == BIND_VALUE && is_mutated(m, mu, name);
    free(name);
    if (b.kind != BIND_VALUE || mutated)
      return null;
    arg = node_unwrap(b.node);
  }
  return arg;
}

static void check_call(RuleCtx *ctx, Mutations *mu, TSNode call) {
  const Source *src = &ctx->mod->src;
  const char *method = callee_named(src, call, "insert")   ? "insert"
                       : callee_named(src, call, "upsert") ? "upsert"
                                                           : NULL;
  if (!method || !is_messages_table(ctx, call_callee_object(call)))
    return;
  TSNode v = written_value(ctx->mod, mu, call_argument(call, 0));
  if (node_is(v, "object")) {
    check_object(ctx, v, method);
  } else if (node_is(v, "array")) {
    uint32_t n = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < n; i++) {
      TSNode el = node_unwrap(ts_node_named_child(v, i));
      if (node_is(el, "object"))
        check_object(ctx, el, method);
    }
  }
}

static void check(RuleCtx *ctx) {
  Mutations mu = {0};
  for (size_t i = 0; i < ctx->facts->ncalls; i++)
    check_call(ctx, &mu, ctx->facts->calls[i]);
  strmap_free(&mu.names, NULL);
}

const RuleMeta rule_message_missing_organization_id = {
    .id = "message-missing-organization-id",
    .phase = PHASE_ALL,
    .default_severity = SEV_ERROR,
    .fixable = FIX_SAFE,
    .summary = "A row written to the `messages` table without `organization_id`, which row-level "
               "security requires.",
    .needles = needles,
    .may_fire = may_fire,
    .check = check,
};
