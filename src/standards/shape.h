#ifndef RTLINT_STANDARDS_SHAPE_H
#define RTLINT_STANDARDS_SHAPE_H
/* Channel names as ':'-separated segments: a value's (made of pieces, some
 * unknown) and a catalog shape's ("org:{0}:conv:{1}"), and matching one
 * against the other. One splitter for the rules that judge a value and for
 * the fixes that rebuild it as a UNIFIED_CHANNELS call. */
#include "core/arena.h"
#include "core/util.h"

#include <stdbool.h>
#include <stddef.h>

/* A piece of a string value (resolve/value.h calls it ValPart): literal
 * text, or a hole whose value is unknown (`${convId}`). `expr` keeps the
 * source text of the expression a known piece came from (`${ORG}`), so a
 * fix can pass it as an argument. */
typedef struct ShapePiece {
  bool hole;
  const char *text; /* literal text, or the hole expression's source text */
  const char *expr; /* for literal text produced by `${expr}`: expr's source */
} ShapePiece;

#define SHAPE_MAX_SEGMENTS 12

/* One segment of a value. A constant whose text holds ':' is cut across
 * segments: its text is known, but no segment is "the constant". */
typedef struct ShapeSegment {
  StrBuf text;     /* the segment's text; a hole is "\x01" */
  int npieces;     /* pieces contributing to it */
  bool has_hole;   /* an unknown piece */
  bool has_expr;   /* a hole or a piece of a constant */
  const char *arg; /* the expression when the segment is exactly one hole or constant */
} ShapeSegment;

/* Splits pieces into segments (at most SHAPE_MAX_SEGMENTS); returns their
 * number, or -1 when there are more. shape_segments_free is due either way. */
int shape_split_value(const ShapePiece *pieces, size_t n, ShapeSegment *segs);
void shape_segments_free(ShapeSegment *segs);

/* One segment of a catalog shape: a keyword, or a parameter index. */
typedef struct ShapeKeyword {
  const char *kw;
  size_t kwlen;
  int param; /* -1 for keywords */
} ShapeKeyword;

/* Splits "org:{0}:conv:{1}"; returns the number of segments (at most
 * SHAPE_MAX_SEGMENTS). */
int shape_split_catalog(const char *shape, ShapeKeyword *out);

/* Whether the value is exactly the shape: keywords equal, each parameter one
 * whole segment. Fills args[i] with the source text to pass as parameter i:
 * the segment's expression, or its literal text quoted. */
bool shape_match(Arena *a, const ShapePiece *pieces, size_t n, const char *shape, const char **args,
                 size_t max_args);

#endif
