#ifndef RTLINT_RESOLVE_NARROW_H
#define RTLINT_RESOLVE_NARROW_H
/* Which of a function's returns one call can reach: a `switch (p.kind)` or
 * an `if (p.kind === "x")` whose operand the call's arguments make known
 * takes only the matching branch. Everything not known keeps every branch, so
 * the returns kept always include those the call can reach. Internal to
 * src/resolve: the evaluator (value.c) says what an operand is known to be. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

typedef enum Tri { TRI_FALSE, TRI_TRUE, TRI_UNKNOWN } Tri;

#define NARROW_MAX_STRINGS 15

/* Every value an operand can take: strings, and undefined. */
typedef struct Known {
  const char *s[NARROW_MAX_STRINGS];
  uint32_t n;
  bool undef;
} Known;

typedef struct NarrowOracle {
  /* Fills *out and returns true when every value expr can take is known.
   * `any` false: only a literal or what the call's arguments say (a
   * parameter, a property of an object parameter) counts, so conditions the
   * call cannot decide cost no resolution. */
  bool (*operand)(void *ctx, TSNode expr, bool any, Known *out);
  void *ctx;
} NarrowOracle;

/* What a condition evaluates to: `===`, `!==`, `==`, `!=`, `!`, `&&`, `||`
 * and truthiness over known operands; TRI_UNKNOWN otherwise. */
Tri narrow_condition(const NarrowOracle *o, TSNode cond);

/* The expressions fn can return (as function_returns), leaving out those in
 * branches the oracle rules out and those after a statement that cannot
 * complete (a return, a throw, a branch that always returns). In document
 * order; *overflow is set when more than max are reachable. */
size_t narrow_returns(const NarrowOracle *o, TSNode fn, TSNode *out, size_t max, bool *overflow);

#endif
