#ifndef RTLINT_PARSE_AST_H
#define RTLINT_PARSE_AST_H
#include "core/source.h"
#include "core/util.h"

#include <stdbool.h>
#include <string.h>
#include <tree_sitter/api.h>

/* Node types and field names are compared by tree-sitter's ids, looked up
 * once per thread, string literal and grammar: string comparisons of
 * ts_node_type and the linear search of ts_node_child_by_field_name were a
 * fifth of rule time. The `"" T ""` makes the compiler reject anything but a
 * literal, whose address is what the cache is keyed by. */
#define node_is(n, type) node_is_literal((n), "" type "")
/* The first named child of n of that type, or a null node. */
#define node_child_of(n, type) node_child_of_literal((n), "" type "")
TSNode node_child_of_literal(TSNode n, const char *type);
#define node_field(n, field) node_field_literal((n), "" field "")
bool node_is_literal(TSNode n, const char *type);
TSNode node_field_literal(TSNode n, const char *field);
/* The index of n's type in types (string literals, as for node_is), or -1:
 * one symbol lookup for the whole list. */
int node_type_among(TSNode n, const char *const *types, size_t count);

static inline const char *node_text(const Source *src, TSNode n, uint32_t *len) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  *len = e - s;
  return src->bytes + s;
}

/* True when the node's source text is exactly s. */
bool node_text_eq(const Source *src, TSNode n, const char *s);
char *node_text_dup(const Source *src, TSNode n); /* caller frees */

/* Strips parentheses, `as` / `satisfies` / `<T>` assertions and `!`. */
TSNode node_unwrap(TSNode n);

/* Decodes a `string` node's value (escapes resolved) into out. Returns false
 * for other nodes. */
bool node_string_value(const Source *src, TSNode n, StrBuf *out);
/* s (n bytes of string or template literal text, without the quotes) with
 * its escape sequences decoded as JavaScript decodes them, appended to out. */
void js_unescape(const char *s, size_t n, StrBuf *out);

/* True when n (unwrapped) is a string literal whose value is want. */
bool node_string_is(const Source *src, TSNode n, const char *want);

/* For a call: the callee's final property name (`x.y.channel(...)` ->
 * "channel") or identifier; NULL/0 when the callee is something else. */
const char *call_callee_name(const Source *src, TSNode call, uint32_t *len);
/* For a call with a member callee: the object expression. */
TSNode call_callee_object(TSNode call);
TSNode call_argument(TSNode call, uint32_t index); /* named args, skipping comments */
uint32_t call_argument_count(TSNode call);

/* True when a property key (identifier, string or number) spells want. */
bool object_key_is(const Source *src, TSNode key, const char *want);

/* An object literal's property value by key (identifier, string or number
 * key); null node when absent. Shorthand `{ event }` returns the identifier. */
TSNode object_property(const Source *src, TSNode object, const char *key);
/* Calls visit with the key and value (what object_property gives: a pair's
 * value, the shorthand identifier, the method) of each member of an object
 * literal that has such a key (not a spread or a computed key), in order, in
 * one pass, each counted in ast_work(); stops when visit returns false. */
typedef bool (*MemberVisitor)(const char *key, TSNode value, void *data);
void object_each_member(const Source *src, TSNode object, MemberVisitor visit, void *data);

/* A block's statements without its comments: SIZE_MAX when more than max. */
size_t block_statements(TSNode block, TSNode *out, size_t max);

/* How many times `name` is written as an identifier in n (comments and
 * property names aside). */
size_t count_mentions(const Source *src, TSNode n, const char *name);

/* ts_node_parent(n), counted in ast_work(): tree-sitter (0.21 too) finds a parent
 * by descending from the root, and where a syntax error left the file's
 * statements in one flat list (a half-written file) the descent's first level
 * visits every statement before n's. The counter adds the most that level
 * visits, so a scaling test fails on a walk up that runs per node, finding or
 * call site of such a file. On those paths use scope_node_parent
 * (resolve/scope.h), which starts from the nearest indexed node. */
TSNode ast_parent(TSNode n);

/* A node's children in order, through a cursor: tree-sitter's
 * ts_node_child(n, i) and ts_node_named_child(n, i) walk from the first child
 * on every call, so a loop over a node's children by index is quadratic in
 * their number (the top-level statements of a large or minified file).
 *
 *   ChildIter it;
 *   for (TSNode c = child_iter_first(&it, parent, true); !ts_node_is_null(c);
 *        c = child_iter_next(&it))
 *     ...
 *   child_iter_done(&it);  (also after breaking out of the loop) */
typedef struct ChildIter {
  TSTreeCursor cur;
  bool named;  /* named children only */
  bool active; /* the cursor was created */
} ChildIter;
TSNode child_iter_first(ChildIter *it, TSNode parent, bool named);
TSNode child_iter_next(ChildIter *it);
void child_iter_done(ChildIter *it);

/* Tree work done since the process started: nodes visited by ast_walk,
 * scope-chain steps, statements checked by name lookup. RTLINT_STATS=1
 * prints it at exit, so tests tell a linear algorithm from a quadratic one
 * by counting instead of timing. */
void ast_work_add(uint64_t n);
uint64_t ast_work(void);

/* A per-file work budget, counted in the calling thread: nodes visited by
 * ast_walk and steps of name lookup (building a shared index is not charged,
 * since which thread builds it depends on timing). Counting operations rather
 * than time keeps the outcome a function of the input. Once spent, walks stop
 * and lookups find nothing; the engine then drops the file's findings and
 * reports it as skipped. limit 0 means no budget. */
void budget_start(uint64_t limit);
void budget_charge(uint64_t n);
bool budget_exceeded(void);
uint64_t budget_spent(void);
/* Pauses charging while a shared index is built (nests). */
void budget_pause(bool paused);
bool budget_paused(void);

/* Visits every node in document order; return false from fn to skip children. */
typedef bool (*NodeVisitor)(TSNode node, void *data);
void ast_walk(TSNode root, NodeVisitor fn, void *data);
/* Visits the named nodes in document order with their depth below root (root
 * at 0), entering a node's children only when the visitor returns true;
 * charged like ast_walk; false when the budget stopped it. */
typedef bool (*NamedVisitor)(TSNode node, uint32_t depth, void *data);
bool ast_walk_named(TSNode root, NamedVisitor fn, void *data);
/* The same over the subtree of root, a node at `depth` of a larger walk that
 * is split (resolve/facts.c): depths are the larger walk's, and an anonymous
 * root is entered without a visit, as that walk does. */
bool ast_walk_named_at(TSNode root, uint32_t depth, NamedVisitor fn, void *data);

/* True for arrow functions, function expressions/declarations, methods. */
bool node_is_function(TSNode n);

#endif
